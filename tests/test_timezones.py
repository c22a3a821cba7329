"""Tests for finding the time zone a user means in bot.features.settings.timezones."""

import time
from datetime import UTC, datetime, timedelta
from importlib import resources
from zoneinfo import ZoneInfo, available_timezones

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.features.settings import timezones
from bot.features.settings.timezones import TimezoneMatch, find_timezones, is_valid_timezone

# Largest first: by the people living in each zone.
INDIANA = (
    "America/Indiana/Indianapolis",
    "America/Indiana/Vincennes",
    "America/Indiana/Knox",
    "America/Indiana/Marengo",
    "America/Indiana/Petersburg",
    "America/Indiana/Tell_City",
    "America/Indiana/Vevay",
    "America/Indiana/Winamac",
)


@pytest.mark.parametrize(
    ("query", "zones"),
    [
        ("Europe/Berlin", ("Europe/Berlin",)),
        ("europe/berlin", ("Europe/Berlin",)),
        (" Europe / Berlin ", ("Europe/Berlin",)),
        ("berlin", ("Europe/Berlin",)),
        ("BERLIN", ("Europe/Berlin",)),
        ("new york", ("America/New_York",)),
        ("New-York", ("America/New_York",)),
        ("new_york", ("America/New_York",)),
        ("America/New York", ("America/New_York",)),
        ("sao paulo", ("America/Sao_Paulo",)),
        ("São Paulo", ("America/Sao_Paulo",)),
        ("zürich", ("Europe/Zurich",)),
        ("kolkata", ("Asia/Kolkata",)),
        ("port au prince", ("America/Port-au-Prince",)),
        ("lord howe", ("Australia/Lord_Howe",)),
        ("argentina/cordoba", ("America/Argentina/Cordoba",)),
        ("US/Eastern", ("US/Eastern",)),
        ("us/eastern", ("US/Eastern",)),
        ("UTC", ("UTC",)),
        ("utc", ("UTC",)),
        ("gmt", ("UTC",)),
        ("GMT", ("UTC",)),
        ("Etc/UTC", ("Etc/UTC",)),
        ("indiana", INDIANA),
        ("ber", ("Europe/Berlin",)),  # the start of a name: Berlin is far the largest
        ("aulo", ("America/Sao_Paulo",)),  # anywhere in a name
        ("samoa", ("Pacific/Apia", "Pacific/Pago_Pago")),
    ],
)
def test_find_timezones(query: str, zones: tuple[str, ...]) -> None:
    assert find_timezones(query) == TimezoneMatch(zones, more=False)


@pytest.mark.parametrize(
    ("legacy_query", "zone"),
    [
        ("calcutta", "Asia/Kolkata"),
        ("kiev", "Europe/Kyiv"),
        ("saigon", "Asia/Ho_Chi_Minh"),
        ("montreal", "America/Toronto"),
    ],
)
def test_old_place_names_offer_the_current_zone(legacy_query: str, zone: str) -> None:
    assert find_timezones(legacy_query) == TimezoneMatch((zone,), more=False)


def test_exact_legacy_name_is_kept_as_typed() -> None:
    assert find_timezones("Asia/Calcutta").zones == ("Asia/Calcutta",)


def test_too_many_matches_are_cut_and_flagged() -> None:
    found = find_timezones("a")
    assert found.more
    assert len(found.zones) == 8
    people = timezones._zone_people()
    assert list(found.zones) == sorted(found.zones, key=lambda zone: -people[zone])
    assert found.zones[0] == "Asia/Shanghai"


def test_limit_is_respected() -> None:
    assert find_timezones("indiana", limit=3) == TimezoneMatch(INDIANA[:3], more=True)
    assert find_timezones("indiana", limit=8).more is False
    with pytest.raises(ValueError):
        find_timezones("berlin", limit=0)


@pytest.mark.parametrize("query", ["nowhere", "", "   ", "localtime", "Factory", "!!"])
def test_no_match(query: str) -> None:
    assert find_timezones(query) == TimezoneMatch((), more=False)


def test_search_skips_etc_and_legacy_areas() -> None:
    # 'GMT+5' is read as an offset, not as the reversed-sign zone Etc/GMT+5.
    assert "Etc/GMT+5" not in find_timezones("gmt+5").zones
    assert find_timezones("eastern").zones == ("America/New_York",)  # an alias, not US/Eastern
    assert "Asia/Nicosia" not in find_timezones("europe", limit=100).zones


@settings(deadline=None)
@given(st.text(max_size=12), st.integers(1, 20))
def test_every_answer_is_a_real_zone_offered_once(query: str, limit: int) -> None:
    found = find_timezones(query, limit)
    assert len(found.zones) <= limit
    assert len(set(found.zones)) == len(found.zones)
    assert all(is_valid_timezone(zone) for zone in found.zones)
    if found.more:
        assert len(found.zones) == limit


