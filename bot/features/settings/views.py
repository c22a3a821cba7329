"""What the settings say: timezone, reminders, pause and resume, quiet hours, and the
/settings screens."""

from datetime import datetime, time

from babel import Locale
from babel.dates import get_day_names

from bot.domain import schedule
from bot.domain.quiet import QuietHours, QuietMode
from bot.features.settings import timezones
from bot.features.settings.buttons import (
    ChooseZone,
    Flip,
    Go,
    PauseFor,
    Quiet,
    Remind,
    SpeakIn,
    TellNothing,
    WinsAt,
)
from bot.features.settings.models import (
    LanguagePage,
    NothingPage,
    Overview,
    Page,
    Paused,
    PausePage,
    QuietAction,
    QuietPage,
    RemindAction,
    ReminderKind,
    ReminderList,
    ReminderOff,
    ReminderPage,
    ReminderSet,
    RemindersPage,
    Resumed,
    ResumedResult,
    TimezoneChoices,
    TimezoneSet,
    WinsPage,
)
from bot.kernel import when
from bot.kernel.i18n import N_, SOURCE, Text, Words, current, ngettext
from bot.kernel.outgoing import Button, Outgoing, buttons
from bot.texts import escape

# --- Timezone --------------------------------------------------------------------------------

TIMEZONE_USAGE = N_(
    "Tell me your city, country or timezone, for example <code>/timezone Berlin</code>, "
    "<code>/timezone Germany</code>, <code>/timezone NYC</code> or "
    "<code>/timezone UTC+1</code>. /settings has it too."
)
TIMEZONE_UNKNOWN = N_(
    "I couldn't find a timezone for “{given}”. Try a nearby big city, your country, or your "
    "offset from UTC, like UTC+1."
)
TIMEZONE_PICK = N_("A few timezones match. Which one is yours?")
TIMEZONE_PICK_MORE = N_(
    "These are the places with the most people. If yours isn't here, tell me your city."
)
ZONE_CITY = N_("{place}, {country}")
ZONE_FIXED = N_("{offset}, no summer time")
TIMEZONE_SET = N_("Your timezone is now {zone}. It's {time} there.")
TIMEZONE_NEXT = N_("Now choose when I ask, for example <code>/remind checkin 21:00</code>.")

# --- Reminders -------------------------------------------------------------------------------

REMIND_USAGE = N_(
    "Tell me what and when, for example:\n"
    "<code>/remind checkin 21:00</code>\n"
    "<code>/remind gratitude 8:30 weekdays</code>\n"
    "<code>/remind checkin 9pm mon,wed,fri</code>\n"
    "<code>/remind disclosure 20:00</code>\n"
    "<code>/remind review sun 19:00</code>\n"
    "<code>/remind gratitude off</code>"
)
REMIND_BAD_KIND = N_(
    "I can remind you about <code>checkin</code>, <code>gratitude</code>, "
    "<code>disclosure</code> or <code>review</code>, not “{given}”. "
    "For example <code>/remind checkin 21:00</code>."
)
REMINDER_SET = N_("Your {kind} reminder is set for {time}, {days}. Next: {next}.")
REMINDER_OFF = N_("Your {kind} reminder is off. Set it again any time with /remind.")
REMINDER_WAS_OFF = N_("You had no {kind} reminder, so nothing changed.")
REMINDERS_HEADER = N_("<b>Your reminders</b>")
REMINDER_LINE = N_("• {kind}: {time}, {days}. Next: {next}")
SWITCH_LINE = N_("• {status}")
REMINDERS_FOOTER = N_("Change one with /remind, for example <code>/remind checkin 20:30</code>.")
REMINDERS_PAUSED = N_("Prompts are paused for now. /resume starts them again.")
NO_REMINDERS = N_(
    "You have no reminders yet. Try <code>/remind checkin 21:00</code> or "
    "<code>/remind gratitude 8:30</code>."
)
REVIEW_DEFAULT_SET = N_(
    "Your weekly review comes on Sundays at {time}: a look back at your week together. "
    "<code>/remind review off</code> stops it."
)
# A reminder's name inside a sentence ("Your {kind} reminder is set ...").
# Translators: the next four are the {kind} in "Your {kind} reminder is set for ...".
KIND_LABELS: dict[str, Text] = {
    ReminderKind.CHECKIN: N_("check-in"),
    ReminderKind.GRATITUDE: N_("gratitude"),
    ReminderKind.DISCLOSURE: N_("“anything to share?”"),
    ReminderKind.REVIEW: N_("weekly review"),
}

