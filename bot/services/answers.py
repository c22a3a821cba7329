"""Free-text answers, Remind me in 1 h and Skip today, for any kind of prompt."""

import unicodedata
from datetime import datetime

from bot import texts
from bot.core import Mend
from bot.domain import schedule
from bot.domain.prompting import GRATITUDE_ANSWER_WINDOW, SNOOZE, local_day
from bot.errors import NotAllowed, Stale
from bot.outgoing import Outgoing
from bot.services import checkin, gratitude
from bot.services.accounts import require_user
from bot.storage import asks, outbox, users
from bot.storage.db import Tx
from bot.storage.models import Ask, User


def is_current(ask: Ask, user: User, now: datetime) -> bool:
    """Can this ask still be answered? A check-in on its own day; gratitude for 24 hours."""
    if ask.kind == "checkin":
        return user.tz is not None and ask.day == local_day(now, user.tz)
    return now - ask.created_at <= GRATITUDE_ANSWER_WINDOW


async def answer(mend: Mend, user_id: int, text: str, reply_to: int | None) -> Outgoing:
    """A text message: the answer to the prompt it replies to, or to the newest open prompt."""
    now = mend.clock.now()
    text = text.strip()
    async with mend.db.transaction() as tx:
        user = await require_user(tx, user_id)
        ask = await asks.by_message(tx, user_id, reply_to) if reply_to is not None else None
        if ask is None:
            ask = await asks.latest_waiting_for_text(tx, user_id, now - GRATITUDE_ANSWER_WINDOW)
            if ask is None or not is_current(ask, user, now):
                raise NotAllowed(texts.NOTHING_OPEN)
        elif not is_current(ask, user, now):
            raise Stale(
                texts.CHECKIN_DAY_PASSED if ask.kind == "checkin" else texts.PROMPT_EXPIRED
            )
        if _is_blank(text):
            raise NotAllowed(texts.EMPTY_ANSWER)
        waiting = ask.status == "noting" or (ask.status == "open" and ask.answer == "text")
        if not waiting:
            raise Stale(_why_not_waiting(ask))
        if ask.kind == "checkin":
            return await checkin.answer_text(tx, mend, user, ask, text)
        return await gratitude.write(tx, mend, user, ask, text)


def _is_blank(text: str) -> bool:
    """Nothing visible: only spaces and invisible format characters (zero-width space, ...)."""
    return all(char.isspace() or unicodedata.category(char) == "Cf" for char in text)


def _why_not_waiting(ask: Ask) -> str:
    if ask.status == "open":
        return texts.USE_BUTTONS
    if ask.status in {"done", "draft", "sent", "kept"}:
        return texts.ALREADY_ANSWERED
    return texts.STALE_BUTTON


async def _own_open_ask(tx: Tx, mend: Mend, user_id: int, ask_id: int) -> tuple[Ask, User]:
    ask = await asks.get(tx, ask_id)
    user = await users.get(tx, user_id)
    if ask is None or user is None or ask.user_id != user_id:
        raise Stale(texts.STALE_BUTTON)
    if ask.status not in {"open", "noting"}:
        raise Stale(_why_not_waiting(ask) if ask.status != "skipped" else texts.ALREADY_SKIPPED)
    if not is_current(ask, user, mend.clock.now()):
        raise Stale(texts.CHECKIN_DAY_PASSED if ask.kind == "checkin" else texts.PROMPT_EXPIRED)
    return ask, user


async def snooze(mend: Mend, user_id: int, ask_id: int) -> Outgoing:
    """Remind me in 1 h: the tick sends the prompt again then."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        ask, user = await _own_open_ask(tx, mend, user_id, ask_id)
        await asks.set_remind_at(tx, ask.id, now + SNOOZE)
    assert user.tz is not None
    local = (now + SNOOZE).astimezone(user.tz)
    return Outgoing(texts.SNOOZED.format(time=schedule.format_time(local.hour, local.minute)))


async def skip(mend: Mend, user_id: int, ask_id: int) -> Outgoing:
    """Skip today: no answer, no follow-up, no judgement."""
    async with mend.db.transaction() as tx:
        ask, _ = await _own_open_ask(tx, mend, user_id, ask_id)
        await asks.set_status(tx, ask.id, "skipped")
        await outbox.cancel_for_ask(tx, ask.id)
    return Outgoing(texts.SKIPPED)


async def remember_message(mend: Mend, ask_id: int, message_id: int) -> None:
    """Link a prompt sent as a direct reply to its Telegram message, for reply matching."""
    async with mend.db.transaction() as tx:
        await asks.set_message(tx, ask_id, message_id)
