"""Likely timezones to offer as buttons before anyone types a city: the partner's, then a
guess from the language Telegram reports (``en-US``, ``de``, ``pt-br``), then common ones."""

_BY_REGION: dict[str, tuple[str, ...]] = {
    "us": ("America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"),
    "ca": ("America/Toronto", "America/Vancouver"),
    "gb": ("Europe/London",),
    "ie": ("Europe/Dublin",),
    "au": ("Australia/Sydney", "Australia/Melbourne", "Australia/Perth"),
    "nz": ("Pacific/Auckland",),
    "in": ("Asia/Kolkata",),
    "br": ("America/Sao_Paulo",),
    "pt": ("Europe/Lisbon",),
    "mx": ("America/Mexico_City",),
    "ar": ("America/Argentina/Buenos_Aires",),
    "de": ("Europe/Berlin",),
    "at": ("Europe/Vienna",),
    "ch": ("Europe/Zurich",),
}
_BY_LANGUAGE: dict[str, tuple[str, ...]] = {
    "en": ("Europe/London", "America/New_York", "America/Los_Angeles"),
    "de": ("Europe/Berlin", "Europe/Vienna", "Europe/Zurich"),
    "fr": ("Europe/Paris", "America/Montreal"),
    "es": ("Europe/Madrid", "America/Mexico_City", "America/Bogota"),
    "pt": ("America/Sao_Paulo", "Europe/Lisbon"),
    "it": ("Europe/Rome",),
    "nl": ("Europe/Amsterdam",),
    "pl": ("Europe/Warsaw",),
    "uk": ("Europe/Kyiv",),
    "ru": ("Europe/Moscow",),
    "tr": ("Europe/Istanbul",),
    "he": ("Asia/Jerusalem",),
    "ar": ("Asia/Dubai", "Africa/Cairo"),
    "hi": ("Asia/Kolkata",),
    "ja": ("Asia/Tokyo",),
    "ko": ("Asia/Seoul",),
    "zh": ("Asia/Shanghai",),
}
_COMMON = ("Europe/London", "Europe/Berlin", "America/New_York", "America/Los_Angeles")
MAX_OFFERED = 4


def likely_zones(partner_zone: str | None, language_code: str | None) -> tuple[str, ...]:
    """Up to four zones to offer, most likely first, without repeats."""
    language, _, region = (language_code or "").lower().replace("_", "-").partition("-")
    ordered = [
        *([partner_zone] if partner_zone else []),
        *_BY_REGION.get(region, ()),
        *_BY_LANGUAGE.get(language, ()),
        *_COMMON,
    ]
    return tuple(dict.fromkeys(ordered))[:MAX_OFFERED]
