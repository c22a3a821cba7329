"""The one SQLite connection, its write lock, migrations and the transaction object."""

import asyncio
import contextlib
import fcntl
import gc
import logging
import os
import sqlite3
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import aiosqlite

from bot.kernel.crypto import DataKeyError, TextCipher, is_wrong_key
from bot.kernel.migrations import MIGRATIONS

log = logging.getLogger(__name__)

KEY_PROBE = "mend key check"
# Copy the WAL back into the database file off the event loop and off the connection's
# thread, at most this often (seconds), instead of inside whichever COMMIT crosses SQLite's
# 1000-page mark (a checkpoint fsyncs, and took ~30 ms of a tick's time at 1M users).
CHECKPOINT_EVERY = 1.0


def lock_file_for(database: Path) -> Path:
    """The file a running Mend holds a shared lock on, and rotate-key an exclusive one."""
    return database.with_name(database.name + ".lock")


class DatabaseBusyError(Exception):
    """Another process holds the database's lock in a way this one cannot share."""


def take_lock(database: Path, *, exclusive: bool) -> int:
    """Lock ``database``'s lock file without waiting; the returned fd holds it until closed.

    Every open Database holds it shared (so several may run, as tests do); rotate-key holds
    it exclusive, so neither runs while the other does.
    """
    fd = os.open(lock_file_for(database), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise DatabaseBusyError(str(database)) from None
    return fd


def to_ts(moment: datetime) -> int:
    """An aware datetime as stored: whole Unix seconds."""
    return int(moment.timestamp())


def from_ts(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


def from_ts_or_none(seconds: int | None) -> datetime | None:
    """A nullable time column: None stays None."""
    return None if seconds is None else from_ts(seconds)


@dataclass
class Tx:
    """A transaction in progress: the connection, the cipher, and what it wrote."""

    conn: aiosqlite.Connection
    cipher: TextCipher
    wrote_outbox: bool = field(default=False)

    def seal(self, text: str) -> bytes:
        return self.cipher.seal(text)

    def open(self, blob: bytes) -> str:
        return self.cipher.open(blob)

    def open_or_none(self, blob: bytes | None) -> str | None:
        return None if blob is None else self.cipher.open(blob)


class SchemaTooNewError(Exception):
    """The database was migrated by a newer Mend; this one must not touch it."""


COMMITTED: ContextVar[bool] = ContextVar("committed", default=False)
"""Whether a write transaction committed in this context: the handlers' error handler reads
it (reset for each update), so it never says nothing was saved when something was."""


class Database:
    """Mend's SQLite file: WAL mode, 0600, migrated on open.

    Every read and write goes through :meth:`transaction`, which holds one asyncio lock, so
    coroutines sharing the single aiosqlite connection never share a transaction by accident.
    """

    def __init__(self, path: Path, cipher: TextCipher) -> None:
        self.path = path
        self.cipher = cipher
        self._conn: aiosqlite.Connection | None = None
        self._lock = asyncio.Lock()
        self._outbox_listeners: list[Callable[[], None]] = []
        self._before_commit: list[Callable[[Tx], Awaitable[None]]] = []
        self.commits = 0  # write transactions committed since open (the sender watches it)
        self._committed = asyncio.Event()
        self._checkpointer: asyncio.Task[None] | None = None
        self._checkpoint_conn: sqlite3.Connection | None = None
        self._checkpointing: asyncio.Future[None] | None = None
        self._lock_fd: int | None = None

    async def open(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # Create the file ourselves so it is private from its first byte; SQLite gives its
        # -wal and -shm files the same mode.
        os.close(os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600))
        os.chmod(self.path, 0o600)
        try:
            self._lock_fd = take_lock(self.path, exclusive=False)
        except DatabaseBusyError:
            raise DataKeyError(
                f"python -m bot rotate-key is re-encrypting {self.path}; start Mend once it ends."
            ) from None
        conn = await aiosqlite.connect(self.path, isolation_level=None)
        conn.row_factory = aiosqlite.Row
        for pragma in (
            "PRAGMA journal_mode = WAL",
            "PRAGMA synchronous = NORMAL",
            "PRAGMA foreign_keys = ON",
            "PRAGMA busy_timeout = 5000",
            "PRAGMA wal_autocheckpoint = 0",  # see CHECKPOINT_EVERY and _checkpoints()
        ):
            await conn.execute(pragma)
        self._conn = conn
        try:
            await self._migrate()
            await self._check_key()
        except BaseException:
            await self.close()
            raise
        self._checkpointer = asyncio.create_task(self._checkpoints(), name="mend-checkpoint")
        # Start-up is over once the database is open: what is loaded by now (modules, the
        # library, handlers) lives as long as the process. Freezing it keeps Python's full
        # garbage collections from walking it all again, a pause of ~40 ms on the event loop
        # each time on the benchmark machine (the busy minute's longest stretches).
        gc.collect()
        gc.freeze()

    async def close(self) -> None:
        if self._checkpointer is not None:
            self._checkpointer.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._checkpointer
            self._checkpointer = None
        if self._checkpointing is not None:  # a checkpoint still running in its thread
            await asyncio.wait([self._checkpointing])
            self._checkpointing = None
        if self._checkpoint_conn is not None:
            self._checkpoint_conn.close()
            self._checkpoint_conn = None
        if self._conn is not None:
            await self._conn.close()  # the last connection to close checkpoints the rest
            self._conn = None
        if self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None

    async def _checkpoints(self) -> None:
        """After commits, a PASSIVE checkpoint on a connection of its own, in a worker thread:
        it never takes the write lock, so it runs alongside transactions."""
        while True:
            await self._committed.wait()
            self._committed.clear()
            # Shielded: cancelling this task (close) must not leave the thread running while
            # its connection is closed; close() waits for it instead.
            self._checkpointing = asyncio.ensure_future(asyncio.to_thread(self._checkpoint))
            try:
                await asyncio.shield(self._checkpointing)
            except sqlite3.Error as error:
                log.warning("WAL checkpoint failed: %s", error)
            self._checkpointing = None
            await asyncio.sleep(CHECKPOINT_EVERY)

    def _checkpoint(self) -> None:
        if self._checkpoint_conn is None:
            self._checkpoint_conn = sqlite3.connect(
                self.path, isolation_level=None, check_same_thread=False
            )
            self._checkpoint_conn.execute("PRAGMA busy_timeout = 5000")
        self._checkpoint_conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()

    def on_outbox_commit(self, listener: Callable[[], None]) -> None:
        """Call ``listener`` after each commit that wrote outbox rows (wakes the sender)."""
        self._outbox_listeners.append(listener)

    def before_commit(self, step: Callable[[Tx], Awaitable[None]]) -> None:
        """Run ``step`` at the end of each write transaction, just before its COMMIT (the
        inbox marks the update being handled done there, with its effect)."""
        self._before_commit.append(step)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Tx]:
        """One write transaction (BEGIN IMMEDIATE), committed on success, rolled back on error."""
        conn = self._connection()
        async with self._lock:
            await conn.execute("BEGIN IMMEDIATE")
            tx = Tx(conn, self.cipher)
            try:
                yield tx
                for step in self._before_commit:
                    await step(tx)
            except BaseException:
                await conn.execute("ROLLBACK")
                raise
            await conn.execute("COMMIT")
            self.commits += 1
            COMMITTED.set(True)
        self._committed.set()
        if tx.wrote_outbox:
            for listener in self._outbox_listeners:
                listener()

    @asynccontextmanager
    async def read(self) -> AsyncIterator[Tx]:
        """A consistent read: a deferred transaction, which never takes SQLite's write lock."""
        conn = self._connection()
        async with self._lock:
            await conn.execute("BEGIN")
            try:
                yield Tx(conn, self.cipher)
            finally:
                await conn.execute("ROLLBACK")

    def _connection(self) -> aiosqlite.Connection:
        if self._conn is None:
            raise RuntimeError("Database.open() was not called")
        return self._conn

    async def _migrate(self) -> None:
        conn = self._connection()
        async with conn.execute("PRAGMA user_version") as cursor:
            row = await cursor.fetchone()
        version = int(row[0]) if row else 0
        if version > len(MIGRATIONS):
            raise SchemaTooNewError(
                f"{self.path} is at schema version {version}, newer than this Mend "
                f"({len(MIGRATIONS)}): it was used by a newer Mend. Upgrade Mend."
            )
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            await conn.executescript(f"BEGIN;\n{script}\nPRAGMA user_version = {number};\nCOMMIT;")
        if version < len(MIGRATIONS):
            log.info("Database migrated from schema version %d to %d", version, len(MIGRATIONS))

    async def _check_key(self) -> None:
        """Refuse to start with a key that is not the one this database was created with."""
        async with self.transaction() as tx:
            cursor = await tx.conn.execute("SELECT 1 FROM meta WHERE key = 'rotation'")
            if await cursor.fetchone() is not None:
                raise DataKeyError(
                    f"A key rotation of {self.path} was interrupted: run "
                    "python -m bot rotate-key again to finish it before starting Mend."
                )
            cursor = await tx.conn.execute("SELECT value FROM meta WHERE key = 'key_probe'")
            row = await cursor.fetchone()
            if row is None:
                await tx.conn.execute(
                    "INSERT INTO meta (key, value) VALUES ('key_probe', ?)", (tx.seal(KEY_PROBE),)
                )
                return
        if is_wrong_key(self.cipher, row["value"]):
            raise DataKeyError(
                f"The data key does not match the one {self.path} was created with. "
                "Set BOT_DATA_KEY (or restore the .key file) to the original key."
            )
