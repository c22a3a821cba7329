"""Shared wins: moments a couple wants to remember, seen by both once their author sends them."""

from collections.abc import Collection
from datetime import datetime

import aiosqlite

from bot.features.wins.models import Status, Win
from bot.kernel.db import Tx, from_ts, from_ts_or_none, to_ts


def _win(tx: Tx, row: aiosqlite.Row) -> Win:
    return Win(
        id=row["id"],
        couple_id=row["couple_id"],
        author_id=row["author_id"],
        body=tx.open_or_none(row["body"]) or "",
        status=Status(row["status"]),
        created_at=from_ts(row["created_at"]),
        shared_at=from_ts_or_none(row["shared_at"]),
    )


async def create(tx: Tx, couple_id: int, author_id: int, body: str, now: datetime) -> Win:
    cursor = await tx.conn.execute(
        "INSERT INTO wins (couple_id, author_id, body, created_at) VALUES (?, ?, ?, ?) "
        "RETURNING *",
        (couple_id, author_id, tx.seal(body), to_ts(now)),
    )
    row = await cursor.fetchone()
    assert row is not None
    return _win(tx, row)


async def get(tx: Tx, win_id: int) -> Win | None:
    cursor = await tx.conn.execute("SELECT * FROM wins WHERE id = ?", (win_id,))
    row = await cursor.fetchone()
    return _win(tx, row) if row else None


async def share(tx: Tx, win_id: int, now: datetime) -> None:
    await tx.conn.execute(
        "UPDATE wins SET status = 'shared', shared_at = ? WHERE id = ?", (to_ts(now), win_id)
    )


async def drop(tx: Tx, win_id: int) -> None:
    """Not sent after all: the words are erased."""
    await tx.conn.execute(
        "UPDATE wins SET status = 'dropped', body = NULL WHERE id = ?", (win_id,)
    )


async def shared(tx: Tx, couple_id: int, limit: int, offset: int) -> list[Win]:
    """The couple's shared wins, newest first."""
    cursor = await tx.conn.execute(
        "SELECT * FROM wins WHERE couple_id = ? AND status = 'shared' "
        "ORDER BY shared_at DESC, id DESC LIMIT ? OFFSET ?",
        (couple_id, limit, offset),
    )
    return [_win(tx, row) for row in await cursor.fetchall()]


async def count_shared(tx: Tx, couple_id: int) -> int:
    cursor = await tx.conn.execute(
        "SELECT COUNT(*) FROM wins WHERE couple_id = ? AND status = 'shared'", (couple_id,)
    )
    row = await cursor.fetchone()
    return int(row[0]) if row else 0


async def random_shared(tx: Tx, couple_id: int) -> Win | None:
    cursor = await tx.conn.execute(
        "SELECT * FROM wins WHERE couple_id = ? AND status = 'shared' ORDER BY random() LIMIT 1",
        (couple_id,),
    )
    row = await cursor.fetchone()
    return _win(tx, row) if row else None


async def in_couples(tx: Tx, couple_ids: Collection[int]) -> list[Win]:
    """Every win of these couples (for /export)."""
    if not couple_ids:
        return []
    marks = ",".join("?" * len(couple_ids))
    cursor = await tx.conn.execute(
        f"SELECT * FROM wins WHERE couple_id IN ({marks}) ORDER BY id", (*couple_ids,)
    )
    return [_win(tx, row) for row in await cursor.fetchall()]


async def erase_user(tx: Tx, user_id: int, now: datetime) -> None:
    """/delete: the wins the user wrote go."""
    await tx.conn.execute("DELETE FROM wins WHERE author_id = ?", (user_id,))


async def bring_back(tx: Tx, old_couple_id: int, new_couple_id: int) -> None:
    """The same two paired again and want their history back: the wins they shared return."""
    await tx.conn.execute(
        "UPDATE wins SET couple_id = ? WHERE couple_id = ? AND status = 'shared'",
        (new_couple_id, old_couple_id),
    )
