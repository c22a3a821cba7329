"""The tick: runs each registered feature's scheduled work.

Due reminders are read a batch at a time; in the transaction that moves them on to their
next time, each feature's job gets the fresh ones of the kinds it declared (late ones, from a
bot that was down, wait for their next time). Then the kernel's own jobs run (cleaning the
inbox), then each feature's jobs.
"""

import asyncio
import logging
from collections import defaultdict
from datetime import datetime, timedelta

from bot.domain.prompting import LATE_LIMIT
from bot.domain.schedule import next_due
from bot.kernel import outbox
from bot.kernel.db import Tx
from bot.kernel.feature import Job, ReminderJob
from bot.kernel.heartbeat import is_due as heartbeat_due
from bot.kernel.heartbeat import record as record_heartbeat
from bot.kernel.inbox import clean as clean_inbox
from bot.kernel.mend import Mend
from bot.storage import batch, reminders
from bot.storage.models import Reminder

log = logging.getLogger(__name__)

BATCH = 500  # rows per transaction, so a busy minute never holds the event loop for long
YIELD_EVERY = 100  # reminders worked between yields to the event loop, within a batch
KERNEL_JOBS: tuple[Job, ...] = (clean_inbox,)  # the kernel's own work, before the features'


async def tick(mend: Mend) -> int:
    """Handle everything due now; returns how many messages were queued."""
    # What the tick queues is scheduled, nobody's action: no partner's quiet hours apply.
    token = outbox.ACTOR.set(None)
    try:
        return await _tick(mend)
    finally:
        outbox.ACTOR.reset(token)


async def _tick(mend: Mend) -> int:
    now = mend.clock.now()
    queued = 0
    heartbeat = heartbeat_due(mend.tick_recorded_at, now)
    while True:
        async with mend.db.transaction() as tx:
            if heartbeat:  # at most once a minute, in a transaction opened anyway
                await record_heartbeat(tx, now)
            due = await reminders.due(tx, now, BATCH)
            moves, fresh = await _next_times(tx, due, now)
            for job, jobs_due in _by_job(mend, fresh, due).items():
                queued += await job(tx, mend, jobs_due, now)
            await reminders.advance(tx, moves)
        if heartbeat:  # committed
            mend.tick_recorded_at, heartbeat = now, False
        if len(due) < BATCH:
            break
        await asyncio.sleep(0)  # let updates and the sender in between batches
    for run in KERNEL_JOBS:
        queued += await run(mend)
    for feature in mend.features:
        for run in feature.jobs:
            queued += await run(mend)
    return queued


async def next_scheduled(mend: Mend) -> datetime | None:
    """The next instant after now when something scheduled comes due: a reminder (check-ins,
    gratitude, reviews...) or a message waiting in the outbox ("remind me in 1 h")."""
    now = mend.clock.now()
    async with mend.db.read() as tx:
        times = [await reminders.next_after(tx, now), await outbox.next_after(tx, now)]
    return min((moment for moment in times if moment is not None), default=None)


def _by_job(
    mend: Mend, fresh: dict[str, list[Reminder]], due: list[Reminder]
) -> dict[ReminderJob, list[Reminder]]:
    """The fresh reminders each job is run with, in due order, in registry order of the jobs.

    A job declared for several kinds (the prompt pipeline's, by check-in and gratitude) runs
    once for all of them, so a batch is one set of look-ups whatever its kinds."""
    calls: dict[ReminderJob, list[Reminder]] = {}
    for feature in mend.features:
        for kind, job in feature.reminder_kinds.items():
            if fresh[kind]:
                calls.setdefault(job, []).extend(fresh[kind])
    order = {reminder.id: position for position, reminder in enumerate(due)}
    for reminders_of_job in calls.values():
        reminders_of_job.sort(key=lambda reminder: order[reminder.id])
    return calls


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
    for position, reminder in enumerate(due, 1):
        if position % YIELD_EVERY == 0:
            await asyncio.sleep(0)  # keep each stretch on the event loop short
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
