"""Synthetic data: users in varied timezones, two reminders each, half of them paired."""

import random
import sqlite3
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.domain.schedule import ALL_DAYS, next_due
from bot.kernel.crypto import TextCipher, decode_key, generate_key
from bot.kernel.db import Database, to_ts

# A Tuesday; 20:00 UTC is 21:00 in the zones of BUSY_ZONES (standard time, CET/WAT).
T0 = datetime(2026, 3, 3, 10, 0, 30, tzinfo=UTC)
BUSY_INSTANT = datetime(2026, 3, 3, 20, 0, tzinfo=UTC)
BUSY_ZONES = ("Europe/Berlin", "Europe/Paris", "Europe/Rome", "Europe/Madrid", "Africa/Lagos")
ZONES = (
    "Europe/Berlin",
    "Europe/London",
    "America/New_York",
    "America/Chicago",
    "America/Los_Angeles",
    "America/Sao_Paulo",
    "Asia/Kolkata",
    "Asia/Tokyo",
    "Asia/Shanghai",
    "Australia/Sydney",
    "Africa/Lagos",
    "Europe/Moscow",
    "Asia/Dubai",
    "Pacific/Auckland",
    "Asia/Kathmandu",
    "America/St_Johns",
    "Europe/Istanbul",
    "Asia/Jakarta",
)
NAMES = ("Anna", "Ben", "Chloé", "Dmitri", "Eun-ji", "Farah", "Gustavo", "Hiro")


@cache
def _due(zone: str, hour: int, minute: int, after: datetime) -> int:
    return to_ts(next_due(after, ZoneInfo(zone), hour, minute, ALL_DAYS))


def make_key() -> str:
    return generate_key()


async def _migrate(path: Path, key: str) -> None:
    db = Database(path, TextCipher(decode_key(key)))
    await db.open()
    await db.close()


async def build(
    path: Path,
    key: str,
    users: int,
    *,
    busy: int = 0,
    busy_zones: tuple[str, ...] = BUSY_ZONES,
    after: datetime = T0,
    reminders_per_user: int = 2,
    seed: int = 4,
) -> None:
    """Create a migrated database with ``users`` users (ids 1..users).

    The first ``busy`` users have their check-in at 21:00 local in zones that share the
    instant BUSY_INSTANT; everyone else's reminders are spread over the day's minutes.
    """
    await _migrate(path, key)
    cipher = TextCipher(decode_key(key))
    rng = random.Random(seed)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = OFF")
    created = to_ts(after - timedelta(days=30))
    conn.execute("BEGIN")
    chunk = 50_000
    for start in range(1, users + 1, chunk):
        ids = range(start, min(users, start + chunk - 1) + 1)
        user_rows = []
        reminder_rows = []
        couple_rows = []
        for uid in ids:
            if uid <= busy:
                zone = busy_zones[uid % len(busy_zones)]
                slots = [("checkin", 21, 0)]
                if reminders_per_user > 1:
                    slots.append(("gratitude", rng.randrange(24), rng.randrange(60)))
            else:
                zone = ZONES[uid % len(ZONES)]
                slots = [
                    (kind, rng.randrange(24), rng.randrange(60))
                    for kind in ("checkin", "gratitude")[:reminders_per_user]
                ]
            user_rows.append((uid, cipher.seal(NAMES[uid % len(NAMES)]), zone, created))
            for kind, hour, minute in slots:
                # The busy check-ins are due at BUSY_INSTANT; everything else after it.
                when = _due(
                    zone,
                    hour,
                    minute,
                    after if kind == "checkin" and uid <= busy else max(after, BUSY_INSTANT),
                )
                reminder_rows.append((uid, kind, hour, minute, ALL_DAYS, when))
            if uid % 2 == 0:
                couple_rows.append((uid - 1, uid, created))
        conn.executemany(
            "INSERT INTO users (id, first_name, timezone, created_at) VALUES (?, ?, ?, ?)",
            user_rows,
        )
        conn.executemany(
            "INSERT INTO reminders (user_id, kind, hour, minute, days, next_due_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            reminder_rows,
        )
        conn.executemany(
            "INSERT INTO couples (inviter_id, joiner_id, created_at) VALUES (?, ?, ?)",
            couple_rows,
        )
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
