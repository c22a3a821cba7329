"""Set-at-a-time reads and writes for the tick: one query per batch instead of one per row.

Each function answers, for many users at once, exactly what the row-at-a-time function named
in its docstring answers for one.
"""

from collections.abc import Collection
from zoneinfo import ZoneInfo

from bot.kernel.db import Tx, from_ts
from bot.storage.models import Couple, User, zone
from bot.storage.users import _user


def _marks(values: Collection[object]) -> str:
    return ",".join("?" * len(values))


async def users_by_id(
    tx: Tx, ids: Collection[int], *, named: Collection[int] | None = None
) -> dict[int, User]:
    """``users.get`` for many ids. With ``named``, only those users' first names are
    decrypted; the others have an empty ``first_name`` (for callers that never show it)."""
    if not ids:
        return {}
    cursor = await tx.conn.execute(f"SELECT * FROM users WHERE id IN ({_marks(ids)})", (*ids,))
    rows = await cursor.fetchall()
    if named is None:
        return {row["id"]: _user(tx, row) for row in rows}
    found = {}
    for row in rows:
        if row["id"] in named:
            found[row["id"]] = _user(tx, row)
        else:
            paused = row["paused_until"]
            found[row["id"]] = User(
                row["id"], "", row["timezone"], paused and from_ts(paused), row["language"] or "en"
            )
    return found


async def timezones(tx: Tx, ids: Collection[int]) -> dict[int, ZoneInfo]:
    """Each user's timezone, for those who have set one."""
    if not ids:
        return {}
    cursor = await tx.conn.execute(
        f"SELECT id, timezone FROM users WHERE id IN ({_marks(ids)}) AND timezone IS NOT NULL",
        (*ids,),
    )
    return {row[0]: zone(row[1]) for row in await cursor.fetchall()}


async def active_couples(tx: Tx, user_ids: Collection[int]) -> dict[int, Couple]:
    """``couples.active_for`` for many users (the inviter match first, as it does)."""
    if not user_ids:
        return {}
    marks = _marks(user_ids)
    cursor = await tx.conn.execute(
        f"SELECT *, 0 AS side FROM couples WHERE ended_at IS NULL AND inviter_id IN ({marks}) "
        f"UNION ALL SELECT *, 1 AS side FROM couples WHERE ended_at IS NULL "
        f"AND joiner_id IN ({marks})",
        (*user_ids, *user_ids),
    )
    found: dict[int, Couple] = {}
    rows = sorted(await cursor.fetchall(), key=lambda row: row["side"])
    for row in rows:
        couple = Couple(row["id"], row["inviter_id"], row["joiner_id"], from_ts(row["created_at"]))
        member = couple.inviter_id if row["side"] == 0 else couple.joiner_id
        found.setdefault(member, couple)
    return found
