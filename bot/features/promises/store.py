"""Promises: what a partner said they would do, and whether both say it was kept."""

from collections.abc import Collection
from datetime import datetime

import aiosqlite

from bot.features.promises.models import Answer, Promise, Status
from bot.kernel.db import Tx, from_ts, from_ts_or_none, to_ts


def _answer(raw: str | None) -> Answer | None:
    return None if raw is None else Answer(raw)


def _promise(tx: Tx, row: aiosqlite.Row) -> Promise:
    return Promise(
        id=row["id"],
        couple_id=row["couple_id"],
        author_id=row["author_id"],
        body=tx.open_or_none(row["body"]) or "",
        due_at=from_ts_or_none(row["due_at"]),
        status=Status(row["status"]),
        author_says=_answer(row["author_says"]),
        partner_says=_answer(row["partner_says"]),
        created_at=from_ts(row["created_at"]),
        settled_at=from_ts_or_none(row["settled_at"]),
    )


async def _many(tx: Tx, sql: str, params: tuple[object, ...]) -> list[Promise]:
    cursor = await tx.conn.execute(sql, params)
    return [_promise(tx, row) for row in await cursor.fetchall()]


async def create(
    tx: Tx, couple_id: int, author_id: int, body: str, due_at: datetime | None, now: datetime
) -> Promise:
    found = await _many(
        tx,
        "INSERT INTO promises (couple_id, author_id, body, due_at, created_at) "
        "VALUES (?, ?, ?, ?, ?) RETURNING *",
        (couple_id, author_id, tx.seal(body), due_at and to_ts(due_at), to_ts(now)),
    )
    return found[0]


async def get(tx: Tx, promise_id: int) -> Promise | None:
    found = await _many(tx, "SELECT * FROM promises WHERE id = ?", (promise_id,))
    return found[0] if found else None


async def due(tx: Tx, now: datetime, limit: int) -> list[Promise]:
    """Open promises whose time has come."""
    return await _many(
        tx,
        "SELECT * FROM promises WHERE status = 'open' AND due_at IS NOT NULL AND due_at <= ? "
        "ORDER BY due_at LIMIT ?",
        (to_ts(now), limit),
    )


async def undated(tx: Tx, author_ids: list[int], before: datetime) -> list[Promise]:
    """Open promises without a time, made before ``before``: asked at the next check-in."""
    if not author_ids:
        return []
    marks = ",".join("?" * len(author_ids))
    return await _many(
        tx,
        f"SELECT * FROM promises WHERE status = 'open' AND due_at IS NULL "
        f"AND author_id IN ({marks}) AND created_at < ? ORDER BY id",
        (*author_ids, to_ts(before)),
    )


async def of_couple(tx: Tx, couple_id: int, statuses: tuple[Status, ...]) -> list[Promise]:
    marks = ",".join("?" * len(statuses))
    return await _many(
        tx,
        f"SELECT * FROM promises WHERE couple_id = ? AND status IN ({marks}) ORDER BY id",
        (couple_id, *statuses),
    )


async def settled_since(tx: Tx, couple_id: int, since: datetime) -> list[Promise]:
    """The couple's promises both answered about, settled since ``since``."""
    return await _many(
        tx,
        "SELECT * FROM promises WHERE couple_id = ? AND status IN ('kept', 'not_kept', 'differ') "
        "AND settled_at >= ? ORDER BY settled_at",
        (couple_id, to_ts(since)),
    )


async def in_couples(tx: Tx, couple_ids: Collection[int]) -> list[Promise]:
    """Every promise of these couples (for /export)."""
    if not couple_ids:
        return []
    marks = ",".join("?" * len(couple_ids))
    return await _many(
        tx, f"SELECT * FROM promises WHERE couple_id IN ({marks}) ORDER BY id", (*couple_ids,)
    )


async def mark_asking(tx: Tx, promise_id: int, now: datetime) -> None:
    await tx.conn.execute(
        "UPDATE promises SET status = 'asking', asked_at = ? WHERE id = ?",
        (to_ts(now), promise_id),
    )


async def answer(tx: Tx, promise_id: int, by_author: bool, value: Answer) -> Promise:
    """Record the author's or the partner's answer."""
    column = "author_says" if by_author else "partner_says"
    found = await _many(
        tx, f"UPDATE promises SET {column} = ? WHERE id = ? RETURNING *", (value, promise_id)
    )
    return found[0]


async def settle(tx: Tx, promise_id: int, status: Status, now: datetime) -> None:
    await tx.conn.execute(
        "UPDATE promises SET status = ?, settled_at = ? WHERE id = ?",
        (status, to_ts(now), promise_id),
    )


async def cancel_open(tx: Tx, couple_id: int, now: datetime) -> None:
    """The pairing ended: promises not yet settled are no longer asked about."""
    await tx.conn.execute(
        "UPDATE promises SET status = 'cancelled', settled_at = ? "
        "WHERE couple_id = ? AND status IN ('open', 'asking')",
        (to_ts(now), couple_id),
    )


async def erase_user(tx: Tx, user_id: int, now: datetime) -> None:
    """/delete: the promises the user made go."""
    await tx.conn.execute("DELETE FROM promises WHERE author_id = ?", (user_id,))


async def bring_back(tx: Tx, old_couple_id: int, new_couple_id: int) -> None:
    """The same two paired again and want their history back: their earlier promises (all
    settled, or cancelled when that pairing ended) return to the record."""
    await tx.conn.execute(
        "UPDATE promises SET couple_id = ? WHERE couple_id = ? AND status NOT IN "
        "('open', 'asking')",
        (new_couple_id, old_couple_id),
    )
