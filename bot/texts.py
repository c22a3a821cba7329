"""Every user-facing string Mend sends, in one place, so tone and language live together.

Messages are HTML (parse mode ``HTML``). Anything a user wrote must pass through
:func:`escape` before it is put into one of these strings.
"""

from html import escape as _html_escape


def escape(user_text: str) -> str:
    """Make user-written text safe to embed in an HTML message."""
    return _html_escape(user_text, quote=False)


# --- Times, days, pauses (used by bot.domain.schedule) -------------------------------------

BAD_TIME = (
    "I couldn't read “{given}” as a time. Try one of these: <code>21:00</code>, "
    "<code>21.00</code>, <code>2100</code>, <code>9pm</code> or <code>9:30 am</code>."
)
BAD_DAYS = (
    "I couldn't read “{given}” as days. Try <code>daily</code>, <code>weekdays</code>, "
    "<code>weekends</code>, <code>mon-fri</code> or <code>mon,wed,fri</code>."
)
BAD_PAUSE = (
    "I couldn't read “{given}” as a pause. Try <code>/pause 3d</code>, <code>/pause 1w</code>, "
    "<code>/pause 12h</code> or <code>/pause until 2026-12-01</code>."
)
PAUSE_TOO_LONG = "A pause can last up to {max_days} days. You can always pause again later."
PAUSE_IN_PAST = (
    "That date has already passed. Pick a day in the future, "
    "like <code>/pause until {example}</code>."
)


# --- Start, help, privacy --------------------------------------------------------------------

