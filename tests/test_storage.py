"""The storage layer on a real SQLite file: migrations, transactions, encryption at rest."""

import asyncio
import random
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography.exceptions import InvalidTag
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.prompting import choose_prompt
from bot.kernel.crypto import DataKeyError, TextCipher, decode_key, generate_key
from bot.kernel.db import Database
from bot.kernel.migrations import MIGRATIONS
from bot.prompts import Prompt
from bot.storage import users

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


def cipher() -> TextCipher:
    return TextCipher(decode_key(generate_key()))


async def opened(path: Path, key: TextCipher) -> Database:
    db = Database(path, key)
    await db.open()
    return db


async def test_migrations_run_once_and_set_the_version(tmp_path: Path) -> None:
    path, key = tmp_path / "m.sqlite3", cipher()
    db = await opened(path, key)
    await db.close()
    db = await opened(path, key)  # a second open applies nothing again
    await db.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert path.stat().st_mode & 0o777 == 0o600


async def test_a_failed_transaction_leaves_nothing(tmp_path: Path) -> None:
    db = await opened(tmp_path / "m.sqlite3", cipher())
    with pytest.raises(RuntimeError):
        async with db.transaction() as tx:
            await users.upsert(tx, 1, "Anna", NOW)
            raise RuntimeError("boom")
    async with db.read() as tx:
        assert await users.get(tx, 1) is None
    await db.close()


async def test_coroutines_never_share_a_transaction(tmp_path: Path) -> None:
    """One fails mid-way while another commits: only the committed one's row survives."""
    db = await opened(tmp_path / "m.sqlite3", cipher())
    started = asyncio.Event()

    async def failing() -> None:
        async with db.transaction() as tx:
            await users.upsert(tx, 1, "Anna", NOW)
            started.set()
            await asyncio.sleep(0)  # let the other coroutine try to run inside this one
            raise RuntimeError("boom")

    async def committing() -> None:
        await started.wait()
        async with db.transaction() as tx:
            await users.upsert(tx, 2, "Ben", NOW)

    results = await asyncio.gather(failing(), committing(), return_exceptions=True)
    assert isinstance(results[0], RuntimeError) and results[1] is None
    async with db.read() as tx:
        assert await users.get(tx, 1) is None
        ben = await users.get(tx, 2)
    assert ben is not None and ben.first_name == "Ben"
    await db.close()


async def test_a_different_key_is_refused_at_open(tmp_path: Path) -> None:
    path = tmp_path / "m.sqlite3"
    db = await opened(path, cipher())
    await db.close()
    with pytest.raises(DataKeyError, match="does not match"):
        await opened(path, cipher())


@given(st.text(max_size=300))
def test_sealed_text_opens_to_itself_and_hides_it(text: str) -> None:
    key = cipher()
    blob = key.seal(text)
    assert key.open(blob) == text
    if len(text) >= 4:
        assert text.encode() not in blob


def test_tampered_ciphertext_is_refused() -> None:
    key = cipher()
    blob = bytearray(key.seal("our secret"))
    blob[-1] ^= 1
    with pytest.raises(InvalidTag):
        key.open(bytes(blob))


def _prompts(n: int) -> list[Prompt]:
    return [
        Prompt(id=f"p{i}", kind="checkin", text=f"Q{i}", answer="scale", depth=1) for i in range(n)
    ]


@settings(deadline=None)
@given(st.integers(1, 40), st.integers(0, 2**32 - 1))
def test_no_prompt_repeats_until_all_were_asked(n: int, seed: int) -> None:
    prompts, usage, rng = _prompts(n), dict[str, int](), random.Random(seed)
    for round_ in range(3):
        asked = []
        for _ in range(n):
            prompt = choose_prompt(prompts, usage, rng)
            usage[prompt.id] = usage.get(prompt.id, 0) + 1
            asked.append(prompt.id)
        assert sorted(asked) == sorted(p.id for p in prompts), round_
