"""Couples: who is paired with whom (the kernel's shared people store)."""

from datetime import datetime

import aiosqlite

from bot.kernel.db import Tx, from_ts, to_ts
from bot.storage.models import Couple


def _couple(row: aiosqlite.Row) -> Couple:
    return Couple(row["id"], row["inviter_id"], row["joiner_id"], from_ts(row["created_at"]))


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


async def low_threshold(tx: Tx, couple_id: int) -> int:
    """The check-in score at or below which a past win is offered (0: never)."""
    cursor = await tx.conn.execute("SELECT low_threshold FROM couples WHERE id = ?", (couple_id,))
    row = await cursor.fetchone()
    return int(row[0]) if row else 0


async def set_low_threshold(tx: Tx, couple_id: int, threshold: int) -> None:
    await tx.conn.execute(
        "UPDATE couples SET low_threshold = ? WHERE id = ?", (threshold, couple_id)
    )
