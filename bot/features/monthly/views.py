"""The monthly reflection as the user sees it."""

from bot import texts
from bot.features.monthly.models import Answered, Saved, Switched
from bot.features.prompts import Ask, PromptFace, question
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Outgoing
from bot.prompts import Prompt

TITLE = "Monthly reflection"
FOOTER_PAIRED = (
    "Once a month, a look back together. Reply in your own words; you'll see each other's "
    "answers once you've both answered, and {name} can't see yours before."
)
FOOTER_SOLO = "Once a month, a look back. Reply in your own words; it stays with you."
EXPIRED = "That monthly reflection has closed. The next one comes next month."
SAVED_SOLO = "Saved. It stays with you."
SAVED_WAITING = "Saved. You'll see each other's reflections once {name} has answered too."
SAVED_REVEALING = "Saved. You've both answered, so here are your reflections."
REVEAL_TITLE = "Your month, looking back"
SWITCHED_ON = (
    "The monthly reflection is on: on the day of the month you paired, at your check-in time."
)
SWITCHED_OFF = "The monthly reflection is off. <code>/remind monthly on</code> brings it back."
SWITCH_USAGE = (
    "The monthly reflection comes at your check-in time, so it has no time of its own. "
    "<code>/remind monthly off</code> turns it off, <code>/remind monthly on</code> back on."
)
STATUS_ON = "monthly reflection: on, at your check-in time on the day of the month you paired"
STATUS_OFF = "monthly reflection: off"
SWITCH_LABEL = "Monthly reflection"


def face(ask: Ask, prompt: Prompt | None, partner_name: str | None) -> PromptFace:
    if partner_name is None:
        return PromptFace(TITLE, FOOTER_SOLO)
    return PromptFace(TITLE, FOOTER_PAIRED.format(name=texts.escape(partner_name)))


def _words(ask: Ask) -> str:
    return f"“{texts.escape(ask.body or '')}”"


def answered(result: Answered) -> Outgoing:
    status = {
        Saved.SOLO: SAVED_SOLO,
        Saved.WAITING: SAVED_WAITING.format(name=texts.escape(result.partner_name or "")),
        Saved.REVEALING: SAVED_REVEALING,
    }[result.saved]
    return Outgoing(f"{texts.YOU}: {_words(result.ask)}\n\n{status}")


def reveal(mend: Mend, mine: Ask, theirs: Ask, their_name: str) -> Outgoing:
    """What one partner sees: the other's reflection first, their own beneath it."""
    lines = [f"<b>{REVEAL_TITLE}</b>", question(mend.prompts.get(mine.prompt_id)), ""]
    lines += [f"{texts.escape(their_name)}: {_words(theirs)}", f"{texts.YOU}: {_words(mine)}"]
    return Outgoing("\n".join(lines))


def switched(result: Switched) -> Outgoing:
    return Outgoing(SWITCHED_ON if result is Switched.ON else SWITCHED_OFF)
