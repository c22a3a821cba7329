"""Measurements that need a clean process (start-up time and resident memory).

``python -m bench.child mend DB KEY`` | ``ptb N`` | ``ptbburst N BASE_URL TOKEN DELAY``;
prints one JSON object.
"""

import asyncio
import json
import sys
import time
from datetime import UTC, datetime, timedelta
from datetime import time as dtime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from telegram.ext import ApplicationBuilder, CallbackContext

from bench.data import T0, ZONES


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


class _Clock:
    def __init__(self, now: datetime) -> None:
        self._now = now

    def now(self) -> datetime:
        return self._now


async def mend_startup(db_path: str, key: str) -> dict[str, Any]:
    from bot.app import build_application
    from bot.kernel.config import Settings
    from bot.kernel.scheduler import tick

    before = rss_mb()
    started = time.perf_counter()
    settings = Settings(
        _env_file=None,
        telegram_bot_token="123:ABC",
        bot_database=Path(db_path),
        bot_data_key=key,
    )
    app = build_application(settings, clock=_Clock(T0 + timedelta(minutes=1)))
    mend = app.bot_data.mend
    await mend.db.open()
    queued = await tick(mend)
    elapsed = time.perf_counter() - started
    after = rss_mb()
    await mend.db.close()
    return {"startup_s": elapsed, "rss_mb": after, "rss_before_mb": before, "queued": queued}


async def _noop(context: CallbackContext) -> None:
    return None


async def ptb_startup(count: int) -> dict[str, Any]:
    before = rss_mb()
    started = time.perf_counter()
    app = ApplicationBuilder().token("123:ABC").build()
    job_queue = app.job_queue
    assert job_queue is not None
    await job_queue.start()
    days = tuple(range(7))
    for i in range(count):
        zone = ZoneInfo(ZONES[i % len(ZONES)])
        job_queue.run_daily(
            _noop, dtime(i % 24, (i // 24) % 60, tzinfo=zone), days=days, chat_id=i + 1
        )
    elapsed = time.perf_counter() - started
    after = rss_mb()
    await job_queue.stop(wait=False)
    return {"startup_s": elapsed, "rss_mb": after, "rss_before_mb": before, "jobs": count}


async def ptb_burst(count: int, base_url: str, token: str, delay: float) -> dict[str, Any]:
    """One run_daily job per reminder, all due in the same second, each sending its prompt."""
    from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_EXECUTED, EVENT_JOB_MISSED

    app = ApplicationBuilder().token(token).base_url(base_url).build()
    await app.initialize()
    job_queue = app.job_queue
    assert job_queue is not None
    counts = {"executed": 0, "missed": 0, "error": 0}

    def listen(event: Any) -> None:
        name = {EVENT_JOB_EXECUTED: "executed", EVENT_JOB_MISSED: "missed"}.get(
            event.code, "error"
        )
        counts[name] += 1

    job_queue.scheduler.add_listener(
        listen, EVENT_JOB_EXECUTED | EVENT_JOB_MISSED | EVENT_JOB_ERROR
    )
    await job_queue.start()

    async def send(context: CallbackContext) -> None:
        assert context.job is not None and context.job.chat_id is not None
        await context.bot.send_message(context.job.chat_id, f"prompt {context.job.data}")

    due = (datetime.now(UTC) + timedelta(seconds=delay)).replace(microsecond=0)
    for i in range(count):
        job_queue.run_daily(send, due.timetz(), days=tuple(range(7)), chat_id=i + 1, data=i)
    scheduled_at = datetime.now(UTC)
    deadline = time.monotonic() + delay + 120
    while sum(counts.values()) < count and time.monotonic() < deadline:  # noqa: ASYNC110
        await asyncio.sleep(0.2)
    await asyncio.sleep(1)
    await job_queue.stop(wait=False)
    await app.shutdown()
    return {
        **counts,
        "scheduling_done_before_due_s": (due - scheduled_at).total_seconds(),
        "misfire_grace_time_s": job_queue.scheduler._job_defaults.get("misfire_grace_time"),
    }


def main() -> None:
    mode, *args = sys.argv[1:]
    if mode == "mend":
        result = asyncio.run(mend_startup(args[0], args[1]))
    elif mode == "ptb":
        result = asyncio.run(ptb_startup(int(args[0])))
    else:
        result = asyncio.run(ptb_burst(int(args[0]), args[1], args[2], float(args[3])))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
