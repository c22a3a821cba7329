"""Disclosures (what a partner shared under the agreement, and the answer they got) and the
/ask requests."""

from collections.abc import Collection
from datetime import datetime

import aiosqlite

from bot.features.disclosure.models import Ack, Disclosure, Kind, Status
from bot.kernel.db import Tx, from_ts, from_ts_or_none, to_ts


def _disclosure(tx: Tx, row: aiosqlite.Row) -> Disclosure:
    return Disclosure(
        id=row["id"],
        couple_id=row["couple_id"],
        author_id=row["author_id"],
        topic_id=row["topic_id"],
        kind=Kind(row["kind"]),
        status=Status(row["status"]),
        body=tx.open_or_none(row["body"]),
        voice=tx.open_or_none(row["voice"]),
        created_at=from_ts(row["created_at"]),
        written_at=from_ts_or_none(row["written_at"]),
        deliver_at=from_ts_or_none(row["deliver_at"]),
        outbox_id=row["outbox_id"],
        ack=None if row["ack"] is None else Ack(row["ack"]),
        ack_note=tx.open_or_none(row["ack_note"]),
        acked_at=from_ts_or_none(row["acked_at"]),
        ack_sent_at=from_ts_or_none(row["ack_sent_at"]),
    )


async def _one(tx: Tx, sql: str, params: tuple[object, ...]) -> Disclosure | None:
    cursor = await tx.conn.execute(sql, params)
    row = await cursor.fetchone()
    return _disclosure(tx, row) if row else None


async def create(
    tx: Tx,
    couple_id: int,
    author_id: int,
    topic_id: int | None,
    kind: Kind,
    status: Status,
    now: datetime,
) -> Disclosure:
    found = await _one(
        tx,
        "INSERT INTO disclosures (couple_id, author_id, topic_id, kind, status, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?) RETURNING *",
        (couple_id, author_id, topic_id, kind.value, status.value, to_ts(now)),
    )
    assert found is not None
    return found


async def get(tx: Tx, disclosure_id: int) -> Disclosure | None:
    return await _one(tx, "SELECT * FROM disclosures WHERE id = ?", (disclosure_id,))


async def write(
    tx: Tx, disclosure_id: int, body: str | None, voice: str | None, now: datetime
) -> None:
    """The words (or voice note) arrive: a draft, shown back before anything is sent."""
    await tx.conn.execute(
        "UPDATE disclosures SET status = 'draft', body = ?, voice = ?, written_at = ? "
        "WHERE id = ?",
        (
            None if body is None else tx.seal(body),
            None if voice is None else tx.seal(voice),
            to_ts(now),
            disclosure_id,
        ),
    )


async def set_status(tx: Tx, disclosure_id: int, status: Status) -> None:
    await tx.conn.execute(
        "UPDATE disclosures SET status = ? WHERE id = ?", (status.value, disclosure_id)
    )


async def cancel(tx: Tx, disclosure_id: int) -> None:
    """Cancelled before sending: the words are erased."""
    await tx.conn.execute(
        "UPDATE disclosures SET status = 'cancelled', body = NULL, voice = NULL WHERE id = ?",
        (disclosure_id,),
    )


async def mark_sent(tx: Tx, disclosure_id: int, deliver_at: datetime, outbox_id: int) -> None:
    await tx.conn.execute(
        "UPDATE disclosures SET status = 'sent', deliver_at = ?, outbox_id = ? WHERE id = ?",
        (to_ts(deliver_at), outbox_id, disclosure_id),
    )


async def undo(tx: Tx, disclosure_id: int) -> None:
    """Undo within the window: back to a draft, not delivered."""
    await tx.conn.execute(
        "UPDATE disclosures SET status = 'draft', deliver_at = NULL, outbox_id = NULL "
        "WHERE id = ?",
        (disclosure_id,),
    )


async def acknowledge(tx: Tx, disclosure_id: int, ack: Ack, now: datetime) -> None:
    await tx.conn.execute(
        "UPDATE disclosures SET ack = ?, acked_at = ? WHERE id = ?",
        (ack.value, to_ts(now), disclosure_id),
    )


async def mark_ack_sent(tx: Tx, disclosure_id: int, note: str | None, now: datetime) -> None:
    await tx.conn.execute(
        "UPDATE disclosures SET ack_note = ?, ack_sent_at = ? WHERE id = ?",
        (None if note is None else tx.seal(note), to_ts(now), disclosure_id),
    )


async def nothing_today(tx: Tx, author_id: int, since: datetime) -> bool:
    """Did the author already send "nothing to share" since ``since``?"""
    cursor = await tx.conn.execute(
        "SELECT 1 FROM disclosures WHERE author_id = ? AND kind = 'nothing' "
        "AND status = 'sent' AND created_at >= ? LIMIT 1",
        (author_id, to_ts(since)),
    )
    return await cursor.fetchone() is not None


