"""Each measurement of issue 4, returning plain figures."""

import asyncio
import itertools
import json
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from telegram import Update
from telegram.ext import TypeHandler

from bench import data
from bench.fakeproc import FakeProcess
from bot.app import build_application
from bot.kernel import outbox
from bot.kernel.config import Settings
from bot.kernel.context import MendApplication
from bot.kernel.crypto import TextCipher, decode_key
from bot.kernel.db import Database
from bot.kernel.outgoing import Outgoing
from bot.kernel.scheduler import tick


class FixedClock:
    def __init__(self, now: datetime) -> None:
        self.moment = now

    def now(self) -> datetime:
        return self.moment


class RunningClock:
    """Real time, shifted so that it reads ``start`` now."""

    def __init__(self, start: datetime) -> None:
        self._offset = start - datetime.now(UTC)

    def now(self) -> datetime:
        return datetime.now(UTC) + self._offset


def settings_for(db: Path, key: str, **values: Any) -> Settings:
    return Settings(
        _env_file=None,
        telegram_bot_token=values.pop("token", "123:ABC"),
        bot_database=db,
        bot_data_key=key,
        **values,
    )


# --- 1. the due-queue tick ------------------------------------------------------------------


async def _lag_monitor(stop: asyncio.Event, lags: list[float]) -> None:
    period = 0.002
    while not stop.is_set():
        started = time.perf_counter()
        await asyncio.sleep(period)
        lags.append(time.perf_counter() - started - period)


async def tick_figures(db: Path, key: str, ticks: int) -> dict[str, Any]:
    clock = FixedClock(data.T0)
    # The Mend that build_application wires (the Application itself is not started).
    mend = build_application(settings_for(db, key), clock=clock).bot_data.mend
    await mend.db.open()
    try:
        clock.moment = data.BUSY_INSTANT
        stop = asyncio.Event()
        lags: list[float] = []
        monitor = asyncio.create_task(_lag_monitor(stop, lags))
        await asyncio.sleep(0.01)
        started = time.perf_counter()
        busy = await tick(mend)
        busy_s = time.perf_counter() - started
        stop.set()
        await monitor
        durations, counts = [], []
        for minute in range(1, ticks + 1):  # ordinary minutes after the busy one
            clock.moment = data.BUSY_INSTANT + timedelta(minutes=minute)
            started = time.perf_counter()
            queued = await tick(mend)
            durations.append(time.perf_counter() - started)
            counts.append(queued)
    finally:
        await mend.db.close()
    return {
        "tick_median_ms": statistics.median(durations) * 1000,
        "tick_max_ms": max(durations) * 1000,
        "tick_due_median": statistics.median(counts),
        "ticks": len(durations),
        "busy_due": busy,
        "busy_total_s": busy_s,
        "busy_max_loop_lag_ms": max(lags) * 1000 if lags else 0.0,
    }


# --- 2./3. start-up and memory, in clean processes -----------------------------------------------


def child(*args: str) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, "-m", "bench.child", *args], check=True, capture_output=True, text=True
    )
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


# --- 4./5./8. delivery through the real Application, the fake in its own process ---


async def delivery(
    workdir: Path,
    *,
    chats: int,
    extra_chats: int,
    extra_each: int,
    max_rate: float,
    fake_global: float,
    fake_chat: float,
    limit_s: float,
) -> dict[str, Any]:
    """``chats`` reminders due at one instant (21:00 local) plus ``extra_chats`` chats that
    also have ``extra_each`` relayed messages waiting; the real Application delivers them."""
    key = data.make_key()
    db = workdir / f"delivery-{chats}-{int(max_rate)}.sqlite3"
    await data.build(db, key, chats, busy=chats, reminders_per_user=1)
    async with FakeProcess() as fake:
        await fake.command("users", ids=list(range(1, chats + 1)))
        # Relays waiting for a few chats, due a moment before the prompts.
        cipher_db = Database(db, TextCipher(decode_key(key)))
        await cipher_db.open()
        async with cipher_db.transaction() as tx:
            for chat in range(1, extra_chats + 1):
                for n in range(extra_each):
                    await outbox.add(
                        tx,
                        chat,
                        "relay",
                        Outgoing(f"relay {chat}.{n}"),
                        data.BUSY_INSTANT - timedelta(seconds=1),
                    )
        await cipher_db.close()
        expected = chats + extra_chats * extra_each
        await fake.command("rate", **{"global": fake_global, "chat": fake_chat})
        clock = RunningClock(data.BUSY_INSTANT - timedelta(seconds=1))
        due_mono = time.monotonic() + 1.0
        settings = settings_for(
            db,
            key,
            token=fake.token,
            telegram_api_base_url=fake.base_url,
            telegram_api_base_file_url=fake.file_url,
            telegram_max_rate=max_rate,
            tick_seconds=1.0,
        )
        app = build_application(settings, clock=clock)
        cpu0 = time.process_time()
        await app.initialize()
        assert app.post_init is not None
        await app.post_init(app)
        await app.start()
        deadline = time.monotonic() + limit_s
        delivered = 0
        while time.monotonic() < deadline:
            await asyncio.sleep(0.5)
            delivered = await fake.command("count")
            if delivered >= expected:
                break
        await asyncio.sleep(1.5)  # anything more (a duplicate) would arrive now
        cpu = time.process_time() - cpu0
        sender = app.bot_data.sender
        assert sender is not None
        window = sender.unrecorded
        await _stop(app)
        log = await fake.command("log")
    report = _delivery_report(log, expected, due_mono, cpu)
    report["unrecorded_max_ms"] = window.longest * 1000
    report["unrecorded_mean_ms"] = window.mean * 1000
    return report


