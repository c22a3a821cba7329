"""A user's own settings: timezone, reminder times (/remind, /reminders), pause and resume."""

import datetime as dt
from datetime import datetime
from typing import Any

from bot import texts
from bot.domain import schedule
from bot.features import review
from bot.features.settings import views
from bot.features.settings.models import (
    Paused,
    ReminderKind,
    ReminderLine,
    ReminderList,
    ReminderOff,
    ReminderSet,
    Resumed,
    Switched,
    TimezoneChoices,
    TimezoneSet,
)
from bot.features.settings.timezones import find_timezones, is_valid_timezone
from bot.kernel import when
from bot.kernel.db import Tx
from bot.kernel.errors import InvalidInput, Stale
from bot.kernel.feature import ExportScope, Switch
from bot.kernel.mend import Mend
from bot.kernel.people import require_timezone, require_user
from bot.storage import reminders, users
from bot.storage.models import User

_KIND_ALIASES = {
    "check-in": ReminderKind.CHECKIN,
    "checkins": ReminderKind.CHECKIN,
    "thanks": ReminderKind.GRATITUDE,
    "disclose": ReminderKind.DISCLOSURE,
    "disclosures": ReminderKind.DISCLOSURE,
    "reviews": ReminderKind.REVIEW,
    "weekly": ReminderKind.REVIEW,
}
_OFF_WORDS = frozenset({"off", "stop", "none"})
_ON_WORDS = frozenset({"on", "start"})
# The weekly review comes on Sundays unless the user names other days.
REVIEW_DAYS = 1 << 6


# --- Timezone --------------------------------------------------------------------------------


async def set_timezone(
    mend: Mend, user_id: int, first_name: str, query: str
) -> TimezoneSet | TimezoneChoices:
    """/timezone <zone or city>: set it if exactly one zone matches, else offer the matches."""
    if not query.strip():
        raise InvalidInput(views.TIMEZONE_USAGE)
    match = find_timezones(query)
    if not match.zones:
        raise InvalidInput(views.timezone_unknown(query))
    if match.more:
        raise InvalidInput(views.timezone_too_many(query))
    if len(match.zones) > 1:
        return TimezoneChoices(match.zones)
    return await _apply_timezone(mend, user_id, first_name, match.zones[0])


async def choose_timezone(mend: Mend, user_id: int, first_name: str, zone: str) -> TimezoneSet:
    """A timezone button: the zone comes from callback data, so check it again."""
    if not is_valid_timezone(zone):
        raise Stale(texts.STALE_BUTTON)
    return await _apply_timezone(mend, user_id, first_name, zone)


async def _apply_timezone(mend: Mend, user_id: int, first_name: str, zone: str) -> TimezoneSet:
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        await users.upsert(tx, user_id, first_name, now)
        await users.set_timezone(tx, user_id, zone)
        user = await users.get(tx, user_id)
        assert user is not None
        await reschedule_all(tx, user, now)
        has_reminders = bool(await reminders.for_user(tx, user_id))
    assert user.tz is not None
    return TimezoneSet(zone, now.astimezone(user.tz), has_reminders)


async def reschedule_all(tx: Tx, user: User, now: datetime) -> None:
    """Recompute every reminder of the user (their timezone changed)."""
    tz = user.tz
    if tz is None:
        return
    moves = [
        (r.id, schedule.next_due(now, tz, r.hour, r.minute, r.days))
        for r in await reminders.for_user(tx, user.id)
    ]
    await reminders.advance(tx, moves)


# --- Pause -----------------------------------------------------------------------------------


async def pause(mend: Mend, user_id: int, args: str) -> Paused:
    """/pause 3d | 1w | until 2026-12-01: no prompts until then."""
    if not args.strip():
        raise InvalidInput(views.PAUSE_USAGE)
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        user = await require_user(tx, user_id)
        require_timezone(user)
        assert user.tz is not None
        until = schedule.parse_pause(args, now, user.tz)
        await users.set_paused_until(tx, user_id, until)
    return Paused(until.astimezone(user.tz))


async def resume(mend: Mend, user_id: int) -> Resumed:
    """/resume: prompts start again at the next reminder time."""
    async with mend.db.transaction() as tx:
        user = await require_user(tx, user_id)
        was_paused = user.paused_until is not None and user.paused_until > mend.clock.now()
        await users.set_paused_until(tx, user_id, None)
    return Resumed.RESUMED if was_paused else Resumed.NOT_PAUSED


# --- Reminders -------------------------------------------------------------------------------


def _parse_kind(word: str) -> ReminderKind:
    lowered = word.lower()
    kind = _KIND_ALIASES.get(lowered)
    if kind is not None:
        return kind
    try:
        return ReminderKind(lowered)
    except ValueError:
        raise InvalidInput(views.bad_kind(word)) from None


def _split_time_and_days(words: list[str]) -> tuple[tuple[int, int], str]:
    """'9:30 am mon-fri' or 'sun 19:00' -> ((hour, minute), the days' words): the time, of
    one or two words, comes first or last. If neither reads, the error is the first's."""
    for time_words in (2, 1):
        if len(words) < time_words:
            continue
        try:
            time = schedule.parse_time(" ".join(words[:time_words]))
        except InvalidInput as error:
            if time_words == 1:
                return _time_last(words, error)
            continue
        return time, " ".join(words[time_words:])
    raise InvalidInput(views.REMIND_USAGE)


