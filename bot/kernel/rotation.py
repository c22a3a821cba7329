"""python -m bot rotate-key: every stored text re-sealed under a new data key, in batches.

The order of steps is what makes an interruption harmless:

1. The new key is written to ``<database>.key.new`` (0600) and a ``meta`` row ``rotation``
   records its key id, before any row changes. From then on Mend refuses to start until the
   rotation is finished, and the key every re-sealed row needs is on disk.
2. Rows are re-sealed table by table, one transaction per batch. Each sealed value names
   the key that sealed it (bot/kernel/crypto.py), so a second run skips what is done and
   opens the rest with the old key.
3. The new key takes the old one's place (the key file is replaced atomically, the old one
   kept beside it as ``<database>.key.before-rotation-<UTC time>``; with BOT_DATA_KEY the new
   key is printed), and only then is the ``rotation`` row deleted.
"""

import os
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from cryptography.exceptions import InvalidTag

from bot.kernel.crypto import (
    DataKeyError,
    TextCipher,
    decode_key,
    generate_key,
    key_file_for,
    key_id,
    sealed_key_id,
)
from bot.kernel.db import KEY_PROBE
from bot.kernel.migrations import MIGRATIONS

# Every column holding sealed text, by table (tests/test_rotate_key.py checks this against
# the schema's BLOB columns, so a new migration cannot add one that rotation misses).
SEALED_COLUMNS: dict[str, tuple[str, ...]] = {
    "meta": ("value",),
    "users": ("first_name",),
    "asks": ("body",),
    "outbox": ("body",),
    "inbox": ("body",),
    "topics": ("title",),
    "disclosures": ("body", "voice", "ack_note"),
    "promises": ("body",),
    "wins": ("body",),
    "repair_steps": ("body",),
    "repair_changes": ("body",),
    "journal": ("body",),
    "held_words": ("body",),
    "talks": ("words",),
    "reactions": ("note",),
}
# Which rows of a table hold sealed text, where not all do (meta also holds the rotation's
# own plain record).
SEALED_ROWS: dict[str, str] = {"meta": "key = 'key_probe'"}
# BLOB columns that hold no sealed text.
UNSEALED_BLOBS = {("invites", "code_hash")}
# Test hook: stop (exit 3) after this many committed batches, as a crash would.
STOP_AFTER_ENV = "MEND_ROTATE_STOP_AFTER_BATCHES"


class RotationError(Exception):
    """Rotation cannot start or go on; the message is one line for the operator."""


class StoppedEarly(Exception):
    """The test hook stopped the run, as an interruption would."""


def pending_key_file(database: Path) -> Path:
    return database.with_name(database.name + ".key.new")


@dataclass(frozen=True)
class Outcome:
    new_key: str
    key_file: Path | None  # where the new key now is; None: the operator sets BOT_DATA_KEY
    old_key_backup: Path | None


@dataclass
class Rotation:
    """One run of rotate-key over an open connection held exclusively."""

    conn: sqlite3.Connection
    database: Path
    configured_key: str | None  # BOT_DATA_KEY, if set
    batch_size: int

    def rows_to_visit(self) -> int:
        total = 0
        for table in SEALED_COLUMNS:
            where = SEALED_ROWS.get(table, "1")
            row = self.conn.execute(f"SELECT count(*) FROM {table} WHERE {where}").fetchone()
            total += int(row[0])
        return total

    def batches(self, cipher: TextCipher) -> Iterator[int]:
        """Re-seal every table, one committed transaction per batch; yields rows visited."""
        for table, columns in SEALED_COLUMNS.items():
            names = ", ".join(columns)
            where = SEALED_ROWS.get(table, "1")
            last = -1
            while True:
                self.conn.execute("BEGIN IMMEDIATE")
                try:
                    rows = self.conn.execute(
                        f"SELECT rowid, {names} FROM {table} WHERE {where} AND rowid > ? "
                        "ORDER BY rowid LIMIT ?",
                        (last, self.batch_size),
                    ).fetchall()
                    for rowid, *blobs in rows:
                        resealed = [_reseal(cipher, blob) for blob in blobs]
                        if resealed != blobs:
                            assignments = ", ".join(f"{name} = ?" for name in columns)
                            self.conn.execute(
                                f"UPDATE {table} SET {assignments} WHERE rowid = ?",
                                (*resealed, rowid),
                            )
                except BaseException:
                    self.conn.execute("ROLLBACK")
                    raise
                self.conn.execute("COMMIT")
                if not rows:
                    break
                last = rows[-1][0]
                yield len(rows)


