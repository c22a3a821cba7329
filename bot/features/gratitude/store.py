"""Gratitude SQL: sending an appreciation (the asks themselves are the prompts' store)."""

from datetime import datetime

from bot.features.prompts import Ask, ask_from_row
from bot.kernel.db import Tx, to_ts


async def mark_shared(tx: Tx, ask_id: int, now: datetime) -> None:
    await tx.conn.execute(
        "UPDATE asks SET status = 'sent', shared_at = ? WHERE id = ?", (to_ts(now), ask_id)
    )


async def gratitude_sent_between(
    tx: Tx, user_id: int, since: datetime, until: datetime | None
) -> list[Ask]:
    """Appreciations the user sent while in one couple (so: to that partner)."""
    cursor = await tx.conn.execute(
        "SELECT * FROM asks WHERE user_id = ? AND kind = 'gratitude' AND status = 'sent' "
        "AND shared_at >= ? AND (? IS NULL OR shared_at <= ?) ORDER BY shared_at, id",
        (user_id, to_ts(since), until and to_ts(until), until and to_ts(until)),
    )
    return [ask_from_row(tx, row) for row in await cursor.fetchall()]
