"""A user's own settings: timezone, reminder times (/remind, /reminders), pause and resume,
quiet hours, and the /settings screens that change them by buttons."""

import asyncio
import contextlib
import datetime as dt
from datetime import datetime
from typing import Any

from bot import texts
from bot.domain import schedule
from bot.domain.quiet import QuietHours, QuietMode
from bot.features import agreement, review, wins
from bot.features.settings import timezones, views
from bot.features.settings.models import (
    LanguagePage,
    NothingPage,
    Overview,
    Paused,
    PausePage,
    QuietPage,
    ReminderKind,
    ReminderLine,
    ReminderList,
    ReminderOff,
    ReminderPage,
    ReminderSet,
    RemindersPage,
    Resumed,
    ResumedResult,
    Switched,
    SwitchState,
    TimezoneChoices,
    TimezoneSet,
    WinsPage,
)
from bot.features.settings.timezones import TimezoneMatch, find_timezones, is_valid_timezone
from bot.kernel import when
from bot.kernel.db import Tx
from bot.kernel.errors import InvalidInput, NotAllowed, Stale
from bot.kernel.feature import ExportScope, Switch, awaited_words
from bot.kernel.i18n import LANGUAGES
from bot.kernel.mend import Mend
from bot.kernel.people import is_paused, partner_name, require_timezone, require_user
from bot.storage import couples, quiet, reminders, users
from bot.storage.models import User

# The words a /settings button asks for next (``users.awaiting``): a place, or a time.
ZONE_INPUT = "settz"
TIME_INPUT = "settime"  # settime:<reminder kind>
QUIET_INPUT = "setquiet"  # setquiet:start | setquiet:end
QUIET_MODES = (QuietMode.SILENT, QuietMode.WAIT, QuietMode.OFF)  # a button's value: the index
MINUTES_A_DAY = 24 * 60

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
    match = await resolve(query)
    if len(match.zones) > 1:
        return TimezoneChoices(match.zones, match.places, match.more)
    return await _apply_timezone(mend, user_id, first_name, match.zones[0])


_warming: set[asyncio.Task[None]] = set()


def warm_places() -> None:
    """A page asks for a place: build the place index in the background meanwhile, so the
    answer (taken inside a transaction) does not wait for it."""
    if _warming or timezones.is_warm():
        return
    task = asyncio.create_task(asyncio.to_thread(timezones.warm), name="mend-places")
    _warming.add(task)
    task.add_done_callback(_warming.discard)


async def resolve(query: str) -> TimezoneMatch:
    """The zones a place, abbreviation or offset names; refuses kindly when none does. The
    first look-up builds the place index (a second or two), so it runs off the event loop."""
    match = await asyncio.to_thread(find_timezones, query)
    if not match.zones:
        raise InvalidInput(views.timezone_unknown(query))
    return match


async def choose_timezone(mend: Mend, user_id: int, first_name: str, zone: str) -> TimezoneSet:
    """A timezone button: the zone comes from callback data, so check it again."""
    if not is_valid_timezone(zone):
        raise Stale(texts.STALE_BUTTON)
    return await _apply_timezone(mend, user_id, first_name, zone)


async def _apply_timezone(mend: Mend, user_id: int, first_name: str, zone: str) -> TimezoneSet:
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        await users.upsert(tx, user_id, first_name, now)
        result = await _put_timezone(tx, user_id, zone, now)
        # A question that waited for this (set-up's "where are you?") waits no more.
        await awaited_words(tx, mend.features, await require_user(tx, user_id), now)
        return result


async def apply_timezone(tx: Tx, user_id: int, zone: str, now: datetime) -> TimezoneSet:
    """Set a valid zone and move every reminder of the user to it, in ``tx`` (the way in
    sets it so)."""
    return await _put_timezone(tx, user_id, zone, now)


async def _put_timezone(tx: Tx, user_id: int, zone: str, now: datetime) -> TimezoneSet:
    await users.set_timezone(tx, user_id, zone)
    user = await users.get(tx, user_id)
    assert user is not None and user.tz is not None
    await reschedule_all(tx, user, now)
    has_reminders = bool(await reminders.for_user(tx, user_id))
    return TimezoneSet(zone, now.astimezone(user.tz), has_reminders)