def _reseal(cipher: TextCipher, blob: bytes | None) -> bytes | None:
    if blob is None or sealed_key_id(blob) == cipher.key_id:
        return blob
    try:
        return cipher.seal(cipher.open(blob))
    except InvalidTag:
        raise RotationError(
            "a stored value opens with neither the old nor the new key; nothing more was "
            "changed, and the rows done so far are readable with the new key"
        ) from None


def rotate_key(
    database: Path,
    configured_key: str | None,
    *,
    batch_size: int,
    progress: Callable[[int], Callable[[int], object]],
) -> Outcome:
    """Run or finish a rotation; ``progress(total)`` gives the function told each batch."""
    if not database.is_file():
        raise RotationError(f"there is no database at {database}")
    key_file = key_file_for(database)
    if configured_key is None and not key_file.is_file():
        raise RotationError(f"{key_file} is missing and BOT_DATA_KEY is not set")
    old_key = decode_key(configured_key or key_file.read_text())
    conn = sqlite3.connect(database, isolation_level=None)
    try:
        conn.execute("PRAGMA busy_timeout = 5000")
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if version != len(MIGRATIONS):
            raise RotationError(
                f"{database} is at schema version {version}, this Mend expects "
                f"{len(MIGRATIONS)}: start Mend once (it migrates), stop it, then rotate"
            )
        rotation = Rotation(conn, database, configured_key, batch_size)
        try:
            new_key = _new_key(rotation, old_key)
        except _Finished:  # the new key already took the old one's place
            conn.execute("DELETE FROM meta WHERE key = 'rotation'")
            current = configured_key or key_file.read_text().strip()
            return Outcome(current, None if configured_key else key_file, None)
        cipher = TextCipher(decode_key(new_key), previous=old_key)
        report = progress(rotation.rows_to_visit())
        stop_after = int(os.environ.get(STOP_AFTER_ENV, "0") or 0)
        for done, visited in enumerate(rotation.batches(cipher), start=1):
            report(visited)
            if done == stop_after:
                raise StoppedEarly(
                    f"stopped after {done} batches ({STOP_AFTER_ENV}, a test hook); "
                    "run rotate-key again to finish"
                )
        return _finish(rotation, new_key)
    finally:
        conn.close()


def _new_key(rotation: Rotation, old_key: bytes) -> str:
    """The key this rotation moves to: the one an interrupted run chose, else a new one,
    written to disk and recorded before any row is touched."""
    conn, database = rotation.conn, rotation.database
    pending = pending_key_file(database)
    row = conn.execute("SELECT value FROM meta WHERE key = 'rotation'").fetchone()
    if row is not None:
        wanted = int(row[0])
        if key_id(old_key) == wanted:
            raise _Finished  # the key file was replaced, only the meta row was left
        if not pending.is_file():
            raise RotationError(
                f"a rotation was started but its new key {pending} is missing; restore it"
            )
        new_key = pending.read_text().strip()
        if key_id(decode_key(new_key)) != wanted:
            raise RotationError(f"{pending} is not the key the interrupted rotation chose")
        _check_old_key(conn, database, TextCipher(decode_key(new_key), previous=old_key))
        return new_key
    _check_old_key(conn, database, TextCipher(old_key))
    new_key = generate_key()
    while key_id(decode_key(new_key)) == key_id(old_key):
        new_key = generate_key()
    fd = os.open(pending, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as file:
        file.write(new_key + "\n")
        file.flush()
        os.fsync(file.fileno())
    conn.execute(
        "INSERT INTO meta (key, value) VALUES ('rotation', ?)", (key_id(decode_key(new_key)),)
    )
    return new_key


class _Finished(Exception):
    pass


def _check_old_key(conn: sqlite3.Connection, database: Path, cipher: TextCipher) -> None:
    row = conn.execute("SELECT value FROM meta WHERE key = 'key_probe'").fetchone()
    if row is None:
        raise RotationError(f"{database} has never been opened by Mend; nothing to rotate")
    try:
        ok = cipher.open(row[0]) == KEY_PROBE
    except InvalidTag:
        ok = False
    if not ok:
        hint = ""
        if pending_key_file(database).is_file():
            hint = f" (if a rotation finished, its new key is in {pending_key_file(database)})"
        raise DataKeyError(f"the data key does not open {database}{hint}")


def _finish(rotation: Rotation, new_key: str) -> Outcome:
    database = rotation.database
    pending = pending_key_file(database)
    key_file = key_file_for(database)
    backup: Path | None = None
    target: Path | None = None
    if rotation.configured_key is None:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        backup = database.with_name(f"{database.name}.key.before-rotation-{stamp}")
        fd = os.open(backup, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as file:
            file.write(key_file.read_bytes())
        os.replace(pending, key_file)  # atomic: the key file is the old key or the new one
        target = key_file
    rotation.conn.execute("DELETE FROM meta WHERE key = 'rotation'")
    return Outcome(new_key, target, backup)
