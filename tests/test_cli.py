"""The command line as an operator runs it: ``python -m bot ...`` in a child process.

Every run gets a clean environment (no TELEGRAM_*, BOT_* or other Mend settings from the
developer's shell) and, unless a test says otherwise, a temporary working directory, so no
``.env`` file is picked up. Runs that talk to Telegram use the fake Bot API server, which lives
in the test's event loop, so those children are awaited with asyncio, never ``subprocess.run``.
"""

import asyncio
import base64
import contextlib
import json
import os
import re
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from textwrap import dedent

import pytest

from bot.kernel.config import Settings
from bot.kernel.crypto import DataKeyError, generate_key, key_file_for, load_or_create_key
from bot.library import AGREEMENTS_FILE, EXTRA_FILES, SUPPORT_FILE
from bot.playground.telegram_server import FakeTelegram
from bot.prompts import DEFAULT_PROMPTS_DIR, KINDS
from tests.conftest import Bot, FakeClock, make_settings, set_up

# Every variable Mend reads (pydantic-settings matches names case-insensitively).
_SETTING_NAMES = {name.upper() for name in Settings.model_fields}
_SUMMARY_RE = re.compile(r"(?P<kind>[a-z]+): \d+ prompts? \(depth 1: \d+, 2: \d+, 3: \d+\)")
_PROBLEM_RE = re.compile(r"[^:\n]+\.yaml:\d+: \S.*")
# Generous: a healthy run ends in about a second, a hung one fails instead of blocking CI.
_EXIT_WITHIN = 20.0


def clean_env(**settings: str) -> dict[str, str]:
    """os.environ without any Mend setting, plus `settings` (names upper-cased)."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.upper().startswith(("TELEGRAM_", "BOT_"))
        and name.upper() not in _SETTING_NAMES
    }
    env.update({name.upper(): value for name, value in settings.items()})
    return env


def telegram_env(tg: FakeTelegram, database: Path, **settings: str) -> dict[str, str]:
    """A clean environment pointing the bot at the fake server and a database file."""
    return clean_env(
        telegram_bot_token=tg.token,
        telegram_api_base_url=tg.base_url,
        telegram_api_base_file_url=tg.base_file_url,
        bot_database=str(database),
        **settings,
    )


def run(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`python -m bot *args`, to completion; for commands that never touch Telegram."""
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=cwd,
        env=clean_env() if env is None else env,
        capture_output=True,
        text=True,
        timeout=_EXIT_WITHIN,
        check=False,
    )


async def start_bot(env: dict[str, str], cwd: Path) -> asyncio.subprocess.Process:
    """`python -m bot` as a child process, without blocking the fake server's event loop."""
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        cwd=cwd,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


async def finish(process: asyncio.subprocess.Process) -> tuple[int, str, str]:
    """Wait for the child to exit on its own: (exit code, stdout, stderr)."""
    try:
        out, err = await asyncio.wait_for(process.communicate(), _EXIT_WITHIN)
    except TimeoutError:
        process.kill()
        out, err = await process.communicate()
        raise AssertionError(
            f"python -m bot did not exit within {_EXIT_WITHIN:.0f} s\n"
            f"stdout:\n{out.decode(errors='replace')}\nstderr:\n{err.decode(errors='replace')}"
        ) from None
    assert process.returncode is not None
    return process.returncode, out.decode(), err.decode()


@dataclass
class Exited:
    """How a child process ended; filled in when its ``running_bot`` block ends."""

    code: int | None = None
    out: str = ""
    err: str = ""


@contextlib.asynccontextmanager
async def running_bot(env: dict[str, str], cwd: Path) -> AsyncIterator[Exited]:
    """`python -m bot` for the length of the block, then SIGTERM (as systemd or Docker stop
    it) and wait for it to exit. If the block fails, the bot's stderr is added to the error."""
    process = await start_bot(env, cwd)
    exited = Exited()
    try:
        yield exited
    except BaseException as error:
        _, _, err = await stop(process)
        error.add_note(f"python -m bot stderr:\n{err}")
        raise
    exited.code, exited.out, exited.err = await stop(process)


