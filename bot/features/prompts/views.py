"""Prompts as the user sees them: the question with its buttons, and the router's answers."""

from datetime import time

from bot import texts
from bot.features.prompts.buttons import Skip, Snooze
from bot.features.prompts.kind import kind_of
from bot.features.prompts.models import Ask, Given, Snoozed
from bot.kernel import when
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Button, Outgoing
from bot.prompts import Prompt

PROMPT_GONE = "(This question is no longer in the library.)"
BUTTON_SNOOZE = "Remind me in 1 h"
BUTTON_SKIP = "Skip today"
NOTHING_OPEN = (
    "I'm not waiting for an answer right now. /checkin or /gratitude start one, "
    "and /help lists everything else."
)
USE_BUTTONS = "For this one, please tap one of the buttons on the question."
ALREADY_ANSWERED = "You've already answered that one."
ALREADY_SKIPPED = "You've skipped that one for today. /checkin brings today's back."
SNOOZED = "I'll ask again at {time}."
SKIPPED = "Skipped for today. No need to explain."


def question(prompt: Prompt | None) -> str:
    """A prompt's question, escaped, or a placeholder if the library no longer has it."""
    return texts.escape(prompt.text) if prompt else PROMPT_GONE


def render_prompt(mend: Mend, given: Given) -> Outgoing:
    """The prompt message: its kind's title, the question, the kind's footer and answer
    buttons, then Remind me in 1 h / Skip today."""
    ask = given.ask
    prompt = mend.prompts.get(ask.prompt_id)
    face = kind_of(ask.kind).face(ask, prompt, given.partner_name)
    rows = (
        *face.rows,
        (
            Button(BUTTON_SNOOZE, Snooze(ask.id).pack()),
            Button(BUTTON_SKIP, Skip(ask.id).pack()),
        ),
    )
    return Outgoing(f"<b>{face.title}</b>\n{question(prompt)}\n\n<i>{face.footer}</i>", rows)


def why_not_waiting(ask: Ask) -> str:
    """Why a typed message does not answer this ask."""
    if ask.status == "open":
        return USE_BUTTONS
    if ask.status in {"done", "draft", "sent", "kept"}:
        return ALREADY_ANSWERED
    return texts.STALE_BUTTON


def snoozed(result: Snoozed) -> Outgoing:
    return Outgoing(SNOOZED.format(time=when.time_of_day(time(result.hour, result.minute))))


def skipped() -> Outgoing:
    return Outgoing(SKIPPED)
