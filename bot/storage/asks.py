"""Asks: a prompt given to one user, and the answer they gave to it."""

from datetime import datetime

import aiosqlite

from bot.kernel.db import Tx, from_ts, from_ts_or_none, to_ts
from bot.storage.models import Ask


def _ask(tx: Tx, row: aiosqlite.Row) -> Ask:
    return Ask(
        id=row["id"],
        user_id=row["user_id"],
        couple_id=row["couple_id"],
        kind=row["kind"],
        prompt_id=row["prompt_id"],
        answer=row["answer"],
        day=row["day"],
        status=row["status"],
        value=row["value"],
        body=tx.open_or_none(row["body"]),
        message_id=row["message_id"],
        created_at=from_ts(row["created_at"]),
        answered_at=from_ts_or_none(row["answered_at"]),
        revealed_at=from_ts_or_none(row["revealed_at"]),
        shared_at=from_ts_or_none(row["shared_at"]),
    )


async def _one(tx: Tx, sql: str, params: tuple[object, ...]) -> Ask | None:
    cursor = await tx.conn.execute(sql, params)
    row = await cursor.fetchone()
    return _ask(tx, row) if row else None


async def create(
    tx: Tx,
    *,
    user_id: int,
    couple_id: int | None,
    kind: str,
    prompt_id: str,
    answer: str,
    day: str,
    now: datetime,
) -> Ask:
    ask = await _one(
        tx,
        "INSERT INTO asks (user_id, couple_id, kind, prompt_id, answer, day, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING *",
        (user_id, couple_id, kind, prompt_id, answer, day, to_ts(now)),
    )
    assert ask is not None
    return ask


async def get(tx: Tx, ask_id: int) -> Ask | None:
    return await _one(tx, "SELECT * FROM asks WHERE id = ?", (ask_id,))


async def for_day(tx: Tx, user_id: int, kind: str, day: str) -> Ask | None:
    """The user's latest ask of this kind on this local day."""
    return await _one(
        tx,
        "SELECT * FROM asks WHERE user_id = ? AND kind = ? AND day = ? ORDER BY id DESC LIMIT 1",
        (user_id, kind, day),
    )


async def by_message(tx: Tx, user_id: int, message_id: int) -> Ask | None:
    return await _one(
        tx, "SELECT * FROM asks WHERE user_id = ? AND message_id = ?", (user_id, message_id)
    )


async def latest_waiting_for_text(tx: Tx, user_id: int, since: datetime) -> Ask | None:
    """The newest ask since ``since`` that a plain text message would answer."""
    return await _one(
        tx,
        "SELECT * FROM asks WHERE user_id = ? AND created_at >= ? AND ("
        "  (status = 'open' AND answer = 'text') OR status = 'noting'"
        ") ORDER BY id DESC LIMIT 1",
        (user_id, to_ts(since)),
    )


async def couple_prompt_for_day(tx: Tx, couple_id: int, kind: str, day: str) -> str | None:
    """The prompt a partner was already given today, so both answer the same question."""
    cursor = await tx.conn.execute(
        "SELECT prompt_id FROM asks WHERE couple_id = ? AND kind = ? AND day = ? "
        "ORDER BY id LIMIT 1",
        (couple_id, kind, day),
    )
    row = await cursor.fetchone()
    return row["prompt_id"] if row else None


async def prompt_usage(tx: Tx, user_ids: tuple[int, ...], kind: str) -> dict[str, int]:
    """How often each prompt of a kind was given to these users."""
    marks = ",".join("?" * len(user_ids))
    cursor = await tx.conn.execute(
        f"SELECT prompt_id, COUNT(*) AS n FROM asks WHERE user_id IN ({marks}) AND kind = ? "
        "GROUP BY prompt_id",
        (*user_ids, kind),
    )
    return {row["prompt_id"]: row["n"] for row in await cursor.fetchall()}


async def shared_days(tx: Tx, couple_id: int, user_id: int) -> int:
    """Days on which both partners of the couple answered the check-in."""
    cursor = await tx.conn.execute(
        "SELECT COUNT(*) FROM asks WHERE couple_id = ? AND user_id = ? AND kind = 'checkin' "
        "AND revealed_at IS NOT NULL",
        (couple_id, user_id),
    )
    row = await cursor.fetchone()
    return int(row[0]) if row else 0


async def update(
    tx: Tx,
    ask_id: int,
    *,
    status: str,
    now: datetime,
    value: int | None = None,
    body: str | None = None,
) -> Ask:
    """Record an answer step; value and body are kept when not given."""
    ask = await _one(
        tx,
        "UPDATE asks SET status = ?, answered_at = ?, value = COALESCE(?, value), "
        "body = COALESCE(?, body), remind_at = NULL WHERE id = ? RETURNING *",
        (status, to_ts(now), value, None if body is None else tx.seal(body), ask_id),
    )
    assert ask is not None
    return ask


async def set_status(tx: Tx, ask_id: int, status: str) -> None:
    await tx.conn.execute(
        "UPDATE asks SET status = ?, remind_at = NULL WHERE id = ?", (status, ask_id)
    )


async def set_message(tx: Tx, ask_id: int, message_id: int) -> None:
    await tx.conn.execute("UPDATE asks SET message_id = ? WHERE id = ?", (message_id, ask_id))


async def set_remind_at(tx: Tx, ask_id: int, when: datetime) -> None:
    await tx.conn.execute("UPDATE asks SET remind_at = ? WHERE id = ?", (to_ts(when), ask_id))


async def clear_remind_at(tx: Tx, ask_id: int) -> None:
    await tx.conn.execute("UPDATE asks SET remind_at = NULL WHERE id = ?", (ask_id,))


async def due_reminders(tx: Tx, now: datetime, limit: int) -> list[Ask]:
    """Asks whose "remind me later" time has come."""
    cursor = await tx.conn.execute(
        "SELECT * FROM asks WHERE remind_at IS NOT NULL AND remind_at <= ? "
        "ORDER BY remind_at, id LIMIT ?",
        (to_ts(now), limit),
    )
    return [_ask(tx, row) for row in await cursor.fetchall()]


async def mark_revealed(tx: Tx, ask_ids: tuple[int, ...], now: datetime) -> None:
    await tx.conn.executemany(
        "UPDATE asks SET revealed_at = ? WHERE id = ?", [(to_ts(now), i) for i in ask_ids]
    )


async def mark_shared(tx: Tx, ask_id: int, now: datetime) -> None:
    await tx.conn.execute(
        "UPDATE asks SET status = 'sent', shared_at = ? WHERE id = ?", (to_ts(now), ask_id)
    )


async def add_nudge(tx: Tx, user_id: int, day: str) -> bool:
    """Remember a partner-checked-in note for this user and day; False if already sent."""
    cursor = await tx.conn.execute(
        "INSERT OR IGNORE INTO nudges (user_id, day) VALUES (?, ?)", (user_id, day)
    )
    return cursor.rowcount > 0
