"""The asks' SQL: one at a time for a user's own prompt, and set-at-a-time for the tick.

Each set-at-a-time function answers, for many users at once, exactly what the one-at-a-time
function named in its docstring answers for one.
"""

from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from datetime import datetime

import aiosqlite

from bot.features.prompts.models import Ask, AskStatus
from bot.kernel.db import Tx, from_ts, from_ts_or_none, to_ts
from bot.kernel.outgoing import Outgoing


def ask_from_row(tx: Tx, row: aiosqlite.Row) -> Ask:
    return Ask(
        id=row["id"],
        user_id=row["user_id"],
        couple_id=row["couple_id"],
        kind=row["kind"],
        prompt_id=row["prompt_id"],
        answer=row["answer"],
        day=row["day"],
        status=AskStatus(row["status"]),
        value=row["value"],
        body=tx.open_or_none(row["body"]),
        message_id=row["message_id"],
        created_at=from_ts(row["created_at"]),
        answered_at=from_ts_or_none(row["answered_at"]),
        revealed_at=from_ts_or_none(row["revealed_at"]),
        shared_at=from_ts_or_none(row["shared_at"]),
    )


async def _one(tx: Tx, sql: str, params: tuple[object, ...]) -> Ask | None:
    cursor = await tx.conn.execute(sql, params)
    row = await cursor.fetchone()
    return ask_from_row(tx, row) if row else None


async def create(
    tx: Tx,
    *,
    user_id: int,
    couple_id: int | None,
    kind: str,
    prompt_id: str,
    answer: str,
    day: str,
    now: datetime,
) -> Ask:
    ask = await _one(
        tx,
        "INSERT INTO asks (user_id, couple_id, kind, prompt_id, answer, day, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING *",
        (user_id, couple_id, kind, prompt_id, answer, day, to_ts(now)),
    )
    assert ask is not None
    return ask


async def get(tx: Tx, ask_id: int) -> Ask | None:
    return await _one(tx, "SELECT * FROM asks WHERE id = ?", (ask_id,))


async def for_day(tx: Tx, user_id: int, kind: str, day: str) -> Ask | None:
    """The user's latest ask of this kind on this local day."""
    return await _one(
        tx,
        "SELECT * FROM asks WHERE user_id = ? AND kind = ? AND day = ? ORDER BY id DESC LIMIT 1",
        (user_id, kind, day),
    )


async def by_message(tx: Tx, user_id: int, message_id: int) -> Ask | None:
    return await _one(
        tx, "SELECT * FROM asks WHERE user_id = ? AND message_id = ?", (user_id, message_id)
    )


async def latest_waiting_for_text(tx: Tx, user_id: int, since: datetime) -> Ask | None:
    """The newest ask since ``since`` that a plain text message would answer."""
    return await _one(
        tx,
        "SELECT * FROM asks WHERE user_id = ? AND created_at >= ? AND ("
        "  (status = 'open' AND answer = 'text') OR status = 'noting'"
        ") ORDER BY id DESC LIMIT 1",
        (user_id, to_ts(since)),
    )


async def update(
    tx: Tx,
    ask_id: int,
    *,
    status: str,
    now: datetime,
    value: int | None = None,
    body: str | None = None,
) -> Ask:
    """Record an answer step; value and body are kept when not given."""
    ask = await _one(
        tx,
        "UPDATE asks SET status = ?, answered_at = ?, value = COALESCE(?, value), "
        "body = COALESCE(?, body), remind_at = NULL WHERE id = ? RETURNING *",
        (status, to_ts(now), value, None if body is None else tx.seal(body), ask_id),
    )
    assert ask is not None
    return ask


async def mark_revealed(tx: Tx, ask_ids: tuple[int, ...], now: datetime) -> None:
    """Both partners' answers were shown to each other now."""
    await tx.conn.executemany(
        "UPDATE asks SET revealed_at = ? WHERE id = ?", [(to_ts(now), i) for i in ask_ids]
    )


async def set_status(tx: Tx, ask_id: int, status: str) -> None:
    await tx.conn.execute(
        "UPDATE asks SET status = ?, remind_at = NULL WHERE id = ?", (status, ask_id)
    )


async def set_message(tx: Tx, ask_id: int, message_id: int) -> None:
    await tx.conn.execute("UPDATE asks SET message_id = ? WHERE id = ?", (message_id, ask_id))


async def set_remind_at(tx: Tx, ask_id: int, when: datetime) -> None:
    await tx.conn.execute("UPDATE asks SET remind_at = ? WHERE id = ?", (to_ts(when), ask_id))


async def clear_remind_at(tx: Tx, ask_id: int) -> None:
    await tx.conn.execute("UPDATE asks SET remind_at = NULL WHERE id = ?", (ask_id,))


async def due_reminders(tx: Tx, now: datetime, limit: int) -> list[Ask]:
    """Asks whose "remind me later" time has come."""
    cursor = await tx.conn.execute(
        "SELECT * FROM asks WHERE remind_at IS NOT NULL AND remind_at <= ? "
        "ORDER BY remind_at, id LIMIT ?",
        (to_ts(now), limit),
    )
    return [ask_from_row(tx, row) for row in await cursor.fetchall()]


