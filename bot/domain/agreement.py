"""The rules of a disclosure agreement: periods, reviews, the undo window, the /ask limit."""

from datetime import timedelta

# How long a topic is agreed for, in days, with its plain name. One month is the default.
PERIODS: dict[int, str] = {14: "2 weeks", 30: "1 month", 90: "3 months"}
DEFAULT_PERIOD = 30
# After its review date a topic stays in force only if both renew within this window.
RENEW_WINDOW = timedelta(days=3)
# After Send, a disclosure waits this long (with an Undo button) before it goes out.
UNDO_WINDOW = timedelta(seconds=30)
# /ask: at most once in this long, so it cannot be used to chase.
ASK_INTERVAL = timedelta(hours=24)
# A button that asks for words ("write it now") waits this long for them.
WRITING_WINDOW = timedelta(hours=1)

MAX_TOPIC_CHARS = 120
MAX_DISCLOSURE_CHARS = 2000
MAX_NOTE_CHARS = 300

# Acknowledgements a partner can give a disclosure, by their code in callback data.
ACKS = ("thanks", "talk", "time")

# Topic states in which the topic is part of the agreement (in force, or about to be).
LIVE = ("proposed", "agreed", "active")


def period_name(days: int) -> str:
    return PERIODS.get(days, f"{days} days")
