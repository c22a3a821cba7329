"""The tick: turns due reminders and "remind me later"s into outbox rows."""

import logging
from datetime import datetime, timedelta

from bot.core import Mend
from bot.domain.prompting import LATE_LIMIT, local_day
from bot.domain.schedule import next_due
from bot.services.accounts import is_paused
from bot.services.answers import is_current
from bot.services.asking import new_ask, queue_prompt
from bot.storage import asks, reminders, users
from bot.storage.db import Tx
from bot.storage.models import Reminder

log = logging.getLogger(__name__)

BATCH = 500  # rows per transaction, so a busy minute never holds the event loop for long


async def tick(mend: Mend) -> int:
    """Handle everything due now; returns how many prompts were queued."""
    now = mend.clock.now()
    queued = 0
    while True:
        async with mend.db.transaction() as tx:
            due = await reminders.due(tx, now, BATCH)
            moves: list[tuple[int, datetime]] = []
            for reminder in due:
                moved_to, sent = await _fire(tx, mend, reminder, now)
                moves.append((reminder.id, moved_to))
                queued += sent
            await reminders.advance(tx, moves)
        if len(due) < BATCH:
            break
    while True:
        async with mend.db.transaction() as tx:
            snoozed = await asks.due_reminders(tx, now, BATCH)
            for ask in snoozed:
                await asks.clear_remind_at(tx, ask.id)
                user = await users.get(tx, ask.user_id)
                if user is not None and is_current(ask, user, now) and not is_paused(user, now):
                    await queue_prompt(tx, mend, user, ask, now)
                    queued += 1
        if len(snoozed) < BATCH:
            break
    return queued


async def _fire(tx: Tx, mend: Mend, reminder: Reminder, now: datetime) -> tuple[datetime, int]:
    """Queue the prompt for one due reminder unless it is too late; return its next due time."""
    user = await users.get(tx, reminder.user_id)
    if user is None or user.tz is None:
        return now + timedelta(days=1), 0
    moved_to = next_due(now, user.tz, reminder.hour, reminder.minute, reminder.days)
    if now - reminder.next_due_at > LATE_LIMIT:
        log.info(
            "Reminder %d was %s late; waiting for its next time",
            reminder.id,
            now - reminder.next_due_at,
        )
        return moved_to, 0
    if is_paused(user, now) or reminder.kind not in mend.prompts.sets:
        return moved_to, 0
    # One prompt of a kind per day: a user who already has today's check-in is not asked again.
    if await asks.for_day(tx, user.id, reminder.kind, local_day(now, user.tz)) is not None:
        return moved_to, 0
    ask = await new_ask(tx, mend, user, reminder.kind, now)
    await queue_prompt(tx, mend, user, ask, now)
    return moved_to, 1