async def stop(process: asyncio.subprocess.Process) -> tuple[int, str, str]:
    with contextlib.suppress(ProcessLookupError):  # it may have exited already
        process.send_signal(signal.SIGTERM)
    return await finish(process)


def assert_no_secrets(tg: FakeTelegram, *outputs: str) -> None:
    """Neither the token nor its secret half may appear in anything the process printed."""
    secret_half = tg.token.split(":", 1)[1]
    for output in outputs:
        assert "Traceback" not in output, output
        assert tg.token not in output, output
        assert secret_half not in output, output


def write_library(directory: Path, checkin: str, gratitude: str) -> Path:
    directory.mkdir()
    (directory / "checkin.yaml").write_text(dedent(checkin), encoding="utf-8")
    (directory / "gratitude.yaml").write_text(dedent(gratitude), encoding="utf-8")
    for name in EXTRA_FILES:
        shutil.copy(DEFAULT_PROMPTS_DIR / name, directory / name)
    return directory


SMALL_CHECKIN = """\
    prompts:
      - id: "calm-today"
        text: "How calm did today feel? 1 is tense, 10 is calm."
        answer: "scale"
        depth: 1
    """
SMALL_GRATITUDE = """\
    prompts:
      - id: "thanks-today"
        text: "What are you thankful for today?"
        answer: "text"
        depth: 1
    """
# Line 3 has a typo'd key (so line 2's prompt also lacks its text); line 6 reuses an id.
BROKEN_CHECKIN = """\
    prompts:
      - id: "calm-today"
        txt: "How calm did today feel? 1 is tense, 10 is calm."
        answer: "scale"
        depth: 1
      - id: "calm-today"
        text: "And tonight?"
        answer: "text"
        depth: 1
    """
# The quote opened on line 3 is never closed.
BROKEN_GRATITUDE = """\
    prompts:
      - id: "thanks-today"
        text: "What are you thankful for today?
        answer: "text"
        depth: 1
    """


# -- check-prompts ------------------------------------------------------------------------


