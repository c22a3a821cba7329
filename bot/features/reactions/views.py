"""What answering a partner's words says."""

from bot.features.reactions.buttons import CancelReaction, React, SendReaction
from bot.features.reactions.models import Answering, Choice, Reaction, Subject
from bot.features.talk import talk_button
from bot.kernel.outgoing import Button, Outgoing, buttons
from bot.storage.models import User
from bot.texts import BUTTON_SEND_TO, escape

LABELS = {Choice.THANKS: "Thank you", Choice.TALK: "Let's talk about it", Choice.HEART: "❤️"}
CHOSEN = (
    "You chose: <b>{choice}</b>.\nAdd a short note for {name} if you like (send it now), "
    "or send it as it is."
)
BUTTON_AS_IT_IS = "Send as it is"
BUTTON_DONT_SEND = "Don't send"
DRAFT = "Your answer to {name}: <b>{choice}</b>\n<i>{note}</i>\n\nSend it?"
SENT = "Sent to {name}: <b>{choice}</b>."
TALK_TOO = "\n\nIf you like, propose a time to talk, and I'll ask whether it suits."
PUT_BACK = "Nothing was sent. You can still answer, whenever you like."
ALREADY = "You've already answered this one."
PAIRING_ENDED = "That was shared in a pairing that has ended, so it can't be answered now."
RELAY_TITLES = {
    Subject.CHECKIN: "<b>{name} answered your check-in</b>",
    Subject.MONTHLY: "<b>{name} answered your monthly reflection</b>",
    Subject.GRATITUDE: "<b>{name} answered your note of thanks</b>",
    Subject.WIN: "<b>{name} answered your win</b>",
}
RELAY_NOTE = "<i>{note}</i>"


def choices(reaction_id: int) -> tuple[tuple[Button, ...], ...]:
    """Thank you / Let's talk about it / ❤️, on one row."""
    return buttons([(LABELS[choice], React(reaction_id, choice).pack()) for choice in Choice])


def chosen(result: Answering) -> Outgoing:
    """Add a note, send as it is, or don't send."""
    reaction = result.reaction
    assert reaction.choice is not None
    return Outgoing(
        CHOSEN.format(choice=LABELS[reaction.choice], name=escape(result.partner.first_name)),
        buttons(
            [(BUTTON_AS_IT_IS, SendReaction(reaction.id).pack())],
            [(BUTTON_DONT_SEND, CancelReaction(reaction.id).pack())],
        ),
    )


def draft(result: Answering) -> Outgoing:
    """The answer and its note, shown back before anything goes."""
    reaction, name = result.reaction, result.partner.first_name
    assert reaction.choice is not None
    return Outgoing(
        DRAFT.format(
            name=escape(name), choice=LABELS[reaction.choice], note=escape(reaction.note or "")
        ),
        buttons(
            [(BUTTON_SEND_TO.format(name=name), SendReaction(reaction.id).pack())],
            [(BUTTON_DONT_SEND, CancelReaction(reaction.id).pack())],
        ),
    )


def sent(result: Answering) -> Outgoing:
    reaction = result.reaction
    assert reaction.choice is not None
    text = SENT.format(name=escape(result.partner.first_name), choice=LABELS[reaction.choice])
    if reaction.choice == Choice.TALK:
        return Outgoing(text + TALK_TOO, ((talk_button(),),))
    return Outgoing(text)


def put_back(result: Answering) -> Outgoing:
    return Outgoing(PUT_BACK, choices(result.reaction.id))


def relay(reaction: Reaction, reader: User) -> Outgoing:
    """What the author receives: who answered what, the answer, and the note."""
    assert reaction.choice is not None
    lines = [RELAY_TITLES[reaction.subject].format(name=escape(reader.first_name))]
    lines.append(LABELS[reaction.choice])
    if reaction.note:
        lines.append(RELAY_NOTE.format(note=escape(reaction.note)))
    text = "\n".join(lines)
    if reaction.choice == Choice.TALK:
        return Outgoing(text + TALK_TOO, ((talk_button(),),))
    return Outgoing(text)