async def take_zone(tx: Tx, mend: Mend, user: User, text: str) -> TimezoneSet | TimezoneChoices:
    """The place typed after /settings' Timezone: set it, or offer the zones it could mean
    (the question stays open, so a more precise place can still be typed)."""
    match = await resolve(text)
    if len(match.zones) > 1:
        return TimezoneChoices(match.zones, match.places, match.more)
    await users.set_awaiting(tx, user.id, None, mend.clock.now())
    return await _put_timezone(tx, user.id, match.zones[0], mend.clock.now())


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


async def resume(mend: Mend, user_id: int) -> ResumedResult:
    """/resume: prompts start again at the next reminder time (said, if there is one)."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        user = await require_user(tx, user_id)
        was_paused = is_paused(user, now)
        await users.set_paused_until(tx, user_id, None)
        rows = await reminders.for_user(tx, user_id)
    status = Resumed.RESUMED if was_paused else Resumed.NOT_PAUSED
    if user.tz is None or not rows:
        return ResumedResult(status)
    upcoming = min(
        (_upcoming(row.next_due_at, now, user, row.hour, row.minute, row.days), row.kind)
        for row in rows
    )
    return ResumedResult(
        status, upcoming[1], upcoming[0].astimezone(user.tz), now.astimezone(user.tz)
    )


def _upcoming(
    due: datetime, now: datetime, user: User, hour: int, minute: int, days: int
) -> datetime:
    """When a reminder comes next: a row the tick has not reached yet (just started, or due
    this second) is shown with the time it will move to."""
    assert user.tz is not None
    return due if due > now else schedule.next_due(now, user.tz, hour, minute, days)


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
    async with mend.db.transaction() as tx:
        user = await require_user(tx, user_id)
        done = await put_reminder(tx, user, kind, hour, minute, days, now)
        await awaited_words(tx, mend.features, user, now)  # forgotten if no longer wanted
    return done


async def put_reminder(
    tx: Tx, user: User, kind: ReminderKind, hour: int, minute: int, days: int, now: datetime
) -> ReminderSet:
    """Set (or move) one of the user's reminders, in ``tx`` (the way in sets them so); a
    first check-in time brings the weekly review with it."""
    require_timezone(user)
    assert user.tz is not None
    next_due_at, default_review = await _put_reminder(tx, user, kind, hour, minute, days, now)
    return ReminderSet(
        kind,
        hour,
        minute,
        days,
        next_due_at.astimezone(user.tz),
        now.astimezone(user.tz),
        default_review,
    )


async def _put_reminder(
    tx: Tx, user: User, kind: ReminderKind, hour: int, minute: int, days: int, now: datetime
) -> tuple[datetime, bool]:
    """Set a reminder; returns when it next comes, and whether the weekly review came with a
    first check-in time."""
    assert user.tz is not None
    next_due_at = schedule.next_due(now, user.tz, hour, minute, days)
    await reminders.put(tx, user.id, kind, hour, minute, days, next_due_at)
    default_review = False
    if kind is ReminderKind.REVIEW:
        await review.set_review_off(tx, user.id, False)
    elif kind is ReminderKind.CHECKIN:
        default_review = await _add_default_review(tx, user, hour, minute, now)
    return next_due_at, default_review


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
            str(switch.status_on if await switch.is_on(tx, user_id) else switch.status_off)
            for feature in mend.features
            for switch in feature.switches.values()
        ]
    require_timezone(user)
    assert user.tz is not None
    lines = _lines(user, rows, now)
    paused = user.paused_until is not None and user.paused_until > now
    return ReminderList(lines, paused, now.astimezone(user.tz), tuple(switches))


def _lines(user: User, rows: list[Any], now: datetime) -> tuple[ReminderLine, ...]:
    """Each reminder with when it next comes, in the user's own time, sorted by kind."""
    assert user.tz is not None
    return tuple(
        ReminderLine(
            row.kind,
            row.hour,
            row.minute,
            row.days,
            _upcoming(row.next_due_at, now, user, row.hour, row.minute, row.days).astimezone(
                user.tz
            ),
        )
        for row in sorted(rows, key=lambda row: row.kind)
    )


