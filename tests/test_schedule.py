"""Tests for the pure time rules in bot.domain.schedule."""

from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot import texts
from bot.domain.schedule import (
    ALL_DAYS,
    WEEKDAYS,
    WEEKENDS,
    describe_days,
    next_due,
    parse_days,
    parse_pause,
    parse_time,
)
from bot.kernel.errors import InvalidInput
from bot.kernel.when import time_of_day

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
SAO_PAULO = ZoneInfo("America/Sao_Paulo")
LORD_HOWE = ZoneInfo("Australia/Lord_Howe")
KATHMANDU = ZoneInfo("Asia/Kathmandu")
APIA = ZoneInfo("Pacific/Apia")
ST_JOHNS = ZoneInfo("America/St_Johns")
ZONES = [
    BERLIN,
    NEW_YORK,
    SAO_PAULO,
    LORD_HOWE,
    KATHMANDU,
    APIA,
    ZoneInfo("Africa/Casablanca"),
    ST_JOHNS,
    ZoneInfo("UTC"),
]
FIRST = datetime(1990, 1, 1, tzinfo=UTC)
LAST = datetime(2037, 12, 31, 23, 59, tzinfo=UTC)
MON, TUE, WED, THU, FRI, SAT, SUN = (1 << day for day in range(7))


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    """A UTC instant from its fields."""
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def local(
    tz: ZoneInfo, year: int, month: int, day: int, hour: int = 0, minute: int = 0
) -> datetime:
    """A local wall time in `tz` (the first one, if it happens twice)."""
    return datetime(year, month, day, hour, minute, tzinfo=tz)


def firings(
    after: datetime, tz: ZoneInfo, hour: int, minute: int, days: int, count: int
) -> list[datetime]:
    """The next `count` firings, each found from the one before."""
    found: list[datetime] = []
    for _ in range(count):
        after = next_due(after, tz, hour, minute, days)
        found.append(after)
    return found


def wall(instant: datetime, tz: ZoneInfo) -> tuple[date, int, int]:
    """Local date, hour and minute of an instant."""
    seen = instant.astimezone(tz)
    return seen.date(), seen.hour, seen.minute


def exists(day: date, tz: ZoneInfo, hour: int, minute: int) -> bool:
    """Whether local hour:minute happens on `day` at all."""
    moment = datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz)
    return wall(moment.astimezone(UTC), tz) == (day, hour, minute)


# --- A brute-force model of next_due --------------------------------------------------------


def reference_firing(day: date, tz: ZoneInfo, hour: int, minute: int) -> datetime:
    """When the slot for `day` fires, found by searching UTC rather than walking local time."""
    target = (day, hour, minute)
    readings = [
        datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz, fold=fold).astimezone(UTC)
        for fold in (0, 1)
    ]
    real = [reading for reading in readings if wall(reading, tz) == target]
    if real:
        return min(real)  # a repeated time fires at its first occurrence
    # Skipped: the first UTC minute whose wall clock has passed the target is the gap's end.
    probe = min(readings)
    while wall(probe, tz) < target:
        probe += timedelta(minutes=1)
    return probe


def reference_next(
    after: datetime, tz: ZoneInfo, hour: int, minute: int, days: int
) -> tuple[datetime, date]:
    """The next firing and the local date it belongs to, by checking every nearby date."""
    start = after.astimezone(tz).date() - timedelta(days=2)
    slots = [
        (reference_firing(day, tz, hour, minute), day)
        for day in (start + timedelta(days=n) for n in range(14))
        if days >> day.weekday() & 1
    ]
    return min(slot for slot in slots if slot[0] > after)


def transitions(tz: ZoneInfo) -> list[datetime]:
    """Every UTC minute in 1990-2037 at which `tz` changes its offset (at most one a day)."""
    found: list[datetime] = []
    day = FIRST
    while day < LAST:
        before = day.astimezone(tz).utcoffset()
        if (day + timedelta(days=1)).astimezone(tz).utcoffset() != before:
            low, high = 0, 24 * 60  # minutes into the day: old offset at low, new at high
            while high - low > 1:
                middle = (low + high) // 2
                if (day + timedelta(minutes=middle)).astimezone(tz).utcoffset() == before:
                    low = middle
                else:
                    high = middle
            found.append(day + timedelta(minutes=high))
        day += timedelta(days=1)
    return found


