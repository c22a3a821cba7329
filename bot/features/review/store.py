"""The weekly review's SQL: the requests the tick records, and the counts a review reads.

The counts read other features' tables (check-ins and appreciations in ``asks``,
``disclosures``, ``promises``, ``wins``), read-only, for one couple and one period.
"""

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from bot.kernel.db import Tx, from_ts, to_ts


def _marks(values: Collection[object]) -> str:
    return ",".join("?" * len(values))


# --- Requests: a review promised by the tick, rendered into the outbox ----------------------


@dataclass(frozen=True, slots=True)
class ReviewRequest:
    id: int
    user_id: int
    weeks: int
    until_at: datetime  # the review covers the weeks before this instant


async def add_requests(
    tx: Tx, wanted: Collection[tuple[int, datetime]], weeks: int, now: datetime
) -> int:
    """Record a review of ``weeks`` for each (user, until) pair whose user has a timezone and
    is not paused at ``now``; returns how many were recorded."""
    if not wanted:
        return 0
    ids = {user_id for user_id, _ in wanted}
    cursor = await tx.conn.execute(
        f"SELECT id FROM users WHERE id IN ({_marks(ids)}) AND timezone IS NOT NULL "
        "AND (paused_until IS NULL OR paused_until <= ?)",
        (*ids, to_ts(now)),
    )
    ready = {row["id"] for row in await cursor.fetchall()}
    rows = [
        (user_id, weeks, to_ts(until), to_ts(now)) for user_id, until in wanted if user_id in ready
    ]
    await tx.conn.executemany(
        "INSERT INTO review_requests (user_id, weeks, until_at, created_at) VALUES (?, ?, ?, ?)",
        rows,
    )
    return len(rows)


async def pending_requests(
    tx: Tx, now: datetime, limit: int, skip: Collection[int] = ()
) -> list[ReviewRequest]:
    """Requests to render now, oldest first (``created_at`` doubles as "not before": a request
    whose rendering failed is put back with a later one, see :func:`retry_request_later`)."""
    cursor = await tx.conn.execute(
        "SELECT id, user_id, weeks, until_at FROM review_requests WHERE created_at <= ? "
        "ORDER BY id LIMIT ?",
        (to_ts(now), limit + len(skip)),
    )
    found = [
        ReviewRequest(row["id"], row["user_id"], row["weeks"], from_ts(row["until_at"]))
        for row in await cursor.fetchall()
        if row["id"] not in skip
    ]
    return found[:limit]


async def take_request(tx: Tx, request_id: int) -> bool:
    """Delete a request as its messages are written; False if it was already taken."""
    cursor = await tx.conn.execute("DELETE FROM review_requests WHERE id = ?", (request_id,))
    return cursor.rowcount > 0


async def retry_request_later(tx: Tx, request_id: int, at: datetime) -> None:
    await tx.conn.execute(
        "UPDATE review_requests SET created_at = ? WHERE id = ?", (to_ts(at), request_id)
    )


# --- The review's counts ---------------------------------------------------------------------


async def score_days(
    tx: Tx, couple_id: int, user_id: int, partner_id: int, first_day: str, last_day: str
) -> dict[str, tuple[int, int, str]]:
    """Local day -> (the user's score, the partner's, the user's question) for days both
    answered a 1-10 check-in and both answers were revealed (as in the reveal: the partner's
    ask of the same day)."""
    cursor = await tx.conn.execute(
        "SELECT a.day, a.value AS mine, b.value AS theirs, a.prompt_id FROM asks a JOIN asks b "
        "ON b.couple_id = a.couple_id AND b.kind = 'checkin' AND b.day = a.day "
        "AND b.user_id = ? AND b.revealed_at IS NOT NULL "
        "WHERE a.couple_id = ? AND a.kind = 'checkin' AND a.day BETWEEN ? AND ? "
        "AND a.user_id = ? AND a.revealed_at IS NOT NULL "
        "AND a.answer = 'scale' AND b.answer = 'scale' "
        "AND a.value IS NOT NULL AND b.value IS NOT NULL ORDER BY a.day, a.id",
        (partner_id, couple_id, first_day, last_day, user_id),
    )
    return {
        row["day"]: (row["mine"], row["theirs"], row["prompt_id"])
        for row in await cursor.fetchall()
    }


