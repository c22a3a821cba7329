"""The agreement's SQL: topics, renewals, and the private freely-agreeing check."""

from collections.abc import Collection, Sequence
from datetime import datetime

import aiosqlite

from bot.features.agreement.models import CheckAnswer, Topic, TopicStatus
from bot.kernel.db import Tx, from_ts_or_none, to_ts


def _topic(tx: Tx, row: aiosqlite.Row) -> Topic:
    return Topic(
        id=row["id"],
        couple_id=row["couple_id"],
        library_id=row["library_id"],
        title=tx.open(row["title"]),
        proposed_by=row["proposed_by"],
        period_days=row["period_days"],
        status=TopicStatus(row["status"]),
        replaces=row["replaces"],
        proposed_at=from_ts_or_none(row["proposed_at"]),
        accepted_at=from_ts_or_none(row["accepted_at"]),
        started_at=from_ts_or_none(row["started_at"]),
        review_at=from_ts_or_none(row["review_at"]),
        review_asked_at=from_ts_or_none(row["review_asked_at"]),
        ended_at=from_ts_or_none(row["ended_at"]),
    )


async def _topics(tx: Tx, sql: str, params: tuple[object, ...]) -> list[Topic]:
    cursor = await tx.conn.execute(sql, params)
    return [_topic(tx, row) for row in await cursor.fetchall()]


# --- Topics --------------------------------------------------------------------------------


async def create_topic(
    tx: Tx,
    couple_id: int,
    proposed_by: int,
    title: str,
    period_days: int,
    now: datetime,
    *,
    library_id: str | None = None,
    status: TopicStatus = TopicStatus.DRAFT,
    replaces: int | None = None,
) -> Topic:
    cursor = await tx.conn.execute(
        "INSERT INTO topics (couple_id, library_id, title, proposed_by, period_days, status, "
        "replaces, created_at, proposed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *",
        (
            couple_id,
            library_id,
            tx.seal(title),
            proposed_by,
            period_days,
            status.value,
            replaces,
            to_ts(now),
            to_ts(now) if status == TopicStatus.PROPOSED else None,
        ),
    )
    row = await cursor.fetchone()
    assert row is not None
    return _topic(tx, row)


async def get_topic(tx: Tx, topic_id: int) -> Topic | None:
    found = await _topics(tx, "SELECT * FROM topics WHERE id = ?", (topic_id,))
    return found[0] if found else None


async def topics_of(tx: Tx, couple_id: int, statuses: Sequence[str]) -> list[Topic]:
    """The couple's topics in these states, oldest first."""
    marks = ",".join("?" * len(statuses))
    return await _topics(
        tx,
        f"SELECT * FROM topics WHERE couple_id = ? AND status IN ({marks}) ORDER BY id",
        (couple_id, *statuses),
    )


async def topics_in(tx: Tx, couple_ids: Collection[int]) -> list[Topic]:
    """Every topic of these couples, oldest first (for /export)."""
    if not couple_ids:
        return []
    marks = ",".join("?" * len(couple_ids))
    return await _topics(
        tx, f"SELECT * FROM topics WHERE couple_id IN ({marks}) ORDER BY id", (*couple_ids,)
    )


async def history(tx: Tx, couple_id: int, limit: int) -> list[Topic]:
    """Every topic the couple proposed, newest first (drafts never sent are left out)."""
    return await _topics(
        tx,
        "SELECT * FROM topics WHERE couple_id = ? AND status != 'draft' ORDER BY id DESC LIMIT ?",
        (couple_id, limit),
    )


async def propose(tx: Tx, topic_id: int, period_days: int, now: datetime) -> None:
    await tx.conn.execute(
        "UPDATE topics SET status = 'proposed', period_days = ?, proposed_at = ? WHERE id = ?",
        (period_days, to_ts(now), topic_id),
    )


async def agree(tx: Tx, topic_id: int, now: datetime) -> None:
    """Both accepted; in force once the couple's private check is through."""
    await tx.conn.execute(
        "UPDATE topics SET status = 'agreed', accepted_at = ? WHERE id = ?", (to_ts(now), topic_id)
    )


async def end(tx: Tx, topic_id: int, status: TopicStatus, by: int | None, now: datetime) -> None:
    """Declined, changed, withdrawn or lapsed: no longer part of the agreement."""
    await tx.conn.execute(
        "UPDATE topics SET status = ?, ended_at = ?, ended_by = ? WHERE id = ?",
        (status.value, to_ts(now), by, topic_id),
    )


async def end_all(tx: Tx, couple_id: int, now: datetime) -> None:
    """The pairing ended: so does every topic still part of its agreement."""
    await tx.conn.execute(
        "UPDATE topics SET status = 'ended', ended_at = ? WHERE couple_id = ? "
        "AND status IN ('draft', 'proposed', 'agreed', 'active')",
        (to_ts(now), couple_id),
    )


async def start(tx: Tx, topic: Topic, now: datetime, review_at: datetime) -> None:
    """In force from now until its review date."""
    await tx.conn.execute(
        "UPDATE topics SET status = 'active', accepted_at = COALESCE(accepted_at, ?), "
        "started_at = ?, review_at = ?, review_asked_at = NULL WHERE id = ?",
        (to_ts(now), to_ts(now), to_ts(review_at), topic.id),
    )


