"""python -m bot playground: the real Mend on this machine, with nothing leaving it.

Mend runs as it does on Telegram (the same ``build_application``, handlers, outbox, tick and
a real SQLite file), but its Bot API is the embedded server (``telegram_server.py``) on
127.0.0.1, its clock can be moved forward from the page, and its database and data key are
its own (``data/playground.sqlite3`` and a key file beside it). The page, two phones side by
side, is served on 127.0.0.1 only.

Beside the database, ``<database>.playground.json`` keeps what the embedded server would
otherwise forget between runs: how far the clock was moved, the phones' names, and the next
message and update ids (so Mend, which remembers ids, never meets one twice).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import signal
import socket
import sys
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from aiohttp import web
from pydantic import Field, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.app import build_application
from bot.kernel import logs
from bot.kernel.config import Settings, StorageSettings
from bot.kernel.context import MendApplication
from bot.kernel.crypto import DataKeyError, generate_key, key_file_for
from bot.kernel.db import SchemaTooNewError
from bot.kernel.scheduler import next_scheduled, tick
from bot.playground.clock import MOVES, MovableClock
from bot.playground.page import Page
from bot.playground.telegram_server import Change, FakeTelegram, FakeUser
from bot.prompts import PromptLibraryError

log = logging.getLogger(__name__)

DEFAULT_DATABASE = Path("data/playground.sqlite3")
DEFAULT_PORT = 8080
PHONES = ((1001, "Anna"), (1002, "Ben"))
BOT_USERNAME = "MendPlaygroundBot"


class PlaygroundSettings(BaseSettings):
    """Where the playground listens and keeps its database (environment or ``.env``)."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    playground_port: int = Field(default=DEFAULT_PORT, ge=0, le=65535)
    playground_database: Path = DEFAULT_DATABASE


def state_file_for(database: Path) -> Path:
    return database.with_name(database.name + ".playground.json")


@dataclass
class Playground:
    """A running playground: the embedded server, Mend, its clock and the page."""

    tg: FakeTelegram
    app: MendApplication
    clock: MovableClock
    phones: tuple[FakeUser, FakeUser]
    database: Path
    url: str = ""
    page: Page | None = None
    runner: web.AppRunner | None = None
    _moving: asyncio.Lock = field(default_factory=asyncio.Lock)

    async def move(self, how: str) -> datetime:
        """Move the clock ("hour", "day", "week", or "next": to the next thing scheduled),
        then run the tick, so what came due is sent now."""
        mend = self.app.bot_data.mend
        async with self._moving:
            if how in MOVES:
                self.clock.advance(MOVES[how])
            elif how == "next":
                upcoming = await next_scheduled(mend)
                if upcoming is None:
                    raise LookupError("Nothing is scheduled yet: set up a phone first.")
                self.clock.move_to(upcoming)
            else:
                raise ValueError('move must be one of "hour", "day", "week", "next".')
            self.save()
            await tick(mend)
            if self.app.bot_data.sender is not None:
                self.app.bot_data.sender.wake()
            return self.clock.now()

    async def upcoming(self) -> datetime | None:
        return await next_scheduled(self.app.bot_data.mend)

    def rename(self, phone: FakeUser, name: str) -> None:
        phone.rename(name)
        self.save()

    def save(self) -> None:
        """Write the state file (atomically, 0600)."""
        next_update_id, next_message_id = self.tg.next_ids()
        state = {
            "clock_offset_seconds": self.clock.offset.total_seconds(),
            "names": {str(phone.id): phone.first_name for phone in self.phones},
            "next_message_id": next_message_id,
            "next_update_id": next_update_id,
        }
        path = state_file_for(self.database)
        temporary = path.with_name(path.name + ".tmp")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as out:
            json.dump(state, out)
        os.replace(temporary, path)


