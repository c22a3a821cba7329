"""The inbox: nothing a user sent is lost in a crash, and each update takes effect once.

python-telegram-bot confirms the updates it fetched with the offset of its next getUpdates,
whether or not they were handled: a crash in between would lose them for good. So each
fetched batch is stored here, encrypted (it holds what the user wrote), before getUpdates
returns it to PTB, hence before the next getUpdates confirms it (``bot/kernel/intake.py``
holds the PTB side). Then:

- **Done with its effect.** While an update is handled, every write transaction ends by
  marking it done (``mark_handled``, a ``before_commit`` step of the database), so a crash
  leaves both or neither. An update whose handling wrote nothing (a refusal, /help, an error)
  is marked done right after its handler returned.
- **Restart.** The rows not done are handled first, in update_id order (in order per chat).
- **Once.** Telegram re-delivers an update whose confirmation was lost; its row exists, so
  it is handled only by whoever stored or replayed it, and a done row never again.
- **A day.** Done rows keep their update_id (their words are cleared) a day, Telegram's own
  horizon for unconfirmed updates, then the tick's :func:`clean` removes them.

What remains:

- A handler that commits in several transactions is marked done by the first; a crash
  between its first and its last commit loses the rest of that update's work (it is never
  repeated). In the end-to-end suite only /checkin and /gratitude asked on demand do so: the
  ask, then (after the prompt was sent) the prompt's message id; a crash between leaves the
  ask open, which the next /checkin shows again and a typed answer still finds.
- A crash after the commit and before the direct reply went out leaves the effect without its
  reply (the update is done; it is not run again just to reply).
- An update whose handling wrote nothing (a refusal, /help, an error) is marked done after
  its handler returned: a crash in between shows that reply again after the restart.
"""

import json
import logging
from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import asynccontextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from bot.kernel.clock import Clock
from bot.kernel.db import Database, Tx, to_ts
from bot.kernel.mend import Mend

log = logging.getLogger(__name__)

KEEP_DONE = timedelta(days=1)  # Telegram keeps an unconfirmed update about this long
CLEAN_BATCH = 5000  # done rows removed per transaction


@dataclass(slots=True)
class _Handling:
    """The update the current task is handling, and whether a commit marked it done."""

    update_id: int
    at: int
    marked: bool = False


_handling: ContextVar[_Handling | None] = ContextVar("mend_inbox_handling", default=None)


async def mark_handled(tx: Tx) -> None:
    """Before a write transaction commits: mark the update being handled (if any) done, in
    that same transaction as its effect."""
    handling = _handling.get()
    if handling is None or handling.marked:
        return
    await _mark_done(tx, handling.update_id, handling.at)
    handling.marked = True


async def _mark_done(tx: Tx, update_id: int, at: int) -> None:
    await tx.conn.execute(
        "UPDATE inbox SET done_at = ?, body = NULL WHERE update_id = ? AND done_at IS NULL",
        (at, update_id),
    )


class Inbox:
    """The inbox of one running bot: stores fetched updates, replays the ones not done, and
    knows which updates this process is to handle."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock
        # Stored or replayed by this process and not yet handled: the copy to handle.
        self._mine: set[int] = set()
        db.before_commit(mark_handled)

    async def store(self, updates: Sequence[Mapping[str, Any]]) -> None:
        """Store a fetched batch (the Bot API's JSON) in one transaction. An update stored
        already (re-delivered) is left to whoever stored it."""
        if not updates:
            return
        now = to_ts(self._clock.now())
        ids = [int(update["update_id"]) for update in updates]
        async with self._db.transaction() as tx:
            marks = ",".join("?" * len(ids))
            cursor = await tx.conn.execute(
                f"SELECT update_id FROM inbox WHERE update_id IN ({marks})",
                ids,
            )
            known = {int(row["update_id"]) for row in await cursor.fetchall()}
            fresh = [
                (update_id, tx.seal(json.dumps(update, separators=(",", ":"))), now)
                for update_id, update in zip(ids, updates, strict=True)
                if update_id not in known
            ]
            await tx.conn.executemany(
                "INSERT INTO inbox (update_id, body, received_at) VALUES (?, ?, ?)", fresh
            )
        if known:
            log.info("Updates received again, not handled twice: %s", sorted(known))
        self._mine.update(update_id for update_id, _, _ in fresh)

    async def pending(self) -> list[dict[str, Any]]:
        """The updates stored and not done (a crash came first), in update_id order; this
        process handles them."""
        async with self._db.read() as tx:
            cursor = await tx.conn.execute(
                "SELECT update_id, body FROM inbox WHERE done_at IS NULL ORDER BY update_id"
            )
            rows = [
                (int(row["update_id"]), tx.open(row["body"])) for row in await cursor.fetchall()
            ]
        self._mine.update(update_id for update_id, _ in rows)
        if rows:
            log.info("Handling %d updates stored before a restart", len(rows))
        return [json.loads(body) for _, body in rows]

    def holds(self, update_id: int) -> bool:
        """Whether this process stored or replayed this update and has not handled it yet."""
        return update_id in self._mine

    def claim(self, update_id: int) -> bool:
        """Whether to handle this update now: this process stored or replayed it and has not
        handled it yet (a copy Telegram re-delivered is not handled again)."""
        if update_id not in self._mine:
            return False
        self._mine.remove(update_id)
        return True

    @asynccontextmanager
    async def handling(self, update_id: int) -> AsyncIterator[None]:
        """Handle one update: its write transactions mark it done with their effect; if none
        did, it is marked done once its handler returned (or failed). Cancelled (shutdown),
        it stays pending and is handled after the restart."""
        handling = _Handling(update_id, to_ts(self._clock.now()))
        token = _handling.set(handling)
        try:
            yield
        except Exception:
            _handling.reset(token)
            await self._done(handling)  # a handled error is done too
            raise
        except BaseException:
            _handling.reset(token)
            raise
        _handling.reset(token)
        await self._done(handling)

    async def _done(self, handling: _Handling) -> None:
        if handling.marked:
            return
        async with self._db.transaction() as tx:
            await _mark_done(tx, handling.update_id, handling.at)


async def clean(mend: Mend) -> int:
    """The kernel's job: remove done rows older than :data:`KEEP_DONE` (an indexed look-up
    that writes nothing when there are none). Queues no message, so returns 0."""
    before = to_ts(mend.clock.now() - KEEP_DONE)
    while True:
        async with mend.db.read() as tx:
            cursor = await tx.conn.execute(
                "SELECT 1 FROM inbox WHERE done_at IS NOT NULL AND done_at < ? LIMIT 1",
                (before,),
            )
            if await cursor.fetchone() is None:
                return 0
        async with mend.db.transaction() as tx:
            cursor = await tx.conn.execute(
                "DELETE FROM inbox WHERE update_id IN (SELECT update_id FROM inbox"
                " WHERE done_at IS NOT NULL AND done_at < ? LIMIT ?)",
                (before, CLEAN_BATCH),
            )
            removed = cursor.rowcount
        log.info("Removed %d handled updates from the inbox", removed)
        if removed < CLEAN_BATCH:
            return 0
