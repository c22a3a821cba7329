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
from collections.abc import Callable
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


def _field(kind: Any, extras: tuple[Any, ...]) -> tuple[str, Callable[[object], bool]]:
    """A field's pattern, and the check a value must pass to be packed (so that what is
    packed always parses back, without parsing it)."""
    limit = next((e.count for e in extras if isinstance(e, Digits | Chars)), None)
    if kind is int:
        digits = limit or _INT
        top = 10**digits
        return rf"(\d{{1,{digits}}})", lambda v: type(v) is int and 0 <= v < top
    if kind is str:
        chars = re.compile(rf"[{_STR_CHARS}]{{1,{limit or MAX_BYTES}}}")
        return chars.pattern.join("()"), lambda v: type(v) is str and bool(chars.fullmatch(v))
    if isinstance(kind, type) and issubclass(kind, StrEnum):
        members = "|".join(re.escape(member.value) for member in kind)
        return f"({members})", lambda v: isinstance(v, kind)
    raise TypeError(f"callback data fields are int, str or StrEnum, not {kind!r}")


class CallbackData:
    """Base class of every button's data; subclass it as a frozen dataclass with a prefix."""

    prefix: ClassVar[str]
    _regex: ClassVar[re.Pattern[str]]
    _types: ClassVar[tuple[Any, ...]]
    _fields: ClassVar[tuple[tuple[str, Callable[[object], bool]], ...]]  # name, check
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
        checks: list[Callable[[object], bool]] = []
        parts = [re.escape(cls.prefix)]
        names = tuple(field.name for field in dataclasses.fields(cls))  # type: ignore[arg-type]
        for name in names:
            hint = hints[name]
            extras: tuple[Any, ...] = ()
            if typing.get_origin(hint) is Annotated:
                hint, *rest = typing.get_args(hint)
                extras = tuple(rest)
            pattern, check = _field(hint, extras)
            kinds.append(hint)
            checks.append(check)
            parts.append(pattern)
        cls._fields = tuple(zip(names, checks, strict=True))
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
        fields = cls.__dict__.get("_fields")
        if fields is None:  # the first button of its class
            cls._compile()
            fields = cls._fields
        parts = [cls.prefix]
        for name, check in fields:
            value = getattr(self, name)
            if not check(value):
                raise ValueError(f"{cls.__qualname__} cannot carry {name}={value!r}")
            parts.append(str(value))
        data = SEPARATOR.join(parts)
        if len(data) > MAX_BYTES:  # every character a field may hold is one byte
            raise ValueError(f"{cls.__qualname__} packs to more than {MAX_BYTES} bytes")
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
