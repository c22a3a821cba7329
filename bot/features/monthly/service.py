"""The monthly reflection: given at a check-in reminder on the day of the month the couple
paired, answered in the user's own words, and revealed to both once both answered."""

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from functools import partial
from typing import Any

from bot import texts
from bot.features.monthly import calendar, store, views
from bot.features.monthly.models import KIND, Answered, Saved, Switched
from bot.features.prompts import (
    Ask,
    AskStatus,
    ask_for_day,
    asks_of,
    queue_prompts,
    record_answer,
    reveal_both,
)
from bot.features.reactions import Subject
from bot.kernel import outbox
from bot.kernel.db import Tx
from bot.kernel.errors import NotAllowed
from bot.kernel.feature import ExportScope
from bot.kernel.mend import Mend
from bot.kernel.people import require_user
from bot.storage import couples, users
from bot.storage.models import Couple, Reminder, User, zone

# A reflection can be answered for this long after it came: long enough for a busy week.
ANSWER_WINDOW = timedelta(days=10)
MAX_CHARS = 1500


def period_of(user: User, couple: Couple | None, now: datetime) -> str | None:
    """Which month together ("1", "2", ...) has its reflection today for this user: only for
    a couple, on the day of the month they paired, in the user's own timezone (so each partner
    gets it on their own day of that month, and both answer the same month's)."""
    if couple is None or user.tz is None:
        return None
    today = now.astimezone(user.tz).date()
    months = calendar.reflection_on(today, couple.created_at.astimezone(user.tz).date())
    return None if months is None else str(months)


def is_current(ask: Ask, user: User, now: datetime) -> bool:
    return now - ask.created_at <= ANSWER_WINDOW


async def on_checkin_reminders(tx: Tx, mend: Mend, due: Sequence[Reminder], now: datetime) -> int:
    """At the check-in time on the day of the month the couple paired: that month's
    reflection (the pipeline gives a kind once per period), unless they turned it off.

    Most days are no one's reflection day: one light query finds whose it is before the
    pipeline is asked for anything."""
    today_in: dict[str, date] = {}  # timezone -> its date now
    todays = set()
    for user_id, timezone, paired_at in await store.pairing_days(tx, {r.user_id for r in due}):
        tz = zone(timezone)
        today = today_in.get(timezone)
        if today is None:
            today = today_in[timezone] = now.astimezone(tz).date()
        paired_on = datetime.fromtimestamp(paired_at, tz).date()
        if calendar.reflection_on(today, paired_on) is not None:
            todays.add(user_id)
    if not todays:
        return 0
    return await queue_prompts(
        tx, mend, [(r.user_id, KIND) for r in due if r.user_id in todays], now
    )


async def answer_text(tx: Tx, mend: Mend, user: User, ask: Ask, text: str) -> Answered:
    """The reflection in the user's words; both are shown each other's once both answered."""
    if len(text) > MAX_CHARS:
        raise NotAllowed(texts.TOO_LONG.format(limit=MAX_CHARS, length=len(text)))
    now = mend.clock.now()
    ask = await record_answer(tx, ask.id, status=AskStatus.DONE, body=text, now=now)
    await outbox.cancel_for_ask(tx, ask.id)
    couple = await couples.active_for(tx, user.id)
    if couple is None or ask.couple_id != couple.id:
        return Answered(ask, Saved.SOLO)
    partner = await users.get(tx, couple.partner_of(user.id))
    assert partner is not None
    theirs = await ask_for_day(tx, partner.id, KIND, ask.day)
    if theirs is None or theirs.status != AskStatus.DONE or theirs.couple_id != couple.id:
        return Answered(ask, Saved.WAITING, partner.first_name)
    reveal = partial(views.reveal, mend)
    pair = ((user, ask), (partner, theirs))
    await reveal_both(tx, couple, pair, reveal, now, answerable=Subject.MONTHLY)
    return Answered(ask, Saved.REVEALING)


async def switch(mend: Mend, user_id: int, on: bool) -> Switched:
    """/remind monthly on|off."""
    async with mend.db.transaction() as tx:
        await require_user(tx, user_id)
        await store.set_off(tx, user_id, not on)
    return Switched.ON if on else Switched.OFF


async def is_on(tx: Tx, user_id: int) -> bool:
    return not await store.is_off(tx, user_id)


async def export(tx: Tx, mend: Mend, scope: ExportScope) -> dict[str, Any]:
    """/export: the user's reflections, and a partner's once shown to them."""
    when = scope.when

    def entry(ask: Ask) -> dict[str, Any]:
        prompt = mend.prompts.get(ask.prompt_id)
        return {
            "month_together": int(ask.day),
            "question": prompt.text if prompt else None,
            "text": ask.body,
            "answered_at": when(ask.answered_at),
        }

    mine = [
        {**entry(a), "shown_to_partner_at": when(a.revealed_at)}
        for a in await asks_of(tx, scope.me.id)
        if a.kind == KIND and a.status == AskStatus.DONE
    ]
    theirs = []
    for couple, _ in scope.couples:
        partner_id = couple.partner_of(scope.me.id)
        theirs += [
            {
                **entry(a),
                "from": scope.names.get(partner_id, ""),
                "shown_to_you_at": when(a.revealed_at),
            }
            for a in await asks_of(tx, partner_id)
            if a.kind == KIND and a.couple_id == couple.id and a.revealed_at is not None
        ]
    return {
        "you": {"monthly_reflection": "on" if await is_on(tx, scope.me.id) else "off"},
        "written_by_you": {"monthly_reflections": mine},
        "shared_with_you": {"monthly_reflections": theirs},
    }
