"""The outbox: every message Mend has promised to send (or to change), until it is sent.

Quiet hours are decided here, once for every feature: a row for someone other than the
person whose update is being handled (``ACTOR``) is caused by their partner's action; if it
comes due inside the receiver's quiet hours, it is marked silent (sent without a sound) or
its due time moves to the end of those hours, as the receiver chose. The decision is stored
on the row in the same insert, so it survives a crash and a restart.

An answered question's buttons go: a row of kind ``edit`` changes a message already sent
(its text and buttons, or only takes the buttons off), tolerating one that is gone or already
so. A row may follow another (``after``): it waits until that one is sent, and is cancelled
if that one never is (an Undo that becomes "Delivered at 14:05" only once it was).
"""

from collections.abc import Callable, Collection, Mapping, Sequence
from contextvars import ContextVar
from datetime import datetime

import aiosqlite

from bot.domain.quiet import QuietMode, is_quiet, quiet_ends
from bot.kernel.db import Tx, from_ts, to_ts
from bot.kernel.i18n import speaking
from bot.kernel.outgoing import Outgoing
from bot.storage import quiet, users
from bot.storage.models import OutboxItem, zone

Render = Callable[[], Outgoing]
"""A message still to be written: the outbox writes it in its receiver's language."""

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
    message: Render | Outgoing,
    now: datetime,
    *,
    due_at: datetime | None = None,
    couple_id: int | None = None,
    author_id: int | None = None,
    ask_id: int | None = None,
    timely: bool = False,
    after: int | None = None,
    edits: int | None = None,
    question: str | None = None,
) -> int:
    """Promise a message, in the same transaction as the fact that causes it. A ``timely``
    message means something only now (a timeout's notice, "checked in today"): in the
    receiver's quiet hours it goes silently, but never waits for them to end. A message whose
    buttons answer a ``question`` (a feature's key) is remembered once sent, for
    :func:`settle`.

    ``message`` is best given as a function that writes it (``lambda: views.x(...)``): it is
    called in the receiver's language, so every message is in the language of whoever reads
    it, whoever caused it."""
    if callable(message):
        with speaking(await users.language(tx, chat_id)):
            message = message()
    due, silent = due_at or now, False
    actor = ACTOR.get()
    if actor is not None and actor != chat_id:  # the partner's action: their quiet hours
        due, silent = await _quiet(tx, chat_id, due, timely)
    cursor = await tx.conn.execute(
        "INSERT INTO outbox (chat_id, kind, body, due_at, couple_id, author_id, ask_id, "
        "message_id, after_id, status, question, created_at, silent) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            chat_id,
            kind,
            tx.seal(message.to_json()),
            to_ts(due),
            couple_id,
            author_id,
            ask_id,
            edits,
            after,
            "pending" if after is None else "waiting",
            question,
            to_ts(now),
            int(silent),
        ),
    )
    tx.wrote_outbox = True
    assert cursor.lastrowid is not None
    return cursor.lastrowid


EDIT = "edit"
NO_BUTTONS = Outgoing("")  # an edit that only takes the buttons off; the words stay


async def edit(
    tx: Tx,
    chat_id: int,
    message_id: int | None,
    now: datetime,
    message: Render | Outgoing = NO_BUTTONS,
    *,
    after: int | None = None,
) -> int:
    """Promise to change a message already sent: to ``message`` (its words and buttons), or
    by default only to take its buttons off. With ``after``, once that row is sent (and
    then, without a ``message_id``, the message that row became)."""
    # An edit makes no sound: it is never held back for quiet hours.
    return await add(tx, chat_id, EDIT, message, now, timely=True, after=after, edits=message_id)


async def shown(tx: Tx, chat_id: int, message_id: int, question: str, now: datetime) -> None:
    """Remember that a direct reply carries buttons for ``question`` (a feature's key, like
    ``ack:12``), so :func:`settle` can take them off once it is answered some other way."""
    await tx.conn.execute(
        "INSERT OR REPLACE INTO shown_buttons (chat_id, message_id, question, created_at) "
        "VALUES (?, ?, ?, ?)",
        (chat_id, message_id, question, to_ts(now)),
    )


async def forget(tx: Tx, chat_id: int, message_id: int) -> None:
    """That message no longer carries its question's buttons (its handler changed it)."""
    await tx.conn.execute(
        "DELETE FROM shown_buttons WHERE chat_id = ? AND message_id = ?", (chat_id, message_id)
    )


async def settle(
    tx: Tx, question: str, now: datetime, message: Render | Outgoing = NO_BUTTONS, *, keep: int = 0
) -> None:
    """``question`` is answered: every message shown for it (but ``keep``, the one pressed,
    which its handler edits) loses its buttons, or becomes ``message``; one not sent yet
    does once it is."""
    cursor = await tx.conn.execute(  # only rows not sent yet keep their question
        "UPDATE outbox SET question = NULL WHERE question = ? RETURNING id, chat_id, status",
        (question,),
    )
    for row in await cursor.fetchall():
        if row["status"] in ("pending", "waiting"):
            await edit(tx, row["chat_id"], None, now, message, after=row["id"])
    cursor = await tx.conn.execute(
        "DELETE FROM shown_buttons WHERE question = ? RETURNING chat_id, message_id", (question,)
    )
    for row in await cursor.fetchall():
        if row["message_id"] != keep:
            await edit(tx, row["chat_id"], row["message_id"], now, message)


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
        # An edit's message (0, "not found", should its id ever be missing: nothing to do).
        edits=(row["message_id"] or 0) if row["kind"] == EDIT else None,
        question=row["question"],
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
        "UPDATE outbox SET status = 'sent', body = NULL, question = NULL, message_id = ?, "
        "sent_at = ?, attempts = attempts + 1 WHERE id = ?",
        (message_id, to_ts(now), item.id),
    )
    if item.ask_id is not None:
        await tx.conn.execute(
            "UPDATE asks SET message_id = ? WHERE id = ?", (message_id, item.ask_id)
        )
    await _release(tx, [(item, message_id)], now)


