"""Each person's own language: gettext catalogs, read with Babel.

Every user-facing string is marked where it is written, the ecosystem's way:

- ``_("...")`` in a function translates at once, into the language being spoken;
- ``N_("...")`` at module level makes a :class:`Text`, translated each time it is shown
  (``str(text)``, ``text.format(name=...)``), so one constant serves every reader;
- ``ngettext("{count} day", "{count} days", count)`` for anything counted.

Placeholders are named (``{name}``), so a translator can reorder a sentence. The language
being spoken is a context variable: the kernel sets the reader's for each update, and the
outbox renders every message in its receiver's (:func:`speaking`).

Catalogs are ``bot/locales/<language>/LC_MESSAGES/messages.po``, extracted from the code
with ``pybabel`` (see the README); they are read as they are, no compiled ``.mo`` needed.
"""

import io
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from gettext import NullTranslations
from pathlib import Path
from typing import Any

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

log = logging.getLogger(__name__)

SOURCE = "en"
# The languages Mend speaks, as gettext/Babel locale names; English is the source.
LANGUAGES: tuple[str, ...] = ("en", "de", "es", "pt_BR", "ru", "uk")
LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"
DOMAIN = "messages"

_SPEAKING: ContextVar[str] = ContextVar("speaking", default=SOURCE)


def language_for(code: str | None) -> str:
    """The language Mend speaks to someone whose Telegram is set to ``code`` (an IETF tag
    such as ``de``, ``de-AT``, ``pt-br``): the nearest of ours, English otherwise."""
    if not code:
        return SOURCE
    tag = code.replace("_", "-").lower()
    if tag.startswith("pt"):
        return "pt_BR"  # Brazilian Portuguese is the Portuguese Mend has
    base = tag.split("-", 1)[0]
    return base if base in LANGUAGES else SOURCE


def telegram_code(language: str) -> str:
    """The ``language_code`` Telegram's per-language settings take (``pt_BR`` -> ``pt``)."""
    return language.split("_", 1)[0]


def current() -> str:
    """The language being spoken now."""
    return _SPEAKING.get()


@contextmanager
def speaking(language: str | None) -> Iterator[None]:
    """Speak ``language`` (one of ours, else English) inside the block."""
    token = _SPEAKING.set(language if language in LANGUAGES else SOURCE)
    try:
        yield
    finally:
        _SPEAKING.reset(token)


def set_speaking(language: str | None) -> None:
    """Speak ``language`` for the rest of this context (the update being handled)."""
    _SPEAKING.set(language if language in LANGUAGES else SOURCE)


def catalog_path(language: str) -> Path:
    return LOCALES_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def translations(language: str) -> NullTranslations:
    """The language's catalog, compiled in memory from its ``.po`` file once."""
    if language == SOURCE:
        return NullTranslations()
    path = catalog_path(language)
    if not path.exists():
        # Debug, not a warning: start-up speaks every language (the menu and descriptions
        # per language), and the catalog tests are what catch a missing one.
        log.debug("No catalog for %s at %s: speaking English", language, path)
        return NullTranslations()
    with path.open("rb") as po:
        catalog = read_po(po, locale=language, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


def _(message: str) -> str:
    """``message`` in the language being spoken."""
    return translations(current()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form for ``count`` in the language being spoken (format it with ``count=``)."""
    return translations(current()).ngettext(singular, plural, count)


class Text:
    """A sentence marked at module level, translated each time it is shown."""

    __slots__ = ("message",)

    def __init__(self, message: str) -> None:
        self.message = message

    def __str__(self) -> str:
        return _(self.message)

    def format(self, **values: Any) -> str:
        """The translation, with its named placeholders filled."""
        return _(self.message).format(**values)

    def __repr__(self) -> str:
        return f"N_({self.message!r})"


def N_(message: str) -> Text:  # gettext's name: mark now, translate where shown
    """Mark ``message`` for translation where it is shown, not where it is written."""
    return Text(message)


Words = str | Text
"""A string as written, or a :class:`Text` still to be translated."""


def say(words: Words) -> str:
    """``words`` in the language being spoken."""
    return str(words)
