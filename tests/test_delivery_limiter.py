"""The rate limiter spaces sends globally and per chat, makes up a short stall, and a 429
holds only its chat (a fake monotonic clock: nothing here waits)."""

import pytest

from bot.kernel.limiter import RateLimiter


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


async def test_slots_missed_during_a_short_stall_are_made_up_but_not_after_a_pause() -> None:
    clock = Clock()
    limiter = RateLimiter(10, per_chat_interval=1.0, monotonic=clock, catch_up=0.3)
    await limiter.acquire(1)  # the slot at 100.0; the next one is at 100.1
    clock.now = 100.35  # the loop was busy: the slots at 100.1, 100.2 and 100.3 went by
    for chat in range(2, 5):
        await limiter.acquire(chat)  # they are used now, without waiting
    assert limiter._next_global == pytest.approx(100.4)
    # The chats' own spacing counts from when their message really went.
    assert limiter.chat_wait(2) == pytest.approx(1.0)
    clock.now = 200.0  # idle for a long while: no burst of old slots
    await limiter.acquire(5)
    assert limiter._next_global == pytest.approx(200.1)


async def test_a_back_off_holds_only_its_chat() -> None:
    clock = Clock()
    limiter = RateLimiter(1000, monotonic=clock)
    limiter.back_off(5.0, chat_id=7)
    assert limiter.chat_wait(7) == 5.0
    assert limiter.chat_wait(8) == 0.0
    await limiter.acquire(8)
    assert limiter.chat_wait(8) == 1.0