async def answered_check(tx: Tx, user_id: int, day: str) -> None:
    """The user answered "anything to share today?" on their local ``day``."""
    await tx.conn.execute(
        "INSERT OR IGNORE INTO share_answered (user_id, day) VALUES (?, ?)", (user_id, day)
    )


async def check_answered_on(tx: Tx, user_id: int, day: str) -> bool:
    """Did the user answer "anything to share today?" on their local ``day``?"""
    cursor = await tx.conn.execute(
        "SELECT 1 FROM share_answered WHERE user_id = ? AND day = ?", (user_id, day)
    )
    return await cursor.fetchone() is not None


async def log(
    tx: Tx, couple_id: int, now: datetime, limit: int, offset: int
) -> tuple[list[Disclosure], dict[int, str]]:
    """The couple's shared log, newest first: what was sent and is past its undo window,
    with the outbox status of each delivery (``sent``, ``blocked``, ...)."""
    cursor = await tx.conn.execute(
        "SELECT d.*, o.status AS delivery FROM disclosures d "
        "LEFT JOIN outbox o ON o.id = d.outbox_id "
        "WHERE d.couple_id = ? AND d.status = 'sent' AND d.deliver_at <= ? "
        "ORDER BY d.deliver_at DESC, d.id DESC LIMIT ? OFFSET ?",
        (couple_id, to_ts(now), limit, offset),
    )
    rows = await cursor.fetchall()
    return [_disclosure(tx, row) for row in rows], {
        row["id"]: row["delivery"] for row in rows if row["delivery"] is not None
    }


async def count_log(tx: Tx, couple_id: int, now: datetime) -> int:
    cursor = await tx.conn.execute(
        "SELECT COUNT(*) FROM disclosures WHERE couple_id = ? AND status = 'sent' "
        "AND deliver_at <= ?",
        (couple_id, to_ts(now)),
    )
    row = await cursor.fetchone()
    return int(row[0]) if row else 0


# --- /ask ------------------------------------------------------------------------------------


async def last_request(tx: Tx, asker_id: int) -> datetime | None:
    cursor = await tx.conn.execute(
        "SELECT MAX(created_at) FROM update_requests WHERE asker_id = ?", (asker_id,)
    )
    row = await cursor.fetchone()
    return None if row is None else from_ts_or_none(row[0])


async def add_request(tx: Tx, couple_id: int, asker_id: int, now: datetime) -> None:
    await tx.conn.execute(
        "INSERT INTO update_requests (couple_id, asker_id, created_at) VALUES (?, ?, ?)",
        (couple_id, asker_id, to_ts(now)),
    )


async def answer_request(
    tx: Tx, couple_id: int, asker_id: int, since: datetime, now: datetime
) -> bool:
    """Mark the asker's unanswered /ask since ``since`` answered; False if there is none."""
    cursor = await tx.conn.execute(
        "UPDATE update_requests SET answered_at = ? WHERE couple_id = ? "
        "AND asker_id = ? AND answered_at IS NULL AND created_at >= ?",
        (to_ts(now), couple_id, asker_id, to_ts(since)),
    )
    return cursor.rowcount > 0


# --- /export and /delete ---------------------------------------------------------------------


async def disclosures_in(tx: Tx, couple_ids: Collection[int]) -> list[Disclosure]:
    """Every disclosure of these couples, oldest first."""
    if not couple_ids:
        return []
    marks = ",".join("?" * len(couple_ids))
    cursor = await tx.conn.execute(
        f"SELECT * FROM disclosures WHERE couple_id IN ({marks}) ORDER BY id", (*couple_ids,)
    )
    return [_disclosure(tx, row) for row in await cursor.fetchall()]


async def erase_user(tx: Tx, user_id: int, now: datetime) -> None:
    """Erase the user's words: their disclosures lose their words (sent ones stay sent, so the
    partner's answer to them stays), their notes on the partner's disclosures go, and so do
    their /ask requests."""
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
        ("DELETE FROM update_requests WHERE asker_id = ?", (user_id,)),
        ("DELETE FROM share_answered WHERE user_id = ?", (user_id,)),
    ]
    for sql, params in statements:
        await tx.conn.execute(sql, params)


async def bring_back(tx: Tx, old_couple_id: int, new_couple_id: int) -> None:
    """The same two paired again and want their history back: the disclosures delivered
    between them join the new couple's log (drafts, and one whose delivery the unpairing
    cancelled, stay behind)."""
    await tx.conn.execute(
        "UPDATE disclosures SET couple_id = ? WHERE couple_id = ? AND status = 'sent' "
        "AND (outbox_id IS NULL OR outbox_id IN (SELECT id FROM outbox WHERE status = 'sent'))",
        (new_couple_id, old_couple_id),
    )
