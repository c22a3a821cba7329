"""Invites: the single-use codes that make a couple (the couples themselves are the kernel's,
in ``bot.storage.couples``)."""

from dataclasses import dataclass
from datetime import datetime

import aiosqlite

from bot.kernel.db import Tx, from_ts, to_ts
from bot.storage.models import Couple


@dataclass(frozen=True, slots=True)
class Invite:
    id: int
    inviter_id: int
    expires_at: datetime
    used_by: int | None
    closed_at: datetime | None


def _invite(row: aiosqlite.Row) -> Invite:
    closed = row["closed_at"]
    return Invite(
        row["id"],
        row["inviter_id"],
        from_ts(row["expires_at"]),
        row["used_by"],
        closed and from_ts(closed),
    )


async def create_invite(
    tx: Tx, code_hash: bytes, inviter_id: int, now: datetime, expires_at: datetime
) -> None:
    """Store a new invite, closing any the inviter made before (one open invite each)."""
    await tx.conn.execute(
        "UPDATE invites SET closed_at = ? WHERE inviter_id = ? AND closed_at IS NULL",
        (to_ts(now), inviter_id),
    )
    await tx.conn.execute(
        "INSERT INTO invites (code_hash, inviter_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
        (code_hash, inviter_id, to_ts(now), to_ts(expires_at)),
    )


async def invite_by_hash(tx: Tx, code_hash: bytes) -> Invite | None:
    cursor = await tx.conn.execute("SELECT * FROM invites WHERE code_hash = ?", (code_hash,))
    row = await cursor.fetchone()
    return _invite(row) if row else None


async def close_invite(tx: Tx, invite_id: int, used_by: int | None, now: datetime) -> None:
    await tx.conn.execute(
        "UPDATE invites SET used_by = ?, closed_at = ? WHERE id = ?",
        (used_by, to_ts(now), invite_id),
    )


# --- Shared history across pairings -----------------------------------------------------------


async def earlier_couples(tx: Tx, couple: Couple) -> list[int]:
    """The ended couples of the same two people, oldest first, whose history may come back
    (not after either used /delete)."""
    cursor = await tx.conn.execute(
        "SELECT id FROM couples WHERE id < ? AND ended_at IS NOT NULL "
        "AND history_forgotten_at IS NULL "
        "AND ((inviter_id = ? AND joiner_id = ?) OR (inviter_id = ? AND joiner_id = ?)) "
        "ORDER BY id",
        (couple.id, couple.inviter_id, couple.joiner_id, couple.joiner_id, couple.inviter_id),
    )
    return [row["id"] for row in await cursor.fetchall()]


async def ask_history(tx: Tx, couple: Couple, now: datetime) -> None:
    await tx.conn.executemany(
        "INSERT INTO restores (couple_id, user_id, asked_at) VALUES (?, ?, ?)",
        [(couple.id, member, to_ts(now)) for member in (couple.inviter_id, couple.joiner_id)],
    )


async def history_answers(tx: Tx, couple_id: int) -> dict[int, str | None]:
    """Each partner's answer ("yes", "no", or None: not yet); {} if they were never asked."""
    cursor = await tx.conn.execute(
        "SELECT user_id, answer FROM restores WHERE couple_id = ?", (couple_id,)
    )
    return {row["user_id"]: row["answer"] for row in await cursor.fetchall()}


async def answer_history(tx: Tx, couple_id: int, user_id: int, answer: str, now: datetime) -> bool:
    """Record an answer; False if this user had answered already (a double tap)."""
    cursor = await tx.conn.execute(
        "UPDATE restores SET answer = ?, answered_at = ? "
        "WHERE couple_id = ? AND user_id = ? AND answer IS NULL",
        (answer, to_ts(now), couple_id, user_id),
    )
    return cursor.rowcount > 0


async def erase_user(tx: Tx, user_id: int, now: datetime) -> None:
    """/delete: close the user's open invites, so no one can pair with them any more; their
    pairings' shared history is never offered back, and their answers about it go."""
    await tx.conn.execute(
        "UPDATE invites SET closed_at = COALESCE(closed_at, ?) WHERE inviter_id = ?",
        (to_ts(now), user_id),
    )
    await tx.conn.execute(
        "UPDATE couples SET history_forgotten_at = COALESCE(history_forgotten_at, ?) "
        "WHERE inviter_id = ? OR joiner_id = ?",
        (to_ts(now), user_id, user_id),
    )
    await tx.conn.execute("DELETE FROM restores WHERE user_id = ?", (user_id,))