@cache
def zone_transitions(key: str) -> tuple[datetime, ...]:
    """Offset changes of one zone, computed once."""
    return tuple(transitions(ZoneInfo(key)))


@st.composite
def near_transition(draw: st.DrawFn) -> tuple[datetime, ZoneInfo, int, int, int]:
    """An `after`, zone and reminder time clustered around one of the zone's offset changes."""
    tz = draw(st.sampled_from([zone for zone in ZONES if zone_transitions(zone.key)]))
    change = draw(st.sampled_from(zone_transitions(tz.key)))
    after = change + timedelta(minutes=draw(st.integers(-3 * 24 * 60, 3 * 24 * 60)))
    after += timedelta(seconds=draw(st.sampled_from([0, 0, 1, 59])))
    # Aim the reminder at the wall times around the change, where gaps and folds are.
    before_change = (change - timedelta(seconds=1)).astimezone(tz)
    aimed = before_change + timedelta(minutes=draw(st.integers(-90, 150)) + 1)
    hour, minute = draw(
        st.one_of(
            st.just((aimed.hour, aimed.minute)),
            st.tuples(st.integers(0, 23), st.integers(0, 59)),
        )
    )
    shown_in = draw(st.sampled_from([UTC, tz]))
    return after.astimezone(shown_in), tz, hour, minute, draw(st.integers(1, ALL_DAYS))


