"""Encryption of user text at rest (AES-256-GCM), and where the key comes from."""

import base64
import binascii
import logging
import os
import secrets
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

log = logging.getLogger(__name__)

_VERSION = b"\x01"
_NONCE_BYTES = 12


class DataKeyError(Exception):
    """The data key is unusable or does not open this database; the message says why."""


class TextCipher:
    """Seals and opens user text; a blob is version byte + nonce + ciphertext with tag."""

    def __init__(self, key: bytes) -> None:
        if len(key) != 32:
            raise DataKeyError("BOT_DATA_KEY must be 32 bytes, base64-encoded (44 characters).")
        self._aead = AESGCM(key)

    def seal(self, text: str) -> bytes:
        nonce = os.urandom(_NONCE_BYTES)
        return _VERSION + nonce + self._aead.encrypt(nonce, text.encode(), None)

    def open(self, blob: bytes) -> str:
        if blob[:1] != _VERSION:
            raise InvalidTag
        nonce, sealed = blob[1 : 1 + _NONCE_BYTES], blob[1 + _NONCE_BYTES :]
        return self._aead.decrypt(nonce, sealed, None).decode()


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
