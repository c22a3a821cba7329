"""Encryption of user text at rest (AES-256-GCM), and where the key comes from."""

import base64
import binascii
import hashlib
import logging
import os
import secrets
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

log = logging.getLogger(__name__)

# Version 1 (the format before key rotation): version byte + nonce + ciphertext with tag.
# It says nothing of its key: it was sealed by the first key the database had.
_LEGACY = b"\x01"
# Version 2: version byte + key id byte + nonce + ciphertext with tag; the two header bytes
# are authenticated with it. The key id tells rotate-key which rows are done.
_KEYED = b"\x02"
_NONCE_BYTES = 12


class DataKeyError(Exception):
    """The data key is unusable or does not open this database; the message says why."""


class TextCipher:
    """Seals user text with one key; opens what that key, or the ``previous`` one, sealed.

    ``previous`` is only given while rotate-key moves rows from the old key to the new one.
    """

    def __init__(self, key: bytes, previous: bytes | None = None) -> None:
        if len(key) != 32:
            raise DataKeyError("BOT_DATA_KEY must be 32 bytes, base64-encoded (44 characters).")
        self.key_id = key_id(key)
        self._aead = AESGCM(key)
        self._by_id = {self.key_id: self._aead}
        # A version-1 blob predates rotation: the old key sealed it if there is one.
        self._legacy = self._aead
        if previous is not None:
            self._legacy = AESGCM(previous)
            self._by_id.setdefault(key_id(previous), self._legacy)

    def seal(self, text: str) -> bytes:
        nonce = os.urandom(_NONCE_BYTES)
        header = _KEYED + bytes([self.key_id])
        return header + nonce + self._aead.encrypt(nonce, text.encode(), header)

    def open(self, blob: bytes) -> str:
        if blob[:1] == _LEGACY:
            nonce, sealed = blob[1 : 1 + _NONCE_BYTES], blob[1 + _NONCE_BYTES :]
            return self._legacy.decrypt(nonce, sealed, None).decode()
        if blob[:1] != _KEYED or len(blob) < 2 or blob[1] not in self._by_id:
            raise InvalidTag
        header, nonce, sealed = blob[:2], blob[2 : 2 + _NONCE_BYTES], blob[2 + _NONCE_BYTES :]
        return self._by_id[blob[1]].decrypt(nonce, sealed, header).decode()


def key_id(key: bytes) -> int:
    """The one-byte id a key writes into what it seals (a hash of it: the key file and
    BOT_DATA_KEY need not carry it). Two keys may share an id; rotate-key never picks such a
    pair, and the authentication tag still refuses a wrong key."""
    return hashlib.sha256(b"mend data key id\x00" + key).digest()[0]


def sealed_key_id(blob: bytes) -> int | None:
    """Which key id sealed ``blob``; None for the version-1 format, which does not say."""
    return blob[1] if blob[:1] == _KEYED and len(blob) > 1 else None


def generate_key() -> str:
    """A fresh key, as it is written in BOT_DATA_KEY or the key file."""
    return base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()


def decode_key(text: str) -> bytes:
    try:
        key = base64.urlsafe_b64decode(text.strip().encode())
    except (binascii.Error, ValueError):
        raise DataKeyError("BOT_DATA_KEY is not valid base64.") from None
    if len(key) != 32:
        raise DataKeyError("BOT_DATA_KEY must decode to 32 bytes (see .env.example).")
    return key


def key_file_for(database: Path) -> Path:
    return database.with_name(database.name + ".key")


def load_or_create_key(configured: str | None, database: Path) -> bytes:
    """The configured key, else the key file beside the database, created (0600) if missing."""
    if configured:
        return decode_key(configured)
    path = key_file_for(database)
    if path.exists():
        return decode_key(path.read_text())
    if database.exists():
        # A new key could never open this database, and the file would sit where the real
        # one has to be restored.
        raise DataKeyError(
            f"{database} exists but its key file {path} is missing. Restore the key file, "
            "or set BOT_DATA_KEY to the key the database was created with."
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as file:
        file.write(generate_key() + "\n")
    log.warning("No BOT_DATA_KEY set: generated a data key at %s. Back it up.", path)
    return decode_key(path.read_text())


def is_wrong_key(cipher: TextCipher, probe: bytes) -> bool:
    try:
        cipher.open(probe)
    except InvalidTag:
        return True
    return False
