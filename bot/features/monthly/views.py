"""The monthly reflection as the user sees it."""

from bot import texts
from bot.features.monthly.models import Answered, Saved, Switched
from bot.features.prompts import Ask, PromptFace, question
from bot.kernel.i18n import N_
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Outgoing
from bot.prompts import Prompt

TITLE = N_("Monthly reflection")
FOOTER_PAIRED = N_(
    "Once a month, a look back together. Reply in your own words; you'll see each other's "
    "answers once you've both answered, and {name} can't see yours before."
)
FOOTER_SOLO = N_("Once a month, a look back. Reply in your own words; it stays with you.")
EXPIRED = N_("That monthly reflection has closed. The next one comes next month.")
SAVED_SOLO = N_("Saved. It stays with you.")
SAVED_WAITING = N_("Saved. You'll see each other's reflections once {name} has answered too.")
SAVED_REVEALING = N_("Saved. You've both answered, so here are your reflections.")
REVEAL_TITLE = N_("Your month, looking back")
SWITCHED_ON = N_(
    "The monthly reflection is on: on the day of the month you paired, at your check-in time."
)
SWITCHED_OFF = N_("The monthly reflection is off. <code>/remind monthly on</code> brings it back.")
SWITCH_USAGE = N_(
    "The monthly reflection comes at your check-in time, so it has no time of its own. "
    "<code>/remind monthly off</code> turns it off, <code>/remind monthly on</code> back on."
)
STATUS_ON = N_("monthly reflection: on, at your check-in time on the day of the month you paired")
STATUS_OFF = N_("monthly reflection: off")
SWITCH_LABEL = N_("Monthly reflection")
QUOTED = N_("“{text}”")
# A line of the reveal: whose reflection, and the reflection.
NAMED_ANSWER = N_("{name}: {answer}")


def face(ask: Ask, prompt: Prompt | None, partner_name: str | None) -> PromptFace:
    if partner_name is None:
        return PromptFace(str(TITLE), str(FOOTER_SOLO))
    return PromptFace(str(TITLE), FOOTER_PAIRED.format(name=texts.escape(partner_name)))


def _words(ask: Ask) -> str:
    return QUOTED.format(text=texts.escape(ask.body or ""))


def answered(result: Answered) -> Outgoing:
    status = {
        Saved.SOLO: str(SAVED_SOLO),
        Saved.WAITING: SAVED_WAITING.format(name=texts.escape(result.partner_name or "")),
        Saved.REVEALING: str(SAVED_REVEALING),
    }[result.saved]
    mine = NAMED_ANSWER.format(name=texts.YOU, answer=_words(result.ask))
    return Outgoing(f"{mine}\n\n{status}")


def reveal(mend: Mend, mine: Ask, theirs: Ask, their_name: str) -> Outgoing:
    """What one partner sees: the other's reflection first, their own beneath it."""
    lines = [f"<b>{REVEAL_TITLE}</b>", question(mend.prompts.get(mine.prompt_id)), ""]
    lines += [
        NAMED_ANSWER.format(name=texts.escape(their_name), answer=_words(theirs)),
        NAMED_ANSWER.format(name=texts.YOU, answer=_words(mine)),
    ]
    return Outgoing("\n".join(lines))


def switched(result: Switched) -> Outgoing:
    return Outgoing(str(SWITCHED_ON if result is Switched.ON else SWITCHED_OFF))
