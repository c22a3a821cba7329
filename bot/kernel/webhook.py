"""Webhook mode's settings: where Telegram sends updates, where Mend listens, the secret.

With ``TELEGRAM_WEBHOOK_URL`` set, ``bot.app.run`` serves updates with PTB's webhook server
(``run_webhook``), which registers the webhook with this secret and answers 403 to a
request without the ``X-Telegram-Bot-Api-Secret-Token`` header. Each update is stored in the
inbox before the 200 (``InboxQueue`` in bot/kernel/intake.py says how).
"""

import logging
import os
import re
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

log = logging.getLogger(__name__)

# Telegram's rule for secret_token: 1-256 characters, A-Z, a-z, 0-9, _ and -.
SECRET_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,256}")


class WebhookSecretError(Exception):
    """The webhook secret file cannot be read or written; one line for the operator."""


@dataclass(frozen=True, slots=True)
class Webhook:
    """Where Telegram sends updates (``url``) and where Mend listens for them."""

    url: str
    listen: str
    port: int
    secret: str = field(repr=False)

    @property
    def path(self) -> str:
        """The URL's path: Mend serves the webhook there (a reverse proxy keeps the path)."""
        return urlsplit(self.url).path or "/"


def secret_file_for(database: Path) -> Path:
    return database.with_name(database.name + ".webhook-secret")


def load_or_create_secret(configured: str | None, database: Path) -> str:
    """The configured secret, else the one kept beside the database, created (0600) once.

    Kept, not made anew at each start: a restart re-registers the webhook with the same
    secret, so a request Telegram sent under the old registration is still accepted.
    """
    if configured:
        return configured
    path = secret_file_for(database)
    try:
        if path.exists():
            secret = path.read_text().strip()
            if not SECRET_PATTERN.fullmatch(secret):
                raise WebhookSecretError(
                    f"{path} does not hold a webhook secret (1-256 of A-Z a-z 0-9 _ -); "
                    "delete it to have a new one made, or set TELEGRAM_WEBHOOK_SECRET"
                )
            return secret
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        secret = secrets.token_urlsafe(48)
        with os.fdopen(fd, "w") as file:
            file.write(secret + "\n")
    except OSError as error:
        raise WebhookSecretError(
            f"cannot keep the webhook secret in {path}: {error.strerror}"
        ) from None
    log.info("No TELEGRAM_WEBHOOK_SECRET set: generated one at %s", path)
    return secret
