"""What the way in and the home screen say."""

from collections.abc import Callable, Sequence
from datetime import time

from bot.features.home.buttons import Invite, OtherTime, PickTime, PickZone, SkipStep, TypeZone
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
from bot.features.settings import TimezoneMatch, zone_city, zone_label
from bot.kernel import when
from bot.kernel.i18n import N_, Text
from bot.kernel.outgoing import Button, Outgoing
from bot.kernel.screens import Open
from bot.texts import escape

# --- The way in ------------------------------------------------------------------------------

WELCOME = N_(
    "Hello {name}. I'm Mend.\n"
    "I help two partners rebuild trust with a small daily practice: a short check-in and a "
    "moment of gratitude, at times you choose.\n"
    "Your answers stay yours. Nothing reaches your partner unless you decide to send it, and "
    "check-in answers are shown to each other only once you have both answered.\n"
    "I'm not therapy, just a steady habit to keep between you."
)
ASK_ZONE = N_(
    "First, where are you, so that I ask at your own times? Tap your timezone, or just type "
    "the city you live in."
)
ASK_ZONE_TYPED = N_(
    "Type the city you live in. Your country or a zone name like Europe/Lisbon works too."
)
ZONE_UNKNOWN = N_(
    "I couldn't find a timezone for “{given}”. Try the nearest big city, or tap one below."
)
ZONE_TOO_MANY = N_(
    "“{given}” matches many places. Here are the largest; or type your city to be sure."
)
ZONE_SEVERAL = N_("A few timezones match “{given}”. Which one is yours?")
ZONE_SET = N_("Your timezone is {zone}. It's {time} there now.")
ASK_CHECKIN = N_(
    "When should I ask your daily check-in? It takes a minute or two. Many people like the "
    "evening."
)
ASK_GRATITUDE = N_(
    "And when should I ask for a moment of gratitude, something your partner did that you noticed?"
)
ASK_TIME_TYPED = N_("Type the time, for example 9pm, 21:30 or 7:15 am.")
CHECKIN_SET = N_("I'll ask your check-in every day at {time}. The first comes {next}.")
GRATITUDE_SET = N_("I'll ask for gratitude every day at {time}. The first comes {next}.")
REVIEW_TOO = N_("On Sundays at {time}, a look back at your week together comes as well.")
GRATITUDE_LATER = N_(
    "No gratitude time for now. You can add one in the settings whenever you like."
)
ASK_INVITE = N_(
    "Last, your partner. I'll make an invite link that works once, and you send it to them "
    "in any chat you like."
)
BUTTON_TYPE_CITY = N_("Type my city")
BUTTON_OTHER_TIME = N_("Another time")
BUTTON_NOT_NOW = N_("Not now")
BUTTON_INVITE = N_("Invite my partner")
BUTTON_LATER = N_("Later")
CHECKIN_TIMES = ((20, 0), (21, 0), (22, 0))
GRATITUDE_TIMES = ((8, 0), (13, 0), (20, 0))

# --- Home ------------------------------------------------------------------------------------

HOME_PAIRED = N_("You and {name} are paired.")
HOME_NOT_PAIRED = N_("You're not paired yet. Invite your partner when you're ready.")
HOME_NEXT_CHECKIN = N_("Your next check-in: {when}.")
HOME_NO_CHECKIN = N_("You have no check-in time yet.")
HOME_PAUSED = N_("Prompts are paused for now.")
HOME_NO_TIMEZONE = N_("Let's set you up first: your timezone, and when I ask.")
HOME_WAITING = N_("Waiting for you:")
HOME_WAITING_LINE = N_("• {line}")
BUTTON_SET_UP = N_("Set up")
BUTTON_BACK = N_("Back")
TOGETHER = N_(
    "<b>Together</b>\n"
    "What you two keep between check-ins: promises, your wins, the plan for hard moments, "
    "and a calm pause when a talk gets too hot."
)
# Each home button opens a screen a feature declares; one that no feature declares is left
# out (see ``home``).
HOME_BUTTONS: tuple[tuple[str, Text], ...] = (
    ("checkin", N_("Check in")),
    ("gratitude", N_("Gratitude")),
    ("together", N_("Together")),
    ("agreement", N_("Agreement")),
    ("journal", N_("Journal")),
    ("settings", N_("Settings")),
    ("help", N_("Help")),
    ("support", N_("Support")),
)
TOGETHER_BUTTONS: tuple[tuple[str, Text], ...] = (
    ("promises", N_("Promises")),
    ("wins", N_("Wins")),
    ("repair", N_("Repair plan")),
    ("timeout", N_("Timeout")),
)
# Menus that lead to menus are edited in place; what a feature shows comes as a new message.
IN_PLACE = frozenset({"together"})


Declared = Callable[[str], bool]  # whether a feature declares a screen of that name


def _zone_rows(zones: Sequence[str], match: TimezoneMatch | None) -> list[tuple[Button, ...]]:
    """Likely zones two to a row by their city; what the resolver found one to a row, named
    by the place it was found by."""
    type_city = (Button(str(BUTTON_TYPE_CITY), TypeZone().pack()),)
    if match is None:
        buttons = [Button(zone_city(zone), PickZone(zone).pack()) for zone in zones]
        return [*(tuple(buttons[i : i + 2]) for i in range(0, len(buttons), 2)), type_city]
    places = match.places or (None,) * len(match.zones)
    rows = [
        (Button(zone_label(zone, place), PickZone(zone).pack()),)
        for zone, place in zip(match.zones, places, strict=True)
    ]
    return [*rows, type_city]


