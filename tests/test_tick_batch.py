"""The tick works a batch at a time: the same prompts, rows and advances as one by one."""

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.domain.schedule import ALL_DAYS
from bot.features import FEATURES
from bot.features.prompts import render_ask
from bot.features.prompts import service as pipeline
from bot.features.prompts import store as asks
from bot.kernel import scheduler as tick_module
from bot.kernel.config import Settings
from bot.kernel.crypto import TextCipher, decode_key, generate_key
from bot.kernel.db import Database
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Outgoing
from bot.kernel.scheduler import tick
from bot.library import load_agreements, load_repair, load_support
from bot.prompts import DEFAULT_PROMPTS_DIR, load_library
from bot.storage import couples, reminders, users

# 21:00 in Berlin on a Tuesday.
NOW = datetime(2026, 3, 3, 20, 0, tzinfo=UTC)


class Clock:
    def now(self) -> datetime:
        return NOW


async def _mend(tmp_path: Path) -> Mend:
    key = generate_key()
    settings = Settings(
        _env_file=None,
        telegram_bot_token="1:x",
        bot_database=tmp_path / "t.sqlite3",
        bot_data_key=key,
    )
    db = Database(settings.bot_database, TextCipher(decode_key(key)))
    await db.open()
    return Mend(
        settings,
        db,
        Clock(),
        load_library(DEFAULT_PROMPTS_DIR),
        load_agreements(DEFAULT_PROMPTS_DIR),
        load_support(DEFAULT_PROMPTS_DIR),
        load_repair(DEFAULT_PROMPTS_DIR),
        FEATURES,
    )


async def test_a_batch_fires_like_one_reminder_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tick_module, "BATCH", 3)  # several batches, partners split across two
    mend = await _mend(tmp_path)
    earlier = NOW - timedelta(days=3)
    async with mend.db.transaction() as tx:
        for uid, name in enumerate(["Anna", "Ben", "Cleo", "Dan", "Eve", "Finn", "Gus"], 1):
            await users.upsert(tx, uid, name, earlier)
            if uid != 6:  # Finn has no timezone yet
                await users.set_timezone(tx, uid, "Europe/Berlin")
            await reminders.put(tx, uid, "checkin", 21, 0, ALL_DAYS, NOW)
        await couples.create(tx, 1, 2, earlier)
        await couples.create(tx, 3, 7, earlier)  # Cleo and Gus: a couple split by the batch
        await users.set_paused_until(tx, 4, NOW + timedelta(days=1))
        await asks.create(
            tx,
            user_id=5,
            couple_id=None,
            kind="checkin",
            prompt_id="x",
            answer="scale",
            day="2026-03-03",
            now=NOW - timedelta(hours=1),
        )
        await reminders.put(tx, 2, "gratitude", 9, 0, ALL_DAYS, NOW - timedelta(hours=3))

    assert await tick(mend) == 4  # Anna, Ben, Cleo, Gus; Ben's gratitude was 3 h late

    async with mend.db.read() as tx:
        cursor = await tx.conn.execute(
            "SELECT chat_id, body, ask_id FROM outbox WHERE kind = 'prompt' ORDER BY id"
        )
        rows = list(await cursor.fetchall())
        assert [row["chat_id"] for row in rows] == [1, 2, 3, 7]
        given = {}
        for row in rows:
            ask = await asks.get(tx, row["ask_id"])
            assert ask is not None and ask.user_id == row["chat_id"] and ask.day == "2026-03-03"
            given[ask.user_id] = ask
            # The batch renders exactly what the one-at-a-time renderer does.
            assert Outgoing.from_json(tx.open(row["body"])) == await render_ask(tx, mend, ask)
        assert given[1].prompt_id == given[2].prompt_id  # partners share the question
        assert given[3].prompt_id == given[7].prompt_id
        assert given[1].couple_id is not None and given[3].couple_id is not None
        moved = {
            r.user_id: r.next_due_at
            for u in range(1, 8)
            for r in await reminders.for_user(tx, u)
            if r.kind == "checkin"
        }
        late = next(r for r in await reminders.for_user(tx, 2) if r.kind == "gratitude")
    # Fired, paused and already-asked all move to tomorrow; Finn (no timezone) a day on.
    assert moved == dict.fromkeys(range(1, 8), NOW + timedelta(days=1))
    assert late.next_due_at == datetime(2026, 3, 4, 8, 0, tzinfo=UTC)
    assert await tick(mend) == 0  # nothing twice
    await mend.db.close()


async def _people(mend: Mend) -> list[tuple[int, str]]:
    """Four couples (two of them a day apart: Berlin and Tokyo) and two people on their own,
    some with prompts given before; the requests a tick would make for them, partners apart."""
    earlier = NOW - timedelta(days=3)
    async with mend.db.transaction() as tx:
        for uid in range(1, 11):
            await users.upsert(tx, uid, f"P{uid}", earlier)
            await users.set_timezone(tx, uid, "Europe/Berlin" if uid % 3 else "Asia/Tokyo")
        for inviter in (1, 3, 5, 7):
            await couples.create(tx, inviter, inviter + 1, earlier)
        for uid, prompt_id in ((1, "steady-today"), (4, "steady-today"), (9, "steady-today")):
            await asks.create(
                tx,
                user_id=uid,
                couple_id=None,
                kind="checkin",
                prompt_id=prompt_id,
                answer="scale",
                day="2026-02-27",
                now=earlier,
            )
    kinds = ("checkin", "gratitude")
    return [(uid, kind) for kind in kinds for uid in (1, 3, 5, 9, 7, 2, 10, 4, 6, 8)]


async def test_a_batch_chooses_as_requests_of_one(tmp_path: Path) -> None:
    """The tick's batch and /checkin, /gratitude go through one function; a batch of many
    chooses what as many requests of one, made in the same order, would choose (with the
    same random draws among equally used prompts)."""
    chosen: list[list[tuple[int, str, str, str | None]]] = []
    for run, one_by_one in enumerate((False, True)):
        (tmp_path / str(run)).mkdir()
        mend = await _mend(tmp_path / str(run))
        wanted = await _people(mend)
        random.seed(9)
        async with mend.db.transaction() as tx:
            if one_by_one:
                given = []
                for request in wanted:
                    given += await pipeline.give(tx, mend, [request], NOW, scheduled=True)
            else:
                given = await pipeline.give(tx, mend, wanted, NOW, scheduled=True)
        chosen.append(
            [(g.ask.user_id, g.ask.kind, g.ask.prompt_id, g.partner_name) for g in given]
        )
        async with mend.db.read() as tx:
            for g in given:  # recorded as given
                assert await asks.get(tx, g.ask.id) == g.ask
        await mend.db.close()
    assert chosen[0] == chosen[1]
    assert len(chosen[0]) == 20
    by_user = {(uid, kind): prompt for uid, kind, prompt, _ in chosen[0]}
    for inviter in (1, 7):  # partners on the same local day share the check-in question
        assert by_user[(inviter, "checkin")] == by_user[(inviter + 1, "checkin")]
    assert {name for *_, name in chosen[0]} == {
        "P1",
        "P2",
        "P3",
        "P4",
        "P5",
        "P6",
        "P7",
        "P8",
        None,
    }
