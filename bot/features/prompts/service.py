"""The prompt pipeline: choosing prompts and recording the asks (one function, batch-first,
for the tick and for /checkin and /gratitude alike), snoozed prompts, Remind me and Skip."""

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta

from bot import texts
from bot.domain.prompting import SNOOZE, choose_prompt, local_day
from bot.features.prompts import store, views
from bot.features.prompts.kind import is_known, kind_of
from bot.features.prompts.models import Ask, AskStatus, Given, Snoozed
from bot.features.reactions import Subject, offer_reactions
from bot.kernel import outbox
from bot.kernel.db import Tx, from_ts, to_ts
from bot.kernel.errors import Stale
from bot.kernel.i18n import speaking
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Outgoing
from bot.kernel.people import is_paused
from bot.prompts import Prompt
from bot.storage import batch, couples, users
from bot.storage.models import Couple, Reminder, User

BATCH = 500  # snoozed prompts per transaction
DAY = timedelta(days=1)
YIELD_EVERY = 100  # requests worked between yields to the event loop, within a batch


async def give(
    tx: Tx,
    mend: Mend,
    wanted: Sequence[tuple[int, str]],
    now: datetime,
    *,
    scheduled: bool,
) -> list[Given]:
    """Choose and record a prompt for each ``(user id, kind)``: the one prompt pipeline.

    Partners share the day's prompt of a kind that says so (the check-in), so the reveal
    compares like with like; otherwise the least-used eligible prompt across both partners is
    chosen. ``scheduled`` (the tick's reminders) also skips the paused and those already given
    that kind today: one prompt of a kind per day. On demand (/checkin, /gratitude) it is a
    request of one, and the caller decides. One query per kind of lookup for the whole batch;
    what one request is given is seen by those after it. Users without a timezone are skipped.
    """
    if not wanted:
        return []
    wanted_ids = {user_id for user_id, _ in wanted}
    couple_of = await batch.active_couples(tx, wanted_ids)
    partner_ids = {c.partner_of(u) for u, c in couple_of.items()}
    # Only partners' names are shown (in the prompt's footer): only those are decrypted.
    partners = await batch.users_by_id(tx, wanted_ids | partner_ids, named=partner_ids)
    people = {uid: partners[uid] for uid in wanted_ids if uid in partners}
    day_of: dict[str, str] = {}  # timezone -> the local date now, computed once per zone
    for u in people.values():
        if u.timezone is not None and u.timezone not in day_of and u.tz is not None:
            day_of[u.timezone] = local_day(now, u.tz)
    # What each request is given once per: the local day, or the kind's own period.
    period_of: dict[tuple[int, str], str] = {}
    for user_id, kind in wanted:
        user = people.get(user_id)
        if user is None or user.tz is None or not is_known(kind):
            continue
        period = kind_of(kind).period
        key = period(user, couple_of.get(user_id), now) if period else day_of[user.timezone or ""]
        if key is not None:
            period_of[(user_id, kind)] = key
    if not period_of:
        return []  # nothing to give now (a kind given once a month, on another day)
    days = set(period_of.values())
    user_ids = {user_id for user_id, _ in period_of}
    asked = await store.asked_on(tx, user_ids, days) if scheduled else set()
    couple_ids = {c.id for u, c in couple_of.items() if u in user_ids}
    kinds = {kind for _, kind in wanted if is_known(kind) and kind in mend.prompts.sets}
    first_of = {
        kind: await store.first_prompts(tx, couple_ids, kind, days)
        for kind in kinds
        if kind_of(kind).shared_by_couple
    }
    members = user_ids | {c.partner_of(u) for u, c in couple_of.items() if u in user_ids}
    usage = await store.prompt_usage_of(tx, members, kinds)
    shared = await store.shared_days_of(
        tx, {(c.id, u) for u, c in couple_of.items() if u in user_ids}
    )
    eligible_of: dict[tuple[str, int], tuple[Prompt, ...]] = {}
    next_id = await store.next_ask_id(tx)
    created = from_ts(to_ts(now))
    given: list[Given] = []
    for position, (user_id, kind) in enumerate(wanted, 1):
        if position % YIELD_EVERY == 0:
            await asyncio.sleep(0)  # keep each stretch on the event loop short
        user = people.get(user_id)
        day = period_of.get((user_id, kind))
        if user is None or day is None or kind not in kinds:
            continue
        if scheduled and is_paused(user, now):
            continue
        if (user.id, kind, day) in asked:
            continue
        couple = couple_of.get(user.id)
        first = first_of.get(kind)
        prompt: Prompt | None = None
        if couple is not None and first is not None:
            shared_id = first.get((couple.id, day))
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
            status=AskStatus.OPEN,
            value=None,
            body=None,
            message_id=None,
            created_at=created,
            answered_at=None,
            revealed_at=None,
            shared_at=None,
        )
        next_id += 1
        if scheduled:
            asked.add((user.id, kind, day))
        mine = usage[(user.id, kind)]
        mine[prompt.id] = mine.get(prompt.id, 0) + 1
        if couple is not None and first is not None:
            first.setdefault((couple.id, day), prompt.id)
        partner = partners.get(couple.partner_of(user.id)) if couple else None
        given.append(Given(ask, partner.first_name if partner is not None else None))
    await store.create_asks(tx, [g.ask for g in given])
    await _close_the_day_before(tx, given, now)
    return given


