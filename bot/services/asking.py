"""Giving a user a prompt: choosing it, recording the ask, and rendering the message."""

import asyncio
from collections.abc import Sequence
from datetime import datetime

from bot import texts
from bot.domain.prompting import GRATITUDE_ANSWER_WINDOW, SCALE, choose_prompt, local_day
from bot.kernel import outbox
from bot.kernel.db import Tx, from_ts, to_ts
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Button, Outgoing
from bot.kernel.people import is_paused
from bot.prompts import Prompt
from bot.storage import asks, batch, couples, users
from bot.storage.models import Ask, Reminder, User


async def new_ask(tx: Tx, mend: Mend, user: User, kind: str, now: datetime) -> Ask:
    """Record a fresh prompt of ``kind`` for the user.

    Partners get the same check-in question on the same day, so the reveal compares like with
    like; otherwise the least-used eligible prompt across both partners is chosen.
    """
    assert user.tz is not None
    day = local_day(now, user.tz)
    couple = await couples.active_for(tx, user.id)
    prompt_set = mend.prompts.kind(kind)
    prompt: Prompt | None = None
    if couple is not None and kind == "checkin":
        shared_id = await asks.couple_prompt_for_day(tx, couple.id, kind, day)
        prompt = mend.prompts.get(shared_id) if shared_id else None
    if prompt is None:
        members = (couple.inviter_id, couple.joiner_id) if couple else (user.id,)
        shared_days = await asks.shared_days(tx, couple.id, user.id) if couple else 0
        usage = await asks.prompt_usage(tx, members, kind)
        prompt = choose_prompt(prompt_set.eligible(shared_days), usage)
    return await asks.create(
        tx,
        user_id=user.id,
        couple_id=couple.id if couple else None,
        kind=kind,
        prompt_id=prompt.id,
        answer=prompt.answer,
        day=day,
        now=now,
    )


async def queue_prompt(tx: Tx, mend: Mend, user: User, ask: Ask, now: datetime) -> None:
    """Put the prompt message for an ask in the outbox."""
    message = await render_ask(tx, mend, ask)
    await outbox.add(tx, user.id, "prompt", message, now, ask_id=ask.id)


async def render_ask(tx: Tx, mend: Mend, ask: Ask) -> Outgoing:
    """The prompt message with its answer buttons and Remind me / Skip today."""
    couple = await couples.active_for(tx, ask.user_id)
    partner = await users.get(tx, couple.partner_of(ask.user_id)) if couple else None
    return render_prompt(mend, ask, partner.first_name if partner is not None else None)


def render_prompt(mend: Mend, ask: Ask, partner_name: str | None) -> Outgoing:
    """:func:`render_ask` once the partner's first name (or None: no partner) is known."""
    prompt = mend.prompts.get(ask.prompt_id)
    question = texts.escape(prompt.text) if prompt else texts.PROMPT_GONE
    rows: list[tuple[Button, ...]] = []
    if ask.kind == "checkin":
        title = texts.CHECKIN_TITLE
        if partner_name is not None:
            footer = texts.CHECKIN_PRIVATE_UNTIL.format(name=texts.escape(partner_name))
        else:
            footer = texts.CHECKIN_PRIVATE_SOLO
        if ask.answer == "scale":
            scale = [Button(str(n), f"ck:{ask.id}:{n}") for n in SCALE]
            rows += [tuple(scale[:5]), tuple(scale[5:])]
            footer = texts.SCALE_HINT + "\n" + footer
        elif ask.answer == "choice" and prompt is not None:
            rows += [(Button(c, f"ck:{ask.id}:{i}"),) for i, c in enumerate(prompt.choices)]
        else:
            footer = texts.TEXT_HINT + "\n" + footer
    else:
        title = texts.GRATITUDE_TITLE
        footer = texts.GRATITUDE_HINT
    rows.append(
        (Button(texts.BUTTON_SNOOZE, f"sz:{ask.id}"), Button(texts.BUTTON_SKIP, f"sk:{ask.id}"))
    )
    return Outgoing(f"<b>{title}</b>\n{question}\n\n<i>{footer}</i>", tuple(rows))


def answer_label(mend: Mend, ask: Ask) -> str:
    """An answer as the partner sees it: '7/10', the chosen option, or the words, plus a note."""
    prompt = mend.prompts.get(ask.prompt_id)
    if ask.answer == "scale" and ask.value is not None:
        label = f"<b>{ask.value}/10</b>"
        return label + (f" — “{texts.escape(ask.body)}”" if ask.body else "")
    if ask.answer == "choice" and ask.value is not None:
        choice = prompt.choices[ask.value] if prompt and ask.value < len(prompt.choices) else "?"
        label = f"<b>{texts.escape(choice)}</b>"
        return label + (f" — “{texts.escape(ask.body)}”" if ask.body else "")
    return f"“{texts.escape(ask.body or '')}”"


def is_current(ask: Ask, user: User, now: datetime) -> bool:
    """Can this ask still be answered? A check-in on its own day; gratitude for 24 hours."""
    if ask.kind == "checkin":
        return user.tz is not None and ask.day == local_day(now, user.tz)
    return now - ask.created_at <= GRATITUDE_ANSWER_WINDOW


BATCH = 500  # snoozed prompts per transaction
YIELD_EVERY = 100  # reminders worked between yields to the event loop, within a batch


async def fire_reminders(tx: Tx, mend: Mend, due: Sequence[Reminder], now: datetime) -> int:
    """Queue the prompts for a batch of due prompt reminders (run by the tick).

    Does for the batch what :func:`new_ask` does for each reminder in turn (skip the paused
    and those already asked today; partners share the day's check-in question; otherwise the
    least-used eligible prompt), with one query per kind of lookup instead of one per row.
    What one reminder of the batch asks is seen by those after it. Returns how many it queued.
    """
    if not due:
        return 0
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
    eligible_of: dict[tuple[str, int], tuple[Prompt, ...]] = {}
    next_id = await batch.next_ask_id(tx)
    created = from_ts(to_ts(now))
    new_asks: list[Ask] = []
    prompts: list[tuple[int, Outgoing, int]] = []
    for position, reminder in enumerate(due, 1):
        if position % YIELD_EVERY == 0:
            await asyncio.sleep(0)  # keep each stretch on the event loop short
        user = people.get(reminder.user_id)
        if user is None or user.tz is None:
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
    return len(prompts)


async def fire_snoozed(mend: Mend) -> int:
    """Run by the tick: prompts whose "Remind me in 1 h" has come, sent again."""
    now = mend.clock.now()
    queued = 0
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
            return queued
