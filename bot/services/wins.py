"""Shared wins: moments worth remembering, seen by both once their author sends them, and
offered back, privately, on a hard day."""

from datetime import datetime

from bot import texts
from bot.domain import schedule
from bot.domain.text import words
from bot.domain.tools import MAX_WIN_CHARS
from bot.kernel import outbox, pages
from bot.kernel.db import Tx
from bot.kernel.errors import InvalidInput, Stale
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Outgoing, buttons
from bot.kernel.people import paired
from bot.storage import couples, wins
from bot.storage.models import Couple, User, Win

PAGE = 5


async def record(mend: Mend, user_id: int, args: str) -> Outgoing:
    """/win <text>: shown back with Send to <partner> / Don't send."""
    if not args.strip():
        raise InvalidInput(texts.WIN_USAGE)
    text = words(args, MAX_WIN_CHARS)
    async with mend.db.transaction() as tx:
        couple, me, partner = await paired(tx, user_id, texts.TOGETHER_NOT_PAIRED)
        win = await wins.create(tx, couple.id, me.id, text, mend.clock.now())
    return Outgoing(
        texts.WIN_PREVIEW.format(text=texts.escape(text), name=texts.escape(partner.first_name)),
        buttons(
            [(texts.BUTTON_SEND_TO.format(name=partner.first_name), f"ws:{win.id}")],
            [(texts.BUTTON_DONT_SEND, f"wx:{win.id}")],
        ),
    )


async def _draft(tx: Tx, user_id: int, win_id: int) -> tuple[Win, Couple, User, User]:
    couple, me, partner = await paired(tx, user_id, texts.TOGETHER_NOT_PAIRED)
    win = await wins.get(tx, win_id)
    if win is None or win.author_id != me.id or win.couple_id != couple.id:
        raise Stale(texts.STALE_BUTTON)
    if win.status != "draft":
        raise Stale(texts.WIN_CLOSED)
    return win, couple, me, partner


async def send(mend: Mend, user_id: int, win_id: int) -> Outgoing:
    """Send: both will see it in /wins; the partner gets it now."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        win, couple, me, partner = await _draft(tx, user_id, win_id)
        await wins.share(tx, win.id, now)
        relay = texts.WIN_RELAY.format(
            name=texts.escape(me.first_name), text=texts.escape(win.body)
        )
        await outbox.add(
            tx, partner.id, "win", Outgoing(relay), now, couple_id=couple.id, author_id=me.id
        )
    return Outgoing(
        texts.WIN_SENT.format(text=texts.escape(win.body), name=texts.escape(partner.first_name))
    )


async def drop(mend: Mend, user_id: int, win_id: int) -> Outgoing:
    """Don't send: nothing is kept."""
    async with mend.db.transaction() as tx:
        win, _, _, _ = await _draft(tx, user_id, win_id)
        await wins.drop(tx, win.id)
    return Outgoing(texts.WIN_DROPPED)


async def listing(mend: Mend, user_id: int, offset: int = 0) -> Outgoing:
    """/wins: the couple's wins, newest first, a page at a time."""
    async with mend.db.read() as tx:
        couple, me, partner = await paired(tx, user_id, texts.TOGETHER_NOT_PAIRED)
        total = await wins.count_shared(tx, couple.id)
        threshold = await couples.low_threshold(tx, couple.id)
        if total == 0:
            return Outgoing(texts.WINS_NONE + "\n\n" + _threshold_line(threshold))
        offset = pages.clamp(offset, total, PAGE)
        page = await wins.shared(tx, couple.id, PAGE, offset)
    parts = [texts.WINS_TITLE.format(first=offset + 1, last=offset + len(page), total=total)]
    for win in page:
        assert win.shared_at is not None
        who = texts.YOU if win.author_id == me.id else texts.escape(partner.first_name)
        parts.append(
            texts.WIN_LINE.format(
                when=schedule.format_date(win.shared_at, me.tz),
                who=who,
                text=texts.escape(win.body),
            )
        )
    parts.append(_threshold_line(threshold))
    row = pages.nav(offset, total, PAGE, "wl")
    return Outgoing("\n\n".join(parts), buttons(row) if row else ())


def _threshold_line(threshold: int) -> str:
    if threshold == 0:
        return texts.WINS_THRESHOLD_OFF
    return texts.WINS_THRESHOLD.format(threshold=threshold)


async def set_threshold(mend: Mend, user_id: int, value: str) -> Outgoing:
    """/wins threshold 4 (or off): when a past win is offered after a check-in."""
    cleaned = value.strip().lower()
    if cleaned in ("off", "0", "never"):
        threshold = 0
    elif cleaned.isdigit() and 1 <= int(cleaned) <= 9:
        threshold = int(cleaned)
    else:
        raise InvalidInput(texts.WINS_THRESHOLD_USAGE)
    async with mend.db.transaction() as tx:
        couple, _, _ = await paired(tx, user_id, texts.TOGETHER_NOT_PAIRED)
        await couples.set_low_threshold(tx, couple.id, threshold)
    return Outgoing(_threshold_line(threshold))


async def offer_on_low_score(
    tx: Tx, user: User, couple_id: int | None, score: int, now: datetime
) -> None:
    """After a check-in at or below the couple's threshold: privately offer a past win."""
    if couple_id is None:
        return
    threshold = await couples.low_threshold(tx, couple_id)
    if score > threshold or await wins.count_shared(tx, couple_id) == 0:
        return
    offer = Outgoing(texts.WIN_OFFER, buttons([(texts.BUTTON_SHOW_WIN, "wr")]))
    await outbox.add(tx, user.id, "win_offer", offer, now, couple_id=couple_id)


async def revisit(mend: Mend, user_id: int) -> Outgoing:
    """Show me: a random past win."""
    async with mend.db.read() as tx:
        couple, me, partner = await paired(tx, user_id, texts.TOGETHER_NOT_PAIRED)
        win = await wins.random_shared(tx, couple.id)
    if win is None or win.shared_at is None:
        raise Stale(texts.WINS_NONE)
    who = texts.YOU if win.author_id == me.id else texts.escape(partner.first_name)
    return Outgoing(
        texts.WIN_REVISIT.format(
            when=schedule.format_date(win.shared_at, me.tz), who=who, text=texts.escape(win.body)
        )
    )