async def _close_the_day_before(tx: Tx, given: Sequence[Given], now: datetime) -> None:
    """A new day's prompt of a kind: the user's unanswered one of that kind from the day
    before loses its buttons (its day is over; one live question of a kind at a time)."""
    before = {
        (g.ask.user_id, g.ask.kind, (date.fromisoformat(g.ask.day) - DAY).isoformat())
        for g in given
        if kind_of(g.ask.kind).period is None
    }
    for user_id, message_id in await store.unanswered_messages(tx, before):
        await outbox.edit(tx, user_id, message_id, now)


async def give_now(tx: Tx, mend: Mend, user: User, kind: str, now: datetime) -> Given:
    """On demand (/checkin, /gratitude): a fresh prompt of ``kind`` for a user with a
    timezone, chosen as the tick would (a request of one)."""
    (given,) = await give(tx, mend, [(user.id, kind)], now, scheduled=False)
    return given


async def fire_reminders(tx: Tx, mend: Mend, due: Sequence[Reminder], now: datetime) -> int:
    """The tick's due reminders of a prompt kind: give and queue the prompts; returns how
    many were queued."""
    return await queue_prompts(tx, mend, [(r.user_id, r.kind) for r in due], now)


async def queue_prompts(
    tx: Tx, mend: Mend, wanted: Sequence[tuple[int, str]], now: datetime
) -> int:
    """Give, as the tick does, a prompt of each ``(user id, kind)`` and queue its message;
    returns how many were queued (a kind already given this day or period is not again)."""
    given = await give(tx, mend, wanted, now, scheduled=True)
    readers = await batch.users_by_id(tx, {one.ask.user_id for one in given}, named=())
    messages = []
    for position, one in enumerate(given, 1):
        if position % YIELD_EVERY == 0:
            await asyncio.sleep(0)  # keep each stretch on the event loop short
        reader = readers.get(one.ask.user_id)
        with speaking(reader.language if reader is not None else None):
            messages.append((one.ask.user_id, views.render_prompt(mend, one), one.ask.id))
    await store.add_prompts(tx, messages, now)
    return len(messages)


async def given(tx: Tx, ask: Ask) -> Given:
    """An ask already given, with its owner's current partner's first name."""
    couple = await couples.active_for(tx, ask.user_id)
    partner = await users.get(tx, couple.partner_of(ask.user_id)) if couple else None
    return Given(ask, partner.first_name if partner is not None else None)


async def render_ask(tx: Tx, mend: Mend, ask: Ask) -> Outgoing:
    """The prompt message of an ask already given (its partner's name looked up now)."""
    return views.render_prompt(mend, await given(tx, ask))