def test_every_canonical_zone_finds_itself_by_place_name() -> None:
    for key, zone in timezones._searchable():
        place = key.rsplit("/", 1)[-1].replace("_", " ")
        found = find_timezones(place, limit=100).zones
        # 'jamaica' is also the full name of the old zone 'Jamaica', which wins as typed.
        assert zone in found or (len(found) == 1 and "/" not in found[0]), place


def test_a_full_legacy_name_wins_over_a_place_name() -> None:
    assert find_timezones("jamaica").zones == ("Jamaica",)


def test_legacy_names_point_at_zones_with_the_same_rules() -> None:
    instants = [datetime(2010, 1, 1, tzinfo=UTC) + timedelta(days=15 * n) for n in range(680)]
    for old, new in timezones._LEGACY.items():
        assert is_valid_timezone(new), new
        if not is_valid_timezone(old):
            continue
        old_zone, new_zone = ZoneInfo(old), ZoneInfo(new)
        for instant in instants:
            assert old_zone.utcoffset(instant) == new_zone.utcoffset(instant), (old, instant)


def test_no_zone_from_the_country_table_is_hidden() -> None:
    try:
        table = (resources.files("tzdata.zoneinfo") / "zone.tab").read_text()
    except (ModuleNotFoundError, FileNotFoundError):
        pytest.skip("tzdata's zone.tab is not installed")
    listed = {line.split("\t")[2] for line in table.splitlines() if line and line[0] != "#"}
    offered = {zone for _, zone in timezones._searchable()}
    assert listed & set(available_timezones()) <= offered


@pytest.mark.parametrize(
    ("name", "valid"),
    [
        ("Europe/Berlin", True),
        ("America/Indiana/Knox", True),
        ("US/Eastern", True),
        ("UTC", True),
        ("Asia/Calcutta", True),
        ("europe/berlin", False),
        ("Berlin", False),
        ("", False),
        ("localtime", False),
        ("Factory", False),
        ("Mars/Olympus_Mons", False),
        ("../etc/passwd", False),
    ],
)
def test_is_valid_timezone(name: str, valid: bool) -> None:
    assert is_valid_timezone(name) is valid


@pytest.mark.parametrize(
    ("query", "zones"),
    [
        ("EST", ("America/New_York",)),
        ("pst", ("America/Los_Angeles",)),
        ("MST", ("America/Denver", "America/Phoenix")),
        ("hst", ("Pacific/Honolulu",)),
    ],
)
def test_us_abbreviations_mean_places_with_their_dst(query: str, zones: tuple[str, ...]) -> None:
    assert find_timezones(query).zones == zones


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("Berlin", "Europe/Berlin"),
        ("Munich", "Europe/Berlin"),
        ("München", "Europe/Berlin"),
        ("NYC", "America/New_York"),
        ("Germany", "Europe/Berlin"),
        ("Deutschland", "Europe/Berlin"),  # a country's name in another locale (CLDR)
        ("CET", "Europe/Berlin"),
        ("Tokyo", "Asia/Tokyo"),
        ("Київ", "Europe/Kyiv"),
        ("Москва", "Europe/Moscow"),
        ("st. john's", "America/St_Johns"),
        ("UTC+1", "Africa/Lagos"),
        ("GMT-5", "America/New_York"),
        ("+05:30", "Asia/Kolkata"),
        ("utc +5:30", "Asia/Kolkata"),
    ],
)
def test_places_and_offsets_people_type(query: str, first: str) -> None:
    assert find_timezones(query).zones[0] == first


@pytest.mark.parametrize("query", ["Berlin", "Munich", "Germany", "London", "Paris", "NYC"])
def test_a_place_far_larger_than_its_namesakes_is_taken_alone(query: str) -> None:
    assert len(find_timezones(query).zones) == 1


def test_a_shared_city_name_offers_each_place_largest_first() -> None:
    found = find_timezones("Birmingham")
    assert found.zones[:2] == ("Europe/London", "America/Chicago")
    assert found.places[0] == timezones.Place("Birmingham", "GB")
    assert found.places[1] == timezones.Place("Birmingham", "US")


def test_a_country_with_several_zones_offers_them_largest_first() -> None:
    found = find_timezones("Canada")
    assert found.zones[0] == "America/Toronto"
    assert "America/Vancouver" in found.zones
    assert found.more  # more zones than buttons: a city narrows it down


