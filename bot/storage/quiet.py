"""Each person's quiet hours (absent row: the default, 22:00 to 08:00, silent)."""

from bot.domain.quiet import DEFAULT, QuietHours, QuietMode
from bot.kernel.db import Tx


async def get(tx: Tx, user_id: int) -> QuietHours:
    cursor = await tx.conn.execute(
        "SELECT start_minute, end_minute, mode FROM quiet_hours WHERE user_id = ?", (user_id,)
    )
    row = await cursor.fetchone()
    if row is None:
        return DEFAULT
    return QuietHours(row["start_minute"], row["end_minute"], QuietMode(row["mode"]))


async def receiver(tx: Tx, user_id: int) -> tuple[str | None, QuietHours]:
    """A receiver's timezone and quiet hours, in one read (the outbox asks on each relay)."""
    cursor = await tx.conn.execute(
        "SELECT u.timezone, q.start_minute, q.end_minute, q.mode FROM users u "
        "LEFT JOIN quiet_hours q ON q.user_id = u.id WHERE u.id = ?",
        (user_id,),
    )
    row = await cursor.fetchone()
    if row is None:
        return None, DEFAULT
    if row["mode"] is None:
        return row["timezone"], DEFAULT
    hours = QuietHours(row["start_minute"], row["end_minute"], QuietMode(row["mode"]))
    return row["timezone"], hours


async def put(tx: Tx, user_id: int, hours: QuietHours) -> None:
    await tx.conn.execute(
        "INSERT INTO quiet_hours (user_id, start_minute, end_minute, mode) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (user_id) DO UPDATE SET start_minute = excluded.start_minute, "
        "end_minute = excluded.end_minute, mode = excluded.mode",
        (user_id, hours.start, hours.end, hours.mode.value),
    )


async def erase(tx: Tx, user_id: int) -> None:
    await tx.conn.execute("DELETE FROM quiet_hours WHERE user_id = ?", (user_id,))