@st.composite
def anywhere(draw: st.DrawFn) -> tuple[datetime, ZoneInfo, int, int, int]:
    """An `after` anywhere in 1990-2037 with a random zone and reminder."""
    tz = draw(st.sampled_from(ZONES))
    minutes = draw(st.integers(0, int((LAST - FIRST).total_seconds()) // 60))
    after = FIRST + timedelta(minutes=minutes, seconds=draw(st.sampled_from([0, 0, 30])))
    shown_in = draw(st.sampled_from([UTC, tz]))
    return (
        after.astimezone(shown_in),
        tz,
        draw(st.integers(0, 23)),
        draw(st.integers(0, 59)),
        draw(st.integers(1, ALL_DAYS)),
    )


def check_next_due(after: datetime, tz: ZoneInfo, hour: int, minute: int, days: int) -> date:
    """Assert every property of one next_due call; return the local date that fired."""
    result = next_due(after, tz, hour, minute, days)
    assert result > after
    assert result.tzinfo is UTC
    expected, day = reference_next(after, tz, hour, minute, days)
    # Equal to the first firing of all nearby dates, so none in between was skipped.
    assert result == expected
    assert days >> day.weekday() & 1
    if exists(day, tz, hour, minute):
        assert wall(result, tz) == (day, hour, minute)
    return day


def check_chain(after: datetime, tz: ZoneInfo, hour: int, minute: int, days: int) -> None:
    """Firing twice in a row gives two later instants for two different local dates."""
    first_day = check_next_due(after, tz, hour, minute, days)
    first = next_due(after, tz, hour, minute, days)
    second_day = check_next_due(first, tz, hour, minute, days)
    assert next_due(first, tz, hour, minute, days) > first
    assert second_day > first_day


@settings(deadline=None, max_examples=300)
@given(anywhere())
def test_next_due_properties_anywhere(case: tuple[datetime, ZoneInfo, int, int, int]) -> None:
    check_chain(*case)


@settings(deadline=None, max_examples=400)
@given(near_transition())
def test_next_due_properties_near_offset_changes(
    case: tuple[datetime, ZoneInfo, int, int, int],
) -> None:
    check_chain(*case)


def test_transition_search_finds_the_known_changes() -> None:
    berlin = zone_transitions("Europe/Berlin")
    assert utc(2026, 3, 29, 1, 0) in berlin
    assert utc(2026, 10, 25, 1, 0) in berlin
    assert utc(2011, 12, 30, 10, 0) in zone_transitions("Pacific/Apia")


# --- next_due: worked examples --------------------------------------------------------------


def test_berlin_spring_forward_fires_once_at_three() -> None:
    fired = firings(utc(2026, 3, 27, 12), BERLIN, 2, 30, ALL_DAYS, 3)
    assert fired == [
        local(BERLIN, 2026, 3, 28, 2, 30).astimezone(UTC),
        local(BERLIN, 2026, 3, 29, 3, 0).astimezone(UTC),
        local(BERLIN, 2026, 3, 30, 2, 30).astimezone(UTC),
    ]
    assert fired[1] == utc(2026, 3, 29, 1, 0)


def test_berlin_fall_back_fires_once_at_first_occurrence() -> None:
    fired = firings(utc(2026, 10, 24, 12), BERLIN, 2, 30, ALL_DAYS, 2)
    assert fired == [utc(2026, 10, 25, 0, 30), utc(2026, 10, 26, 1, 30)]
    # From between the two 02:30s, the second one is not a new firing.
    between = utc(2026, 10, 25, 1, 15)  # 02:15 for the second time
    assert next_due(between, BERLIN, 2, 30, ALL_DAYS) == utc(2026, 10, 26, 1, 30)


@pytest.mark.parametrize(
    ("tz", "start"),
    [
        (BERLIN, utc(2026, 3, 26)),
        (BERLIN, utc(2026, 10, 22)),
        (NEW_YORK, utc(2026, 3, 5)),
        (NEW_YORK, utc(2026, 10, 29)),
    ],
)
def test_evening_reminder_keeps_its_wall_time_across_dst(tz: ZoneInfo, start: datetime) -> None:
    fired = firings(start, tz, 21, 0, ALL_DAYS, 6)
    assert [wall(instant, tz)[1:] for instant in fired] == [(21, 0)] * 6
    days = [wall(instant, tz)[0] for instant in fired]
    assert days == [days[0] + timedelta(days=n) for n in range(6)]
    # The UTC hour really does move, or this test would prove nothing.
    assert len({instant.hour for instant in fired}) == 2


def test_apia_skipped_day_fires_at_the_first_minute_after_it() -> None:
    # Samoa went from Thursday 2011-12-29 straight to Saturday 2011-12-31.
    start = local(APIA, 2011, 12, 29, 0, 0)
    assert firings(start, APIA, 9, 0, ALL_DAYS, 3) == [
        local(APIA, 2011, 12, 29, 9, 0).astimezone(UTC),
        local(APIA, 2011, 12, 31, 0, 0).astimezone(UTC),  # Friday's slot
        local(APIA, 2011, 12, 31, 9, 0).astimezone(UTC),
    ]
    assert next_due(start, APIA, 9, 0, FRI) == local(APIA, 2011, 12, 31).astimezone(UTC)
    assert next_due(start, APIA, 9, 0, SAT) == local(APIA, 2011, 12, 31, 9).astimezone(UTC)
    after_thursday = local(APIA, 2011, 12, 29, 10, 0)
    assert next_due(after_thursday, APIA, 9, 0, THU) == local(APIA, 2012, 1, 5, 9).astimezone(UTC)


def test_midnight_reminder_in_apia_fires_once_for_the_lost_day_and_saturday() -> None:
    fired = firings(local(APIA, 2011, 12, 29, 1, 0), APIA, 0, 0, ALL_DAYS, 2)
    assert fired == [
        local(APIA, 2011, 12, 31).astimezone(UTC),
        local(APIA, 2012, 1, 1).astimezone(UTC),
    ]


def test_kathmandu_quarter_hour_offset() -> None:
    assert next_due(utc(2026, 5, 1), KATHMANDU, 9, 0, ALL_DAYS) == utc(2026, 5, 1, 3, 15)
    # Nepal was on +05:30 until 1986.
    assert next_due(utc(1985, 5, 1), KATHMANDU, 9, 0, ALL_DAYS) == utc(1985, 5, 1, 3, 30)


def test_lord_howe_half_hour_dst() -> None:
    # Clocks go 02:00 -> 02:30 on 2026-10-04, and 02:00 -> 01:30 on 2026-04-05.
    spring = next_due(utc(2026, 10, 3), LORD_HOWE, 2, 15, ALL_DAYS)
    assert spring.astimezone(LORD_HOWE) == local(LORD_HOWE, 2026, 10, 4, 2, 30)
    autumn = firings(utc(2026, 4, 4), LORD_HOWE, 1, 45, ALL_DAYS, 2)
    assert autumn == [utc(2026, 4, 4, 14, 45), utc(2026, 4, 5, 15, 15)]


def test_gap_shift_goes_to_the_next_real_minute_not_the_next_hour() -> None:
    # Newfoundland used to spring forward at 00:01, straight to 01:01.
    fired = next_due(utc(2010, 3, 13, 12), ST_JOHNS, 0, 30, ALL_DAYS)
    assert fired.astimezone(ST_JOHNS) == local(ST_JOHNS, 2010, 3, 14, 1, 1)


def test_sao_paulo_dst_at_midnight() -> None:
    # Brazil sprang forward at 00:00 and fell back from 00:00 to Saturday 23:00.
    spring = next_due(utc(2018, 11, 3, 12), SAO_PAULO, 0, 30, ALL_DAYS)
    assert spring.astimezone(SAO_PAULO) == local(SAO_PAULO, 2018, 11, 4, 1, 0)
    autumn = firings(utc(2019, 2, 16, 12), SAO_PAULO, 23, 30, ALL_DAYS, 2)
    assert autumn == [utc(2019, 2, 17, 1, 30), utc(2019, 2, 18, 2, 30)]


def test_weekday_mask_uses_the_local_date() -> None:
    # 23:30 UTC on Friday is already Saturday in Kathmandu.
    friday_night = utc(2026, 5, 1, 23, 30)
    fired = next_due(friday_night, KATHMANDU, 9, 0, WEEKDAYS)
    assert wall(fired, KATHMANDU) == (date(2026, 5, 4), 9, 0)
    assert wall(next_due(friday_night, KATHMANDU, 9, 0, SUN), KATHMANDU)[0] == date(2026, 5, 3)


def test_strictly_after_a_firing() -> None:
    fired = next_due(utc(2026, 5, 1), BERLIN, 21, 0, ALL_DAYS)
    assert next_due(fired, BERLIN, 21, 0, ALL_DAYS) == fired + timedelta(days=1)
    assert next_due(fired - timedelta(microseconds=1), BERLIN, 21, 0, ALL_DAYS) == fired


def test_once_a_week_is_found_seven_days_on() -> None:
    monday_after = local(BERLIN, 2026, 5, 4, 21, 1)
    fired = next_due(monday_after, BERLIN, 21, 0, MON)
    assert wall(fired, BERLIN) == (date(2026, 5, 11), 21, 0)


def test_next_due_rejects_bad_arguments() -> None:
    with pytest.raises(ValueError, match="aware"):
        next_due(datetime(2026, 1, 1), BERLIN, 9, 0, ALL_DAYS)  # noqa: DTZ001
    with pytest.raises(ValueError):
        next_due(utc(2026, 1, 1), BERLIN, 9, 0, 0)
    with pytest.raises(ValueError):
        next_due(utc(2026, 1, 1), BERLIN, 9, 0, 1 << 7)
    with pytest.raises(ValueError):
        next_due(utc(2026, 1, 1), BERLIN, 24, 0, ALL_DAYS)
    with pytest.raises(ValueError):
        next_due(utc(2026, 1, 1), BERLIN, 9, 60, ALL_DAYS)


# --- parse_time / format_time ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("21:00", (21, 0)),
        ("21.00", (21, 0)),
        ("2100", (21, 0)),
        ("930", (9, 30)),
        ("0930", (9, 30)),
        ("9pm", (21, 0)),
        ("9 pm", (21, 0)),
        ("9:30 am", (9, 30)),
        ("9.30pm", (21, 30)),
        ("930pm", (21, 30)),
        ("9 P.M.", (21, 0)),
        ("12am", (0, 0)),
        ("12:30am", (0, 30)),
        ("12pm", (12, 0)),
        ("12:30 PM", (12, 30)),
        ("0:05", (0, 5)),
        ("00:00", (0, 0)),
        ("23:59", (23, 59)),
        ("noon", (12, 0)),
        ("midnight", (0, 0)),
        ("  NOON ", (12, 0)),
        ("  9PM\n", (21, 0)),
        ("21h", (21, 0)),
        ("21h30", (21, 30)),
        ("7 h 05", (7, 5)),
        ("21 Uhr", (21, 0)),
        ("21.30 Uhr", (21, 30)),
    ],
)
def test_parse_time_accepts(text: str, expected: tuple[int, int]) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "25:00",
        "24:00",
        "9:75",
        "9:60",
        "13pm",
        "0am",
        "00pm",
        "",
        "   ",
        "someday",
        "9:5",
        "9",
        "21",
        "21:000",
        "12345",
        "9 : 30",
        "-1:00",
        "9pmm",
        "25h",
        "21h75",
        "24 Uhr",
        "h",
        "uhr",
        "\u0669:\u0663\u0660",  # Arabic-Indic digits
    ],
)
def test_parse_time_rejects(text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_time(text)
    assert caught.value.message == texts.BAD_TIME.format(given=texts.escape(text.strip()))


def test_parse_time_error_escapes_and_shortens_user_text() -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_time("<b>tea</b> & " + "x" * 100)
    assert "&lt;b&gt;tea&lt;/b&gt; &amp; x" in caught.value.message
    assert "<b>" not in caught.value.message
    assert "x" * 60 not in caught.value.message


@settings(deadline=None)
@given(st.integers(0, 23), st.integers(0, 59))
def test_parse_time_round_trips(hour: int, minute: int) -> None:
    assert parse_time(format_time(hour, minute)) == (hour, minute)
    assert parse_time(f"{hour:02d}{minute:02d}") == (hour, minute)
    assert parse_time(f"{hour}.{minute:02d}") == (hour, minute)
    twelve = hour % 12 or 12
    half = "am" if hour < 12 else "pm"
    forms = [f"{twelve}:{minute:02d}{half}", f"{twelve}.{minute:02d} {half.upper()}"]
    if minute == 0:
        forms += [f"{twelve}{half}", f"{twelve} {half}"]
    for form in forms:
        assert parse_time(form) == (hour, minute), form


@settings(deadline=None)
@given(st.text(max_size=12))
def test_parse_time_returns_a_clock_time_or_bad_time(text: str) -> None:
    try:
        hour, minute = parse_time(text)
    except InvalidInput as error:
        assert error.message.startswith("I couldn't read")
    else:
        assert 0 <= hour < 24 and 0 <= minute < 60


def format_time(hour: int, minute: int) -> str:
    """How Mend writes a time of day (bot.kernel.when), from an hour and a minute."""
    return time_of_day(time(hour, minute))


def test_format_time() -> None:
    assert format_time(21, 0) == "21:00"
    assert format_time(0, 5) == "00:05"
    with pytest.raises(ValueError):
        format_time(24, 0)
    with pytest.raises(ValueError):
        format_time(9, -1)


# --- parse_days / describe_days -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ALL_DAYS),
        ("  ", ALL_DAYS),
        ("daily", ALL_DAYS),
        ("every day", ALL_DAYS),
        ("Every  Day", ALL_DAYS),
        ("everyday", ALL_DAYS),
        ("weekdays", WEEKDAYS),
        ("mon-fri", WEEKDAYS),
        ("Mon - Fri", WEEKDAYS),
        ("monday to friday", WEEKDAYS),
        ("weekends", WEEKENDS),
        ("weekend", WEEKENDS),
        ("sat-sun", WEEKENDS),
        ("fri-mon", FRI | SAT | SUN | MON),
        ("sun-tue", SUN | MON | TUE),
        ("mon,wed,fri", MON | WED | FRI),
        ("mon wed fri", MON | WED | FRI),
        ("mon, wed, fri", MON | WED | FRI),
        ("Monday, Wednesday and Friday", MON | WED | FRI),
        ("mondays", MON),
        ("every tuesday", TUE),
        ("tu", TUE),
        ("th", THU),
        ("tue,thu", TUE | THU),
        ("tues, thurs", TUE | THU),
        ("SU", SUN),
        ("mon-wed,sat", MON | TUE | WED | SAT),
        ("weekdays, sat", WEEKDAYS | SAT),
        ("mon-mon", MON),
        ("wed\u2013fri", WED | THU | FRI),
    ],
)
def test_parse_days_accepts(text: str, expected: int) -> None:
    assert parse_days(text) == expected


