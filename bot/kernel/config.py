"""Mend's settings, read once from the environment or a ``.env`` file."""

import re
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.prompts import DEFAULT_PROMPTS_DIR

TELEGRAM_BASE_URL = "https://api.telegram.org/bot"
TELEGRAM_BASE_FILE_URL = "https://api.telegram.org/file/bot"


class Settings(BaseSettings):
    """Every setting Mend reads; each one is documented in ``.env.example``."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    telegram_bot_token: SecretStr = Field(min_length=1)
    telegram_api_base_url: str = TELEGRAM_BASE_URL
    telegram_api_base_file_url: str = TELEGRAM_BASE_FILE_URL
    bot_database: Path = Path("data/mend.sqlite3")
    prompts_dir: Path = DEFAULT_PROMPTS_DIR
    bot_data_key: SecretStr | None = None
    telegram_max_rate: float = Field(default=30.0, gt=0, le=1000)
    tick_seconds: float = Field(default=1.0, gt=0, le=60)
    log_level: str = "INFO"
    log_format: Literal["text", "json"] = "text"
    # Webhook mode (bot/kernel/webhook.py) when a URL is set; long polling otherwise.
    telegram_webhook_url: str | None = Field(default=None, pattern=r"^https?://[^/?#]+")
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = Field(default=8443, ge=1, le=65535)
    telegram_webhook_secret: SecretStr | None = None

    @field_validator("telegram_webhook_secret")
    @classmethod
    def _telegram_secret_rule(cls, value: SecretStr | None) -> SecretStr | None:
        # Telegram's rule for secret_token; the message never repeats the value.
        if value is not None and not re.fullmatch(
            r"[A-Za-z0-9_-]{1,256}", value.get_secret_value()
        ):
            raise ValueError("must be 1-256 characters of A-Z, a-z, 0-9, _ and -")
        return value


class SettingsError(Exception):
    """Settings are missing or wrong; the message is one line for the operator."""


def load_settings() -> Settings:
    """Read the settings, turning pydantic's report into one clear line."""
    try:
        return Settings()
    except ValidationError as error:
        problems = []
        for item in error.errors():
            name = str(item["loc"][0]).upper() if item["loc"] else "settings"
            if item["type"] == "missing":
                problems.append(f"{name} is not set (put it in the environment or .env)")
            else:
                problems.append(f"{name}: {item['msg']}")
        raise SettingsError("; ".join(problems)) from None


class StorageSettings(BaseSettings):
    """The two settings the offline commands (backup, status, rotate-key) need, read as the
    bot reads them; no token is required to look after the database."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    bot_database: Path = Settings.model_fields["bot_database"].default
    bot_data_key: SecretStr | None = None
