"""The rules of a disclosure agreement: periods, reviews, the writing window."""

from datetime import timedelta

# How long a topic is agreed for, in days, with its plain name. One month is the default.
PERIODS: dict[int, str] = {14: "2 weeks", 30: "1 month", 90: "3 months"}
DEFAULT_PERIOD = 30
# After its review date a topic stays in force only if both renew within this window.
RENEW_WINDOW = timedelta(days=3)
# A button that asks for words ("write it now") waits this long for them.
WRITING_WINDOW = timedelta(hours=1)

MAX_TOPIC_CHARS = 120

# Topic states in which the topic is part of the agreement (in force, or about to be).
LIVE = ("proposed", "agreed", "active")


def period_name(days: int) -> str:
    return PERIODS.get(days, f"{days} days")