# Weekday names in every language Mend speaks (CLDR's), whatever the person's language.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # German
        ("mo-fr", WEEKDAYS),
        ("Mo\u2013Fr", WEEKDAYS),
        ("Mo.-Fr.", WEEKDAYS),
        ("Mo bis Fr", WEEKDAYS),
        ("montag", MON),
        ("Montags", MON),
        ("Di, Do", TUE | THU),  # 'Do' is Thursday (German), not Spanish's short Sunday
        ("Sa und So", WEEKENDS),
        ("Mittwoch und Freitag", WED | FRI),
        ("täglich", ALL_DAYS),
        ("jeden Tag", ALL_DAYS),
        ("werktags", WEEKDAYS),
        ("am Wochenende", WEEKENDS),
        # Spanish
        ("lun-vie", WEEKDAYS),
        ("lunes a viernes", WEEKDAYS),
        ("de lunes a viernes", WEEKDAYS),
        ("sábado", SAT),
        ("sabado", SAT),
        ("SÁB y DOM", WEEKENDS),
        ("miércoles", WED),
        ("mié, vie", WED | FRI),
        ("todos los días", ALL_DAYS),
        ("fin de semana", WEEKENDS),
        ("entre semana", WEEKDAYS),
        # Brazilian Portuguese
        ("seg-sex", WEEKDAYS),
        ("seg. a sex.", WEEKDAYS),
        ("segunda a sexta", WEEKDAYS),
        ("segunda-feira a sexta-feira", WEEKDAYS),
        ("de segunda-feira até sexta-feira", WEEKDAYS),
        ("terça-feira", TUE),
        ("terça e quinta", TUE | THU),
        ("sáb, dom", WEEKENDS),
        ("todos os dias", ALL_DAYS),
        ("dias úteis", WEEKDAYS),
        ("fim de semana", WEEKENDS),
        # Russian
        ("пн-пт", WEEKDAYS),
        ("пн\u2013пт", WEEKDAYS),
        ("ПН - ПТ", WEEKDAYS),
        ("с понедельника по пятницу", WEEKDAYS),  # noqa: RUF001
        ("воскресенье", SUN),
        ("сб, вс", WEEKENDS),  # noqa: RUF001
        ("среда", WED),
        ("по средам и пятницам", WED | FRI),
        ("ежедневно", ALL_DAYS),
        ("каждый день", ALL_DAYS),
        ("будни", WEEKDAYS),
        ("выходные", WEEKENDS),
        # Ukrainian
        ("пн-пт", WEEKDAYS),
        ("неділя", SUN),
        ("нд", SUN),
        ("пʼятниця", FRI),
        ("п'ятниця", FRI),
        ("пятниця", FRI),
        ("з понеділка по пʼятницю", WEEKDAYS),
        ("сб, нд", WEEKENDS),  # noqa: RUF001
        ("щодня", ALL_DAYS),
        ("вихідні", WEEKENDS),
        # Mixed: a German who types English, a Russian who types Latin
        ("Mo, wed, пт", MON | WED | FRI),
    ],
)
def test_parse_days_in_every_language(text: str, expected: int) -> None:
    assert parse_days(text) == expected


