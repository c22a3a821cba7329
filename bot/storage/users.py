"""Users and their settings."""

from datetime import datetime

import aiosqlite

from bot.kernel.db import Tx, from_ts, to_ts
from bot.kernel.i18n import SOURCE, current
from bot.storage.models import User


def _user(tx: Tx, row: aiosqlite.Row) -> User:
    paused = row["paused_until"]
    return User(
        row["id"],
        tx.open(row["first_name"]),
        row["timezone"],
        paused and from_ts(paused),
        row["language"] or SOURCE,
    )


async def get(tx: Tx, user_id: int) -> User | None:
    cursor = await tx.conn.execute("SELECT * FROM users WHERE id = ?", (user_id,))
    row = await cursor.fetchone()
    return _user(tx, row) if row else None


async def upsert(tx: Tx, user_id: int, first_name: str, now: datetime) -> User:
    """Create the user (speaking the language of the update that brought them), or refresh
    the first name Telegram gave us; a language once stored stays."""
    await tx.conn.execute(
        "INSERT INTO users (id, first_name, created_at, language) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET first_name = excluded.first_name, "
        "language = COALESCE(users.language, excluded.language)",
        (user_id, tx.seal(first_name), to_ts(now), current()),
    )
    user = await get(tx, user_id)
    assert user is not None
    return user


async def language(tx: Tx, user_id: int) -> str | None:
    """The language stored for the user; None for someone Mend has not met (or met before
    it spoke several languages)."""
    cursor = await tx.conn.execute("SELECT language FROM users WHERE id = ?", (user_id,))
    row = await cursor.fetchone()
    return row["language"] if row else None


async def set_language(tx: Tx, user_id: int, language: str) -> None:
    await tx.conn.execute("UPDATE users SET language = ? WHERE id = ?", (language, user_id))


async def set_timezone(tx: Tx, user_id: int, timezone: str) -> None:
    await tx.conn.execute("UPDATE users SET timezone = ? WHERE id = ?", (timezone, user_id))


async def set_paused_until(tx: Tx, user_id: int, until: datetime | None) -> None:
    await tx.conn.execute(
        "UPDATE users SET paused_until = ? WHERE id = ?",
        (until and to_ts(until), user_id),
    )


async def awaiting(tx: Tx, user_id: int) -> tuple[str, datetime] | None:
    """What the user's next plain message is for, and since when; None if nothing."""
    cursor = await tx.conn.execute(
        "SELECT awaiting, awaiting_at FROM users WHERE id = ?", (user_id,)
    )
    row = await cursor.fetchone()
    if row is None or row["awaiting"] is None:
        return None
    return row["awaiting"], from_ts(row["awaiting_at"])


async def set_awaiting(tx: Tx, user_id: int, what: str | None, now: datetime) -> None:
    """Expect the user's next plain message to be ``what`` ("disclose:17"), or nothing."""
    await tx.conn.execute(
        "UPDATE users SET awaiting = ?, awaiting_at = ? WHERE id = ?",
        (what, None if what is None else to_ts(now), user_id),
    )


async def shares_nothing(tx: Tx, user_id: int) -> bool:
    """Did the user choose to tell their partner when they have nothing to share?"""
    cursor = await tx.conn.execute("SELECT share_nothing FROM users WHERE id = ?", (user_id,))
    row = await cursor.fetchone()
    return bool(row and row["share_nothing"])


async def set_shares_nothing(tx: Tx, user_id: int, on: bool) -> None:
    await tx.conn.execute("UPDATE users SET share_nothing = ? WHERE id = ?", (int(on), user_id))