def _marks(values: Collection[object]) -> str:
    return ",".join("?" * len(values))


# --- Set at a time, for the tick ---------------------------------------------------------


async def unanswered_messages(
    tx: Tx, wanted: Collection[tuple[int, str, str]]
) -> list[tuple[int, int]]:
    """(user, message id) of the unanswered asks, with a message, for these (user, kind,
    day)."""
    if not wanted:
        return []
    user_ids = {user_id for user_id, _, _ in wanted}
    days = {day for _, _, day in wanted}
    cursor = await tx.conn.execute(
        f"SELECT user_id, kind, day, message_id FROM asks WHERE user_id IN ({_marks(user_ids)}) "
        f"AND day IN ({_marks(days)}) AND status IN ('open', 'noting') "
        "AND message_id IS NOT NULL",
        (*user_ids, *days),
    )
    return [
        (row[0], row[3]) for row in await cursor.fetchall() if (row[0], row[1], row[2]) in wanted
    ]


async def asked_on(
    tx: Tx, user_ids: Collection[int], days: Collection[str]
) -> set[tuple[int, str, str]]:
    """(user, kind, day) for which ``for_day`` would find an ask."""
    if not user_ids or not days:
        return set()
    cursor = await tx.conn.execute(
        f"SELECT user_id, kind, day FROM asks WHERE user_id IN ({_marks(user_ids)}) "
        f"AND day IN ({_marks(days)})",
        (*user_ids, *days),
    )
    return {(row[0], row[1], row[2]) for row in await cursor.fetchall()}


async def first_prompts(
    tx: Tx, couple_ids: Collection[int], kind: str, days: Collection[str]
) -> dict[tuple[int, str], str]:
    """``couple_prompt_for_day`` for many couples: (couple, day) -> prompt id."""
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


async def prompt_usage_of(
    tx: Tx, user_ids: Collection[int], kinds: Collection[str]
) -> dict[tuple[int, str], dict[str, int]]:
    """Per (user, kind), how often each prompt was given (``prompt_usage`` adds these
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


async def shared_days_of(tx: Tx, pairs: Collection[tuple[int, int]]) -> dict[tuple[int, int], int]:
    """``shared_days`` for many (couple, user) pairs."""
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
    """``create`` for asks whose ids were taken from :func:`next_ask_id` in this
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


# --- For /export and /delete ------------------------------------------------------------


async def asks_of(tx: Tx, user_id: int) -> list[Ask]:
    cursor = await tx.conn.execute("SELECT * FROM asks WHERE user_id = ? ORDER BY id", (user_id,))
    return [ask_from_row(tx, row) for row in await cursor.fetchall()]


async def erase_user(tx: Tx, user_id: int, now: datetime) -> None:
    """/delete: the user's asks and answers go."""
    await tx.conn.execute("DELETE FROM asks WHERE user_id = ?", (user_id,))
    await tx.conn.execute("DELETE FROM held_words WHERE user_id = ?", (user_id,))


# --- Words held for "Keep it in my journal" -------------------------------------------------


async def latest_open_choice(tx: Tx, user_id: int, since: datetime) -> Ask | None:
    """The newest open ask since ``since`` answered by a number or a choice (a button)."""
    return await _one(
        tx,
        "SELECT * FROM asks WHERE user_id = ? AND created_at >= ? AND status = 'open' "
        "AND answer IN ('scale', 'choice') ORDER BY id DESC LIMIT 1",
        (user_id, to_ts(since)),
    )


async def hold_words(tx: Tx, user_id: int, text: str, now: datetime) -> int:
    """Hold free text, encrypted, for a button that may keep it; returns its id."""
    cursor = await tx.conn.execute(
        "INSERT INTO held_words (user_id, body, created_at) VALUES (?, ?, ?)",
        (user_id, tx.seal(text), to_ts(now)),
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


async def held_words(tx: Tx, user_id: int, held_id: int, since: datetime) -> str | None:
    """The user's own held words, if held since ``since``."""
    cursor = await tx.conn.execute(
        "SELECT body FROM held_words WHERE id = ? AND user_id = ? AND created_at >= ?",
        (held_id, user_id, to_ts(since)),
    )
    row = await cursor.fetchone()
    return tx.open(row["body"]) if row else None


async def forget_words(tx: Tx, held_id: int) -> None:
    await tx.conn.execute("DELETE FROM held_words WHERE id = ?", (held_id,))


async def any_held_before(tx: Tx, before: datetime) -> bool:
    cursor = await tx.conn.execute(
        "SELECT 1 FROM held_words WHERE created_at < ? LIMIT 1", (to_ts(before),)
    )
    return await cursor.fetchone() is not None


async def forget_words_before(tx: Tx, before: datetime) -> int:
    """Held words older than ``before`` go; returns how many."""
    cursor = await tx.conn.execute("DELETE FROM held_words WHERE created_at < ?", (to_ts(before),))
    return cursor.rowcount
