"""What the pairing service decides, for the views to show."""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class InviteMade:
    """A fresh single-use invite code (only its hash is stored)."""

    code: str


@dataclass(frozen=True, slots=True)
class InvitePreview:
    """/start <code>: an invite this user may accept."""

    inviter_name: str
    code: str


@dataclass(frozen=True, slots=True)
class Joined:
    """The two are paired now."""

    partner_name: str


@dataclass(frozen=True, slots=True)
class UnpairQuestion:
    """/unpair: the couple to end once the user confirms."""

    couple_id: int
    partner_name: str
