"""The sender: the one path by which the outbox reaches Telegram.

It drains due rows in due order through the rate limiter, marks each row sent with
Telegram's message id, retries network errors and 429s, and records blocked partners,
telling the author of a relay that it could not be delivered.
"""

import asyncio
import contextlib
import logging

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError

from bot import texts
from bot.core import Mend
from bot.delivery.limiter import RateLimiter
from bot.outgoing import Outgoing
from bot.storage import outbox, users
from bot.storage.models import OutboxItem

log = logging.getLogger(__name__)

BATCH = 256
MAX_BACKOFF = 60.0


def markup(message: Outgoing) -> InlineKeyboardMarkup | None:
    """The Telegram keyboard for a message's buttons."""
    if not message.buttons:
        return None
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(b.text, callback_data=b.data) for b in row]
            for row in message.buttons
        ]
    )


async def send(bot: Bot, chat_id: int, message: Outgoing) -> int:
    """Send one message as Mend sends every message; returns Telegram's message id."""
    sent = await bot.send_message(
        chat_id,
        message.text,
        parse_mode=ParseMode.HTML,
        reply_markup=markup(message),
        link_preview_options=LinkPreviewOptions(is_disabled=True),
    )
    return sent.message_id


class Sender:
    """Drains the outbox; woken when rows are committed, and polls for rows coming due."""

    def __init__(self, mend: Mend, bot: Bot, limiter: RateLimiter, concurrency: int = 64) -> None:
        self._mend = mend
        self._bot = bot
        self._limiter = limiter
        self._slots = asyncio.Semaphore(concurrency)
        self._wake = asyncio.Event()
        self._in_flight: set[int] = set()
        self._busy_chats: set[int] = set()
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

    async def pump(self) -> tuple[int, float]:
        """Dispatch every due row whose chat may receive now, in due order.

        Returns how many were dispatched and how long until a waiting chat is ready.
        """
        now = self._mend.clock.now()
        async with self._mend.db.read() as tx:
            items = await outbox.due(tx, now, BATCH, skip=self._in_flight)
        dispatched = 0
        soonest = float("inf")
        held: set[int] = set()  # chats with an earlier row waiting: keep their order
        for item in items:
            chat = item.chat_id
            if chat in held or chat in self._busy_chats:
                held.add(chat)
                continue
            wait = self._limiter.chat_wait(chat)
            if wait > 0:
                held.add(chat)
                soonest = min(soonest, wait)
                continue
            await self._slots.acquire()
            await self._limiter.acquire(chat)
            self._in_flight.add(item.id)
            self._busy_chats.add(chat)
            task = asyncio.create_task(self._deliver(item))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
            dispatched += 1
        return dispatched, soonest

    async def _deliver(self, item: OutboxItem) -> None:
        try:
            await self._attempt(item)
        except Exception:
            log.exception("Delivering outbox row %d failed unexpectedly", item.id)
        finally:
            self._in_flight.discard(item.id)
            self._busy_chats.discard(item.chat_id)
            self._slots.release()
            self.wake()

    async def _attempt(self, item: OutboxItem) -> None:
        db, clock = self._mend.db, self._mend.clock
        try:
            message_id = await send(self._bot, item.chat_id, item.message)
        except Forbidden:
            log.info("Outbox row %d: chat %d has blocked the bot", item.id, item.chat_id)
            await self._undeliverable(item, "blocked")
        except RetryAfter as error:
            retry = error.retry_after
            seconds = retry if isinstance(retry, int | float) else retry.total_seconds()
            log.warning("Outbox row %d: Telegram asked to wait %.1f s", item.id, seconds)
            self._limiter.back_off(seconds, item.chat_id)
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
        except TelegramError as error:
            log.error("Outbox row %d: %s", item.id, type(error).__name__)
            await self._undeliverable(item, "failed")
        else:
            async with db.transaction() as tx:
                await outbox.mark_sent(tx, item, message_id, clock.now())

    async def _undeliverable(self, item: OutboxItem, status: str) -> None:
        """Record it; an author whose relay could not be delivered is told."""
        now = self._mend.clock.now()
        async with self._mend.db.transaction() as tx:
            await outbox.mark_undeliverable(tx, item.id, status, now)
            # A row with an author is a relay they chose to send: they are told.
            if item.author_id is not None:
                reader = await users.get(tx, item.chat_id)
                name = texts.escape(reader.first_name) if reader else texts.YOUR_PARTNER
                notice = Outgoing(texts.PARTNER_UNREACHABLE.format(name=name))
                await outbox.add(tx, item.author_id, "undeliverable", notice, now)
