"""python -m bench [--smoke|--quick|--full]: measure, print the table; --full writes
results.json."""

import argparse
import asyncio
import json
import os
import platform
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench import data, scenarios

SIZES: dict[str, dict[str, Any]] = {
    "smoke": {
        "tick_users": 10_000,
        "tick_busy": 2_000,
        "ticks": 3,
        "startup": [2_000, 10_000],
        "compare": 5_000,
        "burst": 150,
        "send": 100,
        "extra": 3,
        "fast": 300,
        "fast_rate": 1000,
        "updates": 100,
    },
    "quick": {
        "tick_users": 100_000,
        "tick_busy": 10_000,
        "ticks": 10,
        "startup": [10_000, 100_000],
        "compare": 20_000,
        "burst": 1_500,  # delivered at 30/s: 50 s of the run, which must stay under 2 minutes
        "send": 300,
        "extra": 5,
        "fast": 2_000,
        "fast_rate": 1000,
        "updates": 1_000,
    },
    "full": {
        "tick_users": 1_000_000,
        "tick_busy": 100_000,
        "ticks": 15,
        "startup": [10_000, 100_000, 1_000_000],
        "compare": 100_000,
        "burst": 10_000,
        "send": 3_000,
        "extra": 5,
        "fast": 10_000,
        "fast_rate": 1000,
        "updates": 5_000,
    },
}


