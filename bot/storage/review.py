"""Queries of the weekly review, /export and /delete.

The review reads counts for one couple and one period; /export reads everything one user
wrote and everything their partners chose to share with them; /delete erases what one user
wrote. Every query here is keyed by that user's id and their own couples' ids, never more.
"""

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from bot.kernel.db import Tx, from_ts, from_ts_or_none, to_ts
from bot.storage.agreements import _topic
from bot.storage.disclosures import _disclosure
from bot.storage.models import (
    Couple,
    Disclosure,
    JournalEntry,
    Promise,
    RepairChange,
    Topic,
    Win,
)


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


async def review_off(tx: Tx, user_id: int) -> bool:
    """Did the user turn the weekly review off? (Then a check-in time doesn't bring it back.)"""
    cursor = await tx.conn.execute("SELECT review_off FROM users WHERE id = ?", (user_id,))
    row = await cursor.fetchone()
    return bool(row and row["review_off"])


async def set_review_off(tx: Tx, user_id: int, off: bool) -> None:
    await tx.conn.execute("UPDATE users SET review_off = ? WHERE id = ?", (int(off), user_id))


# --- The review's counts ---------------------------------------------------------------------


async def score_days(
    tx: Tx, couple_id: int, user_id: int, partner_id: int, first_day: str, last_day: str
) -> dict[str, tuple[int, int]]:
    """Local day -> (the user's score, the partner's) for days both answered a 1-10 check-in
    and both answers were revealed (as in the reveal: the partner's ask of the same day)."""
    cursor = await tx.conn.execute(
        "SELECT a.day, a.value AS mine, b.value AS theirs FROM asks a JOIN asks b "
        "ON b.couple_id = a.couple_id AND b.kind = 'checkin' AND b.day = a.day "
        "AND b.user_id = ? AND b.revealed_at IS NOT NULL "
        "WHERE a.couple_id = ? AND a.kind = 'checkin' AND a.day BETWEEN ? AND ? "
        "AND a.user_id = ? AND a.revealed_at IS NOT NULL "
        "AND a.answer = 'scale' AND b.answer = 'scale' "
        "AND a.value IS NOT NULL AND b.value IS NOT NULL ORDER BY a.day, a.id",
        (partner_id, couple_id, first_day, last_day, user_id),
    )
    return {row["day"]: (row["mine"], row["theirs"]) for row in await cursor.fetchall()}


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


async def gratitude_sent(tx: Tx, user_id: int, since: datetime, until: datetime) -> int:
    cursor = await tx.conn.execute(
        "SELECT COUNT(*) FROM asks WHERE user_id = ? AND kind = 'gratitude' AND status = 'sent' "
        "AND shared_at >= ? AND shared_at < ?",
        (user_id, to_ts(since), to_ts(until)),
    )
    row = await cursor.fetchone()
    return int(row[0]) if row else 0


async def _by_author(tx: Tx, sql: str, params: tuple[object, ...]) -> dict[int, int]:
    cursor = await tx.conn.execute(sql, params)
    return {row[0]: int(row[1]) for row in await cursor.fetchall()}


async def disclosures_shared(
    tx: Tx, couple_id: int, since: datetime, until: datetime
) -> dict[int, int]:
    """Author -> disclosures sent under the agreement (past their undo window) in the period."""
    return await _by_author(
        tx,
        "SELECT author_id, COUNT(*) FROM disclosures WHERE couple_id = ? "
        "AND kind = 'disclosure' AND status = 'sent' AND deliver_at >= ? AND deliver_at < ? "
        "GROUP BY author_id",
        (couple_id, to_ts(since), to_ts(until)),
    )