# --- /settings -------------------------------------------------------------------------------


async def overview(mend: Mend, user_id: int) -> Overview:
    """The /settings screen: where each setting stands."""
    now = mend.clock.now()
    async with mend.db.read() as tx:
        user = await require_user(tx, user_id)
        rows = await reminders.for_user(tx, user_id)
        hours = await quiet.get(tx, user_id)
        partner = await partner_name(tx, await couples.active_for(tx, user_id), user_id)
    if user.tz is None:
        return Overview(None, None, (), None, hours, partner)
    paused = (
        user.paused_until.astimezone(user.tz)
        if user.paused_until and is_paused(user, now)
        else None
    )
    return Overview(
        user.timezone, now.astimezone(user.tz), _lines(user, rows, now), paused, hours, partner
    )


async def ask_words(mend: Mend, user_id: int, what: str | None) -> None:
    """Expect the user's next words to be ``what`` (a place, a time), or nothing."""
    async with mend.db.transaction() as tx:
        await require_user(tx, user_id)
        await users.set_awaiting(tx, user_id, what, mend.clock.now())


async def forget_words(mend: Mend, user_id: int, *, everything: bool = False) -> None:
    """Leaving a page that asked for words: stop expecting them (only the settings' own,
    unless ``everything``)."""
    async with mend.db.transaction() as tx:
        awaited = await users.awaiting(tx, user_id)
        kind = awaited[0].partition(":")[0] if awaited else None
        if kind in (ZONE_INPUT, TIME_INPUT, QUIET_INPUT) or (everything and kind is not None):
            await users.set_awaiting(tx, user_id, None, mend.clock.now())


async def _timed_user(tx: Tx, user_id: int) -> User:
    user = await require_user(tx, user_id)
    require_timezone(user)
    return user


async def reminders_page(mend: Mend, user_id: int, note: str = "") -> RemindersPage:
    """Every reminder, and the other features' on/off switches."""
    now = mend.clock.now()
    async with mend.db.read() as tx:
        user = await _timed_user(tx, user_id)
        rows = await reminders.for_user(tx, user_id)
        states = [
            SwitchState(name, str(switch.label) or name, await switch.is_on(tx, user_id))
            for feature in mend.features
            for name, switch in feature.switches.items()
        ]
    assert user.tz is not None
    return RemindersPage(_lines(user, rows, now), tuple(states), now.astimezone(user.tz), note)


async def reminder_page(mend: Mend, user_id: int, kind: ReminderKind) -> ReminderPage:
    now = mend.clock.now()
    async with mend.db.read() as tx:
        user = await _timed_user(tx, user_id)
        return _page(user, kind, await reminders.for_user(tx, user_id), now)


def _page(
    user: User, kind: ReminderKind, rows: list[Any], now: datetime, note: str = ""
) -> ReminderPage:
    assert user.tz is not None
    line = next((line for line in _lines(user, rows, now) if line.kind == kind), None)
    return ReminderPage(kind, line, now.astimezone(user.tz), note)


async def set_reminder_time(
    mend: Mend, user_id: int, kind: ReminderKind, minutes: int
) -> ReminderPage:
    """A time button: the reminder comes then, on the days it had (every day, or Sundays for
    the weekly review, when it was off)."""
    if not 0 <= minutes < MINUTES_A_DAY:
        raise Stale(texts.STALE_BUTTON)
    async with mend.db.transaction() as tx:
        return await _set_time(tx, mend, await _timed_user(tx, user_id), kind, minutes)