def is_current(ask: Ask, user: User, now: datetime) -> bool:
    """Can this ask still be answered? As its kind says (a check-in on its own day, ...)."""
    return kind_of(ask.kind).is_current(ask, user, now)


async def reveal_both(
    tx: Tx,
    couple: Couple,
    pair: tuple[tuple[User, Ask], tuple[User, Ask]],
    render: Callable[[Ask, Ask, str], Outgoing],
    now: datetime,
    answerable: Subject | None = None,
) -> None:
    """Both partners answered the same prompt: mark both answers revealed and queue each the
    other's, in the caller's transaction. ``render(own, other, other's first name)`` is the
    kind's view of the reveal; with ``answerable``, each reader can answer the other's."""
    (me, mine), (partner, theirs) = pair
    await store.mark_revealed(tx, (mine.id, theirs.id), now)
    for reader, author, own, other in ((me, partner, mine, theirs), (partner, me, theirs, mine)):
        with speaking(reader.language):  # the reveal, and its buttons, in the reader's words
            message = render(own, other, author.first_name)
            if answerable is not None:
                rows = await offer_reactions(tx, couple.id, author.id, reader.id, answerable, now)
                message = replace(message, buttons=(*message.buttons, *rows))
        await outbox.add(tx, reader.id, "reveal", message, now, couple_id=couple.id)


async def fire_snoozed(mend: Mend) -> int:
    """Run by the tick: prompts whose "Remind me in 1 h" has come, sent again."""
    now = mend.clock.now()
    queued = 0
    while True:
        async with mend.db.transaction() as tx:
            snoozed = await store.due_reminders(tx, now, BATCH)
            for ask in snoozed:
                await store.clear_remind_at(tx, ask.id)
                user = await users.get(tx, ask.user_id)
                if user is not None and is_current(ask, user, now) and not is_paused(user, now):
                    with speaking(user.language):
                        message = await render_ask(tx, mend, ask)
                    await outbox.add(tx, user.id, "prompt", message, now, ask_id=ask.id)
                    queued += 1
        if len(snoozed) < BATCH:
            return queued


async def _own_open_ask(tx: Tx, mend: Mend, user_id: int, ask_id: int) -> tuple[Ask, User]:
    ask = await store.get(tx, ask_id)
    user = await users.get(tx, user_id)
    if ask is None or user is None or ask.user_id != user_id:
        raise Stale(texts.STALE_BUTTON)
    if ask.status not in {AskStatus.OPEN, AskStatus.NOTING}:
        raise Stale(
            views.why_not_waiting(ask) if ask.status != "skipped" else views.ALREADY_SKIPPED
        )
    if not is_current(ask, user, mend.clock.now()):
        raise Stale(kind_of(ask.kind).expired)
    return ask, user


async def snooze(mend: Mend, user_id: int, ask_id: int) -> Snoozed:
    """Remind me in 1 h: the tick sends the prompt again then."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        ask, user = await _own_open_ask(tx, mend, user_id, ask_id)
        await store.set_remind_at(tx, ask.id, now + SNOOZE)
    assert user.tz is not None
    local = (now + SNOOZE).astimezone(user.tz)
    return Snoozed(local.hour, local.minute)


async def skip(mend: Mend, user_id: int, ask_id: int) -> None:
    """Skip today: no answer, no follow-up, no judgement."""
    async with mend.db.transaction() as tx:
        ask, _ = await _own_open_ask(tx, mend, user_id, ask_id)
        await store.set_status(tx, ask.id, AskStatus.SKIPPED)
        await outbox.cancel_for_ask(tx, ask.id)


async def remember_message(mend: Mend, ask_id: int, message_id: int) -> None:
    """Link a prompt sent as a direct reply to its Telegram message, for reply matching. The
    message it replaces (the same question asked earlier) loses its buttons: one live copy."""
    async with mend.db.transaction() as tx:
        ask = await store.get(tx, ask_id)
        if ask is not None and ask.message_id is not None and ask.message_id != message_id:
            await outbox.edit(tx, ask.user_id, ask.message_id, mend.clock.now())
        await store.set_message(tx, ask_id, message_id)