async def promises_kept(
    tx: Tx, couple_id: int, since: datetime, until: datetime
) -> dict[int, int]:
    """Author -> promises both agreed were kept, settled in the period."""
    return await _by_author(
        tx,
        "SELECT author_id, COUNT(*) FROM promises WHERE couple_id = ? AND status = 'kept' "
        "AND settled_at >= ? AND settled_at < ? GROUP BY author_id",
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


# --- Export ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RepairStep:
    couple_id: int
    position: int
    body: str
    author_id: int | None


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


async def disclosures_in(tx: Tx, couple_ids: Collection[int]) -> list[Disclosure]:
    if not couple_ids:
        return []
    cursor = await tx.conn.execute(
        f"SELECT * FROM disclosures WHERE couple_id IN ({_marks(couple_ids)}) ORDER BY id",
        (*couple_ids,),
    )
    return [_disclosure(tx, row) for row in await cursor.fetchall()]


async def topics_in(tx: Tx, couple_ids: Collection[int]) -> list[Topic]:
    if not couple_ids:
        return []
    cursor = await tx.conn.execute(
        f"SELECT * FROM topics WHERE couple_id IN ({_marks(couple_ids)}) ORDER BY id",
        (*couple_ids,),
    )
    return [_topic(tx, row) for row in await cursor.fetchall()]


async def promises_in(tx: Tx, couple_ids: Collection[int]) -> list[Promise]:
    if not couple_ids:
        return []
    cursor = await tx.conn.execute(
        f"SELECT * FROM promises WHERE couple_id IN ({_marks(couple_ids)}) ORDER BY id",
        (*couple_ids,),
    )
    return [
        Promise(
            row["id"],
            row["couple_id"],
            row["author_id"],
            tx.open_or_none(row["body"]) or "",
            from_ts_or_none(row["due_at"]),
            row["status"],
            row["author_says"],
            row["partner_says"],
            from_ts(row["created_at"]),
            from_ts_or_none(row["settled_at"]),
        )
        for row in await cursor.fetchall()
    ]


async def wins_in(tx: Tx, couple_ids: Collection[int]) -> list[Win]:
    if not couple_ids:
        return []
    cursor = await tx.conn.execute(
        f"SELECT * FROM wins WHERE couple_id IN ({_marks(couple_ids)}) ORDER BY id",
        (*couple_ids,),
    )
    return [
        Win(
            row["id"],
            row["couple_id"],
            row["author_id"],
            tx.open_or_none(row["body"]) or "",
            row["status"],
            from_ts(row["created_at"]),
            from_ts_or_none(row["shared_at"]),
        )
        for row in await cursor.fetchall()
    ]


async def journal_of(tx: Tx, user_id: int) -> list[JournalEntry]:
    cursor = await tx.conn.execute(
        "SELECT * FROM journal WHERE user_id = ? ORDER BY id", (user_id,)
    )
    return [
        JournalEntry(row["id"], tx.open(row["body"]), from_ts(row["created_at"]))
        for row in await cursor.fetchall()
    ]


async def repair_steps_in(tx: Tx, couple_ids: Collection[int]) -> list[RepairStep]:
    if not couple_ids:
        return []
    cursor = await tx.conn.execute(
        f"SELECT * FROM repair_steps WHERE couple_id IN ({_marks(couple_ids)}) "
        "ORDER BY couple_id, position, id",
        (*couple_ids,),
    )
    return [
        RepairStep(row["couple_id"], row["position"], tx.open(row["body"]), row["author_id"])
        for row in await cursor.fetchall()
    ]


async def repair_changes_by(tx: Tx, user_id: int) -> list[RepairChange]:
    cursor = await tx.conn.execute(
        "SELECT * FROM repair_changes WHERE author_id = ? ORDER BY id", (user_id,)
    )
    return [
        RepairChange(
            row["id"],
            row["couple_id"],
            row["author_id"],
            row["action"],
            row["position"],
            tx.open_or_none(row["body"]),
            row["status"],
            from_ts(row["created_at"]),
            from_ts_or_none(row["decided_at"]),
        )
        for row in await cursor.fetchall()
    ]


# --- Delete ----------------------------------------------------------------------------------


async def erase_user(tx: Tx, user_id: int, now: datetime) -> None:
    """Erase everything the user wrote, in the caller's transaction.

    Rows only the user's words make up are deleted; rows that also hold the partner's part
    (a disclosure and the partner's answer to it, a topic other rows refer to) keep that part
    and lose the user's words. Ending the pairing is the caller's (``pairing.end_couple``).
    """
    sealed_empty = tx.seal("")
    statements: list[tuple[str, tuple[object, ...]]] = [
        (
            "UPDATE disclosures SET body = NULL, voice = NULL, "
            "status = CASE WHEN status = 'sent' THEN 'sent' ELSE 'cancelled' END "
            "WHERE author_id = ?",
            (user_id,),
        ),
        (
            "UPDATE disclosures SET ack_note = NULL WHERE ack_note IS NOT NULL AND couple_id IN "
            "(SELECT id FROM couples WHERE inviter_id = ? OR joiner_id = ?) AND author_id != ?",
            (user_id, user_id, user_id),
        ),
        ("UPDATE topics SET title = ? WHERE proposed_by = ?", (sealed_empty, user_id)),
        ("DELETE FROM consents WHERE user_id = ?", (user_id,)),
        ("DELETE FROM renewals WHERE user_id = ?", (user_id,)),
        ("DELETE FROM update_requests WHERE asker_id = ?", (user_id,)),
        ("DELETE FROM promises WHERE author_id = ?", (user_id,)),
        ("DELETE FROM wins WHERE author_id = ?", (user_id,)),
        ("DELETE FROM journal WHERE user_id = ?", (user_id,)),
        ("DELETE FROM repair_steps WHERE author_id = ?", (user_id,)),
        ("DELETE FROM repair_changes WHERE author_id = ?", (user_id,)),
        (
            "UPDATE outbox SET status = 'cancelled', body = NULL "
            "WHERE status = 'pending' AND (chat_id = ? OR author_id = ?)",
            (user_id, user_id),
        ),
        # Sent, blocked and failed rows have no body left; be sure of it.
        ("UPDATE outbox SET body = NULL WHERE chat_id = ? OR author_id = ?", (user_id, user_id)),
        ("DELETE FROM reminders WHERE user_id = ?", (user_id,)),
        ("DELETE FROM review_requests WHERE user_id = ?", (user_id,)),
        (
            "UPDATE invites SET closed_at = COALESCE(closed_at, ?) WHERE inviter_id = ?",
            (to_ts(now), user_id),
        ),
        (
            "UPDATE users SET first_name = ?, timezone = NULL, paused_until = NULL, "
            "awaiting = NULL, awaiting_at = NULL, share_nothing = 0, review_off = 0 WHERE id = ?",
            (sealed_empty, user_id),
        ),
    ]
    for sql, params in statements:
        await tx.conn.execute(sql, params)
