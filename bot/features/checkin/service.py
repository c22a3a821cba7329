"""Check-ins: today's check-in on demand, answering, the optional note, and the reveal once
both partners answered (with a nudge to a partner who hasn't yet)."""

from datetime import datetime
from functools import partial
from typing import Any

from bot import texts
from bot.domain.prompting import SCALE, local_day
from bot.features import promises, wins
from bot.features.checkin import store, views
from bot.features.checkin.models import Completed, NoteStillOpen, Saved
from bot.features.prompts import (
    Ask,
    AskStatus,
    Given,
    ask_for_day,
    asks_of,
    get_ask,
    give_now,
    given,
    record_answer,
    reveal_both,
    set_ask_status,
)
from bot.features.reactions import Subject
from bot.kernel import outbox
from bot.kernel.db import Tx
from bot.kernel.errors import NotAllowed, Stale
from bot.kernel.feature import ExportScope
from bot.kernel.mend import Mend
from bot.kernel.people import is_paused, require_timezone, require_user
from bot.storage import couples, users
from bot.storage.models import User

KIND = "checkin"
# A score this low or lower gets, in its author's own reply only, gentle words and support.
HARD_DAY_SCORE = 2
NOTE_LIMIT = 500
TEXT_ANSWER_LIMIT = 1000


def is_current(ask: Ask, user: User, now: datetime) -> bool:
    """A check-in can be answered on its own day only, so reveals compare the same day."""
    return user.tz is not None and ask.day == local_day(now, user.tz)


async def checkin_now(mend: Mend, user_id: int) -> Given | NoteStillOpen:
    """/checkin: today's check-in, new or still open."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        user = await require_user(tx, user_id)
        require_timezone(user)
        assert user.tz is not None
        ask = await ask_for_day(tx, user_id, KIND, local_day(now, user.tz))
        if ask is not None and ask.status == AskStatus.DONE:
            raise NotAllowed(views.already_checked_in(mend, ask))
        if ask is not None and ask.status == AskStatus.NOTING:
            return NoteStillOpen(ask)
        if ask is None:
            fresh = await give_now(tx, mend, user, KIND, now)
            await promises.ask_undated(tx, [user.id], now)
            return fresh
        if ask.status == AskStatus.SKIPPED:
            await set_ask_status(tx, ask.id, AskStatus.OPEN)
        return await given(tx, ask)


async def _open_checkin(tx: Tx, mend: Mend, user_id: int, ask_id: int) -> tuple[Ask, User]:
    """The user's own check-in ask that is still for today, or a Stale error."""
    ask = await get_ask(tx, ask_id)
    user = await users.get(tx, user_id)
    if ask is None or user is None or ask.user_id != user_id or ask.kind != KIND:
        raise Stale(texts.STALE_BUTTON)
    assert user.tz is not None
    if ask.day != local_day(mend.clock.now(), user.tz):
        raise Stale(views.CHECKIN_DAY_PASSED)
    if ask.status == AskStatus.DONE:
        raise Stale(views.already_checked_in(mend, ask))
    return ask, user


async def choose(mend: Mend, user_id: int, ask_id: int, value: int) -> Ask:
    """A scale or choice button: record it; the optional note may follow."""
    async with mend.db.transaction() as tx:
        return await choose_in(tx, mend, user_id, ask_id, value)


async def choose_in(tx: Tx, mend: Mend, user_id: int, ask_id: int, value: int) -> Ask:
    """A number or a choice, tapped or typed, in the caller's transaction."""
    now = mend.clock.now()
    ask, _ = await _open_checkin(tx, mend, user_id, ask_id)
    prompt = mend.prompts.get(ask.prompt_id)
    valid = (ask.answer == "scale" and value in SCALE) or (
        ask.answer == "choice" and prompt is not None and 0 <= value < len(prompt.choices)
    )
    open_statuses = {AskStatus.OPEN, AskStatus.NOTING, AskStatus.SKIPPED}
    if not valid or ask.status not in open_statuses:
        raise Stale(texts.STALE_BUTTON)
    ask = await record_answer(tx, ask.id, status=AskStatus.NOTING, value=value, now=now)
    await outbox.cancel_for_ask(tx, ask.id)
    return ask


