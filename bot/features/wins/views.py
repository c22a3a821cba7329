"""What wins look like: /win's preview, the relay, /wins, the offer and the revisit."""

from bot import texts
from bot.features.wins.buttons import Drop, Page, Send, ShowOne
from bot.features.wins.models import Drafted, Listing, Revisit, Sent, Win
from bot.kernel import pages, when
from bot.kernel.i18n import N_
from bot.kernel.outgoing import Button, Outgoing, buttons
from bot.storage.models import User

PAGE = 5

WIN_USAGE = N_(
    "What would you like to remember? For example:\n"
    "<code>/win We talked about Sunday without raising our voices</code>"
)
WIN_PREVIEW = N_(
    "A win to remember:\n<i>{text}</i>\n\nSend it to {name}? You'll both see it in /wins."
)
BUTTON_DONT_SEND = N_("Don't send")
WIN_SENT = N_("A win to remember:\n<i>{text}</i>\n\nSent to {name}. /wins shows them all.")
WIN_DROPPED = N_(
    "Not sent: nothing reached {name}, and these words are erased. "
    "The moment itself is still yours to remember."
)
WIN_CLOSED = N_("That one has already been sent or dropped.")
WIN_RELAY = N_("<b>A win to remember, from {name}</b>\n{text}")
WINS_NONE = N_(
    "No wins yet. When something goes well between you, "
    "<code>/win what happened</code> keeps it for you both."
)
WINS_TITLE = N_("<b>Your wins</b> ({first} to {last} of {total}, newest first)")
WIN_LINE = N_("<b>{when}</b> · {who}\n{text}")
WINS_THRESHOLD = N_(
    "After a check-in of {threshold} or less, I offer you a past win to revisit, privately. "
    "Change it with <code>/wins threshold 4</code> or <code>/wins threshold off</code>."
)
WINS_THRESHOLD_OFF = N_(
    "Past wins aren't offered after hard check-ins. <code>/wins threshold 3</code> turns it on."
)
WINS_THRESHOLD_USAGE = N_(
    "Give a number from 1 to 9, or off: <code>/wins threshold 3</code>, "
    "<code>/wins threshold off</code>."
)
WIN_OFFER = N_(
    "That sounds like a hard day. Would you like to revisit a moment you two marked as a win?"
)
BUTTON_SHOW_WIN = N_("Show me one")
WIN_REVISIT = N_("<b>A win from {when}</b> · {who}\n{text}")


def _who(win: Win, me: User, partner: User) -> str:
    return str(texts.YOU) if win.author_id == me.id else texts.escape(partner.first_name)


def drafted(result: Drafted) -> Outgoing:
    """The new win shown back, with Send to <partner> / Don't send."""
    win, partner = result.win, result.partner
    return Outgoing(
        WIN_PREVIEW.format(text=texts.escape(win.body), name=texts.escape(partner.first_name)),
        buttons(
            [(texts.BUTTON_SEND_TO.format(name=partner.first_name), Send(win.id).pack())],
            [(str(BUTTON_DONT_SEND), Drop(win.id).pack())],
        ),
    )


def sent(result: Sent) -> Outgoing:
    return Outgoing(
        WIN_SENT.format(
            text=texts.escape(result.win.body), name=texts.escape(result.partner.first_name)
        )
    )


def relay(win: Win, author: User, rows: tuple[tuple[Button, ...], ...] = ()) -> Outgoing:
    """The win, as the partner receives it, with the buttons to answer it."""
    return Outgoing(
        WIN_RELAY.format(name=texts.escape(author.first_name), text=texts.escape(win.body)),
        rows,
    )


def dropped(partner: User) -> Outgoing:
    return Outgoing(WIN_DROPPED.format(name=texts.escape(partner.first_name)))


def threshold_line(threshold: int) -> str:
    if threshold == 0:
        return str(WINS_THRESHOLD_OFF)
    return WINS_THRESHOLD.format(threshold=threshold)


def threshold_set(threshold: int) -> Outgoing:
    return Outgoing(threshold_line(threshold))


def listing(result: Listing) -> Outgoing:
    """/wins: a page of wins, newest first, and when past wins are offered."""
    if result.total == 0:
        return Outgoing(str(WINS_NONE) + "\n\n" + threshold_line(result.threshold))
    offset, total, me = result.offset, result.total, result.me
    parts = [WINS_TITLE.format(first=offset + 1, last=offset + len(result.wins), total=total)]
    for win in result.wins:
        assert win.shared_at is not None
        parts.append(
            WIN_LINE.format(
                when=when.day_of(win.shared_at, me.tz),
                who=_who(win, me, result.partner),
                text=texts.escape(win.body),
            )
        )
    parts.append(threshold_line(result.threshold))
    row = pages.nav(offset, total, PAGE, Page.prefix)
    return Outgoing("\n\n".join(parts), buttons(row) if row else ())


def offer() -> Outgoing:
    """After a hard check-in: would you like to revisit a win?"""
    return Outgoing(str(WIN_OFFER), buttons([(str(BUTTON_SHOW_WIN), ShowOne().pack())]))


def revisit(result: Revisit) -> Outgoing:
    win = result.win
    assert win.shared_at is not None
    return Outgoing(
        WIN_REVISIT.format(
            when=when.day_of(win.shared_at, result.me.tz),
            who=_who(win, result.me, result.partner),
            text=texts.escape(win.body),
        )
    )