WELCOME = (
    "Hello {name}. I'm Mend.\n"
    "I help two partners rebuild trust with a small daily practice: a short check-in and a "
    "moment of gratitude, at times you choose.\n"
    "Your answers stay yours. Nothing reaches your partner unless you decide to send it, and "
    "check-in answers are shown to each other only once you have both answered.\n"
    "I'm not therapy, just a steady habit to keep between you."
)
ASK_TIMEZONE = (
    "First, which timezone are you in? Send <code>/timezone</code> with your city or zone, "
    "for example <code>/timezone Berlin</code> or <code>/timezone America/New_York</code>."
)
START_NEXT = (
    "Next steps: <code>/pair</code> to invite your partner, "
    "<code>/remind checkin 21:00</code> to choose when I ask, and <code>/help</code> for the rest."
)
NEED_START = "We haven't met yet. Send /start and I'll explain how this works."
NEED_TIMEZONE = (
    "I need your timezone before I can do that, so I ask at your own times. "
    "Try <code>/timezone Berlin</code> or <code>/timezone America/New_York</code>."
)
HELP = (
    "<b>What I can do</b>\n"
    "/start: how Mend works\n"
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
    "/export: a file of everything you wrote, and what was shared with you\n"
    "/delete: erase everything you wrote (you'll be asked to confirm)\n"
    "/privacy: what is stored and who sees what\n"
    "/help: this list\n\n"
    "To answer a prompt, reply to it or just send your next message."
)
COMMANDS: tuple[tuple[str, str], ...] = (
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
PRIVACY = (
    "<b>Privacy, plainly</b>\n\n"
    "<b>What I store</b>\n"
    "Your first name, timezone and reminder times; the prompts I sent you and your answers; "
    "your appreciations; your disclosure agreement and what you disclose under it; your "
    "promises, wins, repair plan steps and private journal. Everything you write is encrypted "
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
UNKNOWN_COMMAND = "I don't know that command. /help lists everything I can do."
UNSUPPORTED_CONTENT = (
    "I can only read text messages, so I couldn't use that. Please type your answer instead."
)
GROUPS_NOT_SUPPORTED = (
    "I only work in private chats, so that what you write stays between you and me. "
    "Message me directly to start. I haven't stored anything from this group."
)
SOMETHING_WRONG = (
    "Something went wrong on my side. Nothing you sent was shared. Please try again in a moment."
)
STALE_BUTTON = "That button isn't active any more. /help shows what you can do now."

# --- Timezone --------------------------------------------------------------------------------

TIMEZONE_USAGE = (
    "Tell me your city or timezone, for example <code>/timezone Berlin</code>, "
    "<code>/timezone new york</code> or <code>/timezone Europe/Lisbon</code>."
)
TIMEZONE_UNKNOWN = (
    "I couldn't find a timezone for “{given}”. Try a nearby big city, or a zone name like "
    "<code>Europe/Berlin</code>."
)
TIMEZONE_TOO_MANY = (
    "“{given}” matches many timezones. Could you be more specific, for example with a city?"
)
TIMEZONE_PICK = "A few timezones match. Which one is yours?"
TIMEZONE_SET = "Your timezone is now {zone}. It's {time} there."
TIMEZONE_NEXT = "Now choose when I ask, for example <code>/remind checkin 21:00</code>."

# --- Pairing ---------------------------------------------------------------------------------

INVITE = (
    "Here is your invite. Send this link to your partner:\n{link}\n\n"
    "Or they can send me <code>/start {code}</code>.\n"
    "It works once, for 48 hours. Making a new one cancels this one."
)
INVITE_PREVIEW = (
    "{name} has invited you to pair on Mend.\n"
    "Once paired, you each answer your own check-ins. You'll see each other's answers only "
    "after you've both answered, and nothing else is shared unless its author sends it.\n"
    "Either of you can unpair at any time."
)
BUTTON_PAIR = "Pair with {name}"
BUTTON_NOT_NOW = "Not now"
PAIR_DECLINED = "All right, nothing has changed. The invite stays valid until it expires."
PAIRED = "You're paired with {name}."
INVITE_UNKNOWN = (
    "I don't recognise that invite code. Check it was copied in full, or ask your partner "
    "to send a new one with /pair."
)
INVITE_OWN = "That's your own invite. Send the link to your partner so they can join."
INVITE_USED = "That invite has already been used. Ask your partner for a new one with /pair."
INVITE_REPLACED = "That invite was replaced by a newer one. Ask your partner for the latest link."
INVITE_EXPIRED = "That invite has expired (they last 48 hours). Ask for a new one with /pair."
ALREADY_PAIRED = "You're already paired with {name}. To pair with someone else, /unpair first."
INVITER_PAIRED = "{name} is already paired, so this invite can't be used."
NOT_PAIRED = "You're not paired with anyone right now. /pair makes an invite."
UNPAIR_CONFIRM = (
    "End your pairing with {name}? They'll get a short notice that it ended, nothing more. "
    "Your own entries stay yours, and anything not yet delivered between you is dropped."
)
BUTTON_UNPAIR = "Yes, end the pairing"
BUTTON_KEEP_PAIRED = "No, keep it"
KEPT_PAIRED = "Nothing has changed. You're still paired."
UNPAIRED = "The pairing has ended. Your own entries are still yours. /pair makes a new invite."
PARTNER_UNPAIRED = "Your pairing on Mend has ended. Your own entries are still yours."
YOUR_PARTNER = "Your partner"
PARTNER_UNREACHABLE = (
    "{name} can't be reached right now (they may have stopped or blocked the bot), so what "
    "you sent wasn't delivered. It is still saved on your side."
)

# --- Reminders -------------------------------------------------------------------------------

REMIND_USAGE = (
    "Tell me what and when, for example:\n"
    "<code>/remind checkin 21:00</code>\n"
    "<code>/remind gratitude 8:30 weekdays</code>\n"
    "<code>/remind checkin 9pm mon,wed,fri</code>\n"
    "<code>/remind disclosure 20:00</code>\n"
    "<code>/remind review sun 19:00</code>\n"
    "<code>/remind gratitude off</code>"
)
REMIND_BAD_KIND = (
    "I can remind you about <code>checkin</code>, <code>gratitude</code>, "
    "<code>disclosure</code> or <code>review</code>, not “{given}”. "
    "For example <code>/remind checkin 21:00</code>."
)
REMINDER_SET = "Your {kind} reminder is set for {time}, {days}. Next: {next}."
REMINDER_OFF = "Your {kind} reminder is off. Set it again any time with /remind."
REMINDER_WAS_OFF = "You had no {kind} reminder, so nothing changed."
REMINDERS_HEADER = "<b>Your reminders</b>"
REMINDER_LINE = "• {kind}: {time}, {days}. Next: {next}"
REMINDERS_FOOTER = "Change one with /remind, for example <code>/remind checkin 20:30</code>."
REMINDERS_PAUSED = "Prompts are paused for now. /resume starts them again."
NO_REMINDERS = (
    "You have no reminders yet. Try <code>/remind checkin 21:00</code> or "
    "<code>/remind gratitude 8:30</code>."
)

# --- Pause -----------------------------------------------------------------------------------

PAUSE_USAGE = (
    "How long should I pause? For example <code>/pause 3d</code>, <code>/pause 1w</code> or "
    "<code>/pause until 2026-12-01</code>."
)
PAUSED = "Prompts are paused until {when}. /resume starts them sooner."
RESUMED = "Prompts are back on. The next one comes at your usual time."
NOT_PAUSED = "Prompts weren't paused, so nothing changed."

# --- Prompts and answers ---------------------------------------------------------------------

CHECKIN_TITLE = "Check-in"
GRATITUDE_TITLE = "Gratitude"
PROMPT_GONE = "(This question is no longer in the library.)"
SCALE_HINT = "Tap a number from 1 to 10."
TEXT_HINT = "Reply with a few words."
CHECKIN_PRIVATE_UNTIL = "{name} sees your answer only once they've answered too."
CHECKIN_PRIVATE_SOLO = "Your answer stays with you."
GRATITUDE_HINT = "Write it in your own words. You'll see it again before anything is sent."
BUTTON_SNOOZE = "Remind me in 1 h"
BUTTON_SKIP = "Skip today"
BUTTON_NO_NOTE = "No note"
YOU_ANSWERED = "Your answer: {answer}"
NOTE_INVITE = "If you like, send a short note to go with it. Or tap No note."
NOTE_WAITING = "Your number is saved. Send a short note to go with it, or tap No note."
CHECKIN_SAVED_SOLO = "Saved. It stays with you."
CHECKIN_SAVED_WAITING = "Saved. You'll see each other's answers once {name} has answered today."
CHECKIN_SAVED_REVEALING = "Saved. You've both answered, so here are your answers."
PARTNER_CHECKED_IN = (
    "{name} has checked in today. Their answer stays hidden until you've answered too. "
    "/checkin whenever you're ready."
)
REVEAL_TITLE = "You've both checked in"
YOU = "You"
ALREADY_CHECKED_IN = "You've already checked in today: {answer}. See you tomorrow."
CHECKIN_DAY_PASSED = "That check-in was for an earlier day. /checkin opens today's."
PROMPT_EXPIRED = "That prompt has expired. /gratitude opens a fresh one."
NOTHING_OPEN = (
    "I'm not waiting for an answer right now. /checkin or /gratitude start one, "
    "and /help lists everything else."
)
EMPTY_ANSWER = "That message looks empty. Type a few words, or tap a button on the prompt."
USE_BUTTONS = "For this one, please tap one of the buttons on the question."
ALREADY_ANSWERED = "You've already answered that one."
ALREADY_SKIPPED = "You've skipped that one for today. /checkin brings today's back."
TOO_LONG = (
    "That's {length} characters, and I can keep up to {limit} here. Could you shorten it and "
    "send it again? Nothing has been saved or sent yet."
)
SNOOZED = "I'll ask again at {time}."
SKIPPED = "Skipped for today. No need to explain."

# --- Gratitude -------------------------------------------------------------------------------

GRATITUDE_PREVIEW = "You wrote:\n<i>{text}</i>"
GRATITUDE_ASK_SEND = "Send it to {name}, or keep it private?"
GRATITUDE_KEPT_UNPAIRED = "Kept for you. Once you're paired (/pair), you can choose to send these."
BUTTON_SEND_TO = "Send to {name}"
BUTTON_KEEP_PRIVATE = "Keep private"
GRATITUDE_SENT = "Sent to {name}."
GRATITUDE_KEPT = "Kept private. Only you can see it."
GRATITUDE_ALREADY_SENT = "That one has already been sent."
GRATITUDE_NOT_PAIRED = "You're not paired right now, so there's no one to send it to. It's kept."
GRATITUDE_RELAY = "<b>A note of thanks from {name}</b>\n\n{text}"

# --- The disclosure agreement ----------------------------------------------------------------

AGREEMENT_NOT_PAIRED = (
    "A disclosure agreement is made between two partners, and you're not paired right now. "
    "/pair makes an invite."
)
# Shared with repair (BUTTON_DECLINE) and disclosure (TOPIC_GONE) until they move.
BUTTON_DECLINE = "Decline"
TOPIC_GONE = "That topic is no longer part of your agreement."


BUTTON_NEWER = "« Newer"
BUTTON_OLDER = "Older »"

# --- The weekly review, export and delete ------------------------------------------------------

REVIEW_DEFAULT_SET = (
    "Your weekly review comes on Sundays at {time}: a look back at your week together. "
    "<code>/remind review off</code> stops it."
)

# (end of the weekly review, export and delete section)

# --- Shared by promises, wins, timeouts and the repair plan ------------------------------------

TOGETHER_NOT_PAIRED = (
    "That's something for the two of you, and you're not paired right now. /pair makes an "
    "invite. Your private /journal works on your own."
)
