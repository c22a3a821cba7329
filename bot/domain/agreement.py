"""The one rule disclosing and the agreement share: how long a button waits for words."""

from datetime import timedelta

# A button that asks for words ("write it now") waits this long for them.
WRITING_WINDOW = timedelta(hours=1)
