"""Mend's settings, read once from the environment or a ``.env`` file."""

from pathlib import Path

from pydantic import Field, SecretStr, ValidationError
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
    """The two settings the offline commands (backup, status) need, read as the bot reads
    them; no token is required to look after the database."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    bot_database: Path = Settings.model_fields["bot_database"].default
    bot_data_key: SecretStr | None = None
