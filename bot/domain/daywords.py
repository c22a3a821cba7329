"""Weekday names and day words in every language Mend speaks, for reading what people type.

The names come from the Unicode CLDR through Babel: each weekday's wide, abbreviated and
short name, in format and stand-alone form ('Montag', 'Mo.', 'Mo'; 'lunes', 'lun', 'LU';
'segunda-feira', 'seg.'; 'понедельник', 'пн'; 'понеділок', 'пн'), and the relative day words
('heute', 'mañana', 'amanhã', 'завтра', 'післязавтра'). Every language's words are read
whatever the person's language: a German who types English, or English days, is understood.

Only what CLDR does not hold is written here, in the small tables below: the English forms
Mend always read ('tues', 'thurs', 'mondays'), a few words around days (range words such as
'bis' and 'по', words to skip such as 'am' and 'в'), and the words for "every day", "weekdays"
and "weekends". Russian and Ukrainian change a day's ending with its role in a sentence
('в пятницу', 'до пʼятниці', 'по понедельникам'); a Cyrillic word is read as a day when it
differs from a wide name only in its last few letters (:func:`weekday`).

Everything is compared folded (:func:`fold`): case-folded, without accents or apostrophes,
so 'SÁB', 'sab' and 'sáb.' are one word, and so are 'пʼятниця' and "п'ятниця", or a Cyrillic
yo and ye.
"""

import re
import unicodedata
from functools import cache
from typing import Literal

from babel import Locale
from babel.dates import get_day_names

__all__ = [
    "CLDR_LOCALES",
    "fold",
    "relative_day",
    "weekday",
]

# The languages whose CLDR names are read, besides English (whose forms are below).
CLDR_LOCALES = ("en", "de", "es", "pt_BR", "ru", "uk")
# Widths a person might type, most used first: a form taken by an earlier width (or language)
# keeps its meaning. Spanish's short 'DO' (Sunday) so yields to German's 'Do' (Thursday); a
# Spanish speaker types 'dom'.
_WIDTHS: tuple[Literal["wide", "abbreviated", "short"], ...] = ("wide", "abbreviated", "short")
_CONTEXTS: tuple[Literal["format", "stand-alone"], ...] = ("format", "stand-alone")

# English forms beyond CLDR's, as Mend has always read them (Monday = 0).
_ENGLISH_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_ENGLISH_FORMS = {
    form: number
    for number, name in enumerate(_ENGLISH_DAYS)
    for form in (name, name + "s", name[:3], name[:2])
} | {"tues": 1, "weds": 2, "thur": 3, "thurs": 3}

# A Cyrillic word that shares all of a wide name but its last two letters (its stem, of four
# letters or more), and is at most two letters longer than it, is that day in another case:
# 'пятницу', 'понедельника', 'четвергам', 'середу'.
_INFLECTION_EXTRA = 2
_INFLECTION_CUT = 2
_STEM_MIN = 4
_CYRILLIC = re.compile(r"[\u0400-\u04ff]+")

_APOSTROPHES = str.maketrans("", "", "'\u2019\u02bc")
_MARKS = re.compile(r"[\u0300-\u036f]")


def fold(text: str) -> str:
    """Case-folded, without accents or apostrophes: 'Sábado' -> 'sabado', 'Пʼятниця' ->
    'пятниця', 'Ёлка' -> 'Елка' lower-cased. Other characters (digits, dashes, commas) stay."""
    folded = text.casefold()
    if folded.isascii():
        return folded.translate(_APOSTROPHES)
    folded = _MARKS.sub("", unicodedata.normalize("NFKD", folded))
    return unicodedata.normalize("NFC", folded).translate(_APOSTROPHES)


@cache
def _wide_names() -> dict[str, tuple[str, ...]]:
    """Each CLDR locale's wide weekday names, folded, Monday first."""
    return {
        code: tuple(fold(str(get_day_names("wide", "format", code)[day])) for day in range(7))
        for code in CLDR_LOCALES
    }


@cache
def _forms() -> dict[str, int]:
    """Every folded form of a weekday that is read (without a trailing dot), Monday = 0."""
    forms = dict(_ENGLISH_FORMS)
    for width in _WIDTHS:
        for code in CLDR_LOCALES:
            for context in _CONTEXTS:
                names = get_day_names(width, context, code)
                for day in range(7):
                    for form in _variants(fold(str(names[day])).strip(".")):
                        forms.setdefault(form, day)
    return forms


def _variants(name: str) -> tuple[str, ...]:
    """A name and the shapes people also type it in: 'segunda-feira' as 'segunda feira',
    'segundafeira' and 'segunda'; a Latin wide name with a plural 's' ('montags', 'sabados')."""
    variants = [name]
    if "-" in name:
        head = name.split("-", 1)[0]
        variants += [name.replace("-", " "), name.replace("-", ""), head, head + "s"]
    elif len(name) > 3 and name.isascii() and not name.endswith("s"):
        variants.append(name + "s")
    return tuple(variants)


@cache
def day_suffixes() -> frozenset[str]:
    """The second halves of hyphenated wide names ('feira' of 'segunda-feira'), and their
    plurals: a day typed with one ('seg-feira') is read without it."""
    suffixes: set[str] = set()
    for names in _wide_names().values():
        for name in names:
            if "-" in name:
                tail = name.split("-", 1)[1]
                suffixes |= {tail, tail + "s"}
    return frozenset(suffixes)


def weekday(word: str) -> int | None:
    """The weekday a word names in any of Mend's languages ('fri', 'Freitag', 'vie', 'sex.',
    'пт', 'пятницу', 'неділя'), Monday = 0; None if none."""
    folded = fold(word.strip()).strip(".")
    day = _forms().get(folded)
    if day is not None or not _CYRILLIC.fullmatch(folded):
        return day
    for code in ("ru", "uk"):
        for number, name in enumerate(_wide_names()[code]):
            stem = name[: max(len(name) - _INFLECTION_CUT, _STEM_MIN)]
            if folded.startswith(stem) and len(folded) <= len(name) + _INFLECTION_EXTRA:
                return number
    return None


@cache
def _relative_days() -> dict[tuple[str, ...], int]:
    """CLDR's words for today, tomorrow and the day after (folded, split into words), in every
    language, with how many days ahead each is; plus English's own 'tonight' and 'tmrw'."""
    days: dict[tuple[str, ...], int] = {("tonight",): 0, ("tmrw",): 1}
    for code in CLDR_LOCALES:
        fields = Locale.parse(code)._data["date_fields"]
        for width in ("day", "day-short", "day-narrow"):
            relative = fields.get(width, {}).get("relative", {})
            for ahead in (0, 1, 2):
                if ahead in relative:
                    days.setdefault(tuple(fold(str(relative[ahead])).split()), ahead)
    return days


def relative_day(words: list[str]) -> tuple[int, int] | None:
    """(days ahead, words used) if ``words`` (folded) start with a day word: 'heute' (0, 1),
    'pasado mañana' (2, 2), 'depois de amanhã' (2, 3); None if they do not."""
    days = _relative_days()
    for length in (3, 2, 1):
        ahead = days.get(tuple(words[:length]))
        if ahead is not None and len(words) >= length:
            return ahead, length
    return None
