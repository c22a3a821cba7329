"""Finding the IANA time zone a user means from what they typed for /timezone."""

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from zoneinfo import available_timezones

__all__ = ["TimezoneMatch", "find_timezones", "is_valid_timezone"]

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
# Whole queries that mean something other than what plain matching would find.
_ALIASES: dict[str, tuple[str, ...]] = {
    "utc": ("UTC",),
    "gmt": ("UTC",),
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
    "hst": ("Pacific/Honolulu",),
    "est5edt": ("America/New_York",),
    "cst6cdt": ("America/Chicago",),
    "mst7mdt": ("America/Denver",),
    "pst8pdt": ("America/Los_Angeles",),
}


@dataclass(frozen=True, slots=True)
class TimezoneMatch:
    """Zones matching a query, sorted; `more` says the list was cut short at the limit."""

    zones: tuple[str, ...]
    more: bool


def _normalise(text: str) -> str:
    """Lower-case, accent-free, with spaces, hyphens and underscores all as one '_'."""
    # NFKD splits 'ã' into 'a' plus a combining tilde, which is then dropped.
    decomposed = unicodedata.normalize("NFKD", text.strip().lower())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    plain = re.sub(r"\s*/\s*", "/", plain.replace(".", "").replace("'", ""))
    return re.sub(r"[\s_-]+", "_", plain)


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


def find_timezones(query: str, limit: int = 8) -> TimezoneMatch:
    """IANA zone names matching what a user typed for /timezone."""
    if limit < 1:
        raise ValueError(f"limit must be at least 1, not {limit}")
    wanted = _normalise(query)
    if not wanted:
        return TimezoneMatch((), more=False)
    if wanted in _ALIASES:
        return TimezoneMatch(_ALIASES[wanted], more=False)
    if wanted in _exact_names():
        return TimezoneMatch((_exact_names()[wanted],), more=False)
    searchable = _searchable()
    # Narrowest rule first: a whole place name, then the start of one, then any part of one.
    tiers = (
        {zone for key, zone in searchable if f"/{wanted}/" in f"/{key}/"},
        {zone for key, zone in searchable if key.rsplit("/", 1)[-1].startswith(wanted)},
        {zone for key, zone in searchable if wanted in key.rsplit("/", 1)[-1]},
    )
    found = next((tier for tier in tiers if tier), set())
    ordered = sorted(found)
    return TimezoneMatch(tuple(ordered[:limit]), more=len(ordered) > limit)


def is_valid_timezone(name: str) -> bool:
    """Whether `name` is exactly an IANA zone name that zoneinfo can load."""
    return name in _all_zones()
