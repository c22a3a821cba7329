"""Invites: the single-use codes that make a couple (the couples themselves are the kernel's,
in ``bot.storage.couples``)."""

from dataclasses import dataclass
from datetime import datetime

import aiosqlite

from bot.kernel.db import Tx, from_ts, to_ts


@dataclass(frozen=True, slots=True)
class Invite:
    id: int
    inviter_id: int
    expires_at: datetime
    used_by: int | None
    closed_at: datetime | None


def _invite(row: aiosqlite.Row) -> Invite:
    closed = row["closed_at"]
    return Invite(
        row["id"],
        row["inviter_id"],
        from_ts(row["expires_at"]),
        row["used_by"],
        closed and from_ts(closed),
    )


async def create_invite(
    tx: Tx, code_hash: bytes, inviter_id: int, now: datetime, expires_at: datetime
) -> None:
    """Store a new invite, closing any the inviter made before (one open invite each)."""
    await tx.conn.execute(
        "UPDATE invites SET closed_at = ? WHERE inviter_id = ? AND closed_at IS NULL",
        (to_ts(now), inviter_id),
    )
    await tx.conn.execute(
        "INSERT INTO invites (code_hash, inviter_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
        (code_hash, inviter_id, to_ts(now), to_ts(expires_at)),
    )


async def invite_by_hash(tx: Tx, code_hash: bytes) -> Invite | None:
    cursor = await tx.conn.execute("SELECT * FROM invites WHERE code_hash = ?", (code_hash,))
    row = await cursor.fetchone()
    return _invite(row) if row else None


async def close_invite(tx: Tx, invite_id: int, used_by: int | None, now: datetime) -> None:
    await tx.conn.execute(
        "UPDATE invites SET used_by = ?, closed_at = ? WHERE id = ?",
        (used_by, to_ts(now), invite_id),
    )


async def erase_user(tx: Tx, user_id: int, now: datetime) -> None:
    """/delete: close the user's open invites, so no one can pair with them any more."""
    await tx.conn.execute(
        "UPDATE invites SET closed_at = COALESCE(closed_at, ?) WHERE inviter_id = ?",
        (to_ts(now), user_id),
    )
