"""The tick's heartbeat: when it last ran, for ``python -m bot status``.

Written in the tick's first transaction (one it opens anyway), at most once a minute, so a
healthy bot adds one small write a minute rather than one a second.
"""

from datetime import datetime, timedelta

from bot.kernel.db import Tx, to_ts

LAST_TICK_KEY = "last_tick"  # the meta row; its value is Unix seconds, an integer
RECORD_EVERY = timedelta(minutes=1)


async def record(tx: Tx, now: datetime) -> None:
    await tx.conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (LAST_TICK_KEY, to_ts(now)),
    )


def is_due(recorded_at: datetime | None, now: datetime) -> bool:
    """Whether the tick at ``now`` records itself (a clock set back records at once)."""
    return recorded_at is None or not recorded_at <= now < recorded_at + RECORD_EVERY