async def _stop(app: MendApplication) -> None:
    await app.stop()
    assert app.post_stop is not None and app.post_shutdown is not None
    await app.post_stop(app)
    await app.shutdown()
    await app.post_shutdown(app)


def _delivery_report(
    log: list[list[Any]], expected: int, due_mono: float, cpu: float
) -> dict[str, Any]:
    ok = [entry for entry in log if entry[2] == 200]
    ok.sort(key=lambda e: e[0])
    texts = [(e[1], e[4]) for e in ok]
    duplicates = len(texts) - len(set(texts))
    times_by_chat: dict[int, list[float]] = defaultdict(list)
    for at, chat, *_ in ok:
        times_by_chat[chat].append(at)
    gaps = [b - a for ts in times_by_chat.values() for a, b in itertools.pairwise(ts)]
    # A 429 is honoured when that chat is not written to again before retry_after has passed.
    calls_by_chat: dict[int, list[list[Any]]] = defaultdict(list)
    for entry in sorted(log, key=lambda e: e[0]):
        calls_by_chat[entry[1]].append(entry)
    refused = dishonoured = 0
    for entries in calls_by_chat.values():
        for i, entry in enumerate(entries):
            if entry[2] == 429:
                refused += 1
                later = entries[i + 1 : i + 2]
                if later and later[0][0] < entry[0] + entry[3] - 0.05:
                    dishonoured += 1
    span = ok[-1][0] - ok[0][0] if len(ok) > 1 else 0.0
    # Prompts (the single-reminder users) in arrival order should follow their due order (id).
    prompt_chats = [e[1] for e in ok if not str(e[4]).startswith("relay")]
    first_seen: dict[int, int] = {}
    for position, chat in enumerate(prompt_chats):
        first_seen.setdefault(chat, position)
    order = [chat for chat, _ in sorted(first_seen.items(), key=lambda item: item[1])]
    inversions = sum(1 for a, b in itertools.pairwise(order) if b < a)
    return {
        "expected": expected,
        "delivered": len(set(texts)),
        "lost": expected - len(set(texts)),
        "duplicates": duplicates,
        "rate_per_s": (len(ok) - 1) / span if span else 0.0,
        "span_s": span,
        "responses_429": refused,
        "429_not_honoured": dishonoured,
        "min_same_chat_gap_s": min(gaps) if gaps else None,
        "last_after_due_s": ok[-1][0] - due_mono if ok else None,
        "order_inversions": inversions,
        "cpu_ms_per_message": cpu * 1000 / max(1, len(ok)),
    }


async def usual_burst(count: int) -> dict[str, Any]:
    """PTB JobQueue, one run_daily job per reminder, all due in the same second."""
    async with FakeProcess() as fake:
        await fake.command("users", ids=list(range(1, count + 1)))
        await fake.command("rate", **{"global": 30, "chat": 1})
        delay = 3.0 + count / 2500
        result = await asyncio.to_thread(
            child, "ptbburst", str(count), fake.base_url, fake.token, str(delay)
        )
        result["delivered"] = await fake.command("count")
    return result


# --- 7. updates through the real Application ---


async def updates(workdir: Path, users: int) -> dict[str, Any]:
    from bot.playground.telegram_server import FakeTelegram

    key = data.make_key()
    db = workdir / "updates.sqlite3"
    await data.build(db, key, users, busy=users, reminders_per_user=1)
    async with FakeTelegram() as tg:
        people = [tg.user(uid, "User") for uid in range(1, users + 1)]
        settings = settings_for(
            db,
            key,
            token=tg.token,
            telegram_api_base_url=tg.base_url,
            telegram_api_base_file_url=tg.base_file_url,
            telegram_max_rate=1000,
            tick_seconds=0.2,
        )
        app = build_application(settings, clock=FixedClock(data.BUSY_INSTANT))
        starts: dict[int, float] = {}
        ends: dict[int, float] = {}

        async def begin(update: Update, _: Any) -> None:
            starts[update.update_id] = time.perf_counter()

        async def end(update: Update, _: Any) -> None:
            ends[update.update_id] = time.perf_counter()

        app.add_handler(TypeHandler(Update, begin), group=-100)
        app.add_handler(TypeHandler(Update, end), group=100)
        await app.initialize()
        assert app.post_init is not None and app.updater is not None
        await app.post_init(app)
        await app.updater.start_polling(poll_interval=0, timeout=1)
        await app.start()
        try:
            await tg.wait_for(lambda: all(tg.messages_to(uid) for uid in range(1, users + 1)), 120)
            pushed = time.perf_counter()
            for person in people:
                prompt = person.last_message()
                first = prompt.buttons[0][0][0]
                if first == "Remind me in 1 h":  # a words prompt: answer by replying
                    await person.send("A steady day", reply_to=prompt)
                else:  # a scale or choice prompt: press its first answer
                    await person.press(prompt, first)
            await tg.wait_for(lambda: len(ends) >= users, 120)
            finished = max(ends.values())
        finally:
            assert app.updater is not None
            await app.updater.stop()
            await _stop(app)
    latencies = sorted(ends[u] - starts[u] for u in ends if u in starts)
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    return {
        "updates": len(latencies),
        "updates_per_s": len(latencies) / (finished - pushed),
        "p50_ms": statistics.median(latencies) * 1000,
        "p99_ms": p99 * 1000,
    }
