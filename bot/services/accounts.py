"""Timezone, pause and resume: a user's own settings."""

from datetime import datetime

from bot import texts
from bot.domain import schedule
from bot.domain.timezones import find_timezones, is_valid_timezone
from bot.kernel.db import Tx
from bot.kernel.errors import InvalidInput, Stale
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Outgoing, buttons
from bot.kernel.people import require_timezone, require_user
from bot.storage import reminders, users
from bot.storage.models import User


async def set_timezone(mend: Mend, user_id: int, first_name: str, query: str) -> Outgoing:
    """/timezone <zone or city>: set it if exactly one zone matches, else offer the matches."""
    if not query.strip():
        raise InvalidInput(texts.TIMEZONE_USAGE)
    match = find_timezones(query)
    if not match.zones:
        raise InvalidInput(texts.TIMEZONE_UNKNOWN.format(given=texts.escape(query.strip()[:64])))
    if match.more:
        raise InvalidInput(texts.TIMEZONE_TOO_MANY.format(given=texts.escape(query.strip()[:64])))
    if len(match.zones) > 1:
        rows = [[(zone.replace("_", " "), f"tz:{zone}")] for zone in match.zones]
        return Outgoing(texts.TIMEZONE_PICK, buttons(*rows))
    return await _apply_timezone(mend, user_id, first_name, match.zones[0])


async def choose_timezone(mend: Mend, user_id: int, first_name: str, zone: str) -> Outgoing:
    """A timezone button: the zone comes from callback data, so check it again."""
    if not is_valid_timezone(zone):
        raise Stale(texts.STALE_BUTTON)
    return await _apply_timezone(mend, user_id, first_name, zone)


async def _apply_timezone(mend: Mend, user_id: int, first_name: str, zone: str) -> Outgoing:
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        await users.upsert(tx, user_id, first_name, now)
        await users.set_timezone(tx, user_id, zone)
        user = await users.get(tx, user_id)
        assert user is not None
        await reschedule_all(tx, user, now)
        has_reminders = bool(await reminders.for_user(tx, user_id))
    assert user.tz is not None
    local = now.astimezone(user.tz)
    text = texts.TIMEZONE_SET.format(
        zone=zone, time=schedule.format_time(local.hour, local.minute)
    )
    return Outgoing(text + ("" if has_reminders else "\n\n" + texts.TIMEZONE_NEXT))


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


async def pause(mend: Mend, user_id: int, args: str) -> Outgoing:
    """/pause 3d | 1w | until 2026-12-01: no prompts until then."""
    if not args.strip():
        raise InvalidInput(texts.PAUSE_USAGE)
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        user = await require_user(tx, user_id)
        require_timezone(user)
        assert user.tz is not None
        until = schedule.parse_pause(args, now, user.tz)
        await users.set_paused_until(tx, user_id, until)
    local = until.astimezone(user.tz)
    when = f"{local:%a %d %b} at {schedule.format_time(local.hour, local.minute)}"
    return Outgoing(texts.PAUSED.format(when=when))


async def resume(mend: Mend, user_id: int) -> Outgoing:
    """/resume: prompts start again at the next reminder time."""
    async with mend.db.transaction() as tx:
        user = await require_user(tx, user_id)
        was_paused = user.paused_until is not None and user.paused_until > mend.clock.now()
        await users.set_paused_until(tx, user_id, None)
    return Outgoing(texts.RESUMED if was_paused else texts.NOT_PAUSED)
