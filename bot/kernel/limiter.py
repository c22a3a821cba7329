"""Telegram's send limits: a global rate for the bot and about one message a second per chat."""

import asyncio
import time
from collections.abc import Callable

# Seconds of global slots that may be made up after a short stall of the event loop (a burst
# of at most this many seconds' worth of messages: 3 at 30/s).
CATCH_UP = 0.1


class RateLimiter:
    """Spaces sends evenly at ``per_second`` overall and ``per_chat_interval`` per chat.

    Unlike python-telegram-bot's AIORateLimiter, a chat that must wait does not hold up the
    others: the sender asks :meth:`chat_wait` first and only takes a global slot for a chat
    that is ready. A 429 pauses just what it concerns (:meth:`back_off`).
    """

    def __init__(
        self,
        per_second: float,
        per_chat_interval: float = 1.0,
        monotonic: Callable[[], float] = time.monotonic,
        catch_up: float = CATCH_UP,
    ) -> None:
        self._spacing = 1.0 / per_second
        self._catch_up = catch_up
        self._per_chat_interval = per_chat_interval
        self._monotonic = monotonic
        self._next_global = 0.0
        self._next_for_chat: dict[int, float] = {}
        self._held_until: dict[int, float] = {}  # chats Telegram told us to leave alone (429)

    def chat_wait(self, chat_id: int) -> float:
        """Seconds until this chat may receive another message (0 when it may now)."""
        return max(0.0, self._next_for_chat.get(chat_id, 0.0) - self._monotonic())

    async def acquire(self, chat_id: int) -> None:
        """Wait for the next global slot and book the chat's next slot."""
        now = self._monotonic()
        # A slot missed while the event loop was busy for a moment (up to ``catch_up``
        # seconds) is still used, so the rate holds over the second, as Telegram counts it;
        # after a longer pause (idle) sending starts afresh, without a burst.
        slot = self._next_global if self._next_global >= now - self._catch_up else now
        self._next_global = slot + self._spacing
        at = max(slot, now)  # when this message really goes: the chat's spacing counts from it
        self._next_for_chat[chat_id] = max(at, self._next_for_chat.get(chat_id, 0.0)) + (
            self._per_chat_interval
        )
        if slot > now:
            await asyncio.sleep(slot - now)
        if len(self._next_for_chat) > 10_000:
            self._forget_idle_chats()

    def held(self, chat_id: int) -> float:
        """Seconds left of a 429 window Telegram set for this chat (0 when there is none).
        Direct replies wait only for this, not for the sender's spacing."""
        until = self._held_until.get(chat_id)
        if until is None:
            return 0.0
        left = until - self._monotonic()
        if left <= 0:
            del self._held_until[chat_id]
        return max(0.0, left)

    def back_off(self, seconds: float, chat_id: int | None = None) -> None:
        """Telegram said wait (429): hold that chat, or everything when no chat is named."""
        until = self._monotonic() + seconds
        if chat_id is None:
            self._next_global = max(self._next_global, until)
        else:
            self._next_for_chat[chat_id] = max(self._next_for_chat.get(chat_id, 0.0), until)
            self._held_until[chat_id] = max(self._held_until.get(chat_id, 0.0), until)

    def _forget_idle_chats(self) -> None:
        now = self._monotonic()
        self._next_for_chat = {c: t for c, t in self._next_for_chat.items() if t > now}
