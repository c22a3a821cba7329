"""What the settings say: timezone, reminders, pause and resume."""

from datetime import datetime, time

from bot.domain import schedule
from bot.features.settings.buttons import ChooseZone
from bot.features.settings.models import (
    Paused,
    ReminderKind,
    ReminderList,
    ReminderOff,
    ReminderSet,
    Resumed,
    TimezoneChoices,
    TimezoneSet,
)
from bot.kernel import when
from bot.kernel.outgoing import Outgoing, buttons
from bot.texts import escape

ON_DAY_AT = "{day} at {time}"

# --- Timezone --------------------------------------------------------------------------------

TIMEZONE_USAGE = (
    "Tell me your city or timezone, for example <code>/timezone Berlin</code>, "
    "<code>/timezone new york</code> or <code>/timezone Europe/Lisbon</code>."
)
TIMEZONE_UNKNOWN = (
    "I couldn't find a timezone for “{given}”. Try a nearby big city, or a zone name like "
    "<code>Europe/Berlin</code>."
)
TIMEZONE_TOO_MANY = (
    "“{given}” matches many timezones. Could you be more specific, for example with a city?"
)
TIMEZONE_PICK = "A few timezones match. Which one is yours?"
TIMEZONE_SET = "Your timezone is now {zone}. It's {time} there."
TIMEZONE_NEXT = "Now choose when I ask, for example <code>/remind checkin 21:00</code>."

# --- Reminders -------------------------------------------------------------------------------

REMIND_USAGE = (
    "Tell me what and when, for example:\n"
    "<code>/remind checkin 21:00</code>\n"
    "<code>/remind gratitude 8:30 weekdays</code>\n"
    "<code>/remind checkin 9pm mon,wed,fri</code>\n"
    "<code>/remind disclosure 20:00</code>\n"
    "<code>/remind review sun 19:00</code>\n"
    "<code>/remind gratitude off</code>"
)
REMIND_BAD_KIND = (
    "I can remind you about <code>checkin</code>, <code>gratitude</code>, "
    "<code>disclosure</code> or <code>review</code>, not “{given}”. "
    "For example <code>/remind checkin 21:00</code>."
)
REMINDER_SET = "Your {kind} reminder is set for {time}, {days}. Next: {next}."
REMINDER_OFF = "Your {kind} reminder is off. Set it again any time with /remind."
REMINDER_WAS_OFF = "You had no {kind} reminder, so nothing changed."
REMINDERS_HEADER = "<b>Your reminders</b>"
REMINDER_LINE = "• {kind}: {time}, {days}. Next: {next}"
SWITCH_LINE = "• {status}"
REMINDERS_FOOTER = "Change one with /remind, for example <code>/remind checkin 20:30</code>."
REMINDERS_PAUSED = "Prompts are paused for now. /resume starts them again."
NO_REMINDERS = (
    "You have no reminders yet. Try <code>/remind checkin 21:00</code> or "
    "<code>/remind gratitude 8:30</code>."
)
REVIEW_DEFAULT_SET = (
    "Your weekly review comes on Sundays at {time}: a look back at your week together. "
    "<code>/remind review off</code> stops it."
)
KIND_LABELS: dict[str, str] = {
    ReminderKind.CHECKIN: "check-in",
    ReminderKind.GRATITUDE: "gratitude",
    ReminderKind.DISCLOSURE: "“anything to share?”",
    ReminderKind.REVIEW: "weekly review",
}

# --- Pause -----------------------------------------------------------------------------------

PAUSE_USAGE = (
    "How long should I pause? For example <code>/pause 3d</code>, <code>/pause 1w</code> or "
    "<code>/pause until 2026-12-01</code>."
)
PAUSED = "Prompts are paused until {when}. /resume starts them sooner."
RESUMED = "Prompts are back on. The next one comes at your usual time."
NOT_PAUSED = "Prompts weren't paused, so nothing changed."


def timezone_unknown(given: str) -> str:
    return TIMEZONE_UNKNOWN.format(given=escape(given.strip()[:64]))


def timezone_too_many(given: str) -> str:
    return TIMEZONE_TOO_MANY.format(given=escape(given.strip()[:64]))


def timezone_choices(result: TimezoneChoices) -> Outgoing:
    rows = [[(zone.replace("_", " "), ChooseZone(zone).pack())] for zone in result.zones]
    return Outgoing(TIMEZONE_PICK, buttons(*rows))


def timezone_set(result: TimezoneSet) -> Outgoing:
    local = result.local_now
    text = TIMEZONE_SET.format(zone=result.zone, time=when.time_of_day(local.time()))
    return Outgoing(text + ("" if result.has_reminders else "\n\n" + TIMEZONE_NEXT))


def bad_kind(given: str) -> str:
    return REMIND_BAD_KIND.format(given=escape(given[:32]))


def reminder_off(result: ReminderOff) -> Outgoing:
    template = REMINDER_OFF if result.was_on else REMINDER_WAS_OFF
    return Outgoing(template.format(kind=KIND_LABELS[result.kind]))


def reminder_set(result: ReminderSet) -> Outgoing:
    text = REMINDER_SET.format(
        kind=KIND_LABELS[result.kind],
        time=when.time_of_day(time(result.hour, result.minute)),
        days=schedule.describe_days(result.days),
        next=_when(result.next_due, result.today),
    )
    if result.default_review:
        at = when.time_of_day(time(result.hour, result.minute))
        text += "\n\n" + REVIEW_DEFAULT_SET.format(time=at)
    return Outgoing(text)


def reminder_list(result: ReminderList) -> Outgoing:
    if not result.lines:
        return Outgoing(NO_REMINDERS)
    switches = [SWITCH_LINE.format(status=status) for status in result.switches]
    lines = [
        REMINDER_LINE.format(
            kind=KIND_LABELS.get(line.kind, line.kind),
            time=when.time_of_day(time(line.hour, line.minute)),
            days=schedule.describe_days(line.days),
            next=_when(line.next_due, result.today),
        )
        for line in result.lines
    ] + switches
    footer = REMINDERS_PAUSED if result.paused else REMINDERS_FOOTER
    return Outgoing(REMINDERS_HEADER + "\n" + "\n".join(lines) + "\n\n" + footer)


def paused(result: Paused) -> Outgoing:
    local = result.until
    until = ON_DAY_AT.format(day=when.day(local), time=when.time_of_day(local.time()))
    return Outgoing(PAUSED.format(when=until))


def resumed(result: Resumed) -> Outgoing:
    return Outgoing(RESUMED if result is Resumed.RESUMED else NOT_PAUSED)


def _when(local: datetime, today: datetime) -> str:
    """'today at 21:00', 'tomorrow at 08:30' or 'Mon 7 Dec at 21:00'."""
    clock = when.time_of_day(local.time())
    days = (local.date() - today.date()).days
    if days == 0:
        return f"today at {clock}"
    if days == 1:
        return f"tomorrow at {clock}"
    return ON_DAY_AT.format(day=when.day(local), time=clock)
