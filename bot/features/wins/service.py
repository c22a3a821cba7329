"""Shared wins: moments worth remembering, seen by both once their author sends them, and
offered back, privately, on a hard day."""

from datetime import datetime
from typing import Any

from bot import texts
from bot.domain.text import words
from bot.features.reactions import Subject, offer_reactions
from bot.features.wins import store, views
from bot.features.wins.models import Drafted, Listing, Revisit, Sent, Status, Win
from bot.kernel import outbox, pages
from bot.kernel.db import Tx
from bot.kernel.errors import InvalidInput, Stale
from bot.kernel.feature import ExportScope
from bot.kernel.mend import Mend
from bot.kernel.people import paired
from bot.storage import couples
from bot.storage.models import Couple, User

MAX_WIN_CHARS = 1000


async def record(mend: Mend, user_id: int, args: str) -> Drafted:
    """/win <text>: kept as a draft until Send or Don't send."""
    if not args.strip():
        raise InvalidInput(views.WIN_USAGE)
    text = words(args, MAX_WIN_CHARS)
    async with mend.db.transaction() as tx:
        couple, me, partner = await paired(tx, user_id, texts.TOGETHER_NOT_PAIRED)
        win = await store.create(tx, couple.id, me.id, text, mend.clock.now())
    return Drafted(win, partner)


async def _draft(tx: Tx, user_id: int, win_id: int) -> tuple[Win, Couple, User, User]:
    couple, me, partner = await paired(tx, user_id, texts.TOGETHER_NOT_PAIRED)
    win = await store.get(tx, win_id)
    if win is None or win.author_id != me.id or win.couple_id != couple.id:
        raise Stale(texts.STALE_BUTTON)
    if win.status != Status.DRAFT:
        raise Stale(views.WIN_CLOSED)
    return win, couple, me, partner


async def send(mend: Mend, user_id: int, win_id: int) -> Sent:
    """Send: both will see it in /wins; the partner gets it now."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        win, couple, me, partner = await _draft(tx, user_id, win_id)
        await store.share(tx, win.id, now)
        rows = await offer_reactions(tx, couple.id, me.id, partner.id, Subject.WIN, now)
        await outbox.add(
            tx,
            partner.id,
            "win",
            lambda: views.relay(win, me, rows),
            now,
            couple_id=couple.id,
            author_id=me.id,
        )
    return Sent(win, partner)


async def drop(mend: Mend, user_id: int, win_id: int) -> User:
    """Don't send: nothing is kept; returns the partner it was not sent to."""
    async with mend.db.transaction() as tx:
        win, _, _, partner = await _draft(tx, user_id, win_id)
        await store.drop(tx, win.id)
    return partner


async def listing(mend: Mend, user_id: int, offset: int = 0) -> Listing:
    """/wins: the couple's wins, newest first, a page at a time."""
    async with mend.db.read() as tx:
        couple, me, partner = await paired(tx, user_id, texts.TOGETHER_NOT_PAIRED)
        total = await store.count_shared(tx, couple.id)
        threshold = await couples.low_threshold(tx, couple.id)
        if total == 0:
            return Listing(me, partner, [], 0, 0, threshold)
        offset = pages.clamp(offset, total, views.PAGE)
        page = await store.shared(tx, couple.id, views.PAGE, offset)
    return Listing(me, partner, page, offset, total, threshold)


async def threshold_of(mend: Mend, user_id: int) -> int | None:
    """The couple's threshold (0: off), or None when the user is not paired."""
    async with mend.db.read() as tx:
        couple = await couples.active_for(tx, user_id)
        return None if couple is None else await couples.low_threshold(tx, couple.id)


async def set_threshold(mend: Mend, user_id: int, value: str) -> int:
    """/wins threshold 4 (or off): when a past win is offered after a check-in."""
    cleaned = value.strip().lower()
    if cleaned in ("off", "0", "never"):
        threshold = 0
    elif cleaned.isdigit() and 1 <= int(cleaned) <= 9:
        threshold = int(cleaned)
    else:
        raise InvalidInput(views.WINS_THRESHOLD_USAGE)
    async with mend.db.transaction() as tx:
        couple, _, _ = await paired(tx, user_id, texts.TOGETHER_NOT_PAIRED)
        await couples.set_low_threshold(tx, couple.id, threshold)
    return threshold


async def offer_on_low_score(
    tx: Tx, user: User, couple_id: int | None, score: int, now: datetime
) -> None:
    """After a check-in at or below the couple's threshold: privately offer a past win."""
    if couple_id is None:
        return
    threshold = await couples.low_threshold(tx, couple_id)
    if score > threshold or await store.count_shared(tx, couple_id) == 0:
        return
    await outbox.add(tx, user.id, "win_offer", lambda: views.offer(), now, couple_id=couple_id)


async def revisit(mend: Mend, user_id: int) -> Revisit:
    """Show me: a random past win."""
    async with mend.db.read() as tx:
        couple, me, partner = await paired(tx, user_id, texts.TOGETHER_NOT_PAIRED)
        win = await store.random_shared(tx, couple.id)
    if win is None or win.shared_at is None:
        raise Stale(views.WINS_NONE)
    return Revisit(win, me, partner)


async def export(tx: Tx, mend: Mend, scope: ExportScope) -> dict[str, Any]:
    """/export: the wins the user wrote, and those a partner sent them."""
    me, when = scope.me, scope.when
    wins = await store.in_couples(tx, scope.couple_ids)

    def entry(w: Win) -> dict[str, Any]:
        return {"text": w.body, "status": str(w.status), "shared_at": when(w.shared_at)}

    return {
        "written_by_you": {"wins": [entry(w) for w in wins if w.author_id == me.id]},
        "shared_with_you": {
            "wins": [entry(w) for w in wins if w.author_id != me.id and w.status == Status.SHARED]
        },
    }
