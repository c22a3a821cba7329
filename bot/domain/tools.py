"""Rules for promises, wins, timeouts, the repair plan and the journal: limits and parsing."""

MAX_JOURNAL_CHARS = 3000
MAX_STEP_CHARS = 300
MAX_STEPS = 20