# --- Pause -----------------------------------------------------------------------------------

PAUSE_USAGE = N_(
    "How long should I pause? For example <code>/pause 3d</code>, <code>/pause 1w</code> or "
    "<code>/pause until 2026-12-01</code>."
)
PAUSED = N_("Prompts are paused until {when}. /resume starts them sooner.")
RESUMED_NEXT = N_("Prompts are back on. Next: your {kind} reminder, {when}.")
RESUMED_NONE = N_(
    "Prompts are back on, but you have no reminders set, so none will come on their own. "
    "/settings sets a time."
)
NOT_PAUSED = N_("Prompts weren't paused, so nothing changed.")

# --- /settings -------------------------------------------------------------------------------

SETTINGS_TITLE = N_("<b>Settings</b>")
SETTINGS_ZONE = N_("Timezone: {zone}, where it's {time} now.")
SETTINGS_NO_ZONE = N_("Timezone: not set yet. I need it to ask at your own times.")
SETTINGS_REMINDERS = N_("Reminders:")
SETTINGS_REMINDER = N_("• {kind}: {time}, {days}")
SETTINGS_NO_REMINDERS = N_("Reminders: none yet.")
SETTINGS_PAUSED = N_("Prompts are paused until {when}.")
SETTINGS_QUIET_SILENT = N_("Quiet hours: {start} to {end}, what {name} sends arrives silently.")
SETTINGS_QUIET_WAIT = N_("Quiet hours: {start} to {end}, what {name} sends waits until {end}.")
SETTINGS_QUIET_OFF = N_("Quiet hours: off.")
YOUR_PARTNER = N_("your partner")

BUTTON_TIMEZONE = N_("Timezone")
BUTTON_REMINDERS = N_("Reminders")
BUTTON_QUIET = N_("Quiet hours")
BUTTON_PAUSE = N_("Pause")
BUTTON_PAUSED = N_("Pause or resume")
BUTTON_WINS = N_("Past wins")
BUTTON_NOTHING = N_("Nothing to share")
BUTTON_PRIVACY = N_("Privacy")
BUTTON_EXPORT = N_("Export my data")
BUTTON_DELETE = N_("Delete my data")
BUTTON_UNPAIR = N_("Unpair")
BUTTON_BACK = N_("« Back")
BUTTON_SETTINGS = N_("« Settings")
BUTTON_ANOTHER_TIME = N_("Another time")
BUTTON_TURN_OFF = N_("Turn off")
BUTTON_EVERY_DAY = N_("Every day")
BUTTON_WEEKDAYS = N_("Weekdays")
BUTTON_KIND_ON = N_("{kind}: {time}")
BUTTON_KIND_OFF = N_("{kind}: off")
BUTTON_SWITCH_ON = N_("{label}: on")
BUTTON_SWITCH_OFF = N_("{label}: off")
CHOSEN = N_("✓ {label}")

ZONE_PAGE = N_(
    "<b>Timezone</b>\nYours is {zone}, where it's {time} now.\n\n"
    "To change it, write your city, country or UTC offset, for example Berlin, Germany, NYC "
    "or UTC+1."
)
ZONE_PAGE_NONE = N_(
    "<b>Timezone</b>\nWrite your city, country or UTC offset, for example Berlin, Germany, NYC "
    "or UTC+1."
)

