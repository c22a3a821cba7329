"""Prompts as the user sees them: the question with its buttons, and the router's answers."""

from datetime import time

from bot import texts
from bot.features.prompts.buttons import KeepWords, Skip, Snooze
from bot.features.prompts.kind import kind_of
from bot.features.prompts.models import Ask, FreeText, Given, Snoozed
from bot.features.support import support_button
from bot.kernel import when
from bot.kernel.i18n import N_
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Button, Outgoing
from bot.kernel.screens import Open
from bot.prompts import Prompt

PROMPT_GONE = N_("(This question is no longer in the library.)")
BUTTON_SNOOZE = N_("Remind me in 1 h")
BUTTON_SKIP = N_("Skip today")
# Words with nothing open: still a person talking.
NOTHING_OPEN = N_(
    "I'm here, and I read what you wrote. Nothing was sent to anyone. "
    "Would you like to keep these words for yourself, or do one of these?"
)
NOTHING_OPEN_TOO_LONG = N_(
    "I'm here, and I read what you wrote. Nothing was sent to anyone. It's longer than a "
    "journal entry can hold, so I can't keep it as it is. Would you like to do one of these?"
)
BUTTON_KEEP_WORDS = N_("Keep it in my journal")
BUTTON_CHECKIN = N_("Start a check-in")
BUTTON_TIMEOUT = N_("Take a timeout")
KEPT_WORDS = N_("Kept in your journal, for you alone. <code>/journal list</code> shows it.")
HELD_GONE = N_(
    "I don't hold those words any more: I keep them only for an hour unless you keep them. "
    "/journal lets you write them down again."
)
USE_BUTTONS = N_(
    "For this one, tap one of the buttons on the question, or type the answer itself: "
    "a number from 1 to 10, or the words of one of the choices."
)
ALREADY_ANSWERED = N_("You've already answered that one.")
ALREADY_SKIPPED = N_("You've skipped that one for today. /checkin brings today's back.")
SNOOZED = N_("I'll ask again at {time}.")
SKIPPED = N_("Skipped for today. No need to explain.")


def question(prompt: Prompt | None) -> str:
    """A prompt's question, escaped, or a placeholder if the library no longer has it."""
    return texts.escape(prompt.text) if prompt else str(PROMPT_GONE)


def render_prompt(mend: Mend, given: Given) -> Outgoing:
    """The prompt message: its kind's title, the question, the kind's footer and answer
    buttons, then Remind me in 1 h / Skip today."""
    ask = given.ask
    prompt = mend.prompts.get(ask.prompt_id)
    face = kind_of(ask.kind).face(ask, prompt, given.partner_name)
    rows = (
        *face.rows,
        (
            Button(str(BUTTON_SNOOZE), Snooze(ask.id).pack()),
            Button(str(BUTTON_SKIP), Skip(ask.id).pack()),
        ),
    )
    return Outgoing(f"<b>{face.title}</b>\n{question(prompt)}\n\n<i>{face.footer}</i>", rows)


def why_not_waiting(ask: Ask) -> str:
    """Why a typed message does not answer this ask."""
    if ask.status == "open":
        return str(USE_BUTTONS)
    if ask.status in {"done", "draft", "sent", "kept"}:
        return str(ALREADY_ANSWERED)
    return str(texts.STALE_BUTTON)


def unexpected(result: FreeText) -> Outgoing:
    """The warm answer to words with nothing open, and what they may want to do next."""
    rows: list[tuple[Button, ...]] = []
    if result.held is not None:
        rows.append((Button(str(BUTTON_KEEP_WORDS), KeepWords(result.held).pack()),))
    rows.append((Button(str(BUTTON_CHECKIN), Open("checkin").pack()),))
    if result.paired:
        rows.append((Button(str(BUTTON_TIMEOUT), Open("timeout").pack()),))
    rows.append((support_button(),))
    text = NOTHING_OPEN if result.held is not None else NOTHING_OPEN_TOO_LONG
    return Outgoing(str(text), tuple(rows))


def kept_words() -> Outgoing:
    return Outgoing(str(KEPT_WORDS))


def snoozed(result: Snoozed) -> Outgoing:
    return Outgoing(SNOOZED.format(time=when.time_of_day(time(result.hour, result.minute))))


def skipped() -> Outgoing:
    return Outgoing(str(SKIPPED))
