"""Check-in SQL: revealed answers and partner nudges (the asks are the prompts' store)."""

from datetime import datetime

from bot.features.prompts import Ask, ask_from_row
from bot.kernel.db import Tx


async def revealed_checkins(tx: Tx, couple_id: int, user_id: int) -> list[Ask]:
    """A partner's check-in answers of one couple that were shown to the other."""
    cursor = await tx.conn.execute(
        "SELECT * FROM asks WHERE couple_id = ? AND user_id = ? AND kind = 'checkin' "
        "AND revealed_at IS NOT NULL ORDER BY id",
        (couple_id, user_id),
    )
    return [ask_from_row(tx, row) for row in await cursor.fetchall()]


async def add_nudge(tx: Tx, user_id: int, day: str) -> bool:
    """Remember a partner-checked-in note for this user and day; False if already sent."""
    cursor = await tx.conn.execute(
        "INSERT OR IGNORE INTO nudges (user_id, day) VALUES (?, ?)", (user_id, day)
    )
    return cursor.rowcount > 0


async def erase_user(tx: Tx, user_id: int, now: datetime) -> None:
    """/delete: the user's nudges go (their answers go with the prompts' asks)."""
    await tx.conn.execute("DELETE FROM nudges WHERE user_id = ?", (user_id,))
