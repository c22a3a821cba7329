"""The sender: the one path by which the outbox reaches Telegram.

It drains due rows in due order through the rate limiter, marks each row sent with
Telegram's message id, retries network errors and 429s, and records blocked partners; the
author of a relay is told through ``tell_author`` (the sender composes no words).

Rows are read (and decrypted) once and kept in memory until sent; they are read again only
when another transaction may have changed the outbox (new rows, or cancelled ones), when the
clock has moved on (rows coming due), or when the queue runs low. Rows Telegram accepted are
marked sent in one transaction for all those accepted while the previous one was committing.
"""

import asyncio
import contextlib
import dataclasses
import logging
import time
from collections.abc import Awaitable, Callable
from datetime import datetime

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError

from bot.kernel import notices, outbox
from bot.kernel.db import Tx, to_ts
from bot.kernel.limiter import RateLimiter
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Outgoing
from bot.storage.models import OutboxItem

log = logging.getLogger(__name__)

BATCH = 256
MAX_BACKOFF = 60.0
HTML = ParseMode.HTML
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


def markup(message: Outgoing) -> InlineKeyboardMarkup | None:
    """The Telegram keyboard for a message's buttons."""
    if not message.buttons:
        return None
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(b.text, url=b.url)
                if b.url is not None
                else InlineKeyboardButton(b.text, callback_data=b.data)
                for b in row
            ]
            for row in message.buttons
        ]
    )


async def send(bot: Bot, chat_id: int, message: Outgoing, *, silent: bool = False) -> int:
    """Send one message as Mend sends every message (``silent``: without a notification
    sound, in the receiver's quiet hours); returns Telegram's message id."""
    keyboard = markup(message)
    if message.photo is not None:
        sent = await bot.send_photo(
            chat_id,
            message.photo,
            caption=message.text,
            parse_mode=HTML,
            reply_markup=keyboard,
            disable_notification=silent,
        )
    elif message.voice is not None:
        sent = await bot.send_voice(
            chat_id,
            message.voice,
            caption=message.text,
            parse_mode=HTML,
            reply_markup=keyboard,
            disable_notification=silent,
        )
    else:
        sent = await bot.send_message(
            chat_id,
            message.text,
            parse_mode=HTML,
            reply_markup=keyboard,
            link_preview_options=NO_PREVIEW,
            disable_notification=silent,
        )
    return sent.message_id


# What Telegram answers an edit that has nothing left to do: the message is already so, or
# it is gone (deleted by the user, or too old to change). Either way the edit is done.
_EDIT_DONE = ("not modified", "message to edit not found", "message can't be edited")


async def change(bot: Bot, chat_id: int, message_id: int, message: Outgoing) -> int:
    """Change a message already sent: its words and buttons, or (no words given) only its
    buttons. An edit with nothing left to do is done; returns the message id."""
    keyboard = markup(message)
    try:
        if message.text:
            await bot.edit_message_text(
                message.text,
                chat_id,
                message_id,
                parse_mode=HTML,
                reply_markup=keyboard,
                link_preview_options=NO_PREVIEW,
            )
        else:
            await bot.edit_message_reply_markup(chat_id, message_id, reply_markup=keyboard)
    except BadRequest as error:
        if not any(done in error.message.lower() for done in _EDIT_DONE):
            raise
    return message_id


TellAuthor = Callable[[Tx, OutboxItem, datetime], Awaitable[None]]
"""Queue the words that tell a relay's author it could not be delivered."""


@dataclasses.dataclass
class Window:
    """Running figures of the seconds between Telegram accepting a message and its row being
    recorded sent (for the benchmark and the README's delivery guarantee)."""

    count: int = 0
    total: float = 0.0
    longest: float = 0.0

    def add(self, seconds: float) -> None:
        self.count += 1
        self.total += seconds
        self.longest = max(self.longest, seconds)

    @property
    def mean(self) -> float:
        return self.total / self.count if self.count else 0.0


def _order(item: OutboxItem) -> tuple[float, int]:
    return item.due_at.timestamp(), item.id


