"""Queries of /export and /delete for the features not yet in a package of their own, and the
weekly review setting /remind reads.

/export reads everything one user wrote and everything their partners chose to share with
them; /delete erases what one user wrote. Every query here is keyed by that user's id and
their own couples' ids, never more.
"""

from collections.abc import Collection
from datetime import datetime

from bot.kernel.db import Tx, to_ts
from bot.storage.asks import _ask
from bot.storage.models import (
    Ask,
)


def _marks(values: Collection[object]) -> str:
    return ",".join("?" * len(values))


# --- The weekly review setting (read by /remind) --------------------------------------------


async def review_off(tx: Tx, user_id: int) -> bool:
    """Did the user turn the weekly review off? (Then a check-in time doesn't bring it back.)"""
    cursor = await tx.conn.execute("SELECT review_off FROM users WHERE id = ?", (user_id,))
    row = await cursor.fetchone()
    return bool(row and row["review_off"])


async def set_review_off(tx: Tx, user_id: int, off: bool) -> None:
    await tx.conn.execute("UPDATE users SET review_off = ? WHERE id = ?", (int(off), user_id))


# --- Export ----------------------------------------------------------------------------------


async def asks_of(tx: Tx, user_id: int) -> list[Ask]:
    cursor = await tx.conn.execute("SELECT * FROM asks WHERE user_id = ? ORDER BY id", (user_id,))
    return [_ask(tx, row) for row in await cursor.fetchall()]


async def revealed_checkins(tx: Tx, couple_id: int, user_id: int) -> list[Ask]:
    """A partner's check-in answers of one couple that were shown to the other."""
    cursor = await tx.conn.execute(
        "SELECT * FROM asks WHERE couple_id = ? AND user_id = ? AND kind = 'checkin' "
        "AND revealed_at IS NOT NULL ORDER BY id",
        (couple_id, user_id),
    )
    return [_ask(tx, row) for row in await cursor.fetchall()]


async def gratitude_sent_between(
    tx: Tx, user_id: int, since: datetime, until: datetime | None
) -> list[Ask]:
    """Appreciations the user sent while in one couple (so: to that partner)."""
    cursor = await tx.conn.execute(
        "SELECT * FROM asks WHERE user_id = ? AND kind = 'gratitude' AND status = 'sent' "
        "AND shared_at >= ? AND (? IS NULL OR shared_at <= ?) ORDER BY shared_at, id",
        (user_id, to_ts(since), until and to_ts(until), until and to_ts(until)),
    )
    return [_ask(tx, row) for row in await cursor.fetchall()]


# --- Delete ----------------------------------------------------------------------------------


async def erase_user(tx: Tx, user_id: int, now: datetime) -> None:
    """Erase everything the user wrote, in the caller's transaction.

    Rows only the user's words make up are deleted; rows that also hold the partner's part
    (a topic other rows refer to) keep that part and lose the user's words. The kernel's rows
    (outbox, reminders, invites, the user's own row) are erased after every feature's, by the
    data feature; ending the pairing is the caller's (``pairing.end_couple``).
    """
    statements: list[tuple[str, tuple[object, ...]]] = [
        ("DELETE FROM asks WHERE user_id = ?", (user_id,)),
        ("DELETE FROM nudges WHERE user_id = ?", (user_id,)),
    ]
    for sql, params in statements:
        await tx.conn.execute(sql, params)
