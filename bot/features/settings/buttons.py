"""The settings buttons: a timezone to choose when several match."""

from dataclasses import dataclass
from typing import Annotated

from bot.kernel.buttons import CallbackData, Chars


@dataclass(frozen=True)
class ChooseZone(CallbackData, prefix="tz"):
    """This timezone is mine: ``tz:<IANA zone name>``."""

    zone: Annotated[str, Chars(60)]
