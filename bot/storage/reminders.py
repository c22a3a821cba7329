"""Reminder rows: a user's time for a kind of prompt, and the next instant it is due."""

from collections.abc import Sequence
from datetime import datetime

import aiosqlite

from bot.kernel.db import Tx, from_ts, to_ts
from bot.storage.models import Reminder


def _reminder(row: aiosqlite.Row) -> Reminder:
    return Reminder(
        row["id"],
        row["user_id"],
        row["kind"],
        row["hour"],
        row["minute"],
        row["days"],
        from_ts(row["next_due_at"]),
    )


async def for_user(tx: Tx, user_id: int) -> list[Reminder]:
    cursor = await tx.conn.execute(
        "SELECT * FROM reminders WHERE user_id = ? ORDER BY next_due_at", (user_id,)
    )
    return [_reminder(row) for row in await cursor.fetchall()]


async def put(
    tx: Tx, user_id: int, kind: str, hour: int, minute: int, days: int, next_due_at: datetime
) -> None:
    await tx.conn.execute(
        "INSERT INTO reminders (user_id, kind, hour, minute, days, next_due_at) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (user_id, kind) DO UPDATE SET "
        "hour = excluded.hour, minute = excluded.minute, days = excluded.days, "
        "next_due_at = excluded.next_due_at",
        (user_id, kind, hour, minute, days, to_ts(next_due_at)),
    )


async def delete(tx: Tx, user_id: int, kind: str) -> bool:
    cursor = await tx.conn.execute(
        "DELETE FROM reminders WHERE user_id = ? AND kind = ?", (user_id, kind)
    )
    return cursor.rowcount > 0


async def due(tx: Tx, now: datetime, limit: int) -> list[Reminder]:
    """Reminders due at or before ``now``, earliest first."""
    cursor = await tx.conn.execute(
        "SELECT * FROM reminders WHERE next_due_at <= ? ORDER BY next_due_at, id LIMIT ?",
        (to_ts(now), limit),
    )
    return [_reminder(row) for row in await cursor.fetchall()]


async def advance(tx: Tx, moves: Sequence[tuple[int, datetime]]) -> None:
    """Set each reminder's next due instant: (reminder id, next_due_at) pairs."""
    await tx.conn.executemany(
        "UPDATE reminders SET next_due_at = ? WHERE id = ?",
        [(to_ts(when), reminder_id) for reminder_id, when in moves],
    )


async def next_after(tx: Tx, now: datetime) -> datetime | None:
    """The earliest instant after ``now`` at which a reminder is due, if any."""
    cursor = await tx.conn.execute(
        "SELECT MIN(next_due_at) FROM reminders WHERE next_due_at > ?", (to_ts(now),)
    )
    row = await cursor.fetchone()
    return None if row is None or row[0] is None else from_ts(row[0])