REMINDERS_PAGE = N_(
    "<b>Reminders</b>\nTap one to change its time or days, or to turn it on or off."
)
KIND_TITLES: dict[str, Text] = {
    ReminderKind.CHECKIN: N_("Check-in"),
    ReminderKind.GRATITUDE: N_("Gratitude"),
    ReminderKind.DISCLOSURE: N_("“Anything to share?”"),
    ReminderKind.REVIEW: N_("Weekly review"),
}
REMINDER_PAGE_ON = N_(
    "<b>{kind}</b>\n{time}, {days}. Next: {next}.\n\n"
    "Choose another time, or tap the days to change them."
)
REMINDER_PAGE_OFF = N_("<b>{kind}</b>\nOff. Choose a time to turn it on.")
REVIEW_DEFAULT_NOTE = N_(
    "Your weekly review comes on Sundays at {time} too: a look back at your week together."
)
TIME_ASKED = N_(
    "What time should your {kind} reminder come? Write it however you like, for example "
    "21:00, 9pm or 7.30 am."
)

QUIET_TITLE = N_("<b>Quiet hours</b>")
QUIET_SILENT = N_(
    "From {start} to {end} your time, what {name} sends you arrives without a sound. "
    "Your own reminders ring as usual."
)
QUIET_WAIT = N_(
    "From {start} to {end} your time, what {name} sends you waits until {end}; only what "
    "can't wait (a timeout, or that {name} checked in today) comes then, silently. "
    "Your own reminders ring as usual."
)
QUIET_OFF = N_("Off: what {name} sends you arrives with a sound at any hour.")
QUIET_SAME = N_(
    "Quiet hours need a start and an end that differ. To have none, choose Off in "
    "/settings, Quiet hours."
)
BUTTON_QUIET_FROM = N_("From {time}")
BUTTON_QUIET_UNTIL = N_("Until {time}")
BUTTON_QUIET_FROM_OTHER = N_("From another time")
BUTTON_QUIET_UNTIL_OTHER = N_("Until another time")
BUTTON_QUIET_SILENT = N_("Silently")
BUTTON_QUIET_WAIT = N_("Wait until they end")
BUTTON_QUIET_OFF = N_("Off")
QUIET_START_ASKED = N_("When should your quiet hours start? For example 22:30 or 10.30 pm.")
QUIET_END_ASKED = N_("When should your quiet hours end? For example 7:30 or 7.30 am.")

PAUSE_PAGE_ON = N_("<b>Pause</b>\nPrompts are on. For how long should I pause them?")
PAUSE_PAGE_PAUSED = N_(
    "<b>Pause</b>\nPrompts are paused until {when}. Resume them now, or pause for longer."
)
PAUSE_DAYS = (1, 3, 7, 14)  # the pause buttons: days, shown in weeks when whole weeks
BUTTON_RESUME = N_("Resume now")

WINS_PAGE_ON = N_(
    "<b>Past wins</b>\nAfter a check-in of {threshold} or less, I offer you one of your "
    "shared wins to reread, privately. Change the score, or turn it off:"
)
WINS_PAGE_OFF = N_(
    "<b>Past wins</b>\nPast wins aren't offered after hard check-ins. Choose a score to turn "
    "it on: after a check-in of that or less, I offer you a shared win to reread, privately."
)
WINS_NOT_PAIRED = N_(
    "<b>Past wins</b>\nOnce you're paired and have shared a win, I can offer it back to you "
    "after a hard check-in."
)
BUTTON_WINS_NEVER = N_("Never")
BUTTON_WINS_AT = N_("{threshold} or less")

NOTHING_ON = N_(
    "<b>Nothing to share</b>\nWhen you say you have nothing to share under your agreement "
    "today, {name} is told so."
)
NOTHING_OFF = N_(
    "<b>Nothing to share</b>\nWhen you say you have nothing to share under your agreement "
    "today, {name} isn't told; it stays with you."
)
NOTHING_NOT_PAIRED = N_(
    "<b>Nothing to share</b>\nThis is part of a disclosure agreement, once you're paired."
)
LANGUAGE_PAGE = N_("<b>Language</b>\nWhich language should I speak with you?")
BUTTON_LANGUAGE = N_("Language")

BUTTON_TELL = N_("Tell {name}")
BUTTON_DONT_TELL = N_("Don't tell")


def timezone_unknown(given: str) -> str:
    return TIMEZONE_UNKNOWN.format(given=escape(given.strip()[:64]))


