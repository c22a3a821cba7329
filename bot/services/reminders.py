"""Reminder times set with /remind and listed with /reminders."""

from datetime import datetime

from bot import texts
from bot.domain import schedule
from bot.kernel.db import Tx
from bot.kernel.errors import InvalidInput
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Outgoing
from bot.kernel.people import require_timezone, require_user
from bot.storage import reminders, review
from bot.storage.models import User

KINDS = {
    "checkin": "check-in",
    "gratitude": "gratitude",
    "disclosure": "“anything to share?”",
    "review": "weekly review",
}
_KIND_ALIASES = {
    "check-in": "checkin",
    "checkins": "checkin",
    "thanks": "gratitude",
    "disclose": "disclosure",
    "disclosures": "disclosure",
    "reviews": "review",
    "weekly": "review",
}
# The weekly review comes on Sundays unless the user names other days.
REVIEW_DAYS = 1 << 6


def _parse_kind(word: str) -> str:
    kind = _KIND_ALIASES.get(word.lower(), word.lower())
    if kind not in KINDS:
        raise InvalidInput(texts.REMIND_BAD_KIND.format(given=texts.escape(word[:32])))
    return kind


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
    raise InvalidInput(texts.REMIND_USAGE)


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
            if kind == "review":
                # Remembered, so that setting a check-in time does not bring the default back.
                await review.set_review_off(tx, user_id, True)
        template = texts.REMINDER_OFF if removed else texts.REMINDER_WAS_OFF
        return Outgoing(template.format(kind=KINDS[kind]))
    if len(args) == 1:
        raise InvalidInput(texts.REMIND_USAGE)
    (hour, minute), day_words = _split_time_and_days(args[1:])
    if kind == "review" and not day_words.strip():
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
        if kind == "review":
            await review.set_review_off(tx, user_id, False)
        elif kind == "checkin":
            default_review = await _add_default_review(tx, user, hour, minute, now)
    text = texts.REMINDER_SET.format(
        kind=KINDS[kind],
        time=schedule.format_time(hour, minute),
        days=schedule.describe_days(days),
        next=_when(next_due_at.astimezone(user.tz), now.astimezone(user.tz)),
    )
    if default_review:
        text += "\n\n" + texts.REVIEW_DEFAULT_SET.format(time=schedule.format_time(hour, minute))
    return Outgoing(text)


async def _add_default_review(tx: Tx, user: User, hour: int, minute: int, now: datetime) -> bool:
    """With a first check-in time comes the weekly review: Sundays at the same time, unless
    the user has a review time already or turned the review off (then it stays off)."""
    assert user.tz is not None
    has_review = any(r.kind == "review" for r in await reminders.for_user(tx, user.id))
    if has_review or await review.review_off(tx, user.id):
        return False
    next_due_at = schedule.next_due(now, user.tz, hour, minute, REVIEW_DAYS)
    await reminders.put(tx, user.id, "review", hour, minute, REVIEW_DAYS, next_due_at)
    return True


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
