"""The couple's repair plan: its steps, and the changes one partner proposes to the other."""

from collections.abc import Collection
from datetime import datetime

import aiosqlite

from bot.features.repair.models import Action, ChangeStatus, RepairChange, RepairStep
from bot.kernel.db import Tx, from_ts, from_ts_or_none, to_ts


async def steps(tx: Tx, couple_id: int) -> list[str]:
    cursor = await tx.conn.execute(
        "SELECT body FROM repair_steps WHERE couple_id = ? ORDER BY position", (couple_id,)
    )
    return [tx.open(row["body"]) for row in await cursor.fetchall()]


async def has_plan(tx: Tx, couple_id: int) -> bool:
    cursor = await tx.conn.execute(
        "SELECT 1 FROM repair_steps WHERE couple_id = ? LIMIT 1", (couple_id,)
    )
    return await cursor.fetchone() is not None


async def replace(tx: Tx, couple_id: int, new_steps: list[tuple[str, int | None]]) -> None:
    """Write the whole plan: (text, author id or None for the template) in order."""
    await tx.conn.execute("DELETE FROM repair_steps WHERE couple_id = ?", (couple_id,))
    await tx.conn.executemany(
        "INSERT INTO repair_steps (couple_id, position, body, author_id) VALUES (?, ?, ?, ?)",
        [
            (couple_id, position, tx.seal(text), author)
            for position, (text, author) in enumerate(new_steps, start=1)
        ],
    )


async def authors(tx: Tx, couple_id: int) -> list[int | None]:
    cursor = await tx.conn.execute(
        "SELECT author_id FROM repair_steps WHERE couple_id = ? ORDER BY position", (couple_id,)
    )
    return [row["author_id"] for row in await cursor.fetchall()]


def _change(tx: Tx, row: aiosqlite.Row) -> RepairChange:
    return RepairChange(
        id=row["id"],
        couple_id=row["couple_id"],
        author_id=row["author_id"],
        action=Action(row["action"]),
        position=row["position"],
        body=tx.open_or_none(row["body"]),
        status=ChangeStatus(row["status"]),
        created_at=from_ts(row["created_at"]),
        decided_at=from_ts_or_none(row["decided_at"]),
    )


async def propose(
    tx: Tx,
    couple_id: int,
    author_id: int,
    action: Action,
    position: int | None,
    body: str | None,
    now: datetime,
) -> RepairChange:
    cursor = await tx.conn.execute(
        "INSERT INTO repair_changes (couple_id, author_id, action, position, body, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?) RETURNING *",
        (couple_id, author_id, action, position, body and tx.seal(body), to_ts(now)),
    )
    row = await cursor.fetchone()
    assert row is not None
    return _change(tx, row)


async def get_change(tx: Tx, change_id: int) -> RepairChange | None:
    cursor = await tx.conn.execute("SELECT * FROM repair_changes WHERE id = ?", (change_id,))
    row = await cursor.fetchone()
    return _change(tx, row) if row else None


async def pending(tx: Tx, couple_id: int) -> list[RepairChange]:
    cursor = await tx.conn.execute(
        "SELECT * FROM repair_changes WHERE couple_id = ? AND status = 'pending' ORDER BY id",
        (couple_id,),
    )
    return [_change(tx, row) for row in await cursor.fetchall()]


async def decide(tx: Tx, change_id: int, status: ChangeStatus, now: datetime) -> None:
    await tx.conn.execute(
        "UPDATE repair_changes SET status = ?, decided_at = ? WHERE id = ?",
        (status, to_ts(now), change_id),
    )


async def steps_in(tx: Tx, couple_ids: Collection[int]) -> list[RepairStep]:
    """Every step of these couples' plans (for /export)."""
    if not couple_ids:
        return []
    marks = ",".join("?" * len(couple_ids))
    cursor = await tx.conn.execute(
        f"SELECT * FROM repair_steps WHERE couple_id IN ({marks}) "
        "ORDER BY couple_id, position, id",
        (*couple_ids,),
    )
    return [
        RepairStep(row["couple_id"], row["position"], tx.open(row["body"]), row["author_id"])
        for row in await cursor.fetchall()
    ]


async def changes_by(tx: Tx, user_id: int) -> list[RepairChange]:
    """Every change the user proposed (for /export)."""
    cursor = await tx.conn.execute(
        "SELECT * FROM repair_changes WHERE author_id = ? ORDER BY id", (user_id,)
    )
    return [_change(tx, row) for row in await cursor.fetchall()]


async def erase_user(tx: Tx, user_id: int, now: datetime) -> None:
    """/delete: the steps the user wrote and the changes they proposed go."""
    await tx.conn.execute("DELETE FROM repair_steps WHERE author_id = ?", (user_id,))
    await tx.conn.execute("DELETE FROM repair_changes WHERE author_id = ?", (user_id,))


async def bring_back(tx: Tx, old_couple_id: int, new_couple_id: int) -> None:
    """The same two paired again and want their history back: their agreed plan returns, in
    place of the new couple's, unless the two already changed the new one together (then
    theirs stands, and the earlier plan stays where it was). Decided changes come along as
    its history; one still waiting from the earlier pairing is closed."""
    if not await has_plan(tx, old_couple_id):
        return
    if any(author is not None for author in await authors(tx, new_couple_id)):
        return
    await tx.conn.execute("DELETE FROM repair_steps WHERE couple_id = ?", (new_couple_id,))
    await tx.conn.execute(
        "UPDATE repair_steps SET couple_id = ? WHERE couple_id = ?", (new_couple_id, old_couple_id)
    )
    await tx.conn.execute(
        "UPDATE repair_changes SET status = 'withdrawn' "
        "WHERE couple_id = ? AND status = 'pending'",
        (old_couple_id,),
    )
    await tx.conn.execute(
        "UPDATE repair_changes SET couple_id = ? WHERE couple_id = ?",
        (new_couple_id, old_couple_id),
    )
