"""The tick: runs each registered feature's scheduled work.

Due reminders are read a batch at a time; in the transaction that moves them on to their
next time, each feature gets the fresh ones of the kinds it declared (late ones, from a bot
that was down, wait for their next time). Then each feature's jobs run.
"""

import asyncio
import logging
from collections import defaultdict
from datetime import datetime, timedelta

from bot.domain.prompting import LATE_LIMIT
from bot.domain.schedule import next_due
from bot.kernel.db import Tx
from bot.kernel.mend import Mend
from bot.storage import batch, reminders
from bot.storage.models import Reminder

log = logging.getLogger(__name__)

BATCH = 500  # rows per transaction, so a busy minute never holds the event loop for long


async def tick(mend: Mend) -> int:
    """Handle everything due now; returns how many messages were queued."""
    now = mend.clock.now()
    queued = 0
    while True:
        async with mend.db.transaction() as tx:
            due = await reminders.due(tx, now, BATCH)
            moves, fresh = await _next_times(tx, due, now)
            for feature in mend.features:
                for kind, job in feature.reminder_kinds.items():
                    if fresh[kind]:
                        queued += await job(tx, mend, fresh[kind], now)
            await reminders.advance(tx, moves)
        if len(due) < BATCH:
            break
        await asyncio.sleep(0)  # let updates and the sender in between batches
    for feature in mend.features:
        for run in feature.jobs:
            queued += await run(mend)
    return queued


async def _next_times(
    tx: Tx, due: list[Reminder], now: datetime
) -> tuple[list[tuple[int, datetime]], dict[str, list[Reminder]]]:
    """Each due reminder's next time, and the ones to act on now, by kind.

    Many reminders of a batch share a zone and a time: each next time is computed once.
    """
    moves: list[tuple[int, datetime]] = []
    fresh: dict[str, list[Reminder]] = defaultdict(list)
    zones = await batch.timezones(tx, {r.user_id for r in due})
    next_of: dict[tuple[str, int, int, int], datetime] = {}
    for reminder in due:
        zone = zones.get(reminder.user_id)
        if zone is None:
            moves.append((reminder.id, now + timedelta(days=1)))
            continue
        slot = (zone.key, reminder.hour, reminder.minute, reminder.days)
        upcoming = next_of.get(slot)
        if upcoming is None:
            upcoming = next_of[slot] = next_due(
                now, zone, reminder.hour, reminder.minute, reminder.days
            )
        moves.append((reminder.id, upcoming))
        if now - reminder.next_due_at > LATE_LIMIT:
            log.info(
                "Reminder %d was %s late; waiting for its next time",
                reminder.id,
                now - reminder.next_due_at,
            )
            continue
        fresh[reminder.kind].append(reminder)
    return moves, fresh