@pytest.mark.parametrize(
    "text",
    ["неделя", "Montagmorgen", "lun-mar-mié", "среднего", "щопонеділок", "feira", "y", "по"],
)
def test_parse_days_rejects_words_that_only_look_like_days(text: str) -> None:
    with pytest.raises(InvalidInput):
        parse_days(text)


@pytest.mark.parametrize(
    "text",
    ["someday", "every", "mon-", "-fri", "mon-tue-wed", "monk", "weekdays-sat", ",", "1-5", "x"],
)
def test_parse_days_rejects(text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_days(text)
    assert caught.value.message == texts.BAD_DAYS.format(given=texts.escape(text.strip()))


@settings(deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["mon", "tu", "wed", "thu", "fri", "sat", "sun", "-", ",", " ", "and", "daily", "?"]
        ),
        max_size=6,
    ).map("".join)
)
def test_parse_days_never_returns_zero(text: str) -> None:
    try:
        mask = parse_days(text)
    except InvalidInput:
        return
    assert 0 < mask <= ALL_DAYS


@pytest.mark.parametrize(
    ("mask", "expected"),
    [
        (ALL_DAYS, "every day"),
        (WEEKDAYS, "weekdays"),
        (WEEKENDS, "weekends"),
        (MON | WED | FRI, "Mon, Wed, Fri"),
        (MON | TUE | WED, "Mon\u2013Wed"),
        (MON | TUE | WED | SAT, "Mon\u2013Wed, Sat"),
        (FRI | SAT | SUN | MON, "Fri\u2013Mon"),
        (SUN | MON, "Sun, Mon"),
        (MON | TUE, "Mon, Tue"),
        (SUN, "Sun"),
        (ALL_DAYS & ~WED, "Thu\u2013Tue"),
    ],
)
def test_describe_days(mask: int, expected: str) -> None:
    assert describe_days(mask) == expected


