"""Screens by name: a button on any message can open a place another feature declared
(``Feature.screens``), without the two features knowing each other.

A view puts a button with ``Open("settings").pack()`` on a message; pressing it shows whatever the
feature that declared the ``settings`` screen renders, as a new message, or in place of the
pressed message with ``here=1`` (menus that lead to menus).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Annotated

from bot.kernel.buttons import CallbackData, Chars, Digits
from bot.kernel.feature import Feature, Screen


@dataclass(frozen=True)
class Open(CallbackData, prefix="go"):
    """Open the screen ``name``: ``go:<name>:<here>``."""

    name: Annotated[str, Chars(24)]
    here: Annotated[int, Digits(1)] = 0  # 1: replace the pressed message, 0: a new message


def find(features: Sequence[Feature], name: str) -> Screen | None:
    """The screen a registered feature declared under ``name``, if any does."""
    for feature in features:
        if name in feature.screens:
            return feature.screens[name]
    return None