def zone_label(zone: str, place: timezones.Place | None = None) -> str:
    """A zone on a button: the place it was found by ("Birmingham, United Kingdom"), a fixed
    offset ("UTC+1, no summer time"), or the zone's own name."""
    if place is not None:
        country = timezones.country_name(place.country, current())
        return ZONE_CITY.format(place=place.name, country=country)
    if zone.startswith("Etc/GMT") and len(zone) > 7:
        sign = "-" if zone[7] == "+" else "+"  # Etc/ signs are reversed
        return ZONE_FIXED.format(offset=f"UTC{sign}{zone[8:]}")
    return zone.replace("_", " ")


def zone_city(zone: str) -> str:
    """The city a zone is named for, in the language being spoken ('Vienna', 'Wien')."""
    if current() == SOURCE:
        return zone.rsplit("/", 1)[-1].replace("_", " ")
    return timezones.zone_place(zone, current())


def timezone_choices(result: TimezoneChoices, *, back: bool = False) -> Outgoing:
    places = result.places or (None,) * len(result.zones)
    rows = [
        [(zone_label(zone, place), ChooseZone(zone).pack())]
        for zone, place in zip(result.zones, places, strict=True)
    ]
    if back:
        rows.append([(str(BUTTON_SETTINGS), Go(Page.HOME).pack())])
    text = str(TIMEZONE_PICK) + ("\n\n" + str(TIMEZONE_PICK_MORE) if result.more else "")
    return Outgoing(text, buttons(*rows))


def timezone_set(result: TimezoneSet) -> Outgoing:
    local = result.local_now
    zone = zone_label(result.zone) if result.zone.startswith("Etc/") else result.zone
    text = TIMEZONE_SET.format(zone=zone, time=when.time_of_day(local.time()))
    return Outgoing(text + ("" if result.has_reminders else "\n\n" + str(TIMEZONE_NEXT)))


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
        next=when.relative(result.next_due, result.today),
    )
    if result.default_review:
        at = when.time_of_day(time(result.hour, result.minute))
        text += "\n\n" + REVIEW_DEFAULT_SET.format(time=at)
    return Outgoing(text)


def reminder_list(result: ReminderList) -> Outgoing:
    if not result.lines:
        return Outgoing(str(NO_REMINDERS))
    switches = [SWITCH_LINE.format(status=status) for status in result.switches]
    lines = [
        REMINDER_LINE.format(
            kind=KIND_LABELS.get(line.kind, line.kind),
            time=when.time_of_day(time(line.hour, line.minute)),
            days=schedule.describe_days(line.days),
            next=when.relative(line.next_due, result.today),
        )
        for line in result.lines
    ] + switches
    footer = REMINDERS_PAUSED if result.paused else REMINDERS_FOOTER
    return Outgoing(f"{REMINDERS_HEADER}\n" + "\n".join(lines) + f"\n\n{footer}")


def paused(result: Paused) -> Outgoing:
    local = result.until
    until = when.day_at(local)
    return Outgoing(PAUSED.format(when=until))


def resumed(result: ResumedResult) -> Outgoing:
    if result.status is Resumed.NOT_PAUSED:
        return Outgoing(str(NOT_PAUSED))
    if result.next_kind is None or result.next_due is None or result.today is None:
        return Outgoing(str(RESUMED_NONE))
    kind = KIND_LABELS.get(result.next_kind, result.next_kind)
    return Outgoing(
        RESUMED_NEXT.format(kind=kind, when=when.relative(result.next_due, result.today))
    )


# --- /settings -------------------------------------------------------------------------------


def _until(local: datetime) -> str:
    """'Mon 9 Mar at 13:00', in the user's own time."""
    return when.day_at(local)


def _back(page: Page = Page.HOME) -> list[tuple[str, str]]:
    return [(str(BUTTON_BACK), Go(page).pack())]


def _partner(name: str | None) -> str:
    return escape(name) if name else str(YOUR_PARTNER)


def _chosen(label: Words, chosen: bool) -> str:
    return CHOSEN.format(label=label) if chosen else str(label)


def _day_labels() -> list[str]:
    """Monday to Sunday, short, in the language being spoken (Babel's, from CLDR)."""
    names = get_day_names("abbreviated", context="stand-alone", locale=current())
    return [names[day] for day in range(7)]