def test_an_offset_offers_places_living_by_it_and_the_fixed_offset() -> None:
    plus_one = find_timezones("UTC+1").zones
    assert "Europe/Berlin" in plus_one and "Etc/GMT-1" in plus_one  # Etc/ signs are reversed
    minus_five = find_timezones("GMT-5").zones
    assert "Etc/GMT+5" in minus_five
    assert find_timezones("+05:30").zones == ("Asia/Kolkata", "Asia/Colombo")
    assert find_timezones("UTC+15").zones == ()  # no such offset
    assert find_timezones("utc+0").zones[0] == "UTC"


@pytest.mark.parametrize("query", ["x" * 81, "Berlin " * 40, "zzqx", "!!!", "+", "UTC+"])
def test_unknown_or_huge_finds_nothing(query: str) -> None:
    assert find_timezones(query).zones == ()


def test_once_built_a_lookup_is_quick() -> None:
    find_timezones("Berlin")
    started = time.perf_counter()
    for query in ("Munich", "Canada", "UTC+1", "Birmingham", "ber", "aulo"):
        find_timezones(query)
    assert time.perf_counter() - started < 2.0  # a shared, busy machine: far above the usual


def test_country_names_come_in_every_indexed_language() -> None:
    assert timezones.country_name("DE") == "Germany"
    assert timezones.country_name("DE", "de") == "Deutschland"
    for name in ("Alemania", "Alemanha", "Германия", "Німеччина"):
        assert find_timezones(name).zones == ("Europe/Berlin",), name


async def test_the_settings_face_resolves_and_offers_buttons() -> None:
    from bot.features import settings as face
    from bot.kernel.errors import InvalidInput

    match = await face.resolve_timezone("Birmingham")
    offered = face.zone_choices(match)
    labels = [button.text for row in offered.buttons for button in row]
    assert labels[:2] == ["Birmingham, United Kingdom", "Birmingham, United States"]
    assert offered.buttons[0][0].data == "tz:Europe/London"
    with pytest.raises(InvalidInput):
        await face.resolve_timezone("Narnia")


# Places typed in each of Mend's languages: countries by CLDR's names in every locale, cities
# by GeoNames' alternate names; accents, case, 'ё' and apostrophes do not matter.
@pytest.mark.parametrize(
    ("query", "zone"),
    [
        ("München", "Europe/Berlin"),
        ("MÜNCHEN", "Europe/Berlin"),
        ("Munchen", "Europe/Berlin"),
        ("Munich", "Europe/Berlin"),
        ("Мюнхен", "Europe/Berlin"),
        ("Deutschland", "Europe/Berlin"),
        ("Germany", "Europe/Berlin"),
        ("Alemania", "Europe/Berlin"),
        ("Alemanha", "Europe/Berlin"),
        ("Германия", "Europe/Berlin"),
        ("Німеччина", "Europe/Berlin"),
        ("Nueva York", "America/New_York"),
        ("Nova Iorque", "America/New_York"),
        ("Нью-Йорк", "America/New_York"),
        ("São Paulo", "America/Sao_Paulo"),
        ("Sao Paulo", "America/Sao_Paulo"),
        ("Москва", "Europe/Moscow"),
        ("москва", "Europe/Moscow"),
        ("Moskau", "Europe/Moscow"),
        ("Moscú", "Europe/Moscow"),
        ("Орёл", "Europe/Moscow"),
        ("Орел", "Europe/Moscow"),
        ("Київ", "Europe/Kyiv"),
        ("Киев", "Europe/Kyiv"),
        ("Kyjiw", "Europe/Kyiv"),
        ("Kiew", "Europe/Kyiv"),
        ("Україна", "Europe/Kyiv"),
        ("Varsovia", "Europe/Warsaw"),
        ("Warschau", "Europe/Warsaw"),
        ("Viena", "Europe/Vienna"),
        ("Wien", "Europe/Vienna"),
        ("Österreich", "Europe/Vienna"),
        ("Londres", "Europe/London"),
        ("Лондон", "Europe/London"),
        ("Zurique", "Europe/Zurich"),
        ("Schweiz", "Europe/Zurich"),
    ],
)
def test_places_in_every_language(query: str, zone: str) -> None:
    assert find_timezones(query).zones == (zone,)


@pytest.mark.parametrize(
    "query", ["Estados Unidos", "Vereinigte Staaten", "Соединенные Штаты", "Сполучені Штати"]
)
def test_an_ambiguous_country_in_any_language_offers_its_zones_largest_first(query: str) -> None:
    found = find_timezones(query)
    assert found.zones[:2] == ("America/New_York", "America/Chicago")
    assert found.more


def test_russia_in_russian_offers_moscow_first() -> None:
    found = find_timezones("Россия")
    assert found.zones[0] == "Europe/Moscow" and len(found.zones) > 1
