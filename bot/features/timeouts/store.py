"""Timeouts: a pause one partner asked for, and when the conversation can pick up again."""

from datetime import datetime

import aiosqlite

from bot.features.timeouts.models import Status, Timeout
from bot.kernel.db import Tx, from_ts, to_ts


def _timeout(row: aiosqlite.Row) -> Timeout:
    return Timeout(
        row["id"],
        row["couple_id"],
        row["asker_id"],
        from_ts(row["ends_at"]),
        Status(row["status"]),
    )


async def running(tx: Tx, couple_id: int) -> Timeout | None:
    cursor = await tx.conn.execute(
        "SELECT * FROM timeouts WHERE couple_id = ? AND status = 'running'", (couple_id,)
    )
    row = await cursor.fetchone()
    return _timeout(row) if row else None


async def get(tx: Tx, timeout_id: int) -> Timeout | None:
    cursor = await tx.conn.execute("SELECT * FROM timeouts WHERE id = ?", (timeout_id,))
    row = await cursor.fetchone()
    return _timeout(row) if row else None


async def start(tx: Tx, couple_id: int, asker_id: int, now: datetime, ends_at: datetime) -> None:
    await tx.conn.execute(
        "INSERT INTO timeouts (couple_id, asker_id, started_at, ends_at) VALUES (?, ?, ?, ?)",
        (couple_id, asker_id, to_ts(now), to_ts(ends_at)),
    )


async def extend(tx: Tx, timeout_id: int, asker_id: int, ends_at: datetime) -> None:
    """Run until ``ends_at``; the one who asked last is reminded at the end."""
    await tx.conn.execute(
        "UPDATE timeouts SET ends_at = ?, asker_id = ?, status = 'running' WHERE id = ?",
        (to_ts(ends_at), asker_id, timeout_id),
    )


async def ending(tx: Tx, now: datetime, limit: int) -> list[Timeout]:
    cursor = await tx.conn.execute(
        "SELECT * FROM timeouts WHERE status = 'running' AND ends_at <= ? ORDER BY ends_at "
        "LIMIT ?",
        (to_ts(now), limit),
    )
    return [_timeout(row) for row in await cursor.fetchall()]


async def close_ended(tx: Tx, couple_id: int) -> list[int]:
    """Timeouts that ended without an answer are done (a new one starts): their ids."""
    cursor = await tx.conn.execute(
        "UPDATE timeouts SET status = 'done' WHERE couple_id = ? AND status = 'ended' "
        "RETURNING id",
        (couple_id,),
    )
    return [row["id"] for row in await cursor.fetchall()]


async def set_status(tx: Tx, timeout_id: int, status: Status) -> None:
    await tx.conn.execute("UPDATE timeouts SET status = ? WHERE id = ?", (status, timeout_id))


async def end_all(tx: Tx, couple_id: int, now: datetime) -> None:
    """The pairing ended: no timeout of theirs runs on or waits for an answer."""
    await tx.conn.execute(
        "UPDATE timeouts SET status = 'done' WHERE couple_id = ? AND status != 'done'",
        (couple_id,),
    )
