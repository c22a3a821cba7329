"""python -m bot rotate-key, run as an operator runs it: a child process on a real file."""

import asyncio
import os
import sqlite3
import stat
import sys
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from bot.kernel.crypto import DataKeyError, TextCipher, decode_key, generate_key, key_file_for
from bot.kernel.db import KEY_PROBE, Database
from bot.kernel.rotation import (
    SEALED_COLUMNS,
    SEALED_ROWS,
    STOP_AFTER_ENV,
    UNSEALED_BLOBS,
    pending_key_file,
)
from bot.playground.telegram_server import FakeTelegram
from tests.conftest import set_up
from tests.test_cli import clean_env, run, running_bot, telegram_env

ROWS_PER_COLUMN = 7  # with a batch size of 2: several batches per table


def legacy_seal(key: bytes, text: str) -> bytes:
    """A value as Mend sealed it before sealed values carried a key id (format version 1)."""
    nonce = os.urandom(12)
    return b"\x01" + nonce + AESGCM(key).encrypt(nonce, text.encode(), None)


def schema_blobs(conn: sqlite3.Connection) -> set[tuple[str, str]]:
    tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    return {
        (table, column[1])
        for table in tables
        for column in conn.execute(f"PRAGMA table_info({table})")
        if column[2].upper() == "BLOB"
    }


async def make_database(database: Path, key: bytes) -> dict[tuple[str, int, str], str]:
    """A migrated database with user text in every sealed column, half of it in the legacy
    format; returns what each value says, by (table, rowid, column)."""
    db = Database(database, TextCipher(key))
    await db.open()
    await db.close()
    cipher = TextCipher(key)
    expected: dict[tuple[str, int, str], str] = {}
    conn = sqlite3.connect(database, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = OFF")
    for table, columns in SEALED_COLUMNS.items():
        if table == "meta":
            continue
        info = list(conn.execute(f"PRAGMA table_info({table})"))
        for number in range(ROWS_PER_COLUMN):
            values: dict[str, object] = {}
            for _, name, kind, notnull, default, primary in info:
                if name in columns:
                    text = f"secret {table}.{name} #{number}"
                    seal = legacy_seal(key, text) if number % 2 else cipher.seal(text)
                    values[name] = seal
                elif primary and kind == "INTEGER":
                    continue
                elif notnull and default is None:
                    values[name] = number if kind == "INTEGER" else f"x{number}"
            names = ", ".join(values)
            marks = ", ".join("?" for _ in values)
            cursor = conn.execute(
                f"INSERT INTO {table} ({names}) VALUES ({marks})", tuple(values.values())
            )
            for name in columns:
                expected[(table, int(cursor.lastrowid or 0), name)] = (
                    f"secret {table}.{name} #{number}"
                )
    rowid = conn.execute("SELECT rowid FROM meta WHERE key = 'key_probe'").fetchone()[0]
    expected[("meta", rowid, "value")] = KEY_PROBE
    conn.close()
    return expected


def read_all(database: Path, cipher: TextCipher) -> dict[tuple[str, int, str], str]:
    conn = sqlite3.connect(database)
    found = {}
    for table, columns in SEALED_COLUMNS.items():
        where = SEALED_ROWS.get(table, "1")
        query = f"SELECT rowid, {', '.join(columns)} FROM {table} WHERE {where}"
        for rowid, *blobs in conn.execute(query):
            for name, blob in zip(columns, blobs, strict=True):
                if blob is not None:
                    found[(table, rowid, name)] = cipher.open(blob)
    conn.close()
    return found


def assert_clean_failure(result: "object", *needles: str) -> None:
    assert isinstance(result, __import__("subprocess").CompletedProcess)
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("mend: "), result.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]


def test_every_sealed_blob_column_is_rotated(tmp_path: Path) -> None:
    asyncio.run(make_database(tmp_path / "m.sqlite3", decode_key(generate_key())))
    conn = sqlite3.connect(tmp_path / "m.sqlite3")
    listed = {(table, column) for table, columns in SEALED_COLUMNS.items() for column in columns}
    assert schema_blobs(conn) == listed | UNSEALED_BLOBS