def _pause_label(days: int) -> str:
    if days % 7 == 0:
        weeks = days // 7
        return ngettext("{count} week", "{count} weeks", weeks).format(count=weeks)
    return ngettext("{count} day", "{count} days", days).format(count=days)


def _hhmm(minutes: int) -> str:
    return when.time_of_day(time(*divmod(minutes, 60)))


def _quiet_line(hours: QuietHours, partner: str | None) -> str:
    start, end, name = _hhmm(hours.start), _hhmm(hours.end), _partner(partner)
    if hours.mode is QuietMode.OFF:
        return str(SETTINGS_QUIET_OFF)
    template = SETTINGS_QUIET_WAIT if hours.mode is QuietMode.WAIT else SETTINGS_QUIET_SILENT
    return template.format(start=start, end=end, name=name)


def settings_home(result: Overview, *, export: str) -> Outgoing:
    """The /settings screen; ``export`` is the data feature's export button."""
    lines = [str(SETTINGS_TITLE)]
    if result.zone is None or result.local_now is None:
        lines.append(str(SETTINGS_NO_ZONE))
    else:
        clock = when.time_of_day(result.local_now.time())
        lines.append(SETTINGS_ZONE.format(zone=result.zone, time=clock))
        if result.reminders:
            lines.append(str(SETTINGS_REMINDERS))
            lines += [
                SETTINGS_REMINDER.format(
                    kind=KIND_TITLES.get(line.kind, line.kind),
                    time=when.time_of_day(time(line.hour, line.minute)),
                    days=schedule.describe_days(line.days),
                )
                for line in result.reminders
            ]
        else:
            lines.append(str(SETTINGS_NO_REMINDERS))
    if result.paused_until is not None:
        until = result.paused_until
        lines.append(SETTINGS_PAUSED.format(when=_until(until)))
    lines.append(_quiet_line(result.quiet, result.partner))
    pause = str(BUTTON_PAUSED if result.paused_until is not None else BUTTON_PAUSE)
    rows = [
        [
            (str(BUTTON_TIMEZONE), Go(Page.TIMEZONE).pack()),
            (str(BUTTON_REMINDERS), Go(Page.REMINDERS).pack()),
        ],
        [(str(BUTTON_QUIET), Go(Page.QUIET).pack()), (pause, Go(Page.PAUSE).pack())],
        [(str(BUTTON_WINS), Go(Page.WINS).pack()), (str(BUTTON_NOTHING), Go(Page.NOTHING).pack())],
        [(str(BUTTON_PRIVACY), Go(Page.PRIVACY).pack()), (str(BUTTON_EXPORT), export)],
        [(str(BUTTON_LANGUAGE), Go(Page.LANGUAGE).pack())],
        [(str(BUTTON_DELETE), Go(Page.DELETE).pack())],
    ]
    if result.partner is not None:
        rows[-1].append((str(BUTTON_UNPAIR), Go(Page.UNPAIR).pack()))
    return Outgoing("\n".join(lines), buttons(*rows))


def zone_page(result: Overview) -> Outgoing:
    if result.zone is None or result.local_now is None:
        return Outgoing(str(ZONE_PAGE_NONE), buttons(_back()))
    clock = when.time_of_day(result.local_now.time())
    return Outgoing(ZONE_PAGE.format(zone=result.zone, time=clock), buttons(_back()))


def zone_typed(result: TimezoneSet | TimezoneChoices) -> Outgoing:
    """The place typed on the timezone page: set, or the zones it could mean."""
    if isinstance(result, TimezoneChoices):
        return timezone_choices(result, back=True)
    shown = timezone_set(result)
    return Outgoing(shown.text, buttons([(str(BUTTON_SETTINGS), Go(Page.HOME).pack())]))


def reminders_page(result: RemindersPage) -> Outgoing:
    by_kind = {line.kind: line for line in result.lines}
    rows: list[list[tuple[str, str]]] = []
    for kind in ReminderKind:
        line = by_kind.get(kind)
        title = KIND_TITLES[kind]
        label = (
            BUTTON_KIND_ON.format(kind=title, time=when.time_of_day(time(line.hour, line.minute)))
            if line
            else BUTTON_KIND_OFF.format(kind=title)
        )
        rows.append([(label, Remind(kind, RemindAction.OPEN).pack())])
    for switch in result.switches:
        template = BUTTON_SWITCH_ON if switch.on else BUTTON_SWITCH_OFF
        rows.append(
            [(template.format(label=switch.label), Flip(switch.name, int(not switch.on)).pack())]
        )
    rows.append(_back())
    text = str(REMINDERS_PAGE) if not result.note else f"{result.note}\n\n{REMINDERS_PAGE}"
    return Outgoing(text, buttons(*rows))


