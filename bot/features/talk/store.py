"""The talks table."""

from datetime import datetime

import aiosqlite

from bot.features.talk.models import Slot, Status, Talk
from bot.kernel.db import Tx, from_ts, from_ts_or_none, to_ts


def _talk(tx: Tx, row: aiosqlite.Row) -> Talk:
    return Talk(
        id=row["id"],
        couple_id=row["couple_id"],
        proposer_id=row["proposer_id"],
        slot=Slot(row["slot"]),
        at=from_ts_or_none(row["at"]),
        words=tx.open_or_none(row["words"]),
        status=Status(row["status"]),
        created_at=from_ts(row["created_at"]),
    )


async def create(
    tx: Tx,
    couple_id: int,
    proposer_id: int,
    slot: Slot,
    at: datetime | None,
    status: Status,
    now: datetime,
) -> Talk:
    cursor = await tx.conn.execute(
        "INSERT INTO talks (couple_id, proposer_id, slot, at, status, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (couple_id, proposer_id, slot, None if at is None else to_ts(at), status, to_ts(now)),
    )
    assert cursor.lastrowid is not None
    talk = await get(tx, cursor.lastrowid)
    assert talk is not None
    return talk


async def get(tx: Tx, talk_id: int) -> Talk | None:
    cursor = await tx.conn.execute("SELECT * FROM talks WHERE id = ?", (talk_id,))
    row = await cursor.fetchone()
    return _talk(tx, row) if row else None


async def set_words(tx: Tx, talk_id: int, words: str) -> None:
    await tx.conn.execute(
        "UPDATE talks SET words = ?, status = 'draft' WHERE id = ?", (tx.seal(words), talk_id)
    )


async def set_status(tx: Tx, talk_id: int, status: Status, now: datetime | None = None) -> None:
    await tx.conn.execute(
        "UPDATE talks SET status = ?, answered_at = COALESCE(?, answered_at) WHERE id = ?",
        (status, None if now is None else to_ts(now), talk_id),
    )


async def end_couple(tx: Tx, couple_id: int, now: datetime) -> None:
    """The pairing ended: nothing open between them is answered any more."""
    await tx.conn.execute(
        "UPDATE talks SET status = 'ended' WHERE couple_id = ? "
        "AND status IN ('writing', 'draft', 'proposed')",
        (couple_id,),
    )


async def erase_user(tx: Tx, user_id: int, now: datetime) -> None:
    """/delete: the talks the user proposed (and their words) go, and their reminders."""
    await tx.conn.execute(
        "DELETE FROM talk_reminders WHERE user_id = ? OR talk_id IN "
        "(SELECT id FROM talks WHERE proposer_id = ?)",
        (user_id, user_id),
    )
    await tx.conn.execute("DELETE FROM talks WHERE proposer_id = ?", (user_id,))


async def proposed_by(tx: Tx, user_id: int) -> list[Talk]:
    cursor = await tx.conn.execute(
        "SELECT * FROM talks WHERE proposer_id = ? AND status NOT IN ('writing', 'cancelled') "
        "ORDER BY id",
        (user_id,),
    )
    return [_talk(tx, row) for row in await cursor.fetchall()]


async def add_reminder(tx: Tx, talk_id: int, user_id: int, due_at: datetime) -> bool:
    """Remind the user at ``due_at``; False if they asked already."""
    cursor = await tx.conn.execute(
        "INSERT OR IGNORE INTO talk_reminders (talk_id, user_id, due_at) VALUES (?, ?, ?)",
        (talk_id, user_id, to_ts(due_at)),
    )
    return cursor.rowcount > 0


async def any_reminder_due(tx: Tx, now: datetime) -> bool:
    cursor = await tx.conn.execute(
        "SELECT 1 FROM talk_reminders WHERE sent_at IS NULL AND due_at <= ? LIMIT 1",
        (to_ts(now),),
    )
    return await cursor.fetchone() is not None


async def due_reminders(tx: Tx, now: datetime, limit: int) -> list[tuple[int, int]]:
    """``(talk id, user id)`` of reminders due, oldest first."""
    cursor = await tx.conn.execute(
        "SELECT talk_id, user_id FROM talk_reminders WHERE sent_at IS NULL AND due_at <= ? "
        "ORDER BY due_at LIMIT ?",
        (to_ts(now), limit),
    )
    return [(row["talk_id"], row["user_id"]) for row in await cursor.fetchall()]


async def mark_reminded(tx: Tx, talk_id: int, user_id: int, now: datetime) -> None:
    await tx.conn.execute(
        "UPDATE talk_reminders SET sent_at = ? WHERE talk_id = ? AND user_id = ?",
        (to_ts(now), talk_id, user_id),
    )