def test_describe_days_reads_back_for_every_mask() -> None:
    for mask in range(1, ALL_DAYS + 1):
        assert parse_days(describe_days(mask)) == mask


def test_describe_days_rejects_impossible_masks() -> None:
    for mask in (0, -1, 1 << 7):
        with pytest.raises(ValueError):
            describe_days(mask)


# --- parse_pause ----------------------------------------------------------------------------

# Friday 2026-03-27, 21:00 in Berlin; clocks go forward on Sunday the 29th.
NOW = local(BERLIN, 2026, 3, 27, 21, 0).astimezone(UTC)


@pytest.mark.parametrize(
    ("text", "resume_local"),
    [
        ("3d", (2026, 3, 30, 21, 0)),
        ("3 d", (2026, 3, 30, 21, 0)),
        ("1 day", (2026, 3, 28, 21, 0)),
        ("3 days", (2026, 3, 30, 21, 0)),
        ("1w", (2026, 4, 3, 21, 0)),
        ("1 week", (2026, 4, 3, 21, 0)),
        ("2 weeks", (2026, 4, 10, 21, 0)),
        ("2wks", (2026, 4, 10, 21, 0)),
        ("1w 2d", (2026, 4, 5, 21, 0)),
        ("for 3 days", (2026, 3, 30, 21, 0)),
        ("3 days and 2 hours", (2026, 3, 30, 23, 0)),
        ("12h", (2026, 3, 28, 9, 0)),
        ("12 hours", (2026, 3, 28, 9, 0)),
        ("1 hr", (2026, 3, 27, 22, 0)),
        ("an hour", (2026, 3, 27, 22, 0)),
        ("a week", (2026, 4, 3, 21, 0)),
        ("90 min", (2026, 3, 27, 22, 30)),
        ("90m", (2026, 3, 27, 22, 30)),
        ("45 minutes", (2026, 3, 27, 21, 45)),
        ("  2D ", (2026, 3, 29, 21, 0)),
        ("90d", (2026, 6, 25, 21, 0)),
        ("until 2026-04-01", (2026, 4, 1, 0, 0)),
        ("until 2026-4-1", (2026, 4, 1, 0, 0)),
        ("2026-04-01", (2026, 4, 1, 0, 0)),
        ("till 2026-03-28", (2026, 3, 28, 0, 0)),
        ("until apr 1", (2026, 4, 1, 0, 0)),
        ("until April 1st", (2026, 4, 1, 0, 0)),
        ("until 1 april", (2026, 4, 1, 0, 0)),
        ("until 15 june 2026", (2026, 6, 15, 0, 0)),
        ("until jun 25", (2026, 6, 25, 0, 0)),
    ],
)
def test_parse_pause_accepts(text: str, resume_local: tuple[int, ...]) -> None:
    resume = parse_pause(text, NOW, BERLIN)
    assert resume.tzinfo is UTC
    assert resume == local(BERLIN, *resume_local).astimezone(UTC)