REMINDER_TIMES = ((7, 8, 9), (12, 18, 19), (20, 21, 22))


def reminder_page(result: ReminderPage) -> Outgoing:
    kind, line = result.kind, result.line
    title = KIND_TITLES[kind]
    current = None if line is None else line.hour * 60 + line.minute
    rows = [
        [
            (
                _chosen(_hhmm(hour * 60), current == hour * 60),
                Remind(kind, RemindAction.TIME, hour * 60).pack(),
            )
            for hour in row
        ]
        for row in REMINDER_TIMES
    ]
    rows.append([(str(BUTTON_ANOTHER_TIME), Remind(kind, RemindAction.TYPE).pack())])
    if line is None:
        text = REMINDER_PAGE_OFF.format(kind=title)
    else:
        text = REMINDER_PAGE_ON.format(
            kind=title,
            time=when.time_of_day(time(line.hour, line.minute)),
            days=schedule.describe_days(line.days),
            next=when.relative(line.next_due, result.today),
        )
        labels = _day_labels()
        days = [
            (
                _chosen(labels[day], bool(line.days >> day & 1)),
                # Each day button carries the days it leaves: never none (Turn off is for that).
                Remind(kind, RemindAction.DAYS, line.days ^ (1 << day) or line.days).pack(),
            )
            for day in range(7)
        ]
        rows += [days[:4], days[4:]]
        rows.append(
            [
                (
                    _chosen(BUTTON_EVERY_DAY, line.days == schedule.ALL_DAYS),
                    Remind(kind, RemindAction.DAYS, schedule.ALL_DAYS).pack(),
                ),
                (
                    _chosen(BUTTON_WEEKDAYS, line.days == schedule.WEEKDAYS),
                    Remind(kind, RemindAction.DAYS, schedule.WEEKDAYS).pack(),
                ),
            ]
        )
        rows.append([(str(BUTTON_TURN_OFF), Remind(kind, RemindAction.OFF).pack())])
    rows.append(_back(Page.REMINDERS))
    if result.note:
        text += "\n\n" + result.note
    return Outgoing(text, buttons(*rows))


def review_default_note(hour: int, minute: int) -> str:
    return REVIEW_DEFAULT_NOTE.format(time=when.time_of_day(time(hour, minute)))


def time_asked(kind: ReminderKind) -> Outgoing:
    text = TIME_ASKED.format(kind=KIND_LABELS[kind])
    return Outgoing(text, buttons([(str(BUTTON_BACK), Remind(kind, RemindAction.OPEN).pack())]))


QUIET_STARTS = (21 * 60, 22 * 60, 23 * 60)
QUIET_ENDS = (6 * 60, 7 * 60, 8 * 60)
QUIET_MODE_BUTTONS = (
    (QuietMode.SILENT, BUTTON_QUIET_SILENT),
    (QuietMode.WAIT, BUTTON_QUIET_WAIT),
    (QuietMode.OFF, BUTTON_QUIET_OFF),
)


