"""``python -m bot backup PATH``: a consistent, private copy of the live database.

The copy is made while the bot runs and keeps writing, then restored by starting Mend on it
with the same key: every row is there, and every sealed text opens.
"""

import asyncio
import os
import sqlite3
import stat
import sys
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.backup import PAGES_PER_STEP, backup
from bot.features.journal import store as journal
from bot.kernel import outbox
from bot.kernel.crypto import TextCipher, decode_key, generate_key, key_file_for
from bot.kernel.db import Database
from bot.kernel.outgoing import Outgoing
from bot.playground.telegram_server import FakeTelegram
from bot.storage import users
from tests.conftest import Bot, FakeClock, couple, make_settings
from tests.test_cli import clean_env, finish, run

# Text long enough that the database spans many backup steps.
FILLER = "a quiet evening walk, and talking it through without hurry " * 30
LOAD_KIND = "load-test"  # outbox rows the writer adds, one per journal entry, far in the future


def table_counts(database: Path) -> dict[str, int]:
    with closing(sqlite3.connect(database)) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def open_every_sealed_blob(database: Path, cipher: TextCipher) -> int:
    """Decrypt every BLOB of every table (invite code hashes are hashes, not sealed)."""
    opened = 0
    with closing(sqlite3.connect(database)) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            cursor = conn.execute(f"SELECT * FROM {table}")
            columns = [d[0] for d in cursor.description]
            for row in cursor:
                for column, value in zip(columns, row, strict=True):
                    if isinstance(value, bytes) and (table, column) != ("invites", "code_hash"):
                        cipher.open(value)  # raises InvalidTag if torn or foreign
                        opened += 1
    return opened


async def write_entry(bot: Bot, user_id: int, number: int) -> None:
    """One commit: a journal entry and its outbox row, so a torn copy would show."""
    now = bot.clock.now()
    async with bot.mend.db.transaction() as tx:
        await journal.add(tx, user_id, f"entry {number}: {FILLER}", now)
        await outbox.add(
            tx,
            user_id,
            LOAD_KIND,
            Outgoing(f"entry {number}"),
            now,
            due_at=now + timedelta(days=365),
        )


async def test_backup_under_write_load_restores_every_row(
    tg: FakeTelegram, clock: FakeClock, tmp_path: Path
) -> None:
    settings = make_settings(tg, tmp_path)
    key = settings.bot_data_key
    assert key is not None
    live = Bot(tg, clock, settings)
    await live.start()
    anna, _ = await couple(tg)
    written = 0
    for _ in range(1500):  # about 3 MB: the copy takes several steps
        written += 1
        await write_entry(live, anna.id, written)
    before = table_counts(settings.bot_database)

    stop = asyncio.Event()

    async def writer() -> None:
        nonlocal written
        while not stop.is_set():
            written += 1
            await write_entry(live, anna.id, written)
            await asyncio.sleep(0.001)

    writing = asyncio.create_task(writer())
    copy = tmp_path / "backups" / "mend-copy.sqlite3"
    copy.parent.mkdir()
    env = clean_env(bot_database=str(settings.bot_database), bot_data_key=key.get_secret_value())
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "backup",
        str(copy),
        cwd=tmp_path,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    during = written
    code, out, err = await finish(process)
    stop.set()
    await writing
    assert written > during, "the writer kept committing while the backup ran"
    await live.stop()
    after = table_counts(settings.bot_database)

    assert (code, err) == (0, ""), err
    assert f"Backup written to {copy.resolve()}" in out
    assert "BOT_DATA_KEY" in out and "useless without that key" in out
    assert key.get_secret_value() not in out
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert [p.name for p in copy.parent.iterdir()] == [copy.name]  # one file, no -wal

    # Not torn: every table between the counts before and after, and the writer's two rows
    # of each commit either both in the copy or both not.
    copied = table_counts(copy)
    assert copied.keys() == after.keys()
    for table, count in copied.items():
        assert before[table] <= count <= after[table], table
    with closing(sqlite3.connect(copy)) as conn:
        load_rows = conn.execute(
            "SELECT count(*) FROM outbox WHERE kind = ?", (LOAD_KIND,)
        ).fetchone()[0]
    entries = copied["journal"]
    assert load_rows == entries

    cipher = TextCipher(decode_key(key.get_secret_value()))
    assert open_every_sealed_blob(copy, cipher) >= 2 * entries

    # Restore: Mend starts on the copy with the same key and reads every entry back.
    restored = Bot(tg, clock, make_settings(tg, tmp_path, bot_database=copy, bot_data_key=key))
    await restored.start()
    try:
        async with restored.mend.db.read() as tx:
            texts = [entry.body for entry in await journal.all_of(tx, anna.id)]
    finally:
        await restored.stop()
    assert texts == [f"entry {n}: {FILLER}" for n in range(1, entries + 1)]


