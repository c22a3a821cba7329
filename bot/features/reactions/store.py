"""The reactions table."""

from datetime import datetime

import aiosqlite

from bot.features.reactions.models import Choice, Reaction, Status, Subject
from bot.kernel.db import Tx, from_ts, from_ts_or_none, to_ts


def _reaction(tx: Tx, row: aiosqlite.Row) -> Reaction:
    return Reaction(
        id=row["id"],
        couple_id=row["couple_id"],
        from_id=row["from_id"],
        to_id=row["to_id"],
        subject=Subject(row["subject"]),
        choice=Choice(row["reaction"]) if row["reaction"] else None,
        note=tx.open_or_none(row["note"]),
        status=Status(row["status"]),
        created_at=from_ts(row["created_at"]),
        sent_at=from_ts_or_none(row["sent_at"]),
    )


async def create(
    tx: Tx, couple_id: int, from_id: int, to_id: int, subject: Subject, now: datetime
) -> int:
    cursor = await tx.conn.execute(
        "INSERT INTO reactions (couple_id, from_id, to_id, subject, created_at) "
        "VALUES (?, ?, ?, ?, ?)",
        (couple_id, from_id, to_id, subject, to_ts(now)),
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


async def get(tx: Tx, reaction_id: int) -> Reaction | None:
    cursor = await tx.conn.execute("SELECT * FROM reactions WHERE id = ?", (reaction_id,))
    row = await cursor.fetchone()
    return _reaction(tx, row) if row else None


async def choose(tx: Tx, reaction_id: int, choice: Choice) -> None:
    await tx.conn.execute(
        "UPDATE reactions SET reaction = ?, note = NULL, status = 'chosen' WHERE id = ?",
        (choice, reaction_id),
    )


async def note(tx: Tx, reaction_id: int, text: str) -> None:
    await tx.conn.execute(
        "UPDATE reactions SET note = ?, status = 'draft' WHERE id = ?",
        (tx.seal(text), reaction_id),
    )


async def put_back(tx: Tx, reaction_id: int) -> None:
    await tx.conn.execute(
        "UPDATE reactions SET reaction = NULL, note = NULL, status = 'offered' WHERE id = ?",
        (reaction_id,),
    )


async def mark_sent(tx: Tx, reaction_id: int, now: datetime) -> None:
    await tx.conn.execute(
        "UPDATE reactions SET status = 'sent', sent_at = ? WHERE id = ?",
        (to_ts(now), reaction_id),
    )


async def end_couple(tx: Tx, couple_id: int, now: datetime) -> None:
    """The pairing ended: what was not sent will not be."""
    await tx.conn.execute(
        "UPDATE reactions SET status = 'ended', note = NULL "
        "WHERE couple_id = ? AND status != 'sent'",
        (couple_id,),
    )


async def erase_user(tx: Tx, user_id: int, now: datetime) -> None:
    """/delete: the user's answers (and notes) go; their partner's stay."""
    await tx.conn.execute("DELETE FROM reactions WHERE from_id = ?", (user_id,))


async def sent_by(tx: Tx, user_id: int) -> list[Reaction]:
    cursor = await tx.conn.execute(
        "SELECT * FROM reactions WHERE from_id = ? AND status = 'sent' ORDER BY id", (user_id,)
    )
    return [_reaction(tx, row) for row in await cursor.fetchall()]
