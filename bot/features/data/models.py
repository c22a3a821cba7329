"""What /export and /delete come to."""

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class ExportFile:
    """The export: the JSON file's bytes, and the user's local day it was made."""

    body: bytes
    day: date


@dataclass(frozen=True, slots=True)
class DeleteAsked:
    """/delete is waiting for the typed confirmation."""

    partner_name: str | None  # the pairing that would end with it (None: not paired)


@dataclass(frozen=True, slots=True)
class Deleted:
    """The words after /delete: erased or not, and the pairing that ended with it."""

    erased: bool
    partner_name: str | None = None
