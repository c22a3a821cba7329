"""The monthly reflection's own rows: who turned it off. (Its asks are the prompt pipeline's.)"""

from collections.abc import Collection
from datetime import datetime

from bot.kernel.db import Tx


async def is_off(tx: Tx, user_id: int) -> bool:
    cursor = await tx.conn.execute("SELECT 1 FROM monthly_off WHERE user_id = ?", (user_id,))
    return await cursor.fetchone() is not None


async def off_among(tx: Tx, user_ids: Collection[int]) -> set[int]:
    """Those of ``user_ids`` who turned the reflection off (one query for a tick's batch)."""
    if not user_ids:
        return set()
    marks = ",".join("?" * len(user_ids))
    cursor = await tx.conn.execute(
        f"SELECT user_id FROM monthly_off WHERE user_id IN ({marks})", (*user_ids,)
    )
    return {row[0] for row in await cursor.fetchall()}


async def set_off(tx: Tx, user_id: int, off: bool) -> None:
    if off:
        await tx.conn.execute(
            "INSERT INTO monthly_off (user_id) VALUES (?) ON CONFLICT DO NOTHING", (user_id,)
        )
    else:
        await tx.conn.execute("DELETE FROM monthly_off WHERE user_id = ?", (user_id,))


async def erase_user(tx: Tx, user_id: int, now: datetime) -> None:
    """/delete: the setting goes (the answers go with the prompt pipeline's asks)."""
    await tx.conn.execute("DELETE FROM monthly_off WHERE user_id = ?", (user_id,))