async def test_rotation_with_a_key_file_reseals_everything(tmp_path: Path) -> None:
    database = tmp_path / "mend.sqlite3"
    key_file = key_file_for(database)
    old = generate_key()
    key_file.write_text(old + "\n")
    key_file.chmod(0o600)
    expected = await make_database(database, decode_key(old))

    result = run(
        "rotate-key", "--batch-size", "2", cwd=tmp_path, env=clean_env(bot_database=str(database))
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    new = key_file.read_text().strip()
    assert new != old
    assert new not in result.stdout + result.stderr  # written to the file, never printed
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    prefix = "mend.sqlite3.key.before-rotation-"
    backups = [tmp_path / name for name in os.listdir(tmp_path) if name.startswith(prefix)]
    assert len(backups) == 1 and backups[0].read_text().strip() == old
    assert stat.S_IMODE(backups[0].stat().st_mode) == 0o600
    assert str(key_file) in result.stdout and str(backups[0]) in result.stdout
    assert not pending_key_file(database).exists()

    assert read_all(database, TextCipher(decode_key(new))) == expected
    with pytest.raises(Exception):  # noqa: B017 (InvalidTag: the old key opens nothing)
        read_all(database, TextCipher(decode_key(old)))
    with pytest.raises(DataKeyError, match="does not match"):
        await Database(database, TextCipher(decode_key(old))).open()
    reopened = Database(database, TextCipher(decode_key(new)))
    await reopened.open()
    await reopened.close()


async def test_an_interrupted_rotation_blocks_mend_and_a_second_run_finishes(
    tmp_path: Path,
) -> None:
    database = tmp_path / "mend.sqlite3"
    old = generate_key()
    expected = await make_database(database, decode_key(old))
    env = clean_env(bot_database=str(database), bot_data_key=old)

    first = run("rotate-key", "--batch-size", "2", cwd=tmp_path, env={**env, STOP_AFTER_ENV: "5"})
    assert first.returncode == 3, first.stderr
    assert "Traceback" not in first.stderr
    assert "run rotate-key again" in first.stderr
    pending = pending_key_file(database)
    new = pending.read_text().strip()
    assert stat.S_IMODE(pending.stat().st_mode) == 0o600
    # Halfway: some rows under each key, and every one readable with the pair.
    halfway = TextCipher(decode_key(new), previous=decode_key(old))
    assert read_all(database, halfway) == expected
    with pytest.raises(Exception):  # noqa: B017
        read_all(database, TextCipher(decode_key(new)))
    for key in (old, new):  # Mend refuses to start in between, with either key
        with pytest.raises(DataKeyError, match="rotate-key again"):
            await Database(database, TextCipher(decode_key(key))).open()

    second = run("rotate-key", "--batch-size", "2", cwd=tmp_path, env=env)
    assert second.returncode == 0, second.stderr
    assert new in second.stdout.splitlines()  # the same key the first run chose
    assert "BOT_DATA_KEY" in second.stdout and "will not start with the old key" in second.stdout
    assert read_all(database, TextCipher(decode_key(new))) == expected

    # The old key no longer opens it, and says where the new key is.
    third = run("rotate-key", cwd=tmp_path, env=env)
    assert_clean_failure(third, "does not open", str(pending))


def test_missing_database_and_bad_keys_are_one_clear_line(tmp_path: Path) -> None:
    database = tmp_path / "mend.sqlite3"
    missing = run("rotate-key", cwd=tmp_path, env=clean_env(bot_database=str(database)))
    assert_clean_failure(missing, "no database", str(database))

    asyncio.run(make_database(database, decode_key(generate_key())))
    wrong = run(
        "rotate-key",
        cwd=tmp_path,
        env=clean_env(bot_database=str(database), bot_data_key=generate_key()),
    )
    assert_clean_failure(wrong, "does not open")
    garbage = run(
        "rotate-key", cwd=tmp_path, env=clean_env(bot_database=str(database), bot_data_key="nope!")
    )
    assert_clean_failure(garbage, "BOT_DATA_KEY")
    no_key = run("rotate-key", cwd=tmp_path, env=clean_env(bot_database=str(database)))
    assert_clean_failure(no_key, "missing")
    bad_size = run("rotate-key", "--batch-size", "0", cwd=tmp_path, env=clean_env())
    assert bad_size.returncode == 2 and "Traceback" not in bad_size.stderr


async def test_refused_while_the_bot_runs(tg: FakeTelegram, tmp_path: Path) -> None:
    database = tmp_path / "mend.sqlite3"
    key = generate_key()
    env = telegram_env(tg, database, bot_data_key=key)
    async with running_bot(env, cwd=tmp_path) as bot:
        await set_up(tg.user(1001, "Anna"))
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "rotate-key",
            cwd=tmp_path,
            env=env,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        _, err = await process.communicate()
        assert process.returncode == 1
        assert "Traceback" not in err.decode()
        assert "Mend is running" in err.decode() and "stop it" in err.decode()
    assert bot.code == 0, bot.err

    # Stopped, the same command rotates what the bot stored (Anna's name, her updates...).
    after = run("rotate-key", cwd=tmp_path, env=env)
    assert after.returncode == 0, after.stderr
    new = after.stdout.splitlines()[1]
    found = read_all(database, TextCipher(decode_key(new)))
    assert "Anna" in found.values()