def test_pause_in_days_keeps_wall_time_but_hours_are_exact() -> None:
    # Over the spring-forward night, three days is 71 hours but 72 hours is 72.
    assert parse_pause("3d", NOW, BERLIN) - NOW == timedelta(hours=71)
    assert parse_pause("72h", NOW, BERLIN) - NOW == timedelta(hours=72)


def test_pause_until_a_day_that_starts_at_one_am() -> None:
    # Brazil sprang forward at midnight on 2018-11-04, so that day began at 01:00.
    now = local(SAO_PAULO, 2018, 10, 20, 12, 0)
    resume = parse_pause("until 2018-11-04", now, SAO_PAULO)
    assert resume.astimezone(SAO_PAULO) == local(SAO_PAULO, 2018, 11, 4, 1, 0)


def test_pause_into_a_skipped_hour_resumes_after_it() -> None:
    now = local(BERLIN, 2026, 3, 26, 2, 30)
    assert parse_pause("3d", now, BERLIN) == local(BERLIN, 2026, 3, 29, 3, 0).astimezone(UTC)


def test_pause_date_without_year_means_the_coming_one() -> None:
    new_year_eve = local(BERLIN, 2026, 12, 28, 12, 0)
    resume = parse_pause("until jan 3", new_year_eve, BERLIN)
    assert resume == local(BERLIN, 2027, 1, 3).astimezone(UTC)


