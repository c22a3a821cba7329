"""What finding a time to talk says."""

from bot.features.talk.buttons import Accept, Another, Cancel, Pick, RemindMe, SendWords
from bot.features.talk.models import Offer, Proposal, Reminding, Slot
from bot.kernel import when
from bot.kernel.i18n import N_
from bot.kernel.outgoing import Button, Outgoing, buttons
from bot.kernel.screens import Open
from bot.storage.models import User
from bot.texts import BUTTON_SEND_TO, escape

BUTTON_TALK = N_("Find a time to talk")
OFFER = N_(
    "When would you like to talk with {name}? Pick a time and I'll ask {name} whether it "
    "suits them. Nothing is sent until you pick."
)
BUTTON_TONIGHT = N_("Tonight, 20:00")
BUTTON_TOMORROW = N_("Tomorrow, 20:00")
BUTTON_WEEKEND = N_("This weekend")
BUTTON_TYPED = N_("Another time")
WRITE = N_(
    "When would suit you? Write it in your own words, for example “Thursday after dinner”. "
    "You'll see it before anything is sent."
)
DRAFT = N_("I'll ask {name} whether this time suits them:\n{when}\n\nSend it?")
PROPOSED = N_(
    "I've asked {name} whether this time suits them. You'll hear when they answer.\n{when}"
)
PROPOSAL = N_("<b>{name} would like to talk with you</b>\n{when}\n\nDoes that suit you?")
BUTTON_ACCEPT = N_("Accept")
BUTTON_ANOTHER = N_("Another time")
ACCEPTED = N_("Accepted. {name} has been told, and you'll talk then.\n{when}")
ACCEPTED_TOLD = N_("<b>{name} accepted</b>: you'll talk then.\n{when}")
ANOTHER = N_("All right: {name} has been told you'd like another time. When would suit you?")
ANOTHER_TOLD = N_(
    "{name} would like another time to talk. They may suggest one; you can too, "
    "whenever you're ready."
)
CANCELLED = N_("Cancelled. Nothing was sent.")
CLOSED = N_("That time to talk has already been answered or withdrawn.")
NOT_YOURS = N_("That one is for {name} to answer.")
TONIGHT_PASSED = N_("It's too late in the day for 20:00 tonight. Pick another time.")
BUTTON_CANCEL = N_("Cancel")
BUTTON_REMIND = N_("Remind me an hour before")
REMIND_SET = N_("I'll remind you at {moment} (your time).")
TOO_CLOSE = N_("That's less than an hour away, so there's nothing to remind you of first.")
REMINDER = N_("<b>In an hour</b>: you agreed to talk with {name}.\n{when}")
WHEN_AT = N_("When: {moment} (your time)")
WHEN_WEEKEND = N_("When: this weekend")
WHEN_WORDS = N_("When: “{words}”")


def talk_button() -> Button:
    """A button that opens the "find a time to talk" screen, from any message."""
    return Button(str(BUTTON_TALK), Open("talk").pack())


def _when(proposal: Proposal) -> str:
    """The time as the reader sees it: in their own timezone, or the proposer's words."""
    talk = proposal.talk
    if talk.at is not None:
        return WHEN_AT.format(moment=when.moment(talk.at, proposal.me.tz))
    if talk.slot == Slot.WEEKEND:
        return str(WHEN_WEEKEND)
    return WHEN_WORDS.format(words=escape(talk.words or ""))


def _picker(offer: Offer) -> tuple[tuple[Button, ...], ...]:
    rows: list[list[tuple[str, str]]] = []
    if offer.tonight:
        rows.append([(str(BUTTON_TONIGHT), Pick(Slot.TONIGHT).pack())])
    rows.append([(str(BUTTON_TOMORROW), Pick(Slot.TOMORROW).pack())])
    rows.append([(str(BUTTON_WEEKEND), Pick(Slot.WEEKEND).pack())])
    rows.append([(str(BUTTON_TYPED), Pick(Slot.TYPED).pack())])
    return buttons(*rows)


def offer(result: Offer) -> Outgoing:
    """The times to pick from."""
    name = escape(result.partner.first_name)
    return Outgoing(OFFER.format(name=name), _picker(result))


def writing() -> Outgoing:
    return Outgoing(str(WRITE))


def draft(result: Proposal) -> Outgoing:
    """The time in one's own words, shown back with Send / Cancel."""
    name = result.partner.first_name
    return Outgoing(
        DRAFT.format(name=escape(name), when=_when(result)),
        buttons(
            [(BUTTON_SEND_TO.format(name=name), SendWords(result.talk.id).pack())],
            [(str(BUTTON_CANCEL), Cancel(result.talk.id).pack())],
        ),
    )


def proposed(result: Proposal) -> Outgoing:
    """To the proposer: asked, and they'll hear."""
    return Outgoing(PROPOSED.format(name=escape(result.partner.first_name), when=_when(result)))


def proposal(result: Proposal) -> Outgoing:
    """To the partner: the proposed time, with Accept / Another time."""
    return Outgoing(
        PROPOSAL.format(name=escape(result.partner.first_name), when=_when(result)),
        buttons(
            [(str(BUTTON_ACCEPT), Accept(result.talk.id).pack())],
            [(str(BUTTON_ANOTHER), Another(result.talk.id).pack())],
        ),
    )


def _remind(result: Proposal) -> tuple[tuple[Button, ...], ...]:
    if not result.remindable:
        return ()
    return buttons([(str(BUTTON_REMIND), RemindMe(result.talk.id).pack())])


def accepted(result: Proposal) -> Outgoing:
    text = ACCEPTED.format(name=escape(result.partner.first_name), when=_when(result))
    return Outgoing(text, _remind(result))


def accepted_told(result: Proposal) -> Outgoing:
    """To the proposer (``result.me``): the partner accepted."""
    text = ACCEPTED_TOLD.format(name=escape(result.partner.first_name), when=_when(result))
    return Outgoing(text, _remind(result))


def reminding(result: Reminding) -> Outgoing:
    return Outgoing(REMIND_SET.format(moment=when.moment(result.due_at, result.me.tz)))


def reminder(result: Proposal) -> Outgoing:
    """An hour before the agreed talk."""
    return Outgoing(REMINDER.format(name=escape(result.partner.first_name), when=_when(result)))


def another(result: Offer) -> Outgoing:
    """To the one who asked for another time: told, and the times to propose their own."""
    return Outgoing(ANOTHER.format(name=escape(result.partner.first_name)), _picker(result))


def another_told(asker: User) -> Outgoing:
    return Outgoing(ANOTHER_TOLD.format(name=escape(asker.first_name)))


def cancelled() -> Outgoing:
    return Outgoing(str(CANCELLED))


def not_yours(partner: User) -> str:
    return NOT_YOURS.format(name=escape(partner.first_name))