async def _set_time(
    tx: Tx, mend: Mend, user: User, kind: ReminderKind, minutes: int
) -> ReminderPage:
    now = mend.clock.now()
    rows = await reminders.for_user(tx, user.id)
    current = next((row for row in rows if row.kind == kind), None)
    days = (
        current.days
        if current
        else REVIEW_DAYS
        if kind is ReminderKind.REVIEW
        else schedule.ALL_DAYS
    )
    hour, minute = divmod(minutes, 60)
    _, default_review = await _put_reminder(tx, user, kind, hour, minute, days, now)
    note = views.review_default_note(hour, minute) if default_review else ""
    return _page(user, kind, await reminders.for_user(tx, user.id), now, note)


async def take_time(tx: Tx, mend: Mend, user: User, kind: str, text: str) -> ReminderPage:
    """The time typed after "Another time", in any form Mend reads ("9pm", "21:30")."""
    try:
        reminder = ReminderKind(kind)
    except ValueError:
        raise Stale(texts.STALE_BUTTON) from None
    require_timezone(user)
    hour, minute = schedule.parse_time(text)
    await users.set_awaiting(tx, user.id, None, mend.clock.now())
    return await _set_time(tx, mend, user, reminder, hour * 60 + minute)


async def set_reminder_days(
    mend: Mend, user_id: int, kind: ReminderKind, days: int
) -> ReminderPage:
    """A day button: the reminder comes on these days (at least one; Off turns it off)."""
    if not 0 < days <= schedule.ALL_DAYS:
        raise Stale(texts.STALE_BUTTON)
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        user = await _timed_user(tx, user_id)
        rows = await reminders.for_user(tx, user_id)
        current = next((row for row in rows if row.kind == kind), None)
        if current is None:  # turned off since the message was shown
            raise Stale(texts.STALE_BUTTON)
        await _put_reminder(tx, user, kind, current.hour, current.minute, days, now)
        return _page(user, kind, await reminders.for_user(tx, user_id), now)


async def turn_reminder_off(mend: Mend, user_id: int, kind: ReminderKind) -> ReminderPage:
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        user = await _timed_user(tx, user_id)
        await reminders.delete(tx, user_id, kind)
        if kind is ReminderKind.REVIEW:
            await review.set_review_off(tx, user_id, True)
        return _page(user, kind, await reminders.for_user(tx, user_id), now)


async def flip(mend: Mend, user_id: int, name: str, on: bool) -> RemindersPage:
    """Another feature's switch: its own words say what changed, above the reminders."""
    switch = _switch(mend, name)
    if switch is None:
        raise Stale(texts.STALE_BUTTON)
    said = await switch.turn(mend, user_id, on)
    return await reminders_page(mend, user_id, said.text)


async def pause_page(mend: Mend, user_id: int) -> PausePage:
    now = mend.clock.now()
    async with mend.db.read() as tx:
        user = await _timed_user(tx, user_id)
    assert user.tz is not None
    paused = (
        user.paused_until.astimezone(user.tz)
        if user.paused_until and is_paused(user, now)
        else None
    )
    return PausePage(paused)


async def pause_for(mend: Mend, user_id: int, days: int) -> PausePage:
    """A pause button: no prompts for that many days (0: resume now)."""
    if days > schedule.MAX_PAUSE_DAYS:
        raise Stale(texts.STALE_BUTTON)
    if days == 0:
        await resume(mend, user_id)
    else:
        await pause(mend, user_id, f"{days}d")
    return await pause_page(mend, user_id)


async def quiet_page(mend: Mend, user_id: int) -> QuietPage:
    async with mend.db.read() as tx:
        await require_user(tx, user_id)
        hours = await quiet.get(tx, user_id)
        partner = await partner_name(tx, await couples.active_for(tx, user_id), user_id)
    return QuietPage(hours, partner)


async def set_quiet(
    mend: Mend,
    user_id: int,
    *,
    start: int | None = None,
    end: int | None = None,
    mode: QuietMode | None = None,
) -> QuietPage:
    """Change when the quiet hours start or end, or what happens in them."""
    async with mend.db.transaction() as tx:
        await require_user(tx, user_id)
        await _put_quiet(tx, user_id, start, end, mode)
    return await quiet_page(mend, user_id)


