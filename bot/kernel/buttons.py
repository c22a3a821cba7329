"""Typed callback data: one small frozen dataclass per kind of button.

In the spirit of aiogram's ``CallbackData``: a class names its prefix once, packs itself into
the string Telegram carries, parses that string back, and gives the pattern its handler is
registered with. Telegram's 64-byte limit, and the refusal of forged, oversized or malformed
data, are checked here and nowhere else::

    @dataclass(frozen=True)
    class Choose(CallbackData, prefix="ck"):
        ask_id: int
        value: Annotated[int, Digits(2)]

    Choose(7, 3).pack()          # "ck:7:3"
    Choose.parse("ck:7:3")       # Choose(ask_id=7, value=3)
    Choose.parse("ck:7:999")     # None: not a button Mend made

Fields may be ``int`` (non-negative, up to 18 digits unless ``Digits`` says fewer), ``str``
(letters, digits and ``_+/-``, at most ``Chars`` long), or a ``StrEnum`` (one of its values).
"""

import dataclasses
import re
import typing
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any, ClassVar, Self

MAX_BYTES = 64  # Telegram's limit on callback data
SEPARATOR = ":"


@dataclass(frozen=True, slots=True)
class Digits:
    """At most this many decimal digits in an ``int`` field."""

    count: int


@dataclass(frozen=True, slots=True)
class Chars:
    """At most this many characters in a ``str`` field."""

    count: int


_INT = 18  # below 2**63, so any id that parses fits SQLite's integer
_STR_CHARS = "A-Za-z0-9_+/-"


def _field_regex(kind: Any, extras: tuple[Any, ...]) -> str:
    limit = next((e.count for e in extras if isinstance(e, Digits | Chars)), None)
    if kind is int:
        return rf"(\d{{1,{limit or _INT}}})"
    if kind is str:
        return rf"([{_STR_CHARS}]{{1,{limit or MAX_BYTES}}})"
    if isinstance(kind, type) and issubclass(kind, StrEnum):
        return "(" + "|".join(re.escape(member.value) for member in kind) + ")"
    raise TypeError(f"callback data fields are int, str or StrEnum, not {kind!r}")


class CallbackData:
    """Base class of every button's data; subclass it as a frozen dataclass with a prefix."""

    prefix: ClassVar[str]
    _regex: ClassVar[re.Pattern[str]]
    _types: ClassVar[tuple[Any, ...]]
    _prefixes: ClassVar[dict[str, type["CallbackData"]]] = {}

    def __init_subclass__(cls, prefix: str, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if not re.fullmatch(r"[a-z]{1,3}", prefix):
            raise ValueError(f"a button prefix is 1 to 3 lowercase letters, not {prefix!r}")
        if prefix in CallbackData._prefixes:
            other = CallbackData._prefixes[prefix].__qualname__
            raise ValueError(f"button prefix {prefix!r} is taken by {other}")
        CallbackData._prefixes[prefix] = cls
        cls.prefix = prefix

    @classmethod
    def _compile(cls) -> None:
        """Read the dataclass fields once, on first use (the class body is complete then)."""
        if "_regex" in cls.__dict__:
            return
        hints = typing.get_type_hints(cls, include_extras=True)
        kinds: list[Any] = []
        parts = [re.escape(cls.prefix)]
        for field in dataclasses.fields(cls):  # type: ignore[arg-type]
            hint = hints[field.name]
            extras: tuple[Any, ...] = ()
            if typing.get_origin(hint) is Annotated:
                hint, *rest = typing.get_args(hint)
                extras = tuple(rest)
            kinds.append(hint)
            parts.append(_field_regex(hint, extras))
        cls._types = tuple(kinds)
        cls._regex = re.compile("^" + SEPARATOR.join(parts) + r"\Z")

    @classmethod
    def pattern(cls) -> re.Pattern[str]:
        """The pattern a ``CallbackQueryHandler`` for this button is registered with."""
        cls._compile()
        return cls._regex

    def pack(self) -> str:
        """The callback data Telegram carries; refuses what the class would not parse back."""
        cls = type(self)
        values = [getattr(self, field.name) for field in dataclasses.fields(self)]  # type: ignore[arg-type]
        data = SEPARATOR.join([cls.prefix, *(str(value) for value in values)])
        if len(data.encode()) > MAX_BYTES:
            raise ValueError(f"{cls.__qualname__} packs to more than {MAX_BYTES} bytes")
        if cls.parse(data) != self:
            raise ValueError(f"{cls.__qualname__} cannot carry {values!r}")
        return data

    @classmethod
    def parse(cls, data: str | None) -> Self | None:
        """The button's values, or None for anything Mend did not make (forged, too long,
        malformed, another kind of button)."""
        if data is None or len(data.encode()) > MAX_BYTES:
            return None
        match = cls.pattern().match(data)
        if match is None:
            return None
        values = [kind(raw) for kind, raw in zip(cls._types, match.groups(), strict=True)]
        return cls(*values)
