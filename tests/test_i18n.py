"""Each person's own language: the mapping from Telegram's codes, and speaking one."""

import pytest

from bot.features import FEATURES
from bot.kernel.feature import command_for
from bot.kernel.i18n import (
    LANGUAGES,
    N_,
    SOURCE,
    _,
    current,
    language_for,
    ngettext,
    speaking,
    telegram_code,
)


@pytest.mark.parametrize(
    ("code", "language"),
    [
        ("de", "de"),
        ("de-AT", "de"),
        ("de-ch", "de"),
        ("pt-BR", "pt_BR"),
        ("pt", "pt_BR"),
        ("pt-PT", "pt_BR"),
        ("uk", "uk"),
        ("ru", "ru"),
        ("es-419", "es"),
        ("en-GB", "en"),
        ("fr", "en"),
        ("", "en"),
        (None, "en"),
    ],
)
def test_telegram_codes_map_to_the_nearest_language(code: str | None, language: str) -> None:
    assert language_for(code) == language


def test_every_language_has_a_telegram_code() -> None:
    assert [telegram_code(language) for language in LANGUAGES] == [
        "en",
        "de",
        "es",
        "pt",
        "ru",
        "uk",
    ]


def test_speaking_is_scoped_and_refuses_what_mend_does_not_speak() -> None:
    assert current() == SOURCE
    with speaking("de"):
        assert current() == "de"
        with speaking("fr"):
            assert current() == SOURCE
        assert current() == "de"
    assert current() == SOURCE


def test_english_is_the_source() -> None:
    hello = N_("Hello, {name}.")
    assert str(hello) == "Hello, {name}."
    assert hello.format(name="Anna") == "Hello, Anna."
    assert _("Saved.") == "Saved."
    assert ngettext("{count} day", "{count} days", 1).format(count=1) == "1 day"
    assert ngettext("{count} day", "{count} days", 3).format(count=3) == "3 days"


# --- Plurals, by each language's own rules (CLDR's, in the catalogs' headers) ----------------

# How many forms a count takes, and the counts that share one: English, German, Spanish and
# Portuguese say "1 day, 2 days, 5 days"; Russian and Ukrainian have one form for 1 and 21,
# another for 2-4 and 22, a third for 5-20 and 11.
SAME_FORM = {
    "en": [(1,), (2, 5, 11, 21)],
    "de": [(1,), (2, 5, 11, 21)],
    "es": [(1,), (2, 5, 11, 21)],
    "pt_BR": [(1,), (2, 5, 11, 21)],
    "ru": [(1, 21, 101), (2, 3, 22), (5, 11, 12, 25)],
    "uk": [(1, 21, 101), (2, 3, 22), (5, 11, 12, 25)],
}
DAY_WORDS = {"en": "day", "de": "Tag", "es": "día", "pt_BR": "dia", "ru": "д", "uk": "д"}


def days(count: int) -> str:
    return ngettext("{count} day", "{count} days", count).format(count=count)


@pytest.mark.parametrize("language", LANGUAGES)
def test_counted_words_take_each_languages_plural_forms(language: str) -> None:
    with speaking(language):
        forms = [{days(n).replace(str(n), "#") for n in counts} for counts in SAME_FORM[language]]
        assert all(len(form) == 1 for form in forms), forms  # the counts of a group agree
        assert len(set().union(*forms)) == len(forms), forms  # and the groups differ
        assert DAY_WORDS[language] in days(5)
    if language == "ru":
        with speaking("ru"):
            assert [days(n) for n in (1, 2, 5)] == ["1 день", "2 дня", "5 дней"]
    if language == "uk":
        with speaking("uk"):
            assert [days(n) for n in (1, 2, 5)] == ["1 день", "2 дні", "5 днів"]


# --- Commands typed in one's own language ----------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "command"),
    [
        ("/hilfe", "help"),
        ("/Löschen", "delete"),  # an umlaut as typed, or as two letters
        ("/loeschen", "delete"),
        ("/ayuda@MendBot", "help"),
        ("/gratidão", "gratitude"),
        ("/ПОМОЩЬ", "help"),
        ("/договоренность", "agreement"),  # without its diaeresis
        ("/допомога", "help"),
        ("/help", "help"),
        ("/banana", None),
        ("/", None),
    ],
)
def test_a_command_word_in_any_language_names_its_command(typed: str, command: str | None) -> None:
    for language in ("en", "ru"):  # whatever the reader's own language
        with speaking(language):
            assert command_for(FEATURES, typed) == command
