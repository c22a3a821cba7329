"""The settings' own SQL. Reminder rows are read and moved on by the kernel's scheduler
(``bot.storage.reminders``); the user's timezone and pause live on the shared user row."""

from datetime import datetime

from bot.kernel.db import Tx
from bot.storage import quiet


async def erase_user(tx: Tx, user_id: int, now: datetime) -> None:
    """/delete: the user's reminder times and quiet hours go."""
    await tx.conn.execute("DELETE FROM reminders WHERE user_id = ?", (user_id,))
    await quiet.erase(tx, user_id)
