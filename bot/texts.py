"""Every user-facing string Mend sends, in one place, so tone and language live together.

Messages are HTML (parse mode ``HTML``). Anything a user wrote must pass through
:func:`escape` before it is put into one of these strings.
"""

from html import escape as _html_escape

from bot.kernel.i18n import N_


def escape(user_text: str) -> str:
    """Make user-written text safe to embed in an HTML message."""
    return _html_escape(user_text, quote=False)


# --- Times, days, pauses (used by bot.domain.schedule) -------------------------------------

BAD_TIME = N_(
    "I couldn't read “{given}” as a time. Try one of these: <code>21:00</code>, "
    "<code>21.00</code>, <code>2100</code>, <code>9pm</code> or <code>9:30 am</code>."
)
BAD_DAYS = N_(
    "I couldn't read “{given}” as days. Try <code>daily</code>, <code>weekdays</code>, "
    "<code>weekends</code>, <code>mon-fri</code> or <code>mon,wed,fri</code>."
)
BAD_PAUSE = N_(
    "I couldn't read “{given}” as a pause. Try <code>/pause 3d</code>, <code>/pause 1w</code>, "
    "<code>/pause 12h</code> or <code>/pause until 2026-12-01</code>."
)
PAUSE_TOO_LONG = N_("A pause can last up to {max_days} days. You can always pause again later.")
PAUSE_IN_PAST = N_(
    "That date has already passed. Pick a day in the future, "
    "like <code>/pause until {example}</code>."
)


# --- Shared by every feature -----------------------------------------------------------------

NEED_START = N_("We haven't met yet. Send /start and I'll explain how this works.")
NEED_TIMEZONE = N_(
    "I need your timezone before I can do that, so I ask at your own times. "
    "Try <code>/timezone Berlin</code> or <code>/timezone America/New_York</code>."
)
UNKNOWN_COMMAND = N_("I don't know that command. /help lists everything I can do.")
DID_YOU_MEAN = N_("I don't know that command. Did you mean /{command}? Tap it to go there.")
BUTTON_GO_TO_COMMAND = N_("Go to /{command}")
UNSUPPORTED_CONTENT = N_(
    "I can only read text messages, so I couldn't use that. Please type your answer instead."
)
GROUPS_NOT_SUPPORTED = N_(
    "I only work in private chats, so that what you write stays between you and me. "
    "Message me directly to start. I haven't stored anything from this group."
)
SOMETHING_WRONG = N_(
    "Something went wrong on my side. Nothing you sent was shared. Please try again in a moment."
)
SAVED_THEN_WRONG = N_(
    "What you did was saved, but something went wrong on my side while answering. "
    "There's no need to do it again."
)
STALE_BUTTON = N_("That button isn't active any more. /help shows what you can do now.")


# --- Partners --------------------------------------------------------------------------------

YOUR_PARTNER = N_("Your partner")
PARTNER_UNREACHABLE = N_(
    "{name} can't be reached right now (they may have stopped or blocked the bot), so what "
    "you sent wasn't delivered. It is still saved on your side."
)


# --- Answers, shared by several features ----------------------------------------------------

YOU = N_("You")
EMPTY_ANSWER = N_("That message looks empty. Type a few words, or tap a button on the prompt.")
TOO_LONG = N_(
    "That's {length} characters, and I can keep up to {limit} here. Could you shorten it and "
    "send it again? Nothing has been saved or sent yet."
)
BUTTON_SEND_TO = N_("Send to {name}")

# --- The disclosure agreement ----------------------------------------------------------------

AGREEMENT_NOT_PAIRED = N_(
    "A disclosure agreement is made between two partners, and you're not paired right now. "
    "/pair makes an invite."
)
# Shared with repair (BUTTON_DECLINE) and disclosure (TOPIC_GONE) until they move.
BUTTON_DECLINE = N_("Decline")
TOPIC_GONE = N_("That topic is no longer part of your agreement.")


BUTTON_NEWER = N_("« Newer")
BUTTON_OLDER = N_("Older »")

# --- The weekly review, export and delete ------------------------------------------------------


# (end of the weekly review, export and delete section)

# --- Shared by promises, wins, timeouts and the repair plan ------------------------------------

TOGETHER_NOT_PAIRED = N_(
    "That's something for the two of you, and you're not paired right now. /pair makes an "
    "invite. Your private /journal works on your own."
)
