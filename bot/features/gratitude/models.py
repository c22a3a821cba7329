"""What the gratitude service decides, for its views to show."""

from dataclasses import dataclass

from bot.features.prompts import Ask


@dataclass(frozen=True, slots=True)
class Draft:
    """An appreciation written: shown back with Send / Keep private, or kept at once when
    there is no partner (``partner_name`` None)."""

    ask: Ask
    text: str
    partner_name: str | None


@dataclass(frozen=True, slots=True)
class Sent:
    text: str
    partner_name: str


@dataclass(frozen=True, slots=True)
class Kept:
    text: str
