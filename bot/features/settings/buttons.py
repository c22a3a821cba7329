"""The settings buttons: a timezone to choose when several match, and the /settings screens
(each edits the message in place)."""

from dataclasses import dataclass
from typing import Annotated

from bot.features.settings.models import Page, QuietAction, RemindAction, ReminderKind
from bot.kernel.buttons import CallbackData, Chars, Digits


@dataclass(frozen=True)
class ChooseZone(CallbackData, prefix="tz"):
    """This timezone is mine: ``tz:<IANA zone name>``."""

    zone: Annotated[str, Chars(60)]


@dataclass(frozen=True)
class Go(CallbackData, prefix="sgo"):
    """Open a settings page in place: ``sgo:<page>``."""

    page: Page


@dataclass(frozen=True)
class Remind(CallbackData, prefix="srm"):
    """A reminder's page and its changes: ``srm:<kind>:<action>:<value>``."""

    kind: ReminderKind
    action: RemindAction
    value: Annotated[int, Digits(4)] = 0


@dataclass(frozen=True)
class Flip(CallbackData, prefix="ssw"):
    """Turn another feature's switch on (1) or off (0): ``ssw:<name>:<on>``."""

    name: Annotated[str, Chars(24)]
    on: Annotated[int, Digits(1)]


@dataclass(frozen=True)
class PauseFor(CallbackData, prefix="spz"):
    """Pause prompts for some days, or resume them (0): ``spz:<days>``."""

    days: Annotated[int, Digits(2)]


@dataclass(frozen=True)
class Quiet(CallbackData, prefix="sqh"):
    """Change the quiet hours: ``sqh:<action>:<value>``."""

    action: QuietAction
    value: Annotated[int, Digits(4)] = 0


@dataclass(frozen=True)
class WinsAt(CallbackData, prefix="swn"):
    """Offer a past win after a check-in of this or less (0: never): ``swn:<n>``."""

    value: Annotated[int, Digits(1)]


@dataclass(frozen=True)
class TellNothing(CallbackData, prefix="snt"):
    """Tell the partner when there is nothing to share (1) or not (0): ``snt:<on>``."""

    on: Annotated[int, Digits(1)]


@dataclass(frozen=True)
class SpeakIn(CallbackData, prefix="sln"):
    """Speak this language to me (a gettext name: ``en``, ``pt_BR``): ``sln:<language>``."""

    language: Annotated[str, Chars(8)]
