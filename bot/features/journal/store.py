"""The private journal: notes for the user alone, never relayed."""

from datetime import datetime

import aiosqlite

from bot.features.journal.models import JournalEntry
from bot.kernel.db import Tx, from_ts, to_ts


def _entry(tx: Tx, row: aiosqlite.Row) -> JournalEntry:
    return JournalEntry(row["id"], tx.open(row["body"]), from_ts(row["created_at"]))


async def add(tx: Tx, user_id: int, body: str, now: datetime) -> None:
    await tx.conn.execute(
        "INSERT INTO journal (user_id, body, created_at) VALUES (?, ?, ?)",
        (user_id, tx.seal(body), to_ts(now)),
    )


async def page(tx: Tx, user_id: int, limit: int, offset: int) -> list[JournalEntry]:
    """The user's entries, newest first."""
    cursor = await tx.conn.execute(
        "SELECT * FROM journal WHERE user_id = ? ORDER BY id DESC LIMIT ? OFFSET ?",
        (user_id, limit, offset),
    )
    return [_entry(tx, row) for row in await cursor.fetchall()]


async def all_of(tx: Tx, user_id: int) -> list[JournalEntry]:
    """Every entry of the user, oldest first (for /export)."""
    cursor = await tx.conn.execute(
        "SELECT * FROM journal WHERE user_id = ? ORDER BY id", (user_id,)
    )
    return [_entry(tx, row) for row in await cursor.fetchall()]


async def count(tx: Tx, user_id: int) -> int:
    cursor = await tx.conn.execute("SELECT COUNT(*) FROM journal WHERE user_id = ?", (user_id,))
    row = await cursor.fetchone()
    return int(row[0]) if row else 0


async def delete(tx: Tx, user_id: int, entry_id: int) -> bool:
    """Delete one of the user's own entries; False if it is not theirs or already gone."""
    cursor = await tx.conn.execute(
        "DELETE FROM journal WHERE id = ? AND user_id = ?", (entry_id, user_id)
    )
    return cursor.rowcount > 0


async def erase_user(tx: Tx, user_id: int, now: datetime) -> None:
    """/delete: the whole journal goes."""
    await tx.conn.execute("DELETE FROM journal WHERE user_id = ?", (user_id,))
