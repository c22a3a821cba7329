"""Check-ins: answering, the optional note, and the reveal once both partners answered."""

from datetime import datetime

from bot import texts
from bot.domain.prompting import SCALE, local_day
from bot.features import promises, wins
from bot.kernel import outbox
from bot.kernel.db import Tx
from bot.kernel.errors import NotAllowed, Stale
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Button, Outgoing, buttons
from bot.kernel.people import is_paused, require_timezone, require_user
from bot.services.asking import answer_label, new_ask, render_ask
from bot.storage import asks, couples, users
from bot.storage.models import Ask, User

NOTE_LIMIT = 500
TEXT_ANSWER_LIMIT = 1000


async def checkin_now(mend: Mend, user_id: int) -> tuple[Outgoing, int]:
    """/checkin: today's check-in, new or still open; returns the message and the ask id."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        user = await require_user(tx, user_id)
        require_timezone(user)
        assert user.tz is not None
        ask = await asks.for_day(tx, user_id, "checkin", local_day(now, user.tz))
        if ask is not None and ask.status == "done":
            raise NotAllowed(texts.ALREADY_CHECKED_IN.format(answer=answer_label(mend, ask)))
        if ask is not None and ask.status == "noting":
            return Outgoing(texts.NOTE_WAITING, _note_buttons(ask)), ask.id
        if ask is None:
            ask = await new_ask(tx, mend, user, "checkin", now)
            await promises.ask_undated(tx, [user.id], now)
        elif ask.status == "skipped":
            await asks.set_status(tx, ask.id, "open")
        return await render_ask(tx, mend, ask), ask.id


def _note_buttons(ask: Ask) -> tuple[tuple[Button, ...], ...]:
    return buttons([(texts.BUTTON_NO_NOTE, f"nn:{ask.id}")])


async def open_checkin(tx: Tx, mend: Mend, user_id: int, ask_id: int) -> tuple[Ask, User]:
    """The user's own check-in ask that is still for today, or a Stale error."""
    ask = await asks.get(tx, ask_id)
    user = await users.get(tx, user_id)
    if ask is None or user is None or ask.user_id != user_id or ask.kind != "checkin":
        raise Stale(texts.STALE_BUTTON)
    assert user.tz is not None
    if ask.day != local_day(mend.clock.now(), user.tz):
        raise Stale(texts.CHECKIN_DAY_PASSED)
    if ask.status == "done":
        raise Stale(texts.ALREADY_CHECKED_IN.format(answer=answer_label(mend, ask)))
    return ask, user


async def choose(mend: Mend, user_id: int, ask_id: int, value: int) -> Outgoing:
    """A scale or choice button: record it, then offer the optional note."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        ask, _ = await open_checkin(tx, mend, user_id, ask_id)
        prompt = mend.prompts.get(ask.prompt_id)
        valid = (ask.answer == "scale" and value in SCALE) or (
            ask.answer == "choice" and prompt is not None and 0 <= value < len(prompt.choices)
        )
        if not valid or ask.status not in {"open", "noting", "skipped"}:
            raise Stale(texts.STALE_BUTTON)
        ask = await asks.update(tx, ask.id, status="noting", value=value, now=now)
        await outbox.cancel_for_ask(tx, ask.id)
    chosen = texts.YOU_ANSWERED.format(answer=answer_label(mend, ask))
    return Outgoing(chosen + "\n\n" + texts.NOTE_INVITE, _note_buttons(ask))


async def finish_without_note(mend: Mend, user_id: int, ask_id: int) -> Outgoing:
    """The No note button."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        ask, user = await open_checkin(tx, mend, user_id, ask_id)
        if ask.status != "noting":
            raise Stale(texts.STALE_BUTTON)
        ask = await asks.update(tx, ask.id, status="done", now=now)
        status = await complete(tx, mend, user, ask, now)
    return Outgoing(texts.YOU_ANSWERED.format(answer=answer_label(mend, ask)) + "\n\n" + status)


async def answer_text(tx: Tx, mend: Mend, user: User, ask: Ask, text: str) -> Outgoing:
    """A typed message for an open check-in: the answer itself, or the note after a score."""
    limit = NOTE_LIMIT if ask.status == "noting" else TEXT_ANSWER_LIMIT
    if len(text) > limit:
        raise NotAllowed(texts.TOO_LONG.format(limit=limit, length=len(text)))
    now = mend.clock.now()
    ask = await asks.update(tx, ask.id, status="done", body=text, now=now)
    await outbox.cancel_for_ask(tx, ask.id)
    status = await complete(tx, mend, user, ask, now)
    return Outgoing(texts.YOU_ANSWERED.format(answer=answer_label(mend, ask)) + "\n\n" + status)


async def complete(tx: Tx, mend: Mend, user: User, ask: Ask, now: datetime) -> str:
    """After an answer is final: reveal both if the partner answered too, else nudge them once.
    A hard day (a score at or below the couple's threshold) is offered a past win, privately."""
    if ask.answer == "scale" and ask.value is not None:
        await wins.offer_on_low_score(tx, user, ask.couple_id, ask.value, now)
    couple = await couples.active_for(tx, user.id)
    if couple is None or ask.couple_id != couple.id:
        return texts.CHECKIN_SAVED_SOLO
    partner = await users.get(tx, couple.partner_of(user.id))
    assert partner is not None
    theirs = await asks.for_day(tx, partner.id, "checkin", ask.day)
    if theirs is not None and theirs.status == "done" and theirs.couple_id == couple.id:
        await asks.mark_revealed(tx, (ask.id, theirs.id), now)
        for reader, mine, other, other_name in (
            (user, ask, theirs, partner.first_name),
            (partner, theirs, ask, user.first_name),
        ):
            message = _reveal(mend, mine, other, other_name)
            await outbox.add(tx, reader.id, "reveal", message, now, couple_id=couple.id)
        return texts.CHECKIN_SAVED_REVEALING
    if partner.tz is not None and not is_paused(partner, now):
        partner_day = local_day(now, partner.tz)
        partner_ask = await asks.for_day(tx, partner.id, "checkin", partner_day)
        answered = partner_ask is not None and partner_ask.status == "done"
        if not answered and await asks.add_nudge(tx, partner.id, partner_day):
            nudge = Outgoing(texts.PARTNER_CHECKED_IN.format(name=texts.escape(user.first_name)))
            await outbox.add(tx, partner.id, "nudge", nudge, now, couple_id=couple.id)
    return texts.CHECKIN_SAVED_WAITING.format(name=texts.escape(partner.first_name))


def _reveal(mend: Mend, mine: Ask, theirs: Ask, their_name: str) -> Outgoing:
    """What one partner sees: the other's answer first, their own beneath it."""

    def question(ask: Ask) -> str:
        prompt = mend.prompts.get(ask.prompt_id)
        return texts.escape(prompt.text) if prompt else texts.PROMPT_GONE

    lines = [f"<b>{texts.REVEAL_TITLE}</b>", question(mine), ""]
    their_line = f"{texts.escape(their_name)}: {answer_label(mend, theirs)}"
    if theirs.prompt_id != mine.prompt_id:
        their_line += f"\n<i>({question(theirs)})</i>"
    lines += [their_line, f"{texts.YOU}: {answer_label(mend, mine)}"]
    return Outgoing("\n".join(lines))