def _time_rows(step: Step) -> list[tuple[Button, ...]]:
    times = CHECKIN_TIMES if step is Step.CHECKIN else GRATITUDE_TIMES
    row = tuple(
        Button(when.time_of_day(time(hour, minute)), PickTime(step, hour, minute).pack())
        for hour, minute in times
    )
    last = [Button(str(BUTTON_OTHER_TIME), OtherTime(step).pack())]
    if step is Step.GRATITUDE:
        last.append(Button(str(BUTTON_NOT_NOW), SkipStep(step).pack()))
    return [row, tuple(last)]


def question(asked: Question) -> Outgoing:
    """One question of set-up, with its buttons (after the welcome, the first time)."""
    if asked.step is Step.TIMEZONE:
        text, rows = str(ASK_ZONE), _zone_rows(asked.zones, None)
    elif asked.step is Step.INVITE:
        text = str(ASK_INVITE)
        rows = [
            (Button(str(BUTTON_INVITE), Invite().pack()),),
            (Button(str(BUTTON_LATER), Open("home", here=1).pack()),),
        ]
    else:
        text = str(ASK_CHECKIN if asked.step is Step.CHECKIN else ASK_GRATITUDE)
        rows = _time_rows(asked.step)
    if asked.welcome:
        text = WELCOME.format(name=escape(asked.first_name)) + "\n\n" + text
    return Outgoing(text, tuple(rows))


def type_zone() -> Outgoing:
    return Outgoing(str(ASK_ZONE_TYPED))


def type_time() -> Outgoing:
    return Outgoing(str(ASK_TIME_TYPED))


def zone_choices(result: ZoneChoices) -> Outgoing:
    given = escape(result.given.strip()[:64])
    template = {
        ZoneAnswer.UNKNOWN: ZONE_UNKNOWN,
        ZoneAnswer.TOO_MANY: ZONE_TOO_MANY,
        ZoneAnswer.SEVERAL: ZONE_SEVERAL,
    }[result.answer]
    rows = _zone_rows(result.zones, result.match)
    return Outgoing(template.format(given=given), tuple(rows))


def _done(done: ZoneSet | TimeSet | Skipped) -> str:
    if isinstance(done, ZoneSet):
        local = done.local_now
        zone = zone_label(done.zone) if done.zone.startswith("Etc/") else done.zone  # UTC+1
        return ZONE_SET.format(zone=zone, time=when.time_of_day(local.time()))
    if isinstance(done, Skipped):
        return str(GRATITUDE_LATER)
    clock = when.time_of_day(time(done.hour, done.minute))
    template = CHECKIN_SET if done.step is Step.CHECKIN else GRATITUDE_SET
    text = template.format(time=clock, next=when.relative(done.next_due, done.today))
    if done.default_review:
        text += " " + REVIEW_TOO.format(time=clock)
    return text


def progress(result: Progress, declared: Declared) -> Outgoing:
    """What an answer set, then the next question (or home)."""
    then = (
        question(result.then) if isinstance(result.then, Question) else home(result.then, declared)
    )
    if result.done is None:
        return then
    return Outgoing(_done(result.done) + "\n\n" + then.text, then.buttons)


def _open_rows(
    entries: Sequence[tuple[str, Text]], declared: Declared
) -> list[tuple[Button, ...]]:
    buttons = [
        Button(str(label), Open(name, here=int(name in IN_PLACE)).pack())
        for name, label in entries
        if declared(name)
    ]
    return [tuple(buttons[i : i + 2]) for i in range(0, len(buttons), 2)]


def home(status: Status, declared: Declared) -> Outgoing:
    """The home screen: where things stand, and a button to each thing people do."""
    if not status.has_timezone:
        return Outgoing(
            str(HOME_NO_TIMEZONE), ((Button(str(BUTTON_SET_UP), Open("setup", here=1).pack()),),)
        )
    lines = [
        HOME_PAIRED.format(name=escape(status.partner_name))
        if status.partner_name is not None
        else str(HOME_NOT_PAIRED)
    ]
    if status.paused:
        lines.append(str(HOME_PAUSED))
    elif status.next_checkin is not None and status.today is not None:
        lines.append(
            HOME_NEXT_CHECKIN.format(when=when.relative(status.next_checkin, status.today))
        )
    else:
        lines.append(str(HOME_NO_CHECKIN))
    if status.waiting:
        lines += [
            "",
            str(HOME_WAITING),
            *(HOME_WAITING_LINE.format(line=w) for w in status.waiting),
        ]
    rows: list[tuple[Button, ...]] = []
    if status.partner_name is None:
        rows.append((Button(str(BUTTON_INVITE), Invite().pack()),))
    rows += _open_rows(HOME_BUTTONS, declared)
    return Outgoing("\n".join(lines), tuple(rows))


def together(declared: Declared) -> Outgoing:
    rows = _open_rows(TOGETHER_BUTTONS, declared)
    rows.append((Button(str(BUTTON_BACK), Open("home", here=1).pack()),))
    return Outgoing(str(TOGETHER), tuple(rows))
