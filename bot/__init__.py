"""Mend: a Telegram bot for two partners rebuilding trust after a betrayal."""

import os

# Opt in to python-telegram-bot's durations as timedelta (RetryAfter.retry_after and friends);
# without it PTB 22 warns on every 429. Set before ``telegram`` is first imported.
os.environ.setdefault("PTB_TIMEDELTA", "true")
