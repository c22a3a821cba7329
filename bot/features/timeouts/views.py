"""What timeouts look like: the pause, the notice to the partner, the reminder at the end."""

from datetime import datetime

from bot import texts
from bot.features.timeouts.buttons import Begin, Choice, ComeBack
from bot.features.timeouts.models import Paused, Ready, Timeout
from bot.kernel import when
from bot.kernel.i18n import N_, ngettext
from bot.kernel.outgoing import Outgoing, buttons
from bot.storage.models import User

TIMEOUT_BAD = N_(
    "I couldn't read “{given}” as minutes. Try <code>/timeout</code> (20 minutes), "
    "<code>/timeout 30</code> or <code>/timeout 1h</code>."
)
TIMEOUT_STARTED = N_(
    "Timeout until {time}. {name} has been told that you asked for a pause and when you'll "
    "come back to it. I'll remind you then."
)
TIMEOUT_EXTENDED = N_("The timeout now runs until {time}. {name} has been told.")
TIMEOUT_TOLD = N_(
    "{name} asked for a pause, to come back to the conversation calmer. "
    "It can pick up again at {time}. Take the time for yourself too."
)
TIMEOUT_EXTENDED_TOLD = N_(
    "{name} asked for a little more time. The conversation can pick up again at {time}."
)
TIMEOUT_OVER = N_(
    "<b>The timeout is over.</b> When you're ready, {name} is there to come back to the "
    "conversation."
)
BUTTON_READY = N_("I'm ready")
BUTTON_MORE_TIME = N_("10 more minutes")
TIMEOUT_READY = N_("Good. {name} has been told you're ready to talk again.")
TIMEOUT_READY_TOLD = N_("{name} is ready to come back to the conversation, whenever you are.")
TIMEOUT_CLOSED = N_("That timeout has already been answered or is still running.")
TIMEOUT_OFFER = N_(
    "<b>A timeout</b> is a calm pause in a hard conversation. {name} gets a short, calm "
    "message (never your words) saying when you'll come back to it, and I remind you then. "
    "How long do you need?"
)
OFFERED_MINUTES = (20, 45, 90)


def _clock(reader: User, moment: datetime) -> str:
    """'21:40' in the reader's own time."""
    return when.clock_of(moment, reader.tz)


def out_of_range(low: int, high: int) -> str:
    """A length outside what a timeout can last."""
    return ngettext(
        "A timeout can last {low} to {high} minute, for example <code>/timeout 30</code>.",
        "A timeout can last {low} to {high} minutes, for example <code>/timeout 30</code>.",
        high,
    ).format(low=low, high=high)


def _minutes(minutes: int) -> str:
    return ngettext("{minutes} minute", "{minutes} minutes", minutes).format(minutes=minutes)


def offer(partner: User) -> Outgoing:
    """What a timeout is, with a few lengths to tap."""
    return Outgoing(
        TIMEOUT_OFFER.format(name=texts.escape(partner.first_name)),
        buttons([(_minutes(m), Begin(m).pack()) for m in OFFERED_MINUTES]),
    )


def paused(result: Paused) -> Outgoing:
    """To the one who asked: until when, and that the partner knows."""
    template = TIMEOUT_EXTENDED if result.extended else TIMEOUT_STARTED
    return Outgoing(
        template.format(
            time=_clock(result.me, result.ends_at), name=texts.escape(result.partner.first_name)
        )
    )


def told(result: Paused) -> Outgoing:
    """To the partner: a fixed, calm notice (never anything the asker wrote)."""
    template = TIMEOUT_EXTENDED_TOLD if result.extended else TIMEOUT_TOLD
    return Outgoing(
        template.format(
            name=texts.escape(result.me.first_name), time=_clock(result.partner, result.ends_at)
        )
    )


def over(timeout: Timeout, partner: User | None) -> Outgoing:
    """At the end, to the one who asked: I'm ready / 10 more minutes."""
    name = texts.escape(partner.first_name) if partner else str(texts.YOUR_PARTNER)
    return Outgoing(
        TIMEOUT_OVER.format(name=name),
        buttons(
            [(str(BUTTON_READY), ComeBack(timeout.id, Choice.READY).pack())],
            [(str(BUTTON_MORE_TIME), ComeBack(timeout.id, Choice.MORE).pack())],
        ),
    )


def ready(result: Ready) -> Outgoing:
    return Outgoing(TIMEOUT_READY.format(name=texts.escape(result.partner.first_name)))


def ready_told(me: User) -> Outgoing:
    return Outgoing(TIMEOUT_READY_TOLD.format(name=texts.escape(me.first_name)))


def came_back(result: Paused | Ready) -> Outgoing:
    """The answer to I'm ready / 10 more minutes."""
    return ready(result) if isinstance(result, Ready) else paused(result)
