"""What /help and /privacy say, and the commands menu Telegram shows."""

HELP = (
    "<b>What I can do</b>\n"
    "/start: how Mend works\n"
    "/settings: timezone, reminders, pause, quiet hours and the rest, all by buttons\n"
    "/timezone Berlin: set your timezone (city or zone name)\n"
    "/pair: make a one-time invite link for your partner\n"
    "/unpair: end the pairing (you can always do this alone)\n"
    "/remind checkin 21:00: when to ask your check-in (add days: <code>mon-fri</code>, "
    "<code>weekends</code>, <code>daily</code>)\n"
    "/remind gratitude 8:30: when to ask for gratitude; "
    "<code>/remind gratitude off</code> stops it\n"
    "/remind disclosure 20:00: a daily “anything to share?” under your agreement\n"
    "/reminders: your times and when each comes next\n"
    "/checkin: today's check-in, right now\n"
    "/gratitude: write an appreciation, right now\n"
    "/agreement: your disclosure agreement; propose, accept or withdraw topics\n"
    "/disclose: share something under the agreement (words or a voice note)\n"
    "/disclosures: the log of what you've both shared\n"
    "/ask: gently ask your partner whether there's anything to share (once a day)\n"
    "/talk: find a time to talk with your partner\n"
    "/promise call if I'm late by 18:00: a promise your partner is told about; you're both "
    "asked later whether it was kept\n"
    "/promises: open promises and how many were kept\n"
    "/win we laughed at dinner: a moment worth remembering, sent when you choose\n"
    "/wins: your wins together (<code>/wins threshold 3</code>: when one is offered back)\n"
    "/timeout 20: ask for a calm pause in a hard conversation (5 to 120 minutes)\n"
    "/repair: your repair plan for hard moments (<code>/repair add ...</code> to change it)\n"
    "/journal a private note: for you alone, never sent (<code>/journal list</code>)\n"
    "/pause 3d: no prompts for a while (<code>1w</code>, <code>until 2026-12-01</code>)\n"
    "/resume: prompts start again\n"
    "/review: a look back at your week together, with a chart (<code>/review 4w</code> for "
    "four weeks)\n"
    "/remind review sun 19:00: when your weekly review comes "
    "(<code>/remind review off</code> stops it)\n"
    "/remind monthly off: no monthly reflection (once a month, on the day of the month you "
    "paired, at your check-in time; <code>/remind monthly on</code> brings it back)\n"
    "/export: a file of everything you wrote, and what was shared with you\n"
    "/delete: erase everything you wrote (you'll be asked to confirm)\n"
    "/support: where to find support on a hard day, and helplines\n"
    "/privacy: what is stored and who sees what\n"
    "/help: this list\n\n"
    "To answer a prompt, reply to it or just send your next message."
)
PRIVACY = (
    "<b>Privacy, plainly</b>\n\n"
    "<b>What I store</b>\n"
    "Your first name, timezone and reminder times; the prompts I sent you and your answers; "
    "your appreciations; your disclosure agreement and what you disclose under it; your "
    "promises, wins, repair plan steps and private journal; your answers to what your partner "
    "shared; words you send when no question is open, for an hour, in case you keep them in "
    "your journal. Everything you write is encrypted "
    "in my database, and I never log it.\n\n"
    "<b>Who sees what</b>\n"
    "Your partner sees a check-in answer only after you have both answered that day; an "
    "appreciation, a disclosure or a win only if you press Send (a disclosure after its "
    "30-second Undo); your promises, the repair plan you share, and that you asked for a "
    "timeout. Your weekly review shows counts and check-in scores you have both already seen. "
    "Your journal, your drafts, what you keep private, and your answer to the private question "
    "before an agreement starts are never shown to anyone. I never read, track or forward "
    "anything on my own.\n\n"
    "<b>What I can't promise</b>\n"
    "Telegram bots are not end-to-end encrypted. Whoever runs this bot could technically read "
    "messages sent to it.\n\n"
    "<b>Your data, your choice</b>\n"
    "/export sends you a file of everything you wrote and everything your partner chose to "
    "share with you.\n"
    "/delete erases everything you wrote and ends the pairing; your partner is told only that "
    "it ended. What they already received stays in their chat, and their own entries stay "
    "theirs.\n"
    "/unpair ends the pairing at any time, without your partner's consent."
)

COMMANDS: tuple[tuple[str, str], ...] = (  # the menu: (command, description)
    ("checkin", "Today's check-in"),
    ("gratitude", "Write an appreciation"),
    ("agreement", "Your disclosure agreement"),
    ("disclose", "Share something under the agreement"),
    ("disclosures", "What you've both shared"),
    ("ask", "Ask gently for an update (once a day)"),
    ("promise", "Make a promise: /promise call by 18:00"),
    ("promises", "Promises and how many were kept"),
    ("win", "Remember a win: /win we laughed"),
    ("wins", "Your wins together"),
    ("timeout", "A calm pause: /timeout 20"),
    ("repair", "Your repair plan"),
    ("journal", "A private note, for you alone"),
    ("settings", "Timezone, reminders, quiet hours and more"),
    ("reminders", "Your reminder times"),
    ("remind", "Set a reminder: /remind checkin 21:00"),
    ("timezone", "Set your timezone: /timezone Berlin"),
    ("pair", "Invite your partner"),
    ("unpair", "End the pairing"),
    ("pause", "Pause prompts: /pause 3d"),
    ("resume", "Resume prompts"),
    ("review", "Your week together, with a chart"),
    ("export", "Download your data"),
    ("delete", "Erase your data"),
    ("privacy", "What is stored and who sees what"),
    ("help", "Every command with an example"),
    ("start", "How Mend works"),
)