def _time_last(words: list[str], error: InvalidInput) -> tuple[tuple[int, int], str]:
    """'sun 19:00', 'mon-fri 9:30 am': days first, then the time."""
    for time_words in (2, 1):
        if len(words) <= time_words:
            continue
        try:
            time = schedule.parse_time(" ".join(words[-time_words:]))
        except InvalidInput:
            continue
        return time, " ".join(words[:-time_words])
    raise error


def _switch(mend: Mend, word: str) -> Switch | None:
    """The on/off setting another feature declared under this name, if any."""
    for feature in mend.features:
        if word.lower() in feature.switches:
            return feature.switches[word.lower()]
    return None


async def set_reminder(
    mend: Mend, user_id: int, args: list[str]
) -> ReminderSet | ReminderOff | Switched:
    """/remind <kind> <time> [days], /remind <kind> off, or /remind <switch> on|off."""
    if not args:
        raise InvalidInput(views.REMIND_USAGE)
    switch = _switch(mend, args[0])
    if switch is not None:
        setting = args[1].lower() if len(args) == 2 else ""
        if setting not in _OFF_WORDS | _ON_WORDS:
            raise InvalidInput(switch.usage)
        return Switched(await switch.turn(mend, user_id, setting in _ON_WORDS))
    kind = _parse_kind(args[0])
    now = mend.clock.now()
    if len(args) == 2 and args[1].lower() in _OFF_WORDS:
        async with mend.db.transaction() as tx:
            await require_user(tx, user_id)
            removed = await reminders.delete(tx, user_id, kind)
            if kind is ReminderKind.REVIEW:
                # Remembered, so that setting a check-in time does not bring the default back.
                await review.set_review_off(tx, user_id, True)
        return ReminderOff(kind, removed)
    if len(args) == 1:
        raise InvalidInput(views.REMIND_USAGE)
    (hour, minute), day_words = _split_time_and_days(args[1:])
    if kind is ReminderKind.REVIEW and not day_words.strip():
        days = REVIEW_DAYS
    else:
        days = schedule.parse_days(day_words)
    default_review = False
    async with mend.db.transaction() as tx:
        user = await require_user(tx, user_id)
        require_timezone(user)
        assert user.tz is not None
        next_due_at = schedule.next_due(now, user.tz, hour, minute, days)
        await reminders.put(tx, user_id, kind, hour, minute, days, next_due_at)
        if kind is ReminderKind.REVIEW:
            await review.set_review_off(tx, user_id, False)
        elif kind is ReminderKind.CHECKIN:
            default_review = await _add_default_review(tx, user, hour, minute, now)
    return ReminderSet(
        kind,
        hour,
        minute,
        days,
        next_due_at.astimezone(user.tz),
        now.astimezone(user.tz),
        default_review,
    )


async def _add_default_review(tx: Tx, user: User, hour: int, minute: int, now: datetime) -> bool:
    """With a first check-in time comes the weekly review: Sundays at the same time, unless
    the user has a review time already or turned the review off (then it stays off)."""
    assert user.tz is not None
    has_review = any(r.kind == ReminderKind.REVIEW for r in await reminders.for_user(tx, user.id))
    if has_review or await review.review_off(tx, user.id):
        return False
    next_due_at = schedule.next_due(now, user.tz, hour, minute, REVIEW_DAYS)
    await reminders.put(tx, user.id, ReminderKind.REVIEW, hour, minute, REVIEW_DAYS, next_due_at)
    return True


async def list_reminders(mend: Mend, user_id: int) -> ReminderList:
    """/reminders: each reminder with the next time it fires, in the user's own time."""
    now = mend.clock.now()
    async with mend.db.read() as tx:
        user = await require_user(tx, user_id)
        rows = await reminders.for_user(tx, user_id)
        switches = [
            switch.status_on if await switch.is_on(tx, user_id) else switch.status_off
            for feature in mend.features
            for switch in feature.switches.values()
        ]
    require_timezone(user)
    assert user.tz is not None
    lines = []
    for row in sorted(rows, key=lambda row: row.kind):
        # A row the tick has not reached yet (just started, or due this second) is shown
        # with the time it will move to.
        upcoming = row.next_due_at
        if upcoming <= now:
            upcoming = schedule.next_due(now, user.tz, row.hour, row.minute, row.days)
        lines.append(
            ReminderLine(row.kind, row.hour, row.minute, row.days, upcoming.astimezone(user.tz))
        )
    paused = user.paused_until is not None and user.paused_until > now
    return ReminderList(tuple(lines), paused, now.astimezone(user.tz), tuple(switches))


# --- Export ----------------------------------------------------------------------------------


async def export(tx: Tx, mend: Mend, scope: ExportScope) -> dict[str, Any]:
    """/export: the user's reminder times."""
    return {
        "you": {
            "reminders": [
                {
                    "kind": r.kind,
                    "time": when.time_of_day(dt.time(r.hour, r.minute)),
                    "days": schedule.describe_days(r.days),
                }
                for r in await reminders.for_user(tx, scope.me.id)
            ]
        }
    }