def quiet_page(result: QuietPage, modes: tuple[QuietMode, ...]) -> Outgoing:
    """``modes``: the order the mode buttons' values index."""
    hours, name = result.hours, _partner(result.partner)
    start, end = _hhmm(hours.start), _hhmm(hours.end)
    if hours.mode is QuietMode.OFF:
        body = QUIET_OFF.format(name=name)
    else:
        template = QUIET_WAIT if hours.mode is QuietMode.WAIT else QUIET_SILENT
        body = template.format(start=start, end=end, name=name)
    starts = [
        (
            _chosen(BUTTON_QUIET_FROM.format(time=_hhmm(minutes)), minutes == hours.start),
            Quiet(QuietAction.START, minutes).pack(),
        )
        for minutes in QUIET_STARTS
    ]
    ends = [
        (
            _chosen(BUTTON_QUIET_UNTIL.format(time=_hhmm(minutes)), minutes == hours.end),
            Quiet(QuietAction.END, minutes).pack(),
        )
        for minutes in QUIET_ENDS
    ]
    mode_row = [
        (_chosen(label, hours.mode is mode), Quiet(QuietAction.MODE, modes.index(mode)).pack())
        for mode, label in QUIET_MODE_BUTTONS
    ]
    rows = [
        starts,
        ends,
        [
            (str(BUTTON_QUIET_FROM_OTHER), Quiet(QuietAction.TYPE_START).pack()),
            (str(BUTTON_QUIET_UNTIL_OTHER), Quiet(QuietAction.TYPE_END).pack()),
        ],
        mode_row[:2],
        [*mode_row[2:], *_back()],
    ]
    text = f"{QUIET_TITLE}\n{body}"
    return Outgoing(text, buttons(*rows))


def quiet_time_asked(action: QuietAction) -> Outgoing:
    text = str(QUIET_START_ASKED if action is QuietAction.TYPE_START else QUIET_END_ASKED)
    return Outgoing(text, buttons(_back(Page.QUIET)))


def pause_page(result: PausePage) -> Outgoing:
    choices = [(_pause_label(days), PauseFor(days).pack()) for days in PAUSE_DAYS]
    rows = [choices[:2], choices[2:]]
    if result.paused_until is None:
        text = str(PAUSE_PAGE_ON)
    else:
        text = PAUSE_PAGE_PAUSED.format(when=_until(result.paused_until))
        rows.insert(0, [(str(BUTTON_RESUME), PauseFor(0).pack())])
    rows.append(_back())
    return Outgoing(text, buttons(*rows))


WINS_CHOICES = (2, 3, 4, 5)


def wins_page(result: WinsPage) -> Outgoing:
    if result.threshold is None:
        return Outgoing(str(WINS_NOT_PAIRED), buttons(_back()))
    threshold = result.threshold
    text = str(WINS_PAGE_OFF) if threshold == 0 else WINS_PAGE_ON.format(threshold=threshold)
    choices = [
        (_chosen(BUTTON_WINS_AT.format(threshold=value), value == threshold), WinsAt(value).pack())
        for value in WINS_CHOICES
    ]
    rows = [
        choices[:2],
        choices[2:],
        [(_chosen(BUTTON_WINS_NEVER, threshold == 0), WinsAt(0).pack()), *_back()],
    ]
    return Outgoing(text, buttons(*rows))


def nothing_page(result: NothingPage) -> Outgoing:
    if result.partner is None:
        return Outgoing(str(NOTHING_NOT_PAIRED), buttons(_back()))
    name = escape(result.partner)
    text = (NOTHING_ON if result.on else NOTHING_OFF).format(name=name)
    rows = [
        [
            (_chosen(BUTTON_TELL.format(name=result.partner), result.on), TellNothing(1).pack()),
            (_chosen(BUTTON_DONT_TELL, not result.on), TellNothing(0).pack()),
        ],
        _back(),
    ]
    return Outgoing(text, buttons(*rows))


def language_name(language: str) -> str:
    """A language by its own name ("Deutsch", "Português (Brasil)"), as its speakers know it."""
    name = Locale.parse(language).get_display_name(language) or language
    return name[:1].upper() + name[1:]


def language_page(result: LanguagePage) -> Outgoing:
    """The six languages by their own names, the user's own marked."""
    choices = [
        (_chosen(language_name(language), language == result.current), SpeakIn(language).pack())
        for language in result.languages
    ]
    rows = [choices[i : i + 2] for i in range(0, len(choices), 2)]
    rows.append(_back())
    return Outgoing(str(LANGUAGE_PAGE), buttons(*rows))


def with_back(shown: Outgoing, page: Page = Page.HOME) -> Outgoing:
    """Another feature's screen (privacy, delete, unpair), shown here with a way back."""
    back = tuple(Button(text, data) for text, data in _back(page))
    return Outgoing(shown.text, (*shown.buttons, back), shown.voice, shown.photo)
