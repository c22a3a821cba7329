"""``python -m bot status``: counts and delivery health, read-only, beside the running bot."""

import re
import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.kernel import outbox
from bot.kernel.crypto import TextCipher, decode_key, generate_key
from bot.kernel.db import Database
from bot.kernel.migrations import MIGRATIONS
from bot.kernel.outgoing import Outgoing
from bot.playground.telegram_server import FakeTelegram
from bot.storage import couples, reminders, users
from tests.conftest import FakeClock, running_bot
from tests.test_cli import clean_env, run

SECRET = "the words only Anna wrote q8z"


def status(database: Path, cwd: Path, *args: str) -> tuple[int, dict[str, str], str]:
    result = run("status", *args, cwd=cwd, env=clean_env(bot_database=str(database)))
    assert "Traceback" not in result.stderr, result.stderr
    lines = dict(line.split(": ", 1) for line in result.stdout.splitlines())
    return result.returncode, lines, result.stderr


async def fresh_database(path: Path) -> Database:
    db = Database(path, TextCipher(decode_key(generate_key())))
    await db.open()
    return db


async def test_status_of_a_fresh_database(tmp_path: Path) -> None:
    database = tmp_path / "mend.sqlite3"
    db = await fresh_database(database)
    await db.close()

    code, lines, err = status(database, tmp_path)
    assert (code, err) == (0, "")
    assert lines == {
        "database": str(database),
        "schema version": str(len(MIGRATIONS)),
        "users": "0",
        "couples": "0 active",
        "reminders due within the next hour": "0",
        "outbox waiting": "0",
        "outbox scheduled for later": "0",
        "not delivered in the last day": "0 (blocked 0, failed 0)",
        "last tick": "never recorded (recorded at most once a minute)",
    }


async def test_status_reports_due_and_stuck_rows_and_fails_when_behind(tmp_path: Path) -> None:
    """Rows made through Mend's own stores, while the database stays open (as when the bot
    runs): the read-only status sees them, prints no user text, and exits 1 when behind."""
    database = tmp_path / "mend.sqlite3"
    db = await fresh_database(database)
    now = datetime.now(UTC).replace(microsecond=0)
    try:
        async with db.transaction() as tx:
            for user_id, name in ((1, SECRET), (2, "Ben"), (3, "Cleo")):
                await users.upsert(tx, user_id, name, now - timedelta(days=3))
            await couples.create(tx, 1, 2, now - timedelta(days=2))
            ended = await couples.create(tx, 3, 2, now - timedelta(days=3))
            await couples.end(tx, ended.id, now - timedelta(days=2))
            await reminders.put(tx, 1, "checkin", 21, 0, 127, now + timedelta(minutes=30))
            await reminders.put(tx, 2, "checkin", 21, 0, 127, now + timedelta(hours=3))
            message = Outgoing(SECRET)
            await outbox.add(tx, 2, "relay", message, now, due_at=now - timedelta(minutes=20))
            await outbox.add(tx, 1, "prompt", message, now, due_at=now - timedelta(minutes=1))
            await outbox.add(tx, 1, "later", message, now, due_at=now + timedelta(minutes=5))
            blocked = await outbox.add(tx, 3, "relay", message, now - timedelta(hours=2))
            await outbox.mark_undeliverable(tx, blocked, "blocked", now - timedelta(hours=1))
            old = await outbox.add(tx, 3, "relay", message, now - timedelta(days=3))
            await outbox.mark_undeliverable(tx, old, "failed", now - timedelta(days=2))

        code, lines, err = status(database, tmp_path)
        assert code == 1
        assert SECRET not in str(lines) + err
        assert lines["users"] == "3"
        assert lines["couples"] == "1 active"
        assert lines["reminders due within the next hour"] == "1"
        assert re.fullmatch(
            r"2, the oldest due \S+ \S+ UTC \(2[01] min ago\)", lines["outbox waiting"]
        )
        assert lines["outbox scheduled for later"] == "1"
        assert lines["not delivered in the last day"] == "1 (blocked 1, failed 0)"
        assert err.startswith("mend: delivery is behind: ") and "threshold 300 s" in err
        assert len(err.splitlines()) == 1

        # A threshold above the oldest row's age: healthy.
        assert status(database, tmp_path, "--behind", "3600")[0] == 0
    finally:
        await db.close()
    with closing(sqlite3.connect(database)) as conn:  # status wrote nothing
        assert conn.execute("SELECT count(*) FROM meta").fetchone()[0] == 1


async def test_status_shows_the_last_tick_of_the_running_bot(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    clock = FakeClock(datetime.now(UTC))
    async with running_bot(tg, clock, tmp_path) as bot:
        await bot.tick()
        code, lines, err = status(bot.settings.bot_database, tmp_path)
    assert (code, err) == (0, "")
    recorded = f"{clock.now():%Y-%m-%d %H:%M:%S} UTC"
    assert re.fullmatch(
        rf"{recorded} \(\d+ s ago\) \(recorded at most once a minute\)", lines["last tick"]
    )


def test_status_without_a_database_is_one_clear_line(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "mend.sqlite3"
    result = run("status", cwd=tmp_path, env=clean_env(bot_database=str(missing)))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == f"mend: {missing}: no database there (is BOT_DATABASE right?)\n"

    not_mend = tmp_path / "other.sqlite3"
    not_mend.write_bytes(b"this is not a database at all" * 100)
    result = run("status", cwd=tmp_path, env=clean_env(bot_database=str(not_mend)))
    assert result.returncode == 2
    assert result.stderr.startswith(f"mend: {not_mend}: cannot read it: ")
    assert "Traceback" not in result.stderr

    bad = run("status", "--behind", "soon", cwd=tmp_path)
    assert bad.returncode == 2 and "not a number of seconds" in bad.stderr
    assert "Traceback" not in bad.stderr
