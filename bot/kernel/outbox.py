"""The outbox: every message Mend has promised to send, until it is sent.

Quiet hours are decided here, once for every feature: a row for someone other than the
person whose update is being handled (``ACTOR``) is caused by their partner's action; if it
comes due inside the receiver's quiet hours, it is marked silent (sent without a sound) or
its due time moves to the end of those hours, as the receiver chose. The decision is stored
on the row in the same insert, so it survives a crash and a restart.
"""

from collections.abc import Collection, Mapping, Sequence
from contextvars import ContextVar
from datetime import datetime

import aiosqlite

from bot.domain.quiet import QuietMode, is_quiet, quiet_ends
from bot.kernel.db import Tx, from_ts, to_ts
from bot.kernel.outgoing import Outgoing
from bot.storage import quiet
from bot.storage.models import OutboxItem, zone

ACTOR: ContextVar[int | None] = ContextVar("actor", default=None)
"""The user whose update is being handled (set by the kernel as each update starts); None in
the tick and the sender, whose rows are scheduled, not caused by a partner."""


async def _quiet(tx: Tx, chat_id: int, due: datetime, timely: bool) -> tuple[datetime, bool]:
    """When a row caused by the partner's action goes, and whether silently."""
    name, hours = await quiet.receiver(tx, chat_id)
    if name is None:
        return due, False
    tz = zone(name)
    if not is_quiet(hours, due, tz):
        return due, False
    if hours.mode is QuietMode.WAIT and not timely:
        return quiet_ends(hours, due, tz), False
    return due, True


async def add(
    tx: Tx,
    chat_id: int,
    kind: str,
    message: Outgoing,
    now: datetime,
    *,
    due_at: datetime | None = None,
    couple_id: int | None = None,
    author_id: int | None = None,
    ask_id: int | None = None,
    timely: bool = False,
) -> int:
    """Promise a message, in the same transaction as the fact that causes it. A ``timely``
    message means something only now (a timeout's notice, "checked in today"): in the
    receiver's quiet hours it goes silently, but never waits for them to end."""
    due, silent = due_at or now, False
    actor = ACTOR.get()
    if actor is not None and actor != chat_id:  # the partner's action: their quiet hours
        due, silent = await _quiet(tx, chat_id, due, timely)
    cursor = await tx.conn.execute(
        "INSERT INTO outbox (chat_id, kind, body, due_at, couple_id, author_id, ask_id, "
        "created_at, silent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            chat_id,
            kind,
            tx.seal(message.to_json()),
            to_ts(due),
            couple_id,
            author_id,
            ask_id,
            to_ts(now),
            int(silent),
        ),
    )
    tx.wrote_outbox = True
    assert cursor.lastrowid is not None
    return cursor.lastrowid


async def due_of(tx: Tx, item_id: int) -> datetime:
    """When a row is due: later than asked when the receiver's quiet hours made it wait."""
    cursor = await tx.conn.execute("SELECT due_at FROM outbox WHERE id = ?", (item_id,))
    row = await cursor.fetchone()
    assert row is not None
    return from_ts(row["due_at"])


def _item(tx: Tx, row: aiosqlite.Row) -> OutboxItem:
    return OutboxItem(
        id=row["id"],
        chat_id=row["chat_id"],
        kind=row["kind"],
        message=Outgoing.from_json(tx.open(row["body"])),
        due_at=from_ts(row["due_at"]),
        attempts=row["attempts"],
        couple_id=row["couple_id"],
        author_id=row["author_id"],
        ask_id=row["ask_id"],
        silent=bool(row["silent"]),
    )


async def due(tx: Tx, now: datetime, limit: int, skip: Collection[int] = ()) -> list[OutboxItem]:
    """Pending messages due by ``now`` in due order, leaving out the ids in ``skip``."""
    items, _ = await pending_due(tx, now, limit, skip=skip)
    return items


