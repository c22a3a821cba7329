"""The gettext catalogs: in step with the code, and every translation faithful to its source
(the same named placeholders, nothing fuzzy)."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from bot.features.help import views as help_views
from bot.kernel.i18n import LANGUAGES, LOCALES_DIR, SOURCE, catalog_path, speaking

ROOT = Path(__file__).resolve().parent.parent
TRANSLATED = [language for language in LANGUAGES if language != SOURCE]
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
TAG = re.compile(r"</?[a-z]+>")
COMMAND = re.compile(r"(?<![\w/<])/[a-z_]+")


def read(path: Path, language: str | None = None) -> Catalog:
    with path.open("rb") as po:
        return read_po(po, locale=language)


def ids(catalog: Catalog) -> set[str]:
    return {
        str(message.id[0] if isinstance(message.id, tuple) else message.id)
        for message in catalog
        if message.id
    }


def test_the_template_is_in_step_with_the_code(tmp_path: Path) -> None:
    fresh = tmp_path / "messages.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "-F",
            "babel.cfg",
            "-k",
            "N_",
            "-o",
            str(fresh),
            ".",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    committed = ids(read(LOCALES_DIR / "messages.pot"))
    wanted = ids(read(fresh))
    assert wanted - committed == set(), "run `make messages`: new strings are not extracted"
    assert committed - wanted == set(), "run `make messages`: the template has stale strings"


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_catalog_has_every_string(language: str) -> None:
    template = ids(read(LOCALES_DIR / "messages.pot"))
    assert ids(read(catalog_path(language), language)) == template


@pytest.mark.parametrize("language", TRANSLATED)
def test_translations_keep_their_placeholders_and_none_is_fuzzy(language: str) -> None:
    catalog = read(catalog_path(language), language)
    for message in catalog:
        if not message.id:
            continue
        assert not message.fuzzy, f"{language}: fuzzy entry {message.id!r}"
        sources = message.id if isinstance(message.id, tuple) else (message.id,)
        wanted = set(PLACEHOLDER.findall(sources[-1]))
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for string in strings:
            if string:  # an untranslated entry is counted below, not here
                assert set(PLACEHOLDER.findall(string)) == wanted, (language, message.id)


@pytest.mark.parametrize("language", TRANSLATED)
def test_translations_keep_their_markup_and_commands(language: str) -> None:
    """Telegram refuses a message whose HTML does not balance, and a command has one name
    in every language: a translation keeps the source's tags and its /commands."""
    catalog = read(catalog_path(language), language)
    for message in catalog:
        if not message.id:
            continue
        sources = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for string in filter(None, strings):
            assert sorted(TAG.findall(string)) == sorted(TAG.findall(sources[-1])), (
                language,
                message.id,
            )
            if COMMAND.fullmatch(sources[-1]):  # a command's word in this language
                assert re.fullmatch(r"/[^\W\d][\w]*", string), (language, message.id)
                assert not re.search("[A-Z\u00c0-\u024f]", string), (language, string)
                continue
            assert set(COMMAND.findall(string)) >= set(COMMAND.findall(sources[-1])), (
                language,
                message.id,
            )


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_string_is_translated(language: str) -> None:
    catalog = read(catalog_path(language), language)
    missing = [message.id for message in catalog if message.id and not message.string]
    assert missing == [], f"{language}: {len(missing)} untranslated"


@pytest.mark.parametrize("language", LANGUAGES)
def test_what_telegram_shows_fits_its_limits_in_every_language(language: str) -> None:
    """Telegram refuses a description over 512 characters, a short one over 120 and a
    command's over 256 (setMyDescription, setMyShortDescription, setMyCommands)."""
    with speaking(language):
        assert 0 < len(str(help_views.DESCRIPTION)) <= 512
        assert 0 < len(str(help_views.SHORT_DESCRIPTION)) <= 120
        for _, about in help_views.COMMANDS:
            assert 3 <= len(str(about)) <= 256
