"""What answering a partner's words says."""

from bot.features.reactions.buttons import CancelReaction, React, SendReaction
from bot.features.reactions.models import Answering, Choice, Reaction, Subject
from bot.features.talk import talk_button
from bot.kernel.i18n import N_, Words
from bot.kernel.outgoing import Button, Outgoing, buttons
from bot.storage.models import User
from bot.texts import BUTTON_SEND_TO, escape

LABELS: dict[Choice, Words] = {
    Choice.THANKS: N_("Thank you"),
    Choice.TALK: N_("Let's talk about it"),
    Choice.HEART: "❤️",
}
CHOSEN = N_(
    "You chose: <b>{choice}</b>.\nAdd a short note for {name} if you like (send it now), "
    "or send it as it is."
)
BUTTON_AS_IT_IS = N_("Send as it is")
BUTTON_DONT_SEND = N_("Don't send")
DRAFT = N_("Your answer to {name}: <b>{choice}</b>\n<i>{note}</i>\n\nSend it?")
SENT = N_("Sent to {name}: <b>{choice}</b>.")
TALK_TOO = N_("If you like, propose a time to talk, and I'll ask whether it suits.")
PUT_BACK = N_("Nothing was sent. You can still answer, whenever you like.")
ALREADY = N_("You've already answered this one.")
PAIRING_ENDED = N_("That was shared in a pairing that has ended, so it can't be answered now.")
RELAY_TITLES = {
    Subject.CHECKIN: N_("<b>{name} answered your check-in</b>"),
    Subject.MONTHLY: N_("<b>{name} answered your monthly reflection</b>"),
    Subject.GRATITUDE: N_("<b>{name} answered your note of thanks</b>"),
    Subject.WIN: N_("<b>{name} answered your win</b>"),
}
RELAY_NOTE = "<i>{note}</i>"


def choices(reaction_id: int) -> tuple[tuple[Button, ...], ...]:
    """Thank you / Let's talk about it / ❤️, on one row."""
    return buttons([(str(LABELS[choice]), React(reaction_id, choice).pack()) for choice in Choice])


def chosen(result: Answering) -> Outgoing:
    """Add a note, send as it is, or don't send."""
    reaction = result.reaction
    assert reaction.choice is not None
    return Outgoing(
        CHOSEN.format(choice=LABELS[reaction.choice], name=escape(result.partner.first_name)),
        buttons(
            [(str(BUTTON_AS_IT_IS), SendReaction(reaction.id).pack())],
            [(str(BUTTON_DONT_SEND), CancelReaction(reaction.id).pack())],
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
            [(str(BUTTON_DONT_SEND), CancelReaction(reaction.id).pack())],
        ),
    )


def sent(result: Answering) -> Outgoing:
    reaction = result.reaction
    assert reaction.choice is not None
    text = SENT.format(name=escape(result.partner.first_name), choice=LABELS[reaction.choice])
    if reaction.choice == Choice.TALK:
        return Outgoing(f"{text}\n\n{TALK_TOO}", ((talk_button(),),))
    return Outgoing(text)


def put_back(result: Answering) -> Outgoing:
    return Outgoing(str(PUT_BACK), choices(result.reaction.id))


def relay(reaction: Reaction, reader: User) -> Outgoing:
    """What the author receives: who answered what, the answer, and the note."""
    assert reaction.choice is not None
    lines = [RELAY_TITLES[reaction.subject].format(name=escape(reader.first_name))]
    lines.append(str(LABELS[reaction.choice]))
    if reaction.note:
        lines.append(RELAY_NOTE.format(note=escape(reaction.note)))
    text = "\n".join(lines)
    if reaction.choice == Choice.TALK:
        return Outgoing(f"{text}\n\n{TALK_TOO}", ((talk_button(),),))
    return Outgoing(text)
