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
    """/delete: the talks the user proposed (and their words) go."""
    await tx.conn.execute("DELETE FROM talks WHERE proposer_id = ?", (user_id,))


async def proposed_by(tx: Tx, user_id: int) -> list[Talk]:
    cursor = await tx.conn.execute(
        "SELECT * FROM talks WHERE proposer_id = ? AND status NOT IN ('writing', 'cancelled') "
        "ORDER BY id",
        (user_id,),
    )
    return [_talk(tx, row) for row in await cursor.fetchall()]