def test_check_prompts_summarises_the_shipped_library(tmp_path: Path) -> None:
    result = run("check-prompts", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    *lines, languages, agreements, support, repair = result.stdout.splitlines()
    assert [_SUMMARY_RE.fullmatch(line) is not None for line in lines] == [True] * len(KINDS)
    assert languages == "languages: de, es, pt_BR, ru, uk (each as English)"
    assert [line.split(":", 1)[0] for line in lines] == list(KINDS)
    assert re.fullmatch(r"agreements: \d+ topics", agreements)
    assert re.fullmatch(r"support: \d+ resources", support)
    assert re.fullmatch(r"repair: \d+ steps", repair)

    explicit = run("check-prompts", str(DEFAULT_PROMPTS_DIR), cwd=tmp_path)
    assert (explicit.returncode, explicit.stdout) == (0, result.stdout)


def test_check_prompts_lists_every_problem_by_file_and_line(tmp_path: Path) -> None:
    write_library(tmp_path / "lib", BROKEN_CHECKIN, BROKEN_GRATITUDE)
    result = run("check-prompts", "lib", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    problems = result.stderr.splitlines()
    assert problems
    assert all(_PROBLEM_RE.fullmatch(line) for line in problems), problems
    where = {line.split(": ", 1)[0] for line in problems}
    assert {"lib/checkin.yaml:2", "lib/checkin.yaml:3", "lib/checkin.yaml:6"} <= where
    text = result.stderr
    assert "lib/checkin.yaml:3: unknown key 'txt' in a prompt (did you mean 'text'?)" in text
    assert "lib/checkin.yaml:2: prompt 'calm-today' is missing required key 'text'" in text
    assert "lib/checkin.yaml:6: duplicate id 'calm-today' (first used at line 2)" in text
    assert re.search(r"^lib/gratitude\.yaml:\d+: invalid YAML: ", text, re.MULTILINE), text


def test_check_prompts_checks_agreements_and_support_too(tmp_path: Path) -> None:
    library = write_library(tmp_path / "lib", SMALL_CHECKIN, SMALL_GRATITUDE)
    (library / AGREEMENTS_FILE).write_text("topics:\n  - id: xy\n", encoding="utf-8")
    (library / SUPPORT_FILE).unlink()
    result = run("check-prompts", "lib", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == ""
    assert "lib/agreements.yaml:2: topic 'xy' is missing required key 'title'" in result.stderr
    assert "lib/support.yaml" in result.stderr
    assert "Traceback" not in result.stderr


def test_check_prompts_on_a_missing_directory_says_so_in_one_line(tmp_path: Path) -> None:
    result = run("check-prompts", "no-such-dir", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == "no-such-dir: prompts directory does not exist\n"


def test_check_prompts_uses_prompts_dir_from_the_environment(tmp_path: Path) -> None:
    library = write_library(tmp_path / "mine", SMALL_CHECKIN, SMALL_GRATITUDE)
    result = run("check-prompts", cwd=tmp_path, env=clean_env(prompts_dir=str(library)))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:2] == [
        "checkin: 1 prompt (depth 1: 1, 2: 0, 3: 0)",
        "gratitude: 1 prompt (depth 1: 1, 2: 0, 3: 0)",
    ]

    # An explicit DIR wins over PROMPTS_DIR.
    broken = write_library(tmp_path / "broken", BROKEN_CHECKIN, BROKEN_GRATITUDE)
    env = clean_env(prompts_dir=str(broken))
    assert run("check-prompts", str(library), cwd=tmp_path, env=env).returncode == 0

    # PROMPTS_DIR in a .env file in the working directory counts too, as for the bot.
    (tmp_path / ".env").write_text(f"PROMPTS_DIR={broken}\n", encoding="utf-8")
    from_dotenv = run("check-prompts", cwd=tmp_path)
    assert from_dotenv.returncode == 1
    assert f"{broken}/checkin.yaml:6: duplicate id" in from_dotenv.stderr


# -- new-key and running without settings ---------------------------------------------------


def test_new_key_prints_a_fresh_32_byte_key(tmp_path: Path) -> None:
    result = run("new-key", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stderr == ""
    key = result.stdout.strip()
    assert result.stdout == key + "\n"
    assert re.fullmatch(r"[A-Za-z0-9_-]{43}=", key), key
    assert len(base64.urlsafe_b64decode(key)) == 32


def test_running_without_a_token_is_one_clear_line(tmp_path: Path) -> None:
    # ``run`` asks for Telegram itself; a bare ``python -m bot`` starts the playground
    # instead (tests/test_playground.py).
    result = run("run", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert "TELEGRAM_BOT_TOKEN" in result.stderr
    assert "Traceback" not in result.stderr


# -- running against the fake Telegram server ----------------------------------------------


async def test_a_database_from_a_newer_mend_is_refused_in_one_line(
    tg: FakeTelegram, clock: FakeClock, tmp_path: Path
) -> None:
    settings = make_settings(tg, tmp_path)
    first = Bot(tg, clock, settings)
    await first.start()
    await first.stop()
    with sqlite3.connect(settings.bot_database) as conn:
        conn.execute("PRAGMA user_version = 999")
    key = settings.bot_data_key.get_secret_value() if settings.bot_data_key else ""
    process = await start_bot(
        telegram_env(tg, settings.bot_database, bot_data_key=key), cwd=tmp_path
    )
    code, out, err = await finish(process)
    assert code == 1, err
    assert_no_secrets(tg, out, err)
    mend_lines = [line for line in err.splitlines() if line.startswith("mend: ")]
    assert len(mend_lines) == 1, err
    assert "schema version 999, newer than this Mend" in mend_lines[0]


async def test_a_wrong_data_key_stops_the_bot_with_a_clear_message(
    tg: FakeTelegram, clock: FakeClock, tmp_path: Path
) -> None:
    settings = make_settings(tg, tmp_path)
    first = Bot(tg, clock, settings)
    await first.start()
    await first.stop()

    wrong = generate_key()
    process = await start_bot(
        telegram_env(tg, settings.bot_database, bot_data_key=wrong), cwd=tmp_path
    )
    code, out, err = await finish(process)

    assert code == 1, err
    assert_no_secrets(tg, out, err)
    assert wrong not in out + err
    mend_lines = [line for line in err.splitlines() if line.startswith("mend: ")]
    assert len(mend_lines) == 1, err
    assert "data key does not match" in mend_lines[0]
    assert "BOT_DATA_KEY" in mend_lines[0]


async def test_first_run_creates_a_private_key_file_and_logs_no_user_text(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    database = tmp_path / "data" / "mend.sqlite3"
    key_file = key_file_for(database)
    anna = tg.user(1001, "Anna")
    private = "thank you for the quiet walk zq7x"

    async with running_bot(telegram_env(tg, database), cwd=tmp_path) as first:
        await set_up(anna)
        await anna.send("/gratitude")
        await anna.wait_message("Gratitude")
        await anna.send(private)
        await anna.wait_message("You wrote")

    assert first.code == 0, first.err
    assert_no_secrets(tg, first.out, first.err)
    assert private not in first.out + first.err
    # The generated key is announced once, by path, and never printed.
    assert first.err.count(str(key_file)) == 1, first.err
    key = key_file.read_text().strip()
    assert len(base64.urlsafe_b64decode(key)) == 32
    assert key not in first.out + first.err
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(database.stat().st_mode) == 0o600
    # Stored encrypted: the words are nowhere in the database files.
    for path in database.parent.glob(database.name + "*"):
        assert private.encode() not in path.read_bytes(), path

    # The next start reuses the key file quietly, and it still opens the database.
    async with running_bot(telegram_env(tg, database), cwd=tmp_path) as second:
        await anna.send("/help")
        await anna.wait_message()
    assert second.code == 0, second.err
    assert_no_secrets(tg, second.out, second.err)
    assert str(key_file) not in second.err
    assert key_file.read_text().strip() == key


def test_a_missing_key_file_is_not_silently_replaced(tmp_path: Path) -> None:
    """With a database but no key, start-up refuses instead of minting a useless new key."""
    database = tmp_path / "mend.sqlite3"
    database.write_bytes(b"")
    with pytest.raises(DataKeyError, match=r"key file .* is missing"):
        load_or_create_key(None, database)
    assert not key_file_for(database).exists()


@pytest.mark.parametrize("log_format", ["text", "json"])
async def test_idle_logs_are_quiet(tg: FakeTelegram, tmp_path: Path, log_format: str) -> None:
    """Sixty ticks (a minute at the default TICK_SECONDS) of an idle bot: the start-up lines
    and nothing else; with LOG_FORMAT=json, every line is one JSON object."""
    database = tmp_path / "mend.sqlite3"
    env = telegram_env(tg, database, tick_seconds="0.05", log_format=log_format)
    async with running_bot(env, cwd=tmp_path) as idle:
        await tg.wait_for(lambda: len(tg.calls_to("getUpdates")) >= 2, timeout=15)
        await asyncio.sleep(3)  # real time: the scheduler ticks in it (60 ticks of 0.05 s)
    assert idle.code == 0, idle.err
    lines = [line for line in idle.err.splitlines() if line.strip()]
    assert len(lines) <= 6, lines  # start-up (4 on a first run) and shutdown (2)
    assert any("Mend " in line and "started: mode polling" in line for line in lines), lines
    assert not any("Running job" in line or "executed successfully" in line for line in lines)
    if log_format == "json":
        for line in lines:
            entry = json.loads(line)
            assert {"time", "level", "logger", "message"} <= set(entry)
    assert_no_secrets(tg, idle.out, idle.err)
