"""/ask's requests for an update (the agreement's own tables are in bot/features/agreement)."""

from datetime import datetime

from bot.kernel.db import Tx, from_ts_or_none, to_ts

# --- /ask -----------------------------------------------------------------------------------


async def last_request(tx: Tx, asker_id: int) -> datetime | None:
    cursor = await tx.conn.execute(
        "SELECT MAX(created_at) FROM update_requests WHERE asker_id = ?", (asker_id,)
    )
    row = await cursor.fetchone()
    return None if row is None else from_ts_or_none(row[0])


async def add_request(tx: Tx, couple_id: int, asker_id: int, now: datetime) -> None:
    await tx.conn.execute(
        "INSERT INTO update_requests (couple_id, asker_id, created_at) VALUES (?, ?, ?)",
        (couple_id, asker_id, to_ts(now)),
    )