async def _release(tx: Tx, sent: Sequence[tuple[OutboxItem, int]], now: datetime) -> int:
    """After these (row, Telegram message id) were sent: the buttons of a row with a question
    are remembered, and the rows that followed them are due now (an edit of "the message that
    row became" learns its id). Returns how many rows were released."""
    stamp = to_ts(now)
    shown = [
        (item.chat_id, message_id, item.question, stamp)
        for item, message_id in sent
        if item.question is not None
    ]
    if shown:
        await tx.conn.executemany(
            "INSERT OR REPLACE INTO shown_buttons (chat_id, message_id, question, created_at) "
            "VALUES (?, ?, ?, ?)",
            shown,
        )
    ids = [item.id for item, _ in sent]
    marks = ",".join("?" * len(ids))
    cursor = await tx.conn.execute(
        "UPDATE outbox SET status = 'pending', due_at = ?, message_id = coalesce(message_id, "
        "(SELECT followed.message_id FROM outbox AS followed "
        "WHERE followed.id = outbox.after_id)) "
        f"WHERE status = 'waiting' AND after_id IN ({marks})",
        (stamp, *ids),
    )
    return cursor.rowcount


async def _drop_followers(tx: Tx, item_id: int) -> None:
    """The row will never be sent: neither will the rows that follow it."""
    await tx.conn.execute(
        "UPDATE outbox SET status = 'cancelled', body = NULL "
        "WHERE after_id = ? AND status = 'waiting'",
        (item_id,),
    )


async def mark_sent_many(tx: Tx, sent: Sequence[tuple[OutboxItem, int]], now: datetime) -> int:
    """:func:`mark_sent` for many (item, Telegram message id) pairs, in one statement each.
    Returns how many rows that followed them are now due."""
    stamp = to_ts(now)
    await tx.conn.executemany(
        "UPDATE outbox SET status = 'sent', body = NULL, question = NULL, message_id = ?, "
        "sent_at = ?, attempts = attempts + 1 WHERE id = ?",
        [(message_id, stamp, item.id) for item, message_id in sent],
    )
    links = [(message_id, item.ask_id) for item, message_id in sent if item.ask_id is not None]
    if links:
        await tx.conn.executemany("UPDATE asks SET message_id = ? WHERE id = ?", links)
    return await _release(tx, sent, now)


async def mark_undeliverable(tx: Tx, item_id: int, status: str, now: datetime) -> None:
    """Blocked or failed for good: keep the row as a record, drop the text."""
    await tx.conn.execute(
        "UPDATE outbox SET status = ?, body = NULL, sent_at = ?, attempts = attempts + 1 "
        "WHERE id = ?",
        (status, to_ts(now), item_id),
    )
    await _drop_followers(tx, item_id)


async def retry_later(tx: Tx, item_id: int, due_at: datetime) -> None:
    await tx.conn.execute(
        "UPDATE outbox SET due_at = ?, attempts = attempts + 1 WHERE id = ?",
        (to_ts(due_at), item_id),
    )


async def cancel_relays(tx: Tx, couple_id: int) -> int:
    """Cancel everything still pending between the partners of a couple that ended."""
    cursor = await tx.conn.execute(
        "UPDATE outbox SET status = 'cancelled', body = NULL "
        "WHERE couple_id = ? AND status = 'pending' RETURNING id",
        (couple_id,),
    )
    cancelled = [row["id"] for row in await cursor.fetchall()]
    for item_id in cancelled:
        await _drop_followers(tx, item_id)
    return len(cancelled)


async def cancel_for_ask(tx: Tx, ask_id: int) -> None:
    """Drop a prompt message not yet sent (answered or skipped in the meantime)."""
    await tx.conn.execute(
        "UPDATE outbox SET status = 'cancelled', body = NULL "
        "WHERE ask_id = ? AND status = 'pending'",
        (ask_id,),
    )


async def status_of(tx: Tx, item_id: int) -> str | None:
    """A row's status: pending, waiting, sent, blocked, failed or cancelled (None: no row)."""
    cursor = await tx.conn.execute("SELECT status FROM outbox WHERE id = ?", (item_id,))
    row = await cursor.fetchone()
    return None if row is None else str(row["status"])


async def cancel(tx: Tx, item_id: int) -> bool:
    """Cancel one message not sent yet (a disclosure undone); False if it already went."""
    cursor = await tx.conn.execute(
        "UPDATE outbox SET status = 'cancelled', body = NULL WHERE id = ? AND status = 'pending'",
        (item_id,),
    )
    if cursor.rowcount == 0:
        return False
    await _drop_followers(tx, item_id)
    return True


async def next_after(tx: Tx, now: datetime) -> datetime | None:
    """The earliest instant after ``now`` at which a pending message comes due, if any."""
    cursor = await tx.conn.execute(
        "SELECT MIN(due_at) FROM outbox WHERE status = 'pending' AND due_at > ?", (to_ts(now),)
    )
    row = await cursor.fetchone()
    return None if row is None or row[0] is None else from_ts(row[0])