async def _put_quiet(
    tx: Tx, user_id: int, start: int | None, end: int | None, mode: QuietMode | None
) -> None:
    for minutes in (start, end):
        if minutes is not None and not 0 <= minutes < MINUTES_A_DAY:
            raise Stale(texts.STALE_BUTTON)
    hours = await quiet.get(tx, user_id)
    new = QuietHours(
        hours.start if start is None else start,
        hours.end if end is None else end,
        hours.mode if mode is None else mode,
    )
    if new.start == new.end:
        raise InvalidInput(views.QUIET_SAME)
    await quiet.put(tx, user_id, new)


async def take_quiet(tx: Tx, mend: Mend, user: User, which: str, text: str) -> QuietPage:
    """A start or end time typed after "Another time"."""
    if which not in ("start", "end"):
        raise Stale(texts.STALE_BUTTON)
    hour, minute = schedule.parse_time(text)
    minutes = hour * 60 + minute
    if which == "start":
        await _put_quiet(tx, user.id, minutes, None, None)
    else:
        await _put_quiet(tx, user.id, None, minutes, None)
    await users.set_awaiting(tx, user.id, None, mend.clock.now())
    couple = await couples.active_for(tx, user.id)
    return QuietPage(await quiet.get(tx, user.id), await partner_name(tx, couple, user.id))


async def wins_page(mend: Mend, user_id: int) -> WinsPage:
    return WinsPage(await wins.threshold_of(mend, user_id))


async def set_wins(mend: Mend, user_id: int, value: int) -> WinsPage:
    """The wins feature decides (1 to 9, or 0 for never) and keeps it for the couple."""
    try:
        await wins.set_threshold(mend, user_id, str(value))
    except InvalidInput:
        raise Stale(texts.STALE_BUTTON) from None
    return await wins_page(mend, user_id)


async def nothing_page(mend: Mend, user_id: int) -> NothingPage:
    async with mend.db.read() as tx:
        await require_user(tx, user_id)
        partner = await partner_name(tx, await couples.active_for(tx, user_id), user_id)
        on = await users.shares_nothing(tx, user_id)
    return NothingPage(partner, on)


async def set_nothing(mend: Mend, user_id: int, on: bool) -> NothingPage:
    """Whether the partner is told on a day with nothing to share: the agreement's toggle."""
    with contextlib.suppress(NotAllowed):  # unpaired since: the page says so now
        await agreement.set_tells_nothing(mend, user_id, on)
    return await nothing_page(mend, user_id)


# --- Language --------------------------------------------------------------------------------


async def language_page(mend: Mend, user_id: int) -> LanguagePage:
    """The languages to choose from, and the user's own."""
    async with mend.db.read() as tx:
        user = await require_user(tx, user_id)
    return LanguagePage(user.language, LANGUAGES)


async def set_language(mend: Mend, user_id: int, language: str) -> str:
    """Speak ``language`` to the user from now on, whatever Telegram's language is later."""
    if language not in LANGUAGES:
        raise Stale(texts.STALE_BUTTON)  # not a button Mend made
    async with mend.db.transaction() as tx:
        await require_user(tx, user_id)
        await users.set_language(tx, user_id, language)
    return language


async def is_paired(mend: Mend, user_id: int) -> bool:
    async with mend.db.read() as tx:
        return await couples.active_for(tx, user_id) is not None


# --- Export ----------------------------------------------------------------------------------


async def export(tx: Tx, mend: Mend, scope: ExportScope) -> dict[str, Any]:
    """/export: the user's reminder times and quiet hours."""
    hours = await quiet.get(tx, scope.me.id)
    return {
        "you": {
            "reminders": [
                {
                    "kind": r.kind,
                    "time": when.time_of_day(dt.time(r.hour, r.minute)),
                    "days": schedule.describe_days(r.days),
                }
                for r in await reminders.for_user(tx, scope.me.id)
            ],
            "quiet_hours": {
                "start": when.time_of_day(dt.time(*hours.start_time)),
                "end": when.time_of_day(dt.time(*hours.end_time)),
                "partner_messages": hours.mode.value,
            },
        }
    }