def machine() -> dict[str, Any]:
    model = "unknown"
    with open("/proc/cpuinfo") as cpuinfo:
        for line in cpuinfo:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return {
        "cpu": model,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


SECTIONS = ("tick", "startup", "compare", "burst", "send", "paid", "updates")


async def measure(
    mode: str, work: Path, only: frozenset[str] = frozenset(SECTIONS)
) -> tuple[dict[str, Any], list[tuple[str, str, str, str]]]:
    size = SIZES[mode]
    figures: dict[str, Any] = {}
    rows: list[tuple[str, str, str, str]] = []

    def row(name: str, value: str, target: str, met: bool | None) -> None:
        rows.append((name, value, target, "-" if met is None else ("yes" if met else "NO")))

    # 1. Due-queue tick at the largest size (its database is the largest start-up one too).
    users = size["tick_users"]
    key = data.make_key()
    big = work / f"users-{users}.sqlite3"
    if "tick" in only or "startup" in only:
        log(f"building {users:,} users ({2 * users:,} reminders)")
        started = time.perf_counter()
        await data.build(big, key, users, busy=size["tick_busy"])
        figures["data_build_s"] = time.perf_counter() - started
    if "tick" in only:
        log("tick")
        tick = await scenarios.tick_figures(big, key, size["ticks"])
        figures["tick"] = tick
        row(
            f"Tick median, {users:,} users / {2 * users:,} reminders "
            f"(~{tick['tick_due_median']:.0f} due)",
            f"{tick['tick_median_ms']:.1f} ms",
            "< 30 ms",
            tick["tick_median_ms"] < 30,
        )
        row(
            f"Busy minute: {tick['busy_due']:,} due at 21:00, max event-loop lag",
            f"{tick['busy_max_loop_lag_ms']:.1f} ms (all in {tick['busy_total_s']:.1f} s)",
            "< 50 ms",
            tick["busy_max_loop_lag_ms"] < 50,
        )

    startup: dict[int, dict[str, Any]] = {}
    if "startup" in only:
        # 2. Start-up and memory, flat in users.
        log("start-up and memory")
        for n in size["startup"]:
            path = big if n == users else work / f"startup-{n}.sqlite3"
            path_key = key
            if n != users:
                path_key = data.make_key()
                await data.build(path, path_key, n, busy=n // 10)
            startup[n] = await asyncio.to_thread(scenarios.child, "mend", str(path), path_key)
            row(
                f"Start-up to first tick, {n:,} users",
                f"{startup[n]['startup_s'] * 1000:.0f} ms, RSS {startup[n]['rss_mb']:.1f} MB",
                "< 1 s",
                startup[n]["startup_s"] < 1,
            )
        figures["startup"] = startup
        low, high = min(startup), max(startup)
        growth = startup[high]["rss_mb"] - startup[low]["rss_mb"]
        figures["rss_growth_mb"] = growth
        row(f"RSS growth {low:,} -> {high:,} users", f"{growth:.1f} MB", "< 20 MB", growth < 20)

    if "compare" in only:
        # 3. Against one PTB run_daily job per reminder.
        n = size["compare"]
        log(f"PTB JobQueue with {n:,} run_daily jobs")
        ptb = await asyncio.to_thread(scenarios.child, "ptb", str(n))
        if n in startup:
            mend = startup[n]
        else:
            path = work / f"compare-{n}.sqlite3"
            ckey = data.make_key()
            await data.build(path, ckey, n // 2, busy=n // 20)  # n reminders: two per user
            mend = await asyncio.to_thread(scenarios.child, "mend", str(path), ckey)
        figures["compare"] = {"reminders": n, "ptb": ptb, "mend": mend}
        speed = ptb["startup_s"] / mend["startup_s"]
        memory = ptb["rss_mb"] / mend["rss_mb"]
        row(
            f"Start-up, {n:,} reminders: PTB run_daily vs Mend",
            f"{ptb['startup_s']:.2f} s vs {mend['startup_s'] * 1000:.0f} ms ({speed:.0f}x)",
            ">= 25x faster",
            speed >= 25,
        )
        row(
            f"RSS, {n:,} reminders: PTB run_daily vs Mend",
            f"{ptb['rss_mb']:.0f} MB vs {mend['rss_mb']:.0f} MB ({memory:.1f}x)",
            ">= 5x smaller",
            memory >= 5,
        )

    if "burst" in only:
        burst = size["burst"]
        log(f"PTB burst: {burst:,} run_daily jobs due in the same second")
        usual = await scenarios.usual_burst(burst)
        figures["usual_burst"] = usual

        # 8. (and 3.) Lateness: the same burst through Mend at 30/s.
        log(f"Mend burst / lateness: {burst:,} due at 21:00, delivered at 30/s")
        late = await scenarios.delivery(
            work,
            chats=burst,
            extra_chats=0,
            extra_each=0,
            max_rate=30,
            fake_global=30,
            fake_chat=1,
            limit_s=burst / 30 + 60,
        )
        figures["lateness"] = late
        row(
            f"Burst of {burst:,} due in one minute: delivered, usual vs Mend",
            f"{usual['delivered']:,} (missed {usual['missed']:,}, errors {usual['error']:,}) "
            f"vs {late['delivered']:,}",
            f"all {burst:,} (Mend)",
            late["delivered"] == burst and late["duplicates"] == 0,
        )
        bound = burst / 30 + 2
        row(
            f"Lateness: last of {burst:,} due at 21:00 (order inversions)",
            f"{late['last_after_due_s']:.1f} s ({late['order_inversions']})",
            f"<= {bound:.1f} s, 0",
            late["last_after_due_s"] <= bound and late["order_inversions"] == 0,
        )

    if "send" in only:
        # 4. Send path at 30/s with per-chat limits.
        chats, extra = size["send"], size["extra"]
        log(f"send path: {chats:,} chats + {extra} chats with 3 more, at 30/s")
        send = await scenarios.delivery(
            work,
            chats=chats,
            extra_chats=extra,
            extra_each=3,
            max_rate=30,
            fake_global=30,
            fake_chat=1,
            limit_s=chats / 30 + 60,
        )
        figures["send_30"] = send
        row(
            f"Send path, {send['expected']:,} messages at limit 30/s: rate",
            f"{send['rate_per_s']:.1f}/s ({send['rate_per_s'] / 30:.0%})",
            ">= 95%",
            send["rate_per_s"] >= 0.95 * 30,
        )
        row(
            "Send path: lost / duplicates / 429s (not honoured) / min same-chat gap",
            f"{send['lost']} / {send['duplicates']} / {send['responses_429']} "
            f"({send['429_not_honoured']}) / {send['min_same_chat_gap_s']:.2f} s"
            if send["min_same_chat_gap_s"] is not None
            else f"{send['lost']} / {send['duplicates']} / {send['responses_429']}",
            "0 / 0 / honoured / >= ~1 s",
            send["lost"] == 0
            and send["duplicates"] == 0
            and send["429_not_honoured"] == 0
            and (send["min_same_chat_gap_s"] or 1) >= 0.9,
        )
        row(
            "Send path: accepted by Telegram, not yet recorded sent (mean / max)",
            f"{send['unrecorded_mean_ms']:.1f} ms / {send['unrecorded_max_ms']:.1f} ms",
            "(the duplicate window)",
            None,
        )

    if "paid" in only:
        # 5./6. Paid broadcasts, and our CPU per message.
        fast, rate = size["fast"], size["fast_rate"]
        log(f"send path at {rate}/s: {fast:,} messages")
        paid = await scenarios.delivery(
            work,
            chats=fast,
            extra_chats=0,
            extra_each=0,
            max_rate=rate,
            fake_global=rate,
            fake_chat=1,
            limit_s=fast / rate * 5 + 60,
        )
        figures["send_fast"] = paid
        row(
            f"TELEGRAM_MAX_RATE={rate}: {fast:,} messages, rate",
            f"{paid['rate_per_s']:.0f}/s ({paid['rate_per_s'] / rate:.0%}), lost {paid['lost']}",
            ">= 90%",
            paid["rate_per_s"] >= 0.9 * rate and paid["lost"] == 0,
        )
        row(
            "CPU per outgoing message (mean, bot process only)",
            f"{paid['cpu_ms_per_message']:.2f} ms",
            "< 1 ms",
            paid["cpu_ms_per_message"] < 1,
        )

    if "updates" in only:
        # 7. Updates through the real Application.
        count = size["updates"]
        log(f"updates: {count:,} check-in answers through the Application")
        upd = await scenarios.updates(work, count)
        figures["updates"] = upd
        row(
            f"Updates: {upd['updates']:,} check-in answers, throughput",
            f"{upd['updates_per_s']:.0f}/s",
            ">= 1,000/s",
            upd["updates_per_s"] >= 1000,
        )
        row(
            "Updates: p99 handler latency (p50)",
            f"{upd['p99_ms']:.1f} ms ({upd['p50_ms']:.1f})",
            "< 10 ms",
            upd["p99_ms"] < 10,
        )

    return figures, rows


def table(rows: list[tuple[str, str, str, str]]) -> str:
    header = ("Figure", "Value", "Target", "Met?")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(4)]
    lines = ["| " + " | ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)) + " |"]
    lines.append("| " + " | ".join("-" * w for w in widths) + " |")
    for r in rows:
        lines.append("| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    group = parser.add_mutually_exclusive_group()
    for mode in SIZES:
        group.add_argument(f"--{mode}", dest="mode", action="store_const", const=mode)
    parser.set_defaults(mode="full")
    parser.add_argument(
        "--only",
        default=",".join(SECTIONS),
        help=f"comma-separated sections to run, of {','.join(SECTIONS)} (default: all); "
        "results.json is written only by a --full run of all of them",
    )
    args = parser.parse_args()
    only = frozenset(name.strip() for name in args.only.split(",") if name.strip())
    unknown = only - set(SECTIONS)
    if unknown:
        parser.error(f"unknown section(s): {', '.join(sorted(unknown))}")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="mend-bench-") as tmp:
        figures, rows = asyncio.run(measure(args.mode, Path(tmp), only))
    wall = time.perf_counter() - started
    print(table(rows))
    print(f"\nmode {args.mode}, {wall:.0f} s, {machine()['cpu']}, {os.cpu_count()} cores")
    results = {
        "mode": args.mode,
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "wall_s": wall,
        "table": [dict(zip(("figure", "value", "target", "met"), r, strict=True)) for r in rows],
        "figures": figures,
    }
    if args.mode != "full" or only != set(SECTIONS):
        return  # a smaller or partial run: keep the last complete results.json
    out = Path(__file__).with_name("results.json")
    out.write_text(json.dumps(results, indent=2, default=str) + "\n")


if __name__ == "__main__":
    main()
