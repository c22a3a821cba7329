"""The way in and the home screen: set-up one question at a time (timezone, check-in time,
gratitude time, the invite), and where things stand once set up."""

from dataclasses import replace
from datetime import datetime

from bot import texts
from bot.domain import schedule
from bot.domain.text import is_blank
from bot.features import pairing, settings
from bot.features.home.models import (
    Progress,
    Question,
    Skipped,
    Status,
    Step,
    TimeSet,
    ZoneAnswer,
    ZoneChoices,
    ZoneSet,
)
from bot.features.home.zones import likely_zones
from bot.kernel.db import Tx
from bot.kernel.errors import InvalidInput, Stale
from bot.kernel.mend import Mend
from bot.kernel.people import is_paused, partner_name, require_timezone, require_user
from bot.storage import couples, reminders, users
from bot.storage.models import User

INPUT = "setup"  # the words a set-up question waits for: "setup:<step>"
_REMINDER = {
    Step.CHECKIN: settings.ReminderKind.CHECKIN,
    Step.GRATITUDE: settings.ReminderKind.GRATITUDE,
}
MAX_PLACE_LENGTH = 100  # no city, country or zone name is longer


# --- Where set-up stands ---------------------------------------------------------------------


async def start(
    mend: Mend, user_id: int, first_name: str, language: str | None
) -> Question | Status:
    """/start: the first open question of set-up, or the home screen once set up."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        user = await users.upsert(tx, user_id, first_name, now)
        then = await _next(tx, mend, user, now, language)
    return replace(then, welcome=True) if isinstance(then, Question) else then


async def resume(mend: Mend, user_id: int) -> Question | Status:
    """The set-up screen: its first open question (after pairing by invite), or home."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        user = await require_user(tx, user_id)
        return await _next(tx, mend, user, now, None)


async def home(mend: Mend, user_id: int) -> Status:
    """/menu: where things stand."""
    now = mend.clock.now()
    async with mend.db.read() as tx:
        user = await require_user(tx, user_id)
        return await _status(tx, mend, user, now)


async def _next(
    tx: Tx, mend: Mend, user: User, now: datetime, language: str | None, after: Step | None = None
) -> Question | Status:
    """The next question for this user (after answering ``after``), or home when none."""
    if user.tz is None:
        await users.set_awaiting(tx, user.id, f"{INPUT}:{Step.TIMEZONE}", now)
        return Question(Step.TIMEZONE, user.first_name, await _zones(tx, user, language))
    kinds = {reminder.kind for reminder in await reminders.for_user(tx, user.id)}
    if settings.ReminderKind.CHECKIN not in kinds:
        return Question(Step.CHECKIN, user.first_name)
    if after is Step.CHECKIN and settings.ReminderKind.GRATITUDE not in kinds:
        return Question(Step.GRATITUDE, user.first_name)
    paired = await couples.active_for(tx, user.id) is not None
    if after in (Step.CHECKIN, Step.GRATITUDE) and not paired:
        return Question(Step.INVITE, user.first_name)
    return await _status(tx, mend, user, now)


async def _zones(tx: Tx, user: User, language: str | None) -> tuple[str, ...]:
    couple = await couples.active_for(tx, user.id)
    partner = await users.get(tx, couple.partner_of(user.id)) if couple else None
    return likely_zones(partner.timezone if partner else None, language)


async def _status(tx: Tx, mend: Mend, user: User, now: datetime) -> Status:
    couple = await couples.active_for(tx, user.id)
    name = await partner_name(tx, couple, user.id)
    next_checkin = today = None
    if user.tz is not None:
        today = now.astimezone(user.tz)
        for row in await reminders.for_user(tx, user.id):
            if row.kind == settings.ReminderKind.CHECKIN:
                due = row.next_due_at
                if due <= now:  # the tick has not moved it yet
                    due = schedule.next_due(now, user.tz, row.hour, row.minute, row.days)
                next_checkin = due.astimezone(user.tz)
    waiting: list[str] = []
    for feature in mend.features:
        if feature.waiting is not None:
            waiting.extend(await feature.waiting(tx, mend, user, now))
    return Status(
        name, user.tz is not None, next_checkin, today, tuple(waiting), is_paused(user, now)
    )


async def _stop_waiting_for(tx: Tx, user_id: int, step: Step, now: datetime) -> None:
    """The question is answered: its typed answer is no longer expected."""
    awaited = await users.awaiting(tx, user_id)
    if awaited is not None and awaited[0] == f"{INPUT}:{step}":
        await users.set_awaiting(tx, user_id, None, now)


# --- The timezone ----------------------------------------------------------------------------


async def pick_zone(mend: Mend, user_id: int, zone: str) -> Progress:
    """A zone button (its name comes from callback data, so it is checked again)."""
    if not settings.is_valid_timezone(zone):
        raise Stale(texts.STALE_BUTTON)
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        await require_user(tx, user_id)
        return await _set_zone(tx, mend, user_id, zone, now)