class Sender:
    """Drains the outbox; woken when rows are committed, and polls for rows coming due."""

    def __init__(
        self,
        mend: Mend,
        bot: Bot,
        limiter: RateLimiter,
        tell_author: TellAuthor = notices.undeliverable,
        concurrency: int = 64,
    ) -> None:
        self._mend = mend
        self._tell_author = tell_author
        self._bot = bot
        self._limiter = limiter
        self._slots = asyncio.Semaphore(concurrency)
        self._wake = asyncio.Event()
        # Rows read and due, not yet dispatched, in due order.
        self._queue: list[OutboxItem] = []
        self._returned: list[OutboxItem] = []  # dispatched, not sent: back into the queue
        self._more = False  # the last read left due rows out
        self._read_ts: int | None = None  # the clock (whole seconds) at the last read
        self._seen_commits = -1  # Database.commits at the last read, or only ours since
        # Dispatched and not yet marked (or returned): never read into the queue again.
        self._in_flight: set[int] = set()
        self._busy_chats: set[int] = set()
        self._held_chats: set[int] = set()  # chats whose queued rows wait for them
        self._to_mark: list[tuple[OutboxItem, int]] = []
        self._accepted_at: dict[int, float] = {}  # row id -> when Telegram accepted it
        # How long rows Telegram accepted waited to be recorded sent: a crash in that window
        # is the one way a message can arrive twice (the Bot API has no idempotency key).
        self.unrecorded = Window()
        self._marker: asyncio.Task[None] | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._runner: asyncio.Task[None] | None = None

    def wake(self) -> None:
        self._wake.set()

    def start(self) -> None:
        self._runner = asyncio.create_task(self._run(), name="mend-sender")

    async def stop(self) -> None:
        """Stop taking rows; let messages already on the wire finish and be marked."""
        if self._runner is not None:
            self._runner.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._runner
            self._runner = None
        if self._tasks:
            await asyncio.wait(self._tasks, timeout=10)
        if self._marker is not None:
            await asyncio.wait([self._marker], timeout=10)

    async def _run(self) -> None:
        idle = self._mend.settings.tick_seconds
        while True:
            self._wake.clear()
            try:
                dispatched, wait = await self.pump()
            except Exception:
                log.exception("Sender round failed; trying again shortly")
                dispatched, wait = 0, idle
            if not dispatched:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), timeout=min(wait, idle))

    def _stale(self) -> bool:
        """Has another transaction committed since the last read (rows added, cancelled)?"""
        return self._mend.db.commits != self._seen_commits

    def _needs_read(self, now_ts: int) -> bool:
        return (
            self._stale()
            or now_ts != self._read_ts  # rows may have come due
            or (self._more and len(self._queue) < BATCH // 2)
        )

    async def _read(self) -> None:
        """Read the first due rows again, reusing those already decrypted."""
        db = self._mend.db
        now = self._mend.clock.now()
        known = {item.id: item for item in self._queue}
        async with db.read() as tx:
            commits = db.commits  # no transaction can commit while we hold the lock
            items, more = await outbox.pending_due(
                tx, now, BATCH, skip=self._in_flight, known=known
            )
        self._queue, self._more = items, more
        self._seen_commits, self._read_ts = commits, to_ts(now)

    async def pump(self) -> tuple[int, float]:
        """Dispatch every due row whose chat may receive now, in due order.

        Returns how many were dispatched and how long until a waiting chat is ready.
        """
        dispatched = 0
        while True:
            if self._returned:
                self._queue.extend(self._returned)
                self._returned.clear()
                self._queue.sort(key=_order)
            if self._needs_read(to_ts(self._mend.clock.now())):
                await self._read()
            soonest = float("inf")
            held: set[int] = set()  # chats with an earlier row waiting: keep their order
            self._held_chats = held
            queue = self._queue
            restart = False
            i = 0
            while i < len(queue):
                item = queue[i]
                chat = item.chat_id
                if chat in held or chat in self._busy_chats:
                    held.add(chat)
                    i += 1
                    continue
                wait = self._limiter.chat_wait(chat)
                if wait > 0:
                    held.add(chat)
                    soonest = min(soonest, wait)
                    i += 1
                    continue
                await self._slots.acquire()
                if self._stale():  # the row may have been cancelled meanwhile: read again
                    self._slots.release()
                    restart = True
                    break
                await self._limiter.acquire(chat)
                del queue[i]
                self._in_flight.add(item.id)
                self._busy_chats.add(chat)
                task = asyncio.create_task(self._deliver(item))
                self._tasks.add(task)
                task.add_done_callback(self._tasks.discard)
                dispatched += 1
            if not restart:
                return dispatched, soonest

    async def _deliver(self, item: OutboxItem) -> None:
        marking = False
        try:
            marking = await self._attempt(item)
        except Exception:
            log.exception("Delivering outbox row %d failed unexpectedly", item.id)
        finally:
            if not marking:
                self._in_flight.discard(item.id)
            self._busy_chats.discard(item.chat_id)
            self._slots.release()
            if item.chat_id in self._held_chats or self._returned:
                self.wake()

    async def _attempt(self, item: OutboxItem) -> bool:
        """Send one row; True when it is now waiting to be marked sent."""
        db = self._mend.db
        try:
            if item.edits is not None:
                message_id = await change(self._bot, item.chat_id, item.edits, item.message)
            else:
                message_id = await send(self._bot, item.chat_id, item.message, silent=item.silent)
        except Forbidden:
            log.info("Outbox row %d: chat %d has blocked the bot", item.id, item.chat_id)
            await self._undeliverable(item, "blocked")
        except RetryAfter as error:
            retry = error.retry_after
            seconds = retry if isinstance(retry, int | float) else retry.total_seconds()
            log.warning("Outbox row %d: Telegram asked to wait %.1f s", item.id, seconds)
            self._limiter.back_off(seconds, item.chat_id)
            self._give_back(item)
        except BadRequest as error:
            if "chat not found" in error.message.lower():
                await self._undeliverable(item, "blocked")
            else:
                log.error(
                    "Outbox row %d (%s) refused by Telegram: %s", item.id, item.kind, error.message
                )
                await self._undeliverable(item, "failed")
        except NetworkError as error:
            delay = min(MAX_BACKOFF, 2.0 ** min(item.attempts + 1, 8))
            log.warning(
                "Outbox row %d: network error (%s); retrying in %.0f s",
                item.id,
                type(error).__name__,
                delay,
            )
            self._limiter.back_off(delay, item.chat_id)
            async with db.transaction() as tx:
                await outbox.retry_later(tx, item.id, item.due_at)
            self._give_back(dataclasses.replace(item, attempts=item.attempts + 1))
        except TelegramError as error:
            log.error("Outbox row %d: %s", item.id, type(error).__name__)
            await self._undeliverable(item, "failed")
        else:
            self._accepted_at[item.id] = time.monotonic()
            self._to_mark.append((item, message_id))
            if self._marker is None or self._marker.done():
                self._marker = asyncio.create_task(self._mark(), name="mend-sender-mark")
            return True
        return False

    def _give_back(self, item: OutboxItem) -> None:
        """Not sent, still pending: back into the queue (the 429 or back-off holds its chat)."""
        self._in_flight.discard(item.id)
        self._returned.append(item)

    async def _mark(self) -> None:
        """Mark accepted rows sent: one transaction for all accepted since the last one.

        A row stays out of the queue until its mark is committed, so it is never sent twice.
        """
        db, clock = self._mend.db, self._mend.clock
        while self._to_mark:
            sent, self._to_mark = self._to_mark, []
            try:
                async with db.transaction() as tx:
                    before = db.commits
                    released = await outbox.mark_sent_many(tx, sent, clock.now())
            except Exception:
                log.exception("Marking %d outbox rows sent failed; trying again", len(sent))
                self._to_mark[:0] = sent
                await asyncio.sleep(1.0)
                continue
            if released:  # rows that followed these are due now: read them
                self.wake()
            elif self._seen_commits == before:  # only our own commit since the last read
                self._seen_commits = before + 1
            recorded = time.monotonic()
            for item, _ in sent:
                self._in_flight.discard(item.id)
                self.unrecorded.add(recorded - self._accepted_at.pop(item.id, recorded))

    async def _undeliverable(self, item: OutboxItem, status: str) -> None:
        """Record it, and let the author of a relay be told, in the same transaction."""
        now = self._mend.clock.now()
        async with self._mend.db.transaction() as tx:
            await outbox.mark_undeliverable(tx, item.id, status, now)
            # A row with an author is a relay they chose to send: they are told.
            if item.author_id is not None:
                await self._tell_author(tx, item, now)
