"""The tick: turns due reminders and "remind me later"s into outbox rows."""

import asyncio
import logging
from datetime import datetime, timedelta

from bot.core import Mend
from bot.domain.prompting import LATE_LIMIT, choose_prompt, local_day
from bot.domain.schedule import next_due
from bot.outgoing import Outgoing
from bot.prompts import Prompt
from bot.services import agreement, disclosure, promises, review, timeouts
from bot.services.accounts import is_paused
from bot.services.answers import is_current
from bot.services.asking import queue_prompt, render_prompt
from bot.storage import asks, batch, reminders, users
from bot.storage.db import Tx, from_ts, to_ts
from bot.storage.models import Ask, Reminder

log = logging.getLogger(__name__)

BATCH = 500  # rows per transaction, so a busy minute never holds the event loop for long
YIELD_EVERY = 100  # reminders worked between yields to the event loop, within a batch


async def tick(mend: Mend) -> int:
    """Handle everything due now; returns how many prompts were queued."""
    now = mend.clock.now()
    queued = 0
    while True:
        async with mend.db.transaction() as tx:
            due = await reminders.due(tx, now, BATCH)
            moves, sent = await _fire_batch(tx, mend, due, now)
            queued += sent
            # "Anything to share?" checks under a disclosure agreement.
            checks = [r.user_id for r in due if r.kind == "disclosure" and not _late(r, now)]
            queued += await disclosure.queue_checks(tx, checks, now)
            # Weekly reviews due: recorded now, drawn and queued by review.render_due below.
            await review.request_due(tx, due, now)
            # Promises made without a time are asked about at the author's next check-in.
            checkins = [r.user_id for r in due if r.kind == "checkin" and not _late(r, now)]
            queued += await promises.ask_undated(tx, checkins, now)
            await reminders.advance(tx, moves)
        if len(due) < BATCH:
            break
        await asyncio.sleep(0)  # let updates and the sender in between batches
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
    queued += await agreement.review_due(mend)
    queued += await review.render_due(mend)
    queued += await promises.ask_due(mend)
    queued += await timeouts.end_due(mend)
    return queued


def _late(reminder: Reminder, now: datetime) -> bool:
    """Too late to send: it waits for its next time."""
    return now - reminder.next_due_at > LATE_LIMIT


async def _fire_batch(
    tx: Tx, mend: Mend, due: list[Reminder], now: datetime
) -> tuple[list[tuple[int, datetime]], int]:
    """Queue the prompts for a batch of due reminders; return their next due times.

    Does for the batch what firing each reminder in turn would do (skip the late, the paused
    and those already asked today; partners share the day's check-in question; otherwise the
    least-used eligible prompt), with one query per kind of lookup instead of one per row.
    What one reminder of the batch asks is seen by those after it.
    """
    moves: list[tuple[int, datetime]] = []
    if not due:
        return moves, 0
    due_ids = {r.user_id for r in due}
    couple_of = await batch.active_couples(tx, due_ids)
    partner_ids = {c.partner_of(u) for u, c in couple_of.items()}
    # Only partners' names are shown (in the prompt's footer): only those are decrypted.
    partners = await batch.users_by_id(tx, due_ids | partner_ids, named=partner_ids)
    people = {uid: partners[uid] for uid in due_ids if uid in partners}
    day_of: dict[str, str] = {}  # timezone -> the local date now, computed once per zone
    for u in people.values():
        if u.timezone is not None and u.timezone not in day_of and u.tz is not None:
            day_of[u.timezone] = local_day(now, u.tz)
    days = set(day_of.values())
    user_ids = set(people)
    asked = await batch.asked_on(tx, user_ids, days)
    couple_ids = {c.id for u, c in couple_of.items() if u in user_ids}
    first_checkin = await batch.first_prompts(tx, couple_ids, "checkin", days)
    members = user_ids | {c.partner_of(u) for u, c in couple_of.items() if u in user_ids}
    usage = await batch.prompt_usage(tx, members, {r.kind for r in due})
    shared = await batch.shared_days(
        tx, {(c.id, u) for u, c in couple_of.items() if u in user_ids}
    )
    # Many reminders of a batch share a zone and a time, and most share eligibility.
    next_of: dict[tuple[str, int, int, int], datetime] = {}
    eligible_of: dict[tuple[str, int], tuple[Prompt, ...]] = {}
    next_id = await batch.next_ask_id(tx)
    created = from_ts(to_ts(now))
    new_asks: list[Ask] = []
    prompts: list[tuple[int, Outgoing, int]] = []
    for position, reminder in enumerate(due, 1):
        if position % YIELD_EVERY == 0:
            await asyncio.sleep(0)  # keep each stretch on the event loop short
        user = people.get(reminder.user_id)
        tz = user.tz if user is not None else None
        if user is None or tz is None:
            moves.append((reminder.id, now + timedelta(days=1)))
            continue
        slot = (user.timezone or "", reminder.hour, reminder.minute, reminder.days)
        upcoming = next_of.get(slot)
        if upcoming is None:
            upcoming = next_of[slot] = next_due(
                now, tz, reminder.hour, reminder.minute, reminder.days
            )
        moves.append((reminder.id, upcoming))
        if now - reminder.next_due_at > LATE_LIMIT:
            log.info(
                "Reminder %d was %s late; waiting for its next time",
                reminder.id,
                now - reminder.next_due_at,
            )
            continue
        kind = reminder.kind
        if is_paused(user, now) or kind not in mend.prompts.sets:
            continue
        # One prompt of a kind per day: a user who already has today's check-in is not asked again.
        day = day_of[user.timezone or ""]
        if (user.id, kind, day) in asked:
            continue
        couple = couple_of.get(user.id)
        prompt: Prompt | None = None
        if couple is not None and kind == "checkin":
            shared_id = first_checkin.get((couple.id, day))
            prompt = mend.prompts.get(shared_id) if shared_id else None
        if prompt is None:
            group = (couple.inviter_id, couple.joiner_id) if couple else (user.id,)
            days_shared = shared.get((couple.id, user.id), 0) if couple else 0
            counts: dict[str, int] = {}
            for member in group:
                for prompt_id, n in usage[(member, kind)].items():
                    counts[prompt_id] = counts.get(prompt_id, 0) + n
            eligible = eligible_of.get((kind, days_shared))
            if eligible is None:
                eligible = eligible_of[(kind, days_shared)] = mend.prompts.kind(kind).eligible(
                    days_shared
                )
            prompt = choose_prompt(eligible, counts)
        ask = Ask(
            id=next_id,
            user_id=user.id,
            couple_id=couple.id if couple else None,
            kind=kind,
            prompt_id=prompt.id,
            answer=prompt.answer,
            day=day,
            status="open",
            value=None,
            body=None,
            message_id=None,
            created_at=created,
            answered_at=None,
            revealed_at=None,
            shared_at=None,
        )
        next_id += 1
        new_asks.append(ask)
        asked.add((user.id, kind, day))
        mine = usage[(user.id, kind)]
        mine[prompt.id] = mine.get(prompt.id, 0) + 1
        if couple is not None and kind == "checkin":
            first_checkin.setdefault((couple.id, day), prompt.id)
        partner = partners.get(couple.partner_of(user.id)) if couple else None
        name = partner.first_name if partner is not None else None
        prompts.append((user.id, render_prompt(mend, ask, name), ask.id))
    await batch.create_asks(tx, new_asks)
    await batch.add_prompts(tx, prompts, now)
    return moves, len(prompts)
