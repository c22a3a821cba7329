"""Reminder times set with /remind and listed with /reminders."""

from datetime import datetime

from bot import texts
from bot.core import Mend
from bot.domain import schedule
from bot.errors import InvalidInput
from bot.outgoing import Outgoing
from bot.services.accounts import require_timezone, require_user
from bot.storage import reminders

KINDS = {"checkin": "check-in", "gratitude": "gratitude", "disclosure": "“anything to share?”"}
_KIND_ALIASES = {
    "check-in": "checkin",
    "checkins": "checkin",
    "thanks": "gratitude",
    "disclose": "disclosure",
    "disclosures": "disclosure",
}


def _parse_kind(word: str) -> str:
    kind = _KIND_ALIASES.get(word.lower(), word.lower())
    if kind not in KINDS:
        raise InvalidInput(texts.REMIND_BAD_KIND.format(given=texts.escape(word[:32])))
    return kind


def _split_time_and_days(words: list[str]) -> tuple[tuple[int, int], int]:
    """'9:30 am mon-fri' -> ((9, 30), mask): the time may take one or two words."""
    for time_words in (2, 1):
        if len(words) < time_words:
            continue
        try:
            time = schedule.parse_time(" ".join(words[:time_words]))
        except InvalidInput:
            if time_words == 1:
                raise
            continue
        return time, schedule.parse_days(" ".join(words[time_words:]))
    raise InvalidInput(texts.REMIND_USAGE)


async def set_reminder(mend: Mend, user_id: int, args: list[str]) -> Outgoing:
    """/remind <kind> <time> [days] or /remind <kind> off."""
    if not args:
        raise InvalidInput(texts.REMIND_USAGE)
    kind = _parse_kind(args[0])
    now = mend.clock.now()
    if len(args) == 2 and args[1].lower() in {"off", "stop", "none"}:
        async with mend.db.transaction() as tx:
            await require_user(tx, user_id)
            removed = await reminders.delete(tx, user_id, kind)
        template = texts.REMINDER_OFF if removed else texts.REMINDER_WAS_OFF
        return Outgoing(template.format(kind=KINDS[kind]))
    if len(args) == 1:
        raise InvalidInput(texts.REMIND_USAGE)
    (hour, minute), days = _split_time_and_days(args[1:])
    async with mend.db.transaction() as tx:
        user = await require_user(tx, user_id)
        require_timezone(user)
        assert user.tz is not None
        next_due_at = schedule.next_due(now, user.tz, hour, minute, days)
        await reminders.put(tx, user_id, kind, hour, minute, days, next_due_at)
    return Outgoing(
        texts.REMINDER_SET.format(
            kind=KINDS[kind],
            time=schedule.format_time(hour, minute),
            days=schedule.describe_days(days),
            next=_when(next_due_at.astimezone(user.tz), now.astimezone(user.tz)),
        )
    )


async def list_reminders(mend: Mend, user_id: int) -> Outgoing:
    """/reminders: each reminder with the next time it fires, in the user's own time."""
    now = mend.clock.now()
    async with mend.db.read() as tx:
        user = await require_user(tx, user_id)
        rows = await reminders.for_user(tx, user_id)
    if user.tz is None:
        return Outgoing(texts.NEED_TIMEZONE)
    if not rows:
        return Outgoing(texts.NO_REMINDERS)
    lines = []
    for row in sorted(rows, key=lambda row: row.kind):
        # A row the tick has not reached yet (just started, or due this second) is shown
        # with the time it will move to.
        upcoming = row.next_due_at
        if upcoming <= now:
            upcoming = schedule.next_due(now, user.tz, row.hour, row.minute, row.days)
        line = texts.REMINDER_LINE.format(
            kind=KINDS.get(row.kind, row.kind),
            time=schedule.format_time(row.hour, row.minute),
            days=schedule.describe_days(row.days),
            next=_when(upcoming.astimezone(user.tz), now.astimezone(user.tz)),
        )
        lines.append(line)
    paused = user.paused_until is not None and user.paused_until > now
    footer = texts.REMINDERS_PAUSED if paused else texts.REMINDERS_FOOTER
    return Outgoing(texts.REMINDERS_HEADER + "\n" + "\n".join(lines) + "\n\n" + footer)


def _when(local: datetime, today: datetime) -> str:
    """'today at 21:00', 'tomorrow at 08:30' or 'Mon 7 Dec at 21:00'."""
    clock = schedule.format_time(local.hour, local.minute)
    days = (local.date() - today.date()).days
    if days == 0:
        return f"today at {clock}"
    if days == 1:
        return f"tomorrow at {clock}"
    return f"{local:%a} {local.day} {local:%b} at {clock}"