@pytest.mark.parametrize(
    "text",
    ["91d", "13w", "2161h", "129601 min", "9999999999d", "until 2026-06-26", "until 2026-12-01"],
)
def test_parse_pause_too_long(text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_pause(text, NOW, BERLIN)
    assert caught.value.message == texts.PAUSE_TOO_LONG.format(max_days=90)


@pytest.mark.parametrize(
    "text", ["until 2026-03-27", "until 2026-03-26", "until 2020-01-01", "2026-03-01"]
)
def test_parse_pause_in_past(text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_pause(text, NOW, BERLIN)
    assert caught.value.message == texts.PAUSE_IN_PAST.format(example="2026-04-03")


def test_pause_in_past_uses_the_local_date() -> None:
    # 23:30 UTC on the 27th is already the 28th in Berlin, so the 28th has begun.
    late = utc(2026, 3, 27, 23, 30)
    with pytest.raises(InvalidInput) as caught:
        parse_pause("until 2026-03-28", late, BERLIN)
    assert "2026-04-04" in caught.value.message


@pytest.mark.parametrize(
    "text",
    [
        "",
        "someday",
        "3",
        "d",
        "0d",
        "0 hours",
        "3 months",
        "3 fortnights",
        "-3d",
        "3d!",
        "and 3d",
        "until",
        "until someday",
        "until 2026-02-30",
        "until feb 30",
        "until smarch 3",
        "<b>3d</b>",
    ],
)
def test_parse_pause_unreadable(text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_pause(text, NOW, BERLIN)
    assert caught.value.message == texts.BAD_PAUSE.format(given=texts.escape(text.strip()))


def test_parse_pause_needs_aware_now() -> None:
    with pytest.raises(ValueError, match="aware"):
        parse_pause("3d", datetime(2026, 1, 1), BERLIN)  # noqa: DTZ001


@settings(deadline=None)
@given(st.integers(1, 90 * 24), st.sampled_from(ZONES), st.integers(0, 10**9))
def test_accepted_pauses_resume_in_the_future_and_in_utc(
    hours: int, tz: ZoneInfo, seconds: int
) -> None:
    now = datetime(1995, 1, 1, tzinfo=UTC) + timedelta(seconds=seconds)
    for text in (f"{hours}h", f"{max(1, hours // 24)}d"):
        resume = parse_pause(text, now, tz)
        assert resume.tzinfo is UTC
        assert now < resume <= now + timedelta(days=90, hours=2)


@settings(deadline=None)
@given(st.sampled_from(ZONES), st.integers(0, 10**9), st.integers(-3, 95))
def test_pause_until_resumes_at_the_start_of_that_local_day(
    tz: ZoneInfo, seconds: int, ahead: int
) -> None:
    now = datetime(1995, 1, 1, tzinfo=UTC) + timedelta(seconds=seconds)
    target = now.astimezone(tz).date() + timedelta(days=ahead)
    text = f"until {target.isoformat()}"
    if not 1 <= ahead <= 90:
        with pytest.raises(InvalidInput):
            parse_pause(text, now, tz)
        return
    resume = parse_pause(text, now, tz)
    assert resume.tzinfo is UTC
    # The first instant of that local date: a minute earlier it was still the day before.
    assert resume.astimezone(tz).date() >= target
    assert (resume - timedelta(minutes=1)).astimezone(tz).date() < target
    if exists(target, tz, 0, 0):
        assert wall(resume, tz) == (target, 0, 0)