async def pending_due(
    tx: Tx,
    now: datetime,
    limit: int,
    *,
    skip: Collection[int] = (),
    known: Mapping[int, OutboxItem] | None = None,
) -> tuple[list[OutboxItem], bool]:
    """Up to ``limit`` pending messages due by ``now``, in due order, leaving out the ids in
    ``skip``; a row found in ``known`` is taken from there instead of being decrypted again.
    Also says whether more such rows were left out by the limit."""
    cursor = await tx.conn.execute(
        "SELECT * FROM outbox WHERE status = 'pending' AND due_at <= ? "
        "ORDER BY due_at, id LIMIT ?",
        (to_ts(now), limit + len(skip) + 1),
    )
    rows = [row for row in await cursor.fetchall() if row["id"] not in skip]
    more = len(rows) > limit
    known = known or {}
    items = []
    for row in rows[:limit]:
        item = known.get(row["id"])
        items.append(
            item if item is not None and item.attempts == row["attempts"] else _item(tx, row)
        )
    return items, more


async def mark_sent(tx: Tx, item: OutboxItem, message_id: int, now: datetime) -> None:
    """Sent: forget the text (the source row keeps what is needed) and link the prompt."""
    await tx.conn.execute(
        "UPDATE outbox SET status = 'sent', body = NULL, message_id = ?, sent_at = ?, "
        "attempts = attempts + 1 WHERE id = ?",
        (message_id, to_ts(now), item.id),
    )
    if item.ask_id is not None:
        await tx.conn.execute(
            "UPDATE asks SET message_id = ? WHERE id = ?", (message_id, item.ask_id)
        )


async def mark_sent_many(tx: Tx, sent: Sequence[tuple[OutboxItem, int]], now: datetime) -> None:
    """:func:`mark_sent` for many (item, Telegram message id) pairs, in one statement each."""
    stamp = to_ts(now)
    await tx.conn.executemany(
        "UPDATE outbox SET status = 'sent', body = NULL, message_id = ?, sent_at = ?, "
        "attempts = attempts + 1 WHERE id = ?",
        [(message_id, stamp, item.id) for item, message_id in sent],
    )
    links = [(message_id, item.ask_id) for item, message_id in sent if item.ask_id is not None]
    if links:
        await tx.conn.executemany("UPDATE asks SET message_id = ? WHERE id = ?", links)


async def mark_undeliverable(tx: Tx, item_id: int, status: str, now: datetime) -> None:
    """Blocked or failed for good: keep the row as a record, drop the text."""
    await tx.conn.execute(
        "UPDATE outbox SET status = ?, body = NULL, sent_at = ?, attempts = attempts + 1 "
        "WHERE id = ?",
        (status, to_ts(now), item_id),
    )


async def retry_later(tx: Tx, item_id: int, due_at: datetime) -> None:
    await tx.conn.execute(
        "UPDATE outbox SET due_at = ?, attempts = attempts + 1 WHERE id = ?",
        (to_ts(due_at), item_id),
    )


async def cancel_relays(tx: Tx, couple_id: int) -> int:
    """Cancel everything still pending between the partners of a couple that ended."""
    cursor = await tx.conn.execute(
        "UPDATE outbox SET status = 'cancelled', body = NULL "
        "WHERE couple_id = ? AND status = 'pending'",
        (couple_id,),
    )
    return cursor.rowcount


async def cancel_for_ask(tx: Tx, ask_id: int) -> None:
    """Drop a prompt message not yet sent (answered or skipped in the meantime)."""
    await tx.conn.execute(
        "UPDATE outbox SET status = 'cancelled', body = NULL "
        "WHERE ask_id = ? AND status = 'pending'",
        (ask_id,),
    )


async def cancel(tx: Tx, item_id: int) -> bool:
    """Cancel one message not sent yet (a disclosure undone); False if it already went."""
    cursor = await tx.conn.execute(
        "UPDATE outbox SET status = 'cancelled', body = NULL WHERE id = ? AND status = 'pending'",
        (item_id,),
    )
    return cursor.rowcount > 0


async def next_after(tx: Tx, now: datetime) -> datetime | None:
    """The earliest instant after ``now`` at which a pending message comes due, if any."""
    cursor = await tx.conn.execute(
        "SELECT MIN(due_at) FROM outbox WHERE status = 'pending' AND due_at > ?", (to_ts(now),)
    )
    row = await cursor.fetchone()
    return None if row is None or row[0] is None else from_ts(row[0])
