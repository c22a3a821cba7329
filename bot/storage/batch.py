"""Set-at-a-time reads and writes for the tick: one query per batch instead of one per row.

Each function answers, for many users at once, exactly what the row-at-a-time function named
in its docstring answers for one.
"""

from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.kernel.db import Tx, from_ts, to_ts
from bot.kernel.outgoing import Outgoing
from bot.storage.models import Ask, Couple, User, zone
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
            found[row["id"]] = User(row["id"], "", row["timezone"], paused and from_ts(paused))
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


async def asked_on(
    tx: Tx, user_ids: Collection[int], days: Collection[str]
) -> set[tuple[int, str, str]]:
    """(user, kind, day) for which ``asks.for_day`` would find an ask."""
    if not user_ids or not days:
        return set()
    cursor = await tx.conn.execute(
        f"SELECT user_id, kind, day FROM asks WHERE user_id IN ({_marks(user_ids)}) "
        f"AND day IN ({_marks(days)})",
        (*user_ids, *days),
    )
    return {(row[0], row[1], row[2]) for row in await cursor.fetchall()}


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


async def first_prompts(
    tx: Tx, couple_ids: Collection[int], kind: str, days: Collection[str]
) -> dict[tuple[int, str], str]:
    """``asks.couple_prompt_for_day`` for many couples: (couple, day) -> prompt id."""
    if not couple_ids or not days:
        return {}
    cursor = await tx.conn.execute(
        f"SELECT couple_id, day, prompt_id FROM asks WHERE couple_id IN ({_marks(couple_ids)}) "
        f"AND kind = ? AND day IN ({_marks(days)}) ORDER BY id",
        (*couple_ids, kind, *days),
    )
    found: dict[tuple[int, str], str] = {}
    for row in await cursor.fetchall():
        found.setdefault((row[0], row[1]), row[2])
    return found


async def prompt_usage(
    tx: Tx, user_ids: Collection[int], kinds: Collection[str]
) -> dict[tuple[int, str], dict[str, int]]:
    """Per (user, kind), how often each prompt was given (``asks.prompt_usage`` adds these
    up over a couple's members)."""
    usage: dict[tuple[int, str], dict[str, int]] = defaultdict(dict)
    if not user_ids or not kinds:
        return usage
    cursor = await tx.conn.execute(
        f"SELECT user_id, kind, prompt_id, COUNT(*) FROM asks "
        f"WHERE user_id IN ({_marks(user_ids)}) AND kind IN ({_marks(kinds)}) "
        "GROUP BY user_id, kind, prompt_id",
        (*user_ids, *kinds),
    )
    for user_id, kind, prompt_id, count in await cursor.fetchall():
        usage[(user_id, kind)][prompt_id] = count
    return usage


async def shared_days(tx: Tx, pairs: Collection[tuple[int, int]]) -> dict[tuple[int, int], int]:
    """``asks.shared_days`` for many (couple, user) pairs."""
    if not pairs:
        return {}
    couple_ids = {couple for couple, _ in pairs}
    cursor = await tx.conn.execute(
        f"SELECT couple_id, user_id, COUNT(*) FROM asks WHERE couple_id IN "
        f"({_marks(couple_ids)}) AND kind = 'checkin' AND revealed_at IS NOT NULL "
        "GROUP BY couple_id, user_id",
        (*couple_ids,),
    )
    return {(row[0], row[1]): int(row[2]) for row in await cursor.fetchall()}


async def next_ask_id(tx: Tx) -> int:
    cursor = await tx.conn.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM asks")
    row = await cursor.fetchone()
    return int(row[0]) if row else 1


async def create_asks(tx: Tx, new: Sequence[Ask]) -> None:
    """``asks.create`` for asks whose ids were taken from :func:`next_ask_id` in this
    transaction (the write lock is held, so nobody else takes them)."""
    await tx.conn.executemany(
        "INSERT INTO asks (id, user_id, couple_id, kind, prompt_id, answer, day, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                a.id,
                a.user_id,
                a.couple_id,
                a.kind,
                a.prompt_id,
                a.answer,
                a.day,
                to_ts(a.created_at),
            )
            for a in new
        ],
    )


async def add_prompts(tx: Tx, rows: Iterable[tuple[int, Outgoing, int]], now: datetime) -> None:
    """``outbox.add(tx, chat, "prompt", message, now, ask_id=...)`` for (chat, message, ask)."""
    stamp = to_ts(now)
    values = [
        (chat, "prompt", tx.seal(message.to_json()), stamp, ask_id, stamp)
        for chat, message, ask_id in rows
    ]
    if not values:
        return
    await tx.conn.executemany(
        "INSERT INTO outbox (chat_id, kind, body, due_at, ask_id, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        values,
    )
    tx.wrote_outbox = True