async def finish_without_note(mend: Mend, user_id: int, ask_id: int) -> Completed:
    """The No note button."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        ask, user = await _open_checkin(tx, mend, user_id, ask_id)
        if ask.status != AskStatus.NOTING:
            raise Stale(texts.STALE_BUTTON)
        ask = await record_answer(tx, ask.id, status=AskStatus.DONE, now=now)
        return await complete(tx, mend, user, ask, now)


async def answer_text(tx: Tx, mend: Mend, user: User, ask: Ask, text: str) -> Completed:
    """A typed message for an open check-in: the answer itself, or the note after a score."""
    limit = NOTE_LIMIT if ask.status == AskStatus.NOTING else TEXT_ANSWER_LIMIT
    if len(text) > limit:
        raise NotAllowed(texts.TOO_LONG.format(limit=limit, length=len(text)))
    now = mend.clock.now()
    ask = await record_answer(tx, ask.id, status=AskStatus.DONE, body=text, now=now)
    await outbox.cancel_for_ask(tx, ask.id)
    return await complete(tx, mend, user, ask, now)


async def complete(tx: Tx, mend: Mend, user: User, ask: Ask, now: datetime) -> Completed:
    """After an answer is final: reveal both if the partner answered too, else nudge them once.
    A hard day (a score at or below the couple's threshold) is offered a past win, privately."""
    hard_day = False
    if ask.answer == "scale" and ask.value is not None:
        await wins.offer_on_low_score(tx, user, ask.couple_id, ask.value, now)
        hard_day = ask.value <= HARD_DAY_SCORE
    couple = await couples.active_for(tx, user.id)
    if couple is None or ask.couple_id != couple.id:
        return Completed(ask, Saved.SOLO, hard_day=hard_day)
    partner = await users.get(tx, couple.partner_of(user.id))
    assert partner is not None
    theirs = await ask_for_day(tx, partner.id, KIND, ask.day)
    if theirs is not None and theirs.status == AskStatus.DONE and theirs.couple_id == couple.id:
        reveal = partial(views.reveal, mend)
        pair = ((user, ask), (partner, theirs))
        await reveal_both(tx, couple, pair, reveal, now, answerable=Subject.CHECKIN)
        return Completed(ask, Saved.REVEALING, hard_day=hard_day)
    if partner.tz is not None and not is_paused(partner, now):
        partner_day = local_day(now, partner.tz)
        partner_ask = await ask_for_day(tx, partner.id, KIND, partner_day)
        # Nothing to nudge about once they answered, or chose Skip today.
        settled = {AskStatus.DONE, AskStatus.SKIPPED}
        answered = partner_ask is not None and partner_ask.status in settled
        if not answered and await store.add_nudge(tx, partner.id, partner_day):
            name = user.first_name
            # "Checked in today" is true only today: never held until the quiet hours end.
            await outbox.add(
                tx,
                partner.id,
                "nudge",
                lambda: views.partner_checked_in(name),
                now,
                couple_id=couple.id,
                timely=True,
            )
    return Completed(ask, Saved.WAITING, partner.first_name, hard_day)


async def export(tx: Tx, mend: Mend, scope: ExportScope) -> dict[str, Any]:
    """/export: the user's check-ins, and the partners' ones that were revealed to them."""
    when = scope.when

    def checkin(ask: Ask) -> dict[str, Any]:
        prompt = mend.prompts.get(ask.prompt_id)
        entry: dict[str, Any] = {
            "day": ask.day,
            "question": prompt.text if prompt else None,
            "answer_type": ask.answer,
        }
        if ask.answer == "scale":
            entry["score"] = ask.value
        elif ask.answer == "choice" and ask.value is not None:
            choices = prompt.choices if prompt else ()
            entry["choice"] = choices[ask.value] if ask.value < len(choices) else None
        entry["text" if ask.answer == "text" else "note"] = ask.body
        entry["answered_at"] = when(ask.answered_at)
        return entry

    mine = [
        {**checkin(a), "shown_to_partner_at": when(a.revealed_at)}
        for a in await asks_of(tx, scope.me.id)
        if a.kind == KIND and a.status in {AskStatus.NOTING, AskStatus.DONE}
    ]
    theirs = []
    for couple, _ in scope.couples:
        partner_id = couple.partner_of(scope.me.id)
        theirs += [
            {
                **checkin(a),
                "from": scope.names.get(partner_id, ""),
                "shown_to_you_at": when(a.revealed_at),
            }
            for a in await store.revealed_checkins(tx, couple.id, partner_id)
        ]
    return {"written_by_you": {"checkins": mine}, "shared_with_you": {"checkins": theirs}}
