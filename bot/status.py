"""``python -m bot status``: how the bot is doing, for the operator, from the database alone.

Opened read-only (``mode=ro``), so it runs beside the bot; it reads counts and times only,
never a sealed column, and needs no key. Exit code 1 when delivery is behind: the oldest
message due and still waiting is older than ``--behind`` seconds (a health check).
"""

import sqlite3
import sys
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TextIO

from bot.kernel.config import StorageSettings
from bot.kernel.db import from_ts, from_ts_or_none, to_ts
from bot.kernel.heartbeat import LAST_TICK_KEY
from bot.kernel.migrations import MIGRATIONS

DEFAULT_BEHIND = 300  # seconds


@dataclass(frozen=True)
class Status:
    schema_version: int
    users: int
    couples: int
    reminders_next_hour: int
    waiting: int  # outbox rows due and not sent yet
    oldest_waiting_due: datetime | None
    scheduled: int  # outbox rows waiting for a later time (an undo window, a retry)
    blocked_last_day: int
    failed_last_day: int
    last_tick: datetime | None


def read_status(database: Path, now: datetime) -> Status:
    """The counts, in one read transaction on a read-only connection."""
    uri = f"{database.resolve().as_uri()}?mode=ro"
    with closing(sqlite3.connect(uri, uri=True, isolation_level=None)) as conn:
        conn.execute("PRAGMA busy_timeout = 5000")
        conn.execute("BEGIN")
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if version == 0:
            raise sqlite3.DatabaseError("not a Mend database (schema version 0)")

        def one(sql: str, *args: object) -> int:
            return int(conn.execute(sql, args).fetchone()[0] or 0)

        stamp = to_ts(now)
        oldest = conn.execute(
            "SELECT min(due_at) FROM outbox WHERE status = 'pending' AND due_at <= ?", (stamp,)
        ).fetchone()[0]
        tick = conn.execute("SELECT value FROM meta WHERE key = ?", (LAST_TICK_KEY,)).fetchone()
        day_ago = to_ts(now - timedelta(days=1))
        return Status(
            schema_version=version,
            users=one("SELECT count(*) FROM users"),
            couples=one("SELECT count(*) FROM couples WHERE ended_at IS NULL"),
            reminders_next_hour=one(
                "SELECT count(*) FROM reminders WHERE next_due_at <= ?",
                to_ts(now + timedelta(hours=1)),
            ),
            waiting=one(
                "SELECT count(*) FROM outbox WHERE status = 'pending' AND due_at <= ?", stamp
            ),
            oldest_waiting_due=from_ts_or_none(oldest),
            scheduled=one(
                "SELECT count(*) FROM outbox WHERE status = 'pending' AND due_at > ?", stamp
            ),
            blocked_last_day=one(
                "SELECT count(*) FROM outbox WHERE status = 'blocked' AND sent_at >= ?", day_ago
            ),
            failed_last_day=one(
                "SELECT count(*) FROM outbox WHERE status = 'failed' AND sent_at >= ?", day_ago
            ),
            last_tick=None if tick is None else from_ts(int(tick[0])),
        )


def _age(delta: timedelta) -> str:
    seconds = max(0, int(delta.total_seconds()))
    if seconds < 120:
        return f"{seconds} s"
    if seconds < 2 * 3600:
        return f"{seconds // 60} min"
    if seconds < 2 * 86400:
        return f"{seconds // 3600} h"
    return f"{seconds // 86400} days"


def _when(moment: datetime, now: datetime) -> str:
    return f"{moment:%Y-%m-%d %H:%M:%S} UTC ({_age(now - moment)} ago)"


def report(database: Path, status: Status, now: datetime) -> list[str]:
    """The lines the command prints: counts and times, no user text."""
    mine = len(MIGRATIONS)
    version = f"{status.schema_version}" + (
        "" if status.schema_version == mine else f" (this Mend's is {mine})"
    )
    oldest = status.oldest_waiting_due
    waiting = f"{status.waiting}" + (
        "" if oldest is None else f", the oldest due {_when(oldest, now)}"
    )
    tick = "never recorded" if status.last_tick is None else _when(status.last_tick, now)
    return [
        f"database: {database}",
        f"schema version: {version}",
        f"users: {status.users}",
        f"couples: {status.couples} active",
        f"reminders due within the next hour: {status.reminders_next_hour}",
        f"outbox waiting: {waiting}",
        f"outbox scheduled for later: {status.scheduled}",
        f"not delivered in the last day: {status.blocked_last_day + status.failed_last_day} "
        f"(blocked {status.blocked_last_day}, failed {status.failed_last_day})",
        f"last tick: {tick} (recorded at most once a minute)",
    ]


def run(behind: int, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    """The command: print the status; 1 if delivery is behind, 2 if it cannot be read."""
    database = StorageSettings().bot_database
    if not database.is_file():
        print(f"mend: {database}: no database there (is BOT_DATABASE right?)", file=err)
        return 2
    now = datetime.now(UTC)
    try:
        status = read_status(database, now)
    except sqlite3.Error as error:
        print(f"mend: {database}: cannot read it: {error}", file=err)
        return 2
    for line in report(database, status, now):
        print(line, file=out)
    oldest = status.oldest_waiting_due
    if oldest is not None and now - oldest > timedelta(seconds=behind):
        print(
            f"mend: delivery is behind: a message due {_age(now - oldest)} ago is still "
            f"waiting (threshold {behind} s)",
            file=err,
        )
        return 1
    return 0
