"""Couples and the invites that make them."""

from datetime import datetime

import aiosqlite

from bot.kernel.db import Tx, from_ts, to_ts
from bot.storage.models import Couple, Invite


def _couple(row: aiosqlite.Row) -> Couple:
    return Couple(row["id"], row["inviter_id"], row["joiner_id"], from_ts(row["created_at"]))


def _invite(row: aiosqlite.Row) -> Invite:
    closed = row["closed_at"]
    return Invite(
        row["id"],
        row["inviter_id"],
        from_ts(row["expires_at"]),
        row["used_by"],
        closed and from_ts(closed),
    )


async def active_for(tx: Tx, user_id: int) -> Couple | None:
    """The couple this user is in now, if any."""
    cursor = await tx.conn.execute(
        "SELECT * FROM couples WHERE ended_at IS NULL AND inviter_id = ? "
        "UNION ALL SELECT * FROM couples WHERE ended_at IS NULL AND joiner_id = ? LIMIT 1",
        (user_id, user_id),
    )
    row = await cursor.fetchone()
    return _couple(row) if row else None


async def active(tx: Tx, couple_id: int) -> Couple | None:
    """The couple with this id, if it has not ended."""
    cursor = await tx.conn.execute(
        "SELECT * FROM couples WHERE id = ? AND ended_at IS NULL", (couple_id,)
    )
    row = await cursor.fetchone()
    return _couple(row) if row else None


async def create(tx: Tx, inviter_id: int, joiner_id: int, now: datetime) -> Couple:
    cursor = await tx.conn.execute(
        "INSERT INTO couples (inviter_id, joiner_id, created_at) VALUES (?, ?, ?) RETURNING *",
        (inviter_id, joiner_id, to_ts(now)),
    )
    row = await cursor.fetchone()
    assert row is not None
    return _couple(row)


async def end(tx: Tx, couple_id: int, now: datetime) -> None:
    await tx.conn.execute(
        "UPDATE couples SET ended_at = ? WHERE id = ? AND ended_at IS NULL",
        (to_ts(now), couple_id),
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


async def low_threshold(tx: Tx, couple_id: int) -> int:
    """The check-in score at or below which a past win is offered (0: never)."""
    cursor = await tx.conn.execute("SELECT low_threshold FROM couples WHERE id = ?", (couple_id,))
    row = await cursor.fetchone()
    return int(row[0]) if row else 0


async def set_low_threshold(tx: Tx, couple_id: int, threshold: int) -> None:
    await tx.conn.execute(
        "UPDATE couples SET low_threshold = ? WHERE id = ?", (threshold, couple_id)
    )