async def type_zone(tx: Tx, mend: Mend, user: User, text: str) -> Progress | ZoneChoices:
    """A city, country, abbreviation or offset typed while the timezone is asked."""
    given = text.strip()
    if is_blank(given) or len(given) > MAX_PLACE_LENGTH:
        return ZoneChoices(given, ZoneAnswer.UNKNOWN, await _zones(tx, user, None))
    try:
        match = await settings.resolve_timezone(given)
    except InvalidInput:  # no place of that name: asked again, with the likely zones
        return ZoneChoices(given, ZoneAnswer.UNKNOWN, await _zones(tx, user, None))
    if len(match.zones) == 1 and not match.more:
        return await _set_zone(tx, mend, user.id, match.zones[0], mend.clock.now())
    answer = ZoneAnswer.TOO_MANY if match.more else ZoneAnswer.SEVERAL
    return ZoneChoices(given, answer, match.zones, match)


async def _set_zone(tx: Tx, mend: Mend, user_id: int, zone: str, now: datetime) -> Progress:
    done = await settings.apply_timezone(tx, user_id, zone, now)
    await _stop_waiting_for(tx, user_id, Step.TIMEZONE, now)
    user = await require_user(tx, user_id)
    then = await _next(tx, mend, user, now, None, Step.TIMEZONE)
    return Progress(ZoneSet(done.zone, done.local_now), then)


async def ask_zone(mend: Mend, user_id: int) -> Question | Status:
    """Type my city: the timezone question waits for words (again, if it was set meanwhile
    the next question comes instead)."""
    return await resume(mend, user_id)


# --- The times -------------------------------------------------------------------------------


def _timed(step: Step) -> settings.ReminderKind:
    kind = _REMINDER.get(step)
    if kind is None:
        raise Stale(texts.STALE_BUTTON)
    return kind


async def pick_time(mend: Mend, user_id: int, step: Step, hour: int, minute: int) -> Progress:
    """A time button: every day at that time."""
    _timed(step)
    if not (hour < 24 and minute < 60):
        raise Stale(texts.STALE_BUTTON)
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        user = await require_user(tx, user_id)
        return await _set_time(tx, mend, user, step, hour, minute, now)


async def type_time(tx: Tx, mend: Mend, user: User, step: Step, text: str) -> Progress:
    """A time typed after "Another time": any form Mend reads ('9pm', '21:30')."""
    hour, minute = schedule.parse_time(text[:MAX_PLACE_LENGTH])
    return await _set_time(tx, mend, user, step, hour, minute, mend.clock.now())


async def _set_time(
    tx: Tx, mend: Mend, user: User, step: Step, hour: int, minute: int, now: datetime
) -> Progress:
    require_timezone(user)
    result = await settings.put_reminder(
        tx, user, _timed(step), hour, minute, schedule.ALL_DAYS, now
    )
    await _stop_waiting_for(tx, user.id, step, now)
    then = await _next(tx, mend, user, now, None, step)
    done = TimeSet(step, hour, minute, result.next_due, result.today, result.default_review)
    return Progress(done, then)


async def other_time(mend: Mend, user_id: int, step: Step) -> Step:
    """Another time: the question waits for a typed time."""
    _timed(step)
    async with mend.db.transaction() as tx:
        user = await require_user(tx, user_id)
        require_timezone(user)
        await users.set_awaiting(tx, user_id, f"{INPUT}:{step}", mend.clock.now())
    return step


async def skip(mend: Mend, user_id: int, step: Step) -> Progress:
    """Not now (the gratitude time only: the check-in is the heart of it)."""
    if step is not Step.GRATITUDE:
        raise Stale(texts.STALE_BUTTON)
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        user = await require_user(tx, user_id)
        await _stop_waiting_for(tx, user_id, step, now)
        return Progress(Skipped(), await _next(tx, mend, user, now, None, step))


async def invite(mend: Mend, user_id: int, first_name: str) -> pairing.InviteMade:
    """Invite my partner: a fresh single-use invite (pairing's)."""
    return await pairing.create_invite(mend, user_id, first_name)


# --- Typed answers ---------------------------------------------------------------------------


async def take_words(
    tx: Tx, mend: Mend, user: User, ident: str, text: str
) -> Progress | ZoneChoices:
    """The words a set-up question waits for: a place, or a time."""
    if ident == Step.TIMEZONE:
        return await type_zone(tx, mend, user, text)
    if ident in (Step.CHECKIN, Step.GRATITUDE):
        return await type_time(tx, mend, user, Step(ident), text)
    raise Stale(texts.STALE_BUTTON)


async def still_wanted(tx: Tx, user: User, ident: str) -> bool:
    """A set-up question answered another way (``/timezone``, ``/remind``) waits no more."""
    if ident == Step.TIMEZONE:
        return user.tz is None
    if ident in (Step.CHECKIN, Step.GRATITUDE):
        kind = _REMINDER[Step(ident)]
        return all(row.kind != kind for row in await reminders.for_user(tx, user.id))
    return False
