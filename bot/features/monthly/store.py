"""The monthly reflection's own rows: who turned it off. (Its asks are the prompt pipeline's.)"""

from collections.abc import Collection
from datetime import datetime

from bot.kernel.db import Tx


async def pairing_days(tx: Tx, user_ids: Collection[int]) -> list[tuple[int, str, int]]:
    """(user id, timezone, when their couple paired, Unix seconds) for those of ``user_ids``
    who are paired, have a timezone and have not turned the reflection off: one light query
    for a tick's batch (nothing decrypted)."""
    if not user_ids:
        return []
    marks = ",".join("?" * len(user_ids))
    cursor = await tx.conn.execute(
        " UNION ALL ".join(
            "SELECT u.id, u.timezone, c.created_at FROM couples c "
            f"JOIN users u ON u.id = c.{member} "
            f"WHERE c.ended_at IS NULL AND c.{member} IN ({marks}) AND u.timezone IS NOT NULL "
            "AND u.id NOT IN (SELECT user_id FROM monthly_off)"
            for member in ("inviter_id", "joiner_id")
        ),
        (*user_ids, *user_ids),
    )
    return [(row[0], row[1], row[2]) for row in await cursor.fetchall()]


async def is_off(tx: Tx, user_id: int) -> bool:
    cursor = await tx.conn.execute("SELECT 1 FROM monthly_off WHERE user_id = ?", (user_id,))
    return await cursor.fetchone() is not None


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