async def test_the_copy_is_the_snapshot_it_started_from_despite_commits_between_steps(
    tmp_path: Path,
) -> None:
    """Another connection commits between every two steps: the copy is neither torn nor
    restarted forever; it is the database as it was when the backup began."""
    source = tmp_path / "mend.sqlite3"
    cipher = TextCipher(decode_key(generate_key()))
    db = Database(source, cipher)
    await db.open()
    try:
        async with db.transaction() as tx:
            await users.upsert(tx, 1, "Anna", datetime(2026, 3, 2, tzinfo=UTC))
            for number in range(1, 1001):
                await tx.conn.execute(
                    "INSERT INTO journal (user_id, body, created_at) VALUES (1, ?, 0)",
                    (tx.seal(f"{number} {FILLER}"),),
                )
    finally:
        await db.close()

    steps = []
    with closing(sqlite3.connect(source, isolation_level=None)) as other:

        def commit_between_steps(status: int, remaining: int, total: int) -> None:
            steps.append(remaining)
            other.execute(
                "INSERT INTO journal (user_id, body, created_at) VALUES (1, ?, 0)",
                (cipher.seal("written during the backup"),),
            )

        copied = backup(source, tmp_path / "copy.sqlite3", progress=commit_between_steps)

    assert copied.pages > 2 * PAGES_PER_STEP
    assert len(steps) == -(-copied.pages // PAGES_PER_STEP)  # each page copied once
    with closing(sqlite3.connect(copied.path)) as conn:
        bodies = [cipher.open(row[0]) for row in conn.execute("SELECT body FROM journal")]
    assert bodies == [f"{n} {FILLER}" for n in range(1, 1001)]


async def test_backup_names_the_key_file_and_never_prints_the_key(tmp_path: Path) -> None:
    database = tmp_path / "data" / "mend.sqlite3"
    db = Database(database, TextCipher(decode_key(generate_key())))
    await db.open()
    await db.close()
    key_file = key_file_for(database)
    key_file.write_text(generate_key() + "\n")

    result = run("backup", "copy.sqlite3", cwd=tmp_path, env=clean_env(bot_database=str(database)))
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    assert f"Its key: {key_file}." in result.stdout
    assert key_file.read_text().strip() not in result.stdout
    assert stat.S_IMODE((tmp_path / "copy.sqlite3").stat().st_mode) == 0o600

    # Without the key file, it says so: the copy alone would open nothing.
    key_file.unlink()
    result = run(
        "backup", "copy2.sqlite3", cwd=tmp_path, env=clean_env(bot_database=str(database))
    )
    assert result.returncode == 0
    assert f"{key_file}, which is missing" in result.stdout


async def test_backup_refuses_bad_paths_in_one_line(tmp_path: Path) -> None:
    database = tmp_path / "mend.sqlite3"
    db = Database(database, TextCipher(decode_key(generate_key())))
    await db.open()
    await db.close()
    env = clean_env(bot_database=str(database), bot_data_key=generate_key())
    existing = tmp_path / "existing.sqlite3"
    existing.write_bytes(b"keep me")
    read_only = tmp_path / "read-only"
    read_only.mkdir(mode=0o555)
    if os.geteuid() == 0:  # root writes anywhere it may chmod; sysfs refuses even root
        read_only = Path("/sys")

    cases = {
        str(existing): "already exists; not overwriting it",
        str(tmp_path / "no-such-dir" / "copy.sqlite3"): "no such directory",
        str(read_only / "copy.sqlite3"): "cannot create it",
    }
    for target, message in cases.items():
        result = run("backup", target, cwd=tmp_path, env=env)
        assert result.returncode == 2, (target, result.stderr)
        assert result.stdout == ""
        assert result.stderr.startswith("mend: ") and message in result.stderr, result.stderr
        assert len(result.stderr.splitlines()) == 1, result.stderr
    assert existing.read_bytes() == b"keep me"

    missing = run(
        "backup",
        str(tmp_path / "copy.sqlite3"),
        cwd=tmp_path,
        env=clean_env(bot_database=str(tmp_path / "nothing.sqlite3")),
    )
    assert missing.returncode == 2
    assert "no database there" in missing.stderr and "Traceback" not in missing.stderr
    assert not (tmp_path / "copy.sqlite3").exists()

    no_path = run("backup", cwd=tmp_path, env=env)
    assert no_path.returncode == 2 and "Traceback" not in no_path.stderr
