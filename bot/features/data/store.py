"""The SQL of the user's own data: their pairings (the export's frame), and the kernel's rows
/delete erases after every feature has erased its own."""

from datetime import datetime

from bot.kernel.db import Tx, from_ts, from_ts_or_none
from bot.storage.models import Couple


async def couples_of(tx: Tx, user_id: int) -> list[tuple[Couple, datetime | None]]:
    """Every couple the user has been in, with when it ended (None: still together)."""
    cursor = await tx.conn.execute(
        "SELECT * FROM couples WHERE inviter_id = ? OR joiner_id = ? ORDER BY id",
        (user_id, user_id),
    )
    return [
        (
            Couple(row["id"], row["inviter_id"], row["joiner_id"], from_ts(row["created_at"])),
            from_ts_or_none(row["ended_at"]),
        )
        for row in await cursor.fetchall()
    ]


async def erase_kernel_rows(tx: Tx, user_id: int, now: datetime) -> None:
    """Erase the user's rows no feature owns: messages to or from them still in the outbox, and
    their own row (name and settings). Reminders and invites are settings' and pairing's."""
    statements: list[tuple[str, tuple[object, ...]]] = [
        (
            "UPDATE outbox SET status = 'cancelled', body = NULL "
            "WHERE status IN ('pending', 'waiting') AND (chat_id = ? OR author_id = ?)",
            (user_id, user_id),
        ),
        ("DELETE FROM shown_buttons WHERE chat_id = ?", (user_id,)),
        # Sent, blocked and failed rows have no body left; be sure of it.
        ("UPDATE outbox SET body = NULL WHERE chat_id = ? OR author_id = ?", (user_id, user_id)),
        (
            "UPDATE users SET first_name = ?, timezone = NULL, paused_until = NULL, "
            "awaiting = NULL, awaiting_at = NULL, share_nothing = 0, review_off = 0 WHERE id = ?",
            (tx.seal(""), user_id),
        ),
    ]
    for sql, params in statements:
        await tx.conn.execute(sql, params)