def _read_state(database: Path) -> dict[str, Any]:
    try:
        state = json.loads(state_file_for(database).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return state if isinstance(state, dict) else {}


def _int(value: Any, default: int) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default


async def start(
    database: Path = DEFAULT_DATABASE, port: int = DEFAULT_PORT, **overrides: Any
) -> Playground:
    """Start the embedded server, Mend and the page; ``port`` 0 picks a free one (see
    ``Playground.url``). ``overrides`` are Mend settings (the tests set ``_env_file``)."""
    database.parent.mkdir(parents=True, exist_ok=True)
    _own_key(database)
    state = _read_state(database)
    offset = state.get("clock_offset_seconds")
    clock = MovableClock(
        timedelta(seconds=offset) if isinstance(offset, int | float) else timedelta(0)
    )
    tg = FakeTelegram(
        bot_username=BOT_USERNAME,
        first_update_id=_int(state.get("next_update_id"), 10_000),
        first_message_id=_int(state.get("next_message_id"), 1),
    )
    await tg.start()
    names = state.get("names") if isinstance(state.get("names"), dict) else {}
    assert isinstance(names, dict)
    anna, ben = (
        tg.user(user_id, str(names.get(str(user_id)) or name)[:64]) for user_id, name in PHONES
    )
    settings = Settings(
        **{
            **overrides,
            "telegram_bot_token": tg.token,
            "telegram_api_base_url": tg.base_url,
            "telegram_api_base_file_url": tg.base_file_url,
            "bot_database": database,
            # Its own key, beside its own database: never the real one's.
            "bot_data_key": None,
            "telegram_webhook_url": None,
        }
    )
    try:
        app = build_application(settings, clock)
    except BaseException:
        await tg.stop()
        raise
    playground = Playground(tg, app, clock, (anna, ben), database)
    try:
        await _start_mend(app)
        page = Page(
            tg,
            playground.phones,
            clock.now,
            playground.move,
            playground.upcoming,
            playground.rename,
        )
        playground.page = page
        tg.listen(lambda change: _save_on_message(playground, change))
        playground.runner, playground.url = await _serve(page, port)
    except BaseException:
        await stop(playground)
        raise
    return playground


def _own_key(database: Path) -> None:
    """The playground's data key, made quietly beside a new database (Mend warns to back up
    a key it generates; a playground's is not worth a warning)."""
    path = key_file_for(database)
    if path.exists() or database.exists():
        return  # a database without its key is Mend's to refuse, in one line
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w") as out:
        out.write(generate_key() + "\n")


def _save_on_message(playground: Playground, change: Change) -> None:
    if change.kind == "message":
        playground.save()


async def _start_mend(app: MendApplication) -> None:
    """What ``run_polling`` does before it blocks: initialize, post_init, poll, start."""
    await app.initialize()
    assert app.post_init is not None
    await app.post_init(app)
    assert app.updater is not None
    await app.updater.start_polling(poll_interval=0, timeout=10)
    await app.start()


async def _serve(page: Page, port: int) -> tuple[web.AppRunner, str]:
    runner = web.AppRunner(page.application(), access_log=None, shutdown_timeout=1.0)
    await runner.setup()
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", port))  # this machine only, always
        site = web.SockSite(runner, sock)
        await site.start()
    except BaseException:
        sock.close()
        await runner.cleanup()
        raise
    return runner, f"http://127.0.0.1:{sock.getsockname()[1]}/"


async def stop(playground: Playground) -> None:
    """Stop the page, then Mend as ``run_polling`` does, then the embedded server."""
    if playground.runner is not None:
        runner, playground.runner = playground.runner, None
        await runner.cleanup()
    app = playground.app
    if app.updater is not None and app.updater.running:
        await app.updater.stop()
    if app.running:
        await app.stop()
    if app.post_stop is not None:
        await app.post_stop(app)
    with contextlib.suppress(RuntimeError):  # not initialized (it failed to start)
        await app.shutdown()
    if app.post_shutdown is not None:
        await app.post_shutdown(app)  # closes the database (if it was opened)
    with contextlib.suppress(OSError, ValueError):
        playground.save()
    try:
        await playground.tg.stop()
    except RuntimeError as error:
        log.error("The embedded Bot API server failed: %s", error)


def _is_real(database: Path) -> bool:
    """Whether ``database`` is Mend's real database: what it delivers to the embedded server
    would count as sent, and never reach the people it was meant for."""
    real = StorageSettings().bot_database
    return database.name == "mend.sqlite3" or database.resolve() == real.resolve()


def forget(database: Path) -> list[Path]:
    """``--fresh``: remove the playground's database, its key and its state; returns what was
    removed. Refuses (ValueError) a path that looks like the real database."""
    if _is_real(database):
        raise ValueError(f"{database} looks like the real database; not removing it")
    removed = []
    for path in (
        database,
        database.with_name(database.name + "-wal"),
        database.with_name(database.name + "-shm"),
        key_file_for(database),
        state_file_for(database),
    ):
        if path.exists():
            path.unlink()
            removed.append(path)
    return removed


def main(port: int | None = None, database: Path | None = None, fresh: bool = False) -> int:
    """Run the playground until Ctrl+C or SIGTERM; returns the exit code."""
    try:
        config = PlaygroundSettings()
        port = config.playground_port if port is None else port
        database = database or config.playground_database
        real = _is_real(database)
    except ValidationError as error:
        print(f"mend: {_problems(error)}", file=sys.stderr)
        return 2
    if real:
        print(
            f"mend: {database} is the real database; the playground keeps its own "
            "(PLAYGROUND_DATABASE, default data/playground.sqlite3)",
            file=sys.stderr,
        )
        return 2
    if fresh:
        try:
            forget(database)
        except ValueError as error:
            print(f"mend: {error}", file=sys.stderr)
            return 2
    return asyncio.run(_main(database, port))


def _problems(error: ValidationError) -> str:
    """pydantic's report as one line: each setting's name and what is wrong with it."""
    return "; ".join(
        f"{'.'.join(map(str, item['loc'])).upper()}: {item['msg']}" for item in error.errors()
    )


async def _main(database: Path, port: int) -> int:
    try:
        # The other settings as Mend reads them (.env or the environment); no token needed.
        logs.configure(Settings(telegram_bot_token="playground"))
        playground = await start(database, port)
    except ValidationError as error:
        print(f"mend: {_problems(error)}", file=sys.stderr)
        return 2
    except OSError as error:
        if error.errno is not None and "address" in str(error).lower():
            print(
                f"mend: port {port} on 127.0.0.1 is taken; choose another with "
                "PLAYGROUND_PORT=... or --port ...",
                file=sys.stderr,
            )
        else:
            print(f"mend: {error}", file=sys.stderr)
        return 1
    except PromptLibraryError as error:
        print(f"mend: the prompt library has problems:\n{error}", file=sys.stderr)
        return 1
    except (DataKeyError, SchemaTooNewError) as error:
        print(f"mend: {error}", file=sys.stderr)
        return 1
    print(
        f"Mend's playground is at {playground.url} : two phones in your browser, a clock you "
        f"can move. Nothing leaves this machine; its database is {database}. Ctrl+C stops it.",
        flush=True,
    )
    stopping = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):  # Windows: Ctrl+C still stops it
            loop.add_signal_handler(signum, stopping.set)
    try:
        await stopping.wait()
    finally:
        await stop(playground)
    return 0