async def both_days(
    tx: Tx, couple_id: int, user_id: int, last_day: str, limit: int, first_day: str = ""
) -> list[str]:
    """The local days (newest first) on which both partners checked in, in any answer form."""
    cursor = await tx.conn.execute(
        "SELECT DISTINCT day FROM asks WHERE couple_id = ? AND kind = 'checkin' "
        "AND user_id = ? AND revealed_at IS NOT NULL AND day BETWEEN ? AND ? "
        "ORDER BY day DESC LIMIT ?",
        (couple_id, user_id, first_day, last_day, limit),
    )
    return [row["day"] for row in await cursor.fetchall()]


async def _count(tx: Tx, sql: str, params: tuple[object, ...]) -> int:
    cursor = await tx.conn.execute(sql, params)
    row = await cursor.fetchone()
    return int(row[0]) if row else 0


async def gratitude_sent(
    tx: Tx, user_ids: Collection[int], since: datetime, until: datetime
) -> int:
    """Appreciations these users sent in the period (the two partners': counted together)."""
    return await _count(
        tx,
        f"SELECT COUNT(*) FROM asks WHERE user_id IN ({_marks(user_ids)}) AND kind = 'gratitude' "
        "AND status = 'sent' AND shared_at >= ? AND shared_at < ?",
        (*user_ids, to_ts(since), to_ts(until)),
    )


async def disclosures_shared(tx: Tx, couple_id: int, since: datetime, until: datetime) -> int:
    """Disclosures sent under the agreement (past their undo window) in the period."""
    return await _count(
        tx,
        "SELECT COUNT(*) FROM disclosures WHERE couple_id = ? "
        "AND kind = 'disclosure' AND status = 'sent' AND deliver_at >= ? AND deliver_at < ?",
        (couple_id, to_ts(since), to_ts(until)),
    )


async def promises_kept(tx: Tx, couple_id: int, since: datetime, until: datetime) -> int:
    """Promises both agreed were kept, settled in the period."""
    return await _count(
        tx,
        "SELECT COUNT(*) FROM promises WHERE couple_id = ? AND status = 'kept' "
        "AND settled_at >= ? AND settled_at < ?",
        (couple_id, to_ts(since), to_ts(until)),
    )


async def wins_shared(tx: Tx, couple_id: int, since: datetime, until: datetime) -> int:
    cursor = await tx.conn.execute(
        "SELECT COUNT(*) FROM wins WHERE couple_id = ? AND status = 'shared' "
        "AND shared_at >= ? AND shared_at < ?",
        (couple_id, to_ts(since), to_ts(until)),
    )
    row = await cursor.fetchone()
    return int(row[0]) if row else 0


# --- Delete ----------------------------------------------------------------------------------


async def erase_user(tx: Tx, user_id: int, now: datetime) -> None:
    """Forget the reviews still to be rendered for the user."""
    await tx.conn.execute("DELETE FROM review_requests WHERE user_id = ?", (user_id,))


# --- The weekly review setting (read and set by /remind, through the package face) ----------


async def review_off(tx: Tx, user_id: int) -> bool:
    """Did the user turn the weekly review off? (Then a check-in time doesn't bring it back.)"""
    cursor = await tx.conn.execute("SELECT review_off FROM users WHERE id = ?", (user_id,))
    row = await cursor.fetchone()
    return bool(row and row["review_off"])


async def set_review_off(tx: Tx, user_id: int, off: bool) -> None:
    await tx.conn.execute("UPDATE users SET review_off = ? WHERE id = ?", (int(off), user_id))
