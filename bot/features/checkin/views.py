"""Check-ins as the user sees them."""

from bot import texts
from bot.domain.prompting import SCALE
from bot.features.checkin.buttons import Choose, NoNote
from bot.features.checkin.models import Completed, Saved
from bot.features.prompts import Ask, PromptFace, question
from bot.features.support import support_button
from bot.kernel.i18n import N_
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Button, Outgoing
from bot.prompts import Prompt

WAITING_OPEN = N_("Today's check-in is open.")
CHECKIN_TITLE = N_("Check-in")
SCALE_HINT = N_("Tap a number from 1 to 10.")
TEXT_HINT = N_("Reply with a few words.")
# True whether or not the partner has answered already (then theirs comes the moment you do).
CHECKIN_PRIVATE_UNTIL = N_(
    "You'll see each other's answers once you've both answered; {name} can't see yours before."
)
CHECKIN_PRIVATE_SOLO = N_("Your answer stays with you.")
BUTTON_NO_NOTE = N_("No note")
YOU_ANSWERED = N_("Your answer: {answer}")
NOTE_INVITE = N_("If you like, send a short note to go with it. Or tap No note.")
NOTE_WAITING = N_("Your number is saved. Send a short note to go with it, or tap No note.")
CHECKIN_SAVED_SOLO = N_("Saved. It stays with you.")
CHECKIN_SAVED_WAITING = N_(
    "Saved. You'll see each other's answers once {name} has answered today."
)
CHECKIN_SAVED_REVEALING = N_("Saved. You've both answered, so here are your answers.")
PARTNER_CHECKED_IN = N_(
    "{name} has checked in today. Their answer stays hidden until you've answered too. "
    "/checkin whenever you're ready."
)
REVEAL_TITLE = N_("You've both checked in")
HARD_DAY = N_(
    "Thank you for saying honestly how today was. You don't have to fix anything tonight. "
    "If it feels like too much, here is where to find support, today."
)
ALREADY_CHECKED_IN = N_("You've already checked in today: {answer}. See you tomorrow.")
CHECKIN_DAY_PASSED = N_("That check-in was for an earlier day. /checkin opens today's.")
SCORE = N_("{score}/10")
# An answer and the note that goes with it (the note as written, in quotes).
WITH_NOTE = N_("{answer} — “{note}”")
QUOTED = N_("“{text}”")
# A line of the reveal: whose answer, and the answer.
NAMED_ANSWER = N_("{name}: {answer}")


def face(ask: Ask, prompt: Prompt | None, partner_name: str | None) -> PromptFace:
    """Under a check-in question: its answer buttons or hint, and who will see the answer."""
    rows: list[tuple[Button, ...]] = []
    if partner_name is not None:
        footer = CHECKIN_PRIVATE_UNTIL.format(name=texts.escape(partner_name))
    else:
        footer = str(CHECKIN_PRIVATE_SOLO)
    if ask.answer == "scale":
        scale = [Button(str(n), Choose(ask.id, n).pack()) for n in SCALE]
        rows += [tuple(scale[:5]), tuple(scale[5:])]
        footer = f"{SCALE_HINT}\n{footer}"
    elif ask.answer == "choice" and prompt is not None:
        rows += [(Button(c, Choose(ask.id, i).pack()),) for i, c in enumerate(prompt.choices)]
    else:
        footer = f"{TEXT_HINT}\n{footer}"
    return PromptFace(str(CHECKIN_TITLE), footer, tuple(rows))


def answer_label(mend: Mend, ask: Ask) -> str:
    """An answer as the partner sees it: '7/10', the chosen option, or the words, plus a note."""
    prompt = mend.prompts.get(ask.prompt_id)
    if ask.answer == "scale" and ask.value is not None:
        label = f"<b>{SCORE.format(score=ask.value)}</b>"
    elif ask.answer == "choice" and ask.value is not None:
        choice = prompt.choices[ask.value] if prompt and ask.value < len(prompt.choices) else "?"
        label = f"<b>{texts.escape(choice)}</b>"
    else:
        return QUOTED.format(text=texts.escape(ask.body or ""))
    return WITH_NOTE.format(answer=label, note=texts.escape(ask.body)) if ask.body else label


def answered(mend: Mend, ask: Ask) -> Outgoing:
    """The question's message once answered in words: the answer, without buttons."""
    return Outgoing(YOU_ANSWERED.format(answer=answer_label(mend, ask)))


def already_checked_in(mend: Mend, ask: Ask) -> str:
    return ALREADY_CHECKED_IN.format(answer=answer_label(mend, ask))


def _note_buttons(ask: Ask) -> tuple[tuple[Button, ...], ...]:
    return ((Button(str(BUTTON_NO_NOTE), NoNote(ask.id).pack()),),)


def note_still_open(ask: Ask) -> Outgoing:
    """/checkin while the score waits for its note."""
    return Outgoing(str(NOTE_WAITING), _note_buttons(ask))


def chosen(mend: Mend, ask: Ask) -> Outgoing:
    """The score or choice, and the invitation to add a note."""
    answered = YOU_ANSWERED.format(answer=answer_label(mend, ask))
    return Outgoing(f"{answered}\n\n{NOTE_INVITE}", _note_buttons(ask))


def completed(mend: Mend, result: Completed) -> Outgoing:
    """The final answer, and whether it stays, waits for the partner, or is being revealed."""
    ask = result.ask
    if result.saved == Saved.REVEALING:
        status = str(CHECKIN_SAVED_REVEALING)
    elif result.saved == Saved.WAITING:
        status = CHECKIN_SAVED_WAITING.format(name=texts.escape(result.partner_name or ""))
    else:
        status = str(CHECKIN_SAVED_SOLO)
    text = YOU_ANSWERED.format(answer=answer_label(mend, ask)) + "\n\n" + status
    if result.hard_day:
        return Outgoing(f"{text}\n\n{HARD_DAY}", ((support_button(),),))
    return Outgoing(text)


def partner_checked_in(name: str) -> Outgoing:
    """The once-a-day nudge to a partner who hasn't checked in yet."""
    return Outgoing(PARTNER_CHECKED_IN.format(name=texts.escape(name)))


def reveal(mend: Mend, mine: Ask, theirs: Ask, their_name: str) -> Outgoing:
    """What one partner sees: the other's answer first, their own beneath it."""

    def asked(ask: Ask) -> str:
        return question(mend.prompts.get(ask.prompt_id))

    lines = [f"<b>{REVEAL_TITLE}</b>", asked(mine), ""]
    their_line = NAMED_ANSWER.format(
        name=texts.escape(their_name), answer=answer_label(mend, theirs)
    )
    if theirs.prompt_id != mine.prompt_id:
        their_line += f"\n<i>({asked(theirs)})</i>"
    lines += [their_line, NAMED_ANSWER.format(name=texts.YOU, answer=answer_label(mend, mine))]
    return Outgoing("\n".join(lines))
