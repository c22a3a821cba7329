"""Timeouts: a calm pause in a hard conversation, with a time to come back.

The partner gets a fixed, calm message (never anything the asker wrote); at the end the one
who asked is reminded to come back, with I'm ready / 10 more minutes. One running timeout per
couple: asking again extends it.
"""

import re
from datetime import timedelta
from functools import partial

from bot import texts
from bot.features.timeouts import store, views
from bot.features.timeouts.buttons import Choice
from bot.features.timeouts.models import Paused, Ready, Status
from bot.kernel import outbox
from bot.kernel.errors import InvalidInput, Stale
from bot.kernel.mend import Mend
from bot.kernel.people import paired
from bot.storage import couples, users
from bot.storage.models import User

BATCH = 200
TIMEOUT_DEFAULT = 20
TIMEOUT_RANGE = (5, 120)
TIMEOUT_MORE = 10


def parse_minutes(text: str) -> int:
    """/timeout's minutes: '', '30', '30m', '45 min', '1h'."""
    cleaned = text.strip().lower()
    if not cleaned:
        return TIMEOUT_DEFAULT
    match = re.fullmatch(r"(\d{1,4})\s*(m|min|mins|minutes?|h|hr|hrs|hours?)?", cleaned)
    if match is None:
        raise InvalidInput(views.TIMEOUT_BAD.format(given=texts.escape(text.strip()[:40])))
    minutes = int(match[1]) * (60 if (match[2] or "m").startswith("h") else 1)
    low, high = TIMEOUT_RANGE
    if not low <= minutes <= high:
        raise InvalidInput(views.out_of_range(low, high))
    return minutes


def _over_question(timeout_id: int) -> str:
    """The key of a timeout's "I'm ready / 10 more minutes", for when it closes elsewhere."""
    return f"timeout:{timeout_id}"


async def partner_of(mend: Mend, user_id: int) -> User:
    """Whom a timeout would tell (the "timeout" screen); refused when not paired."""
    async with mend.db.read() as tx:
        _, _, partner = await paired(tx, user_id, texts.TOGETHER_NOT_PAIRED)
    return partner


async def start(mend: Mend, user_id: int, args: str) -> Paused:
    """/timeout [minutes]: default 20, 5 to 120; a second one extends the running one."""
    minutes = parse_minutes(args)
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        couple, me, partner = await paired(tx, user_id, texts.TOGETHER_NOT_PAIRED)
        running = await store.running(tx, couple.id)
        if running is None:
            ends_at = now + timedelta(minutes=minutes)
            # A new timeout answers the last one's "I'm ready / 10 more minutes".
            for ended in await store.close_ended(tx, couple.id):
                await outbox.settle(tx, _over_question(ended), now)
            await store.start(tx, couple.id, me.id, now, ends_at)
        else:
            ends_at = max(running.ends_at, now) + timedelta(minutes=minutes)
            await store.extend(tx, running.id, me.id, ends_at)
        paused = Paused(ends_at, running is not None, me, partner)
        # A pause in a conversation happening now: never held until the quiet hours end.
        await outbox.add(
            tx,
            partner.id,
            "timeout",
            lambda: views.told(paused),
            now,
            couple_id=couple.id,
            timely=True,
        )
    return paused


async def end_due(mend: Mend) -> int:
    """Run by the tick: at a timeout's end, remind the one who asked to come back."""
    now = mend.clock.now()
    ended = 0
    async with mend.db.transaction() as tx:
        for timeout in await store.ending(tx, now, BATCH):
            await store.set_status(tx, timeout.id, Status.ENDED)
            couple = await couples.active(tx, timeout.couple_id)
            if couple is None:
                continue
            partner = await users.get(tx, couple.partner_of(timeout.asker_id))
            await outbox.add(
                tx,
                timeout.asker_id,
                "timeout",
                partial(views.over, timeout, partner),
                now,
                couple_id=couple.id,
                question=_over_question(timeout.id),
            )
            ended += 1
    return ended


async def come_back(mend: Mend, user_id: int, timeout_id: int, choice: Choice) -> Paused | Ready:
    """I'm ready (the partner is told) or 10 more minutes (the timeout runs on)."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        couple, me, partner = await paired(tx, user_id, texts.TOGETHER_NOT_PAIRED)
        timeout = await store.get(tx, timeout_id)
        if timeout is None or timeout.couple_id != couple.id or timeout.asker_id != me.id:
            raise Stale(texts.STALE_BUTTON)
        if timeout.status != Status.ENDED:
            raise Stale(views.TIMEOUT_CLOSED)
        result: Paused | Ready
        notice: outbox.Render
        if choice == Choice.READY:
            await store.set_status(tx, timeout.id, Status.DONE)
            notice = partial(views.ready_told, me)
            result = Ready(partner)
        else:
            ends_at = now + timedelta(minutes=TIMEOUT_MORE)
            await store.extend(tx, timeout.id, me.id, ends_at)
            paused = Paused(ends_at, True, me, partner)
            notice = partial(views.told, paused)
            result = paused
        await outbox.add(tx, partner.id, "timeout", notice, now, couple_id=couple.id, timely=True)
    return result
