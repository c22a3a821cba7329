"""The home buttons: the set-up steps, and the invite."""

from dataclasses import dataclass
from typing import Annotated

from bot.features.home.models import Step
from bot.kernel.buttons import CallbackData, Chars, Digits


@dataclass(frozen=True)
class PickZone(CallbackData, prefix="hz"):
    """This timezone is mine (set-up): ``hz:<IANA zone name>``."""

    zone: Annotated[str, Chars(60)]


@dataclass(frozen=True)
class TypeZone(CallbackData, prefix="hc"):
    """None of these: I'll type my city."""


@dataclass(frozen=True)
class PickTime(CallbackData, prefix="ht"):
    """Ask me at this time every day: ``ht:<step>:<hour>:<minute>``."""

    step: Step
    hour: Annotated[int, Digits(2)]
    minute: Annotated[int, Digits(2)]


@dataclass(frozen=True)
class OtherTime(CallbackData, prefix="ho"):
    """Another time: I'll type it. ``ho:<step>``."""

    step: Step


@dataclass(frozen=True)
class SkipStep(CallbackData, prefix="hs"):
    """Not now (the gratitude time): ``hs:<step>``."""

    step: Step


@dataclass(frozen=True)
class Invite(CallbackData, prefix="hi"):
    """Invite my partner: a fresh invite, with the share button."""