async def renew(tx: Tx, topic_id: int, review_at: datetime) -> None:
    await tx.conn.execute(
        "UPDATE topics SET review_at = ?, review_asked_at = NULL WHERE id = ?",
        (to_ts(review_at), topic_id),
    )


async def reviews_due(tx: Tx, now: datetime, limit: int) -> list[Topic]:
    """Topics in force whose review date came and whose partners were not asked yet."""
    return await _topics(
        tx,
        "SELECT * FROM topics WHERE status = 'active' AND review_at <= ? "
        "AND review_asked_at IS NULL ORDER BY review_at LIMIT ?",
        (to_ts(now), limit),
    )


async def lapsing(tx: Tx, reviewed_before: datetime, limit: int) -> list[Topic]:
    """Topics in force whose review date is older than ``reviewed_before`` (not renewed)."""
    return await _topics(
        tx,
        "SELECT * FROM topics WHERE status = 'active' AND review_at <= ? "
        "ORDER BY review_at LIMIT ?",
        (to_ts(reviewed_before), limit),
    )


async def mark_review_asked(tx: Tx, topic_id: int, now: datetime) -> None:
    await tx.conn.execute(
        "UPDATE topics SET review_asked_at = ? WHERE id = ?", (to_ts(now), topic_id)
    )


async def add_renewal(tx: Tx, topic: Topic, user_id: int) -> set[int]:
    """Record a Renew for the topic's current review; returns everyone who renewed it."""
    assert topic.review_at is not None
    review = to_ts(topic.review_at)
    await tx.conn.execute(
        "INSERT OR IGNORE INTO renewals (topic_id, user_id, review_at) VALUES (?, ?, ?)",
        (topic.id, user_id, review),
    )
    cursor = await tx.conn.execute(
        "SELECT user_id FROM renewals WHERE topic_id = ? AND review_at = ?", (topic.id, review)
    )
    return {row["user_id"] for row in await cursor.fetchall()}


# --- The private freely-agreeing check -----------------------------------------------------


async def consents(tx: Tx, couple_id: int) -> dict[int, CheckAnswer | None]:
    """Each partner's answer to the check (None: asked, not answered); {} if never asked."""
    cursor = await tx.conn.execute(
        "SELECT user_id, answer FROM consents WHERE couple_id = ?", (couple_id,)
    )
    return {
        row["user_id"]: None if row["answer"] is None else CheckAnswer(row["answer"])
        for row in await cursor.fetchall()
    }


async def ask_consent(tx: Tx, couple_id: int, user_id: int, now: datetime) -> None:
    await tx.conn.execute(
        "INSERT INTO consents (couple_id, user_id, asked_at) VALUES (?, ?, ?) "
        "ON CONFLICT (couple_id, user_id) DO NOTHING",
        (couple_id, user_id, to_ts(now)),
    )


async def answer_consent(
    tx: Tx, couple_id: int, user_id: int, answer: CheckAnswer, now: datetime
) -> None:
    await tx.conn.execute(
        "UPDATE consents SET answer = ?, answered_at = ? WHERE couple_id = ? AND user_id = ?",
        (answer.value, to_ts(now), couple_id, user_id),
    )


async def note_due(tx: Tx, asked_before: datetime, limit: int) -> list[int]:
    """Couples whose check was asked before ``asked_before`` and whose week's note is still
    to be decided (the index holds only those rows)."""
    cursor = await tx.conn.execute(
        "SELECT DISTINCT couple_id FROM consents WHERE noted_at IS NULL AND asked_at <= ? LIMIT ?",
        (to_ts(asked_before), limit),
    )
    return [row["couple_id"] for row in await cursor.fetchall()]


async def mark_noted(tx: Tx, couple_id: int, now: datetime) -> bool:
    """The week's note is sent (or no longer needed); False if it was already."""
    cursor = await tx.conn.execute(
        "UPDATE consents SET noted_at = ? WHERE couple_id = ? AND noted_at IS NULL",
        (to_ts(now), couple_id),
    )
    return cursor.rowcount > 0


# --- /delete ---------------------------------------------------------------------------------


async def erase_user(tx: Tx, user_id: int, now: datetime) -> None:
    """Blank the titles the user proposed (other rows refer to the topics), and drop their
    answers to the check and their renewals."""
    await tx.conn.execute(
        "UPDATE topics SET title = ? WHERE proposed_by = ?", (tx.seal(""), user_id)
    )
    await tx.conn.execute("DELETE FROM consents WHERE user_id = ?", (user_id,))
    await tx.conn.execute("DELETE FROM renewals WHERE user_id = ?", (user_id,))


async def bring_back(tx: Tx, old_couple_id: int, new_couple_id: int) -> None:
    """The same two paired again and want their history back: the earlier agreement's topics
    (all ended with that pairing) join the new couple's history. The private check is not
    carried over: a new pairing answers it afresh."""
    await tx.conn.execute(
        "UPDATE topics SET couple_id = ? WHERE couple_id = ? AND status NOT IN "
        "('draft', 'proposed', 'agreed', 'active')",
        (new_couple_id, old_couple_id),
    )
