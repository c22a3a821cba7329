"""The rules of disclosing: the undo window, the /ask limit, the writing window.

The agreement's own rules (periods, reviews, topic length) are in bot/features/agreement.
"""

from datetime import timedelta

# After Send, a disclosure waits this long (with an Undo button) before it goes out.
UNDO_WINDOW = timedelta(seconds=30)
# /ask: at most once in this long, so it cannot be used to chase.
ASK_INTERVAL = timedelta(hours=24)
# A button that asks for words ("write it now") waits this long for them.
WRITING_WINDOW = timedelta(hours=1)

MAX_DISCLOSURE_CHARS = 2000
MAX_NOTE_CHARS = 300

# Acknowledgements a partner can give a disclosure, by their code in callback data.
ACKS = ("thanks", "talk", "time")
