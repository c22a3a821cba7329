"""Each person's own language: the mapping from Telegram's codes, and speaking one."""

import pytest

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
