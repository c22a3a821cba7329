"""``python -m bot backup PATH``: a consistent copy of the live database, while the bot runs.

The copy is made with SQLite's online backup API, a few pages at a time, inside one read
transaction on the source: in WAL mode a reader never blocks the bot's writes, and the held
snapshot keeps the copy consistent (without it, every commit of the bot between two steps
would restart the backup from the first page). The copy is created 0600 before a byte is
written, then checked with ``PRAGMA integrity_check``. It needs no key and prints none.
"""

import os
import sqlite3
import sys
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from bot.kernel.config import StorageSettings
from bot.kernel.crypto import key_file_for

PAGES_PER_STEP = 256  # 1 MiB of 4 KiB pages per step of the backup API

Progress = Callable[[int, int, int], object]


class BackupError(Exception):
    """The backup could not be made; ``code`` is the exit code (2: the paths given)."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Copied:
    path: Path
    pages: int


def backup(source: Path, target: Path, progress: Progress | None = None) -> Copied:
    """Copy ``source`` to ``target``, a new file created 0600, and check the copy."""
    if not source.is_file():
        raise BackupError(f"{source}: no database there (is BOT_DATABASE right?)", 2)
    _create_private(target)
    try:
        pages = _copy(source, target, progress)
        _check(target)
    except BaseException:
        target.unlink(missing_ok=True)  # never leave a torn or unchecked copy behind
        raise
    return Copied(target, pages)


def _create_private(target: Path) -> None:
    """Create the empty target, private from its first byte; refuse to replace anything."""
    directory = target.parent
    if not directory.is_dir():
        raise BackupError(f"{directory}: no such directory; create it first", 2)
    try:
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        raise BackupError(f"{target} already exists; not overwriting it", 2) from None
    except OSError as error:
        raise BackupError(f"{target}: cannot create it ({error.strerror})", 2) from None


def _copy(source: Path, target: Path, progress: Progress | None) -> int:
    with (
        closing(sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)) as src,
        closing(sqlite3.connect(target, isolation_level=None)) as dst,
    ):
        src.isolation_level = None
        src.execute("PRAGMA busy_timeout = 5000")
        # Hold one snapshot for the whole copy (see the module's docstring).
        src.execute("BEGIN")
        src.execute("SELECT count(*) FROM sqlite_master").fetchone()
        pages = [0]

        def step(status: int, remaining: int, total: int) -> None:
            pages[0] = total
            if progress is not None:
                progress(status, remaining, total)

        try:
            src.backup(dst, pages=PAGES_PER_STEP, progress=step)
        finally:
            src.execute("ROLLBACK")
        # A single self-contained file: the copy's own journal is not WAL.
        dst.execute("PRAGMA journal_mode = DELETE").fetchone()
    return pages[0]


def _check(target: Path) -> None:
    with closing(sqlite3.connect(f"{target.resolve().as_uri()}?mode=ro", uri=True)) as copy:
        result = [row[0] for row in copy.execute("PRAGMA integrity_check")]
    if result != ["ok"]:
        raise BackupError(f"{target}: the copy failed its integrity check: {result[0]}", 1)


def key_location(settings: StorageSettings) -> str:
    """Where the key that opens this database comes from: never the key itself."""
    if settings.bot_data_key is not None:
        return "BOT_DATA_KEY (in the environment or .env)"
    path = key_file_for(settings.bot_database)
    if not path.exists():
        return f"{path}, which is missing: find the key before you need this copy"
    return str(path)


def run(target: Path, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    """The command: make the copy, then say where it is and where its key is."""
    settings = StorageSettings()
    try:
        copied = backup(settings.bot_database, target)
    except BackupError as error:
        print(f"mend: {error}", file=err)
        return error.code
    except sqlite3.Error as error:
        print(f"mend: the backup failed: {error}", file=err)
        return 1
    print(
        f"Backup written to {copied.path.resolve()} ({copied.pages} pages, integrity ok).",
        file=out,
    )
    print(f"Its key: {key_location(settings)}.", file=out)
    print(
        "The copy is useless without that key: user text in it is encrypted. "
        "Keep the key backed up too, apart from the copy.",
        file=out,
    )
    return 0
