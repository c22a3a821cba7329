"""Logs an operator can read: quiet when idle, one line at start-up, JSON on request.

What users write never reaches a log, even at DEBUG: handlers log update ids and error types,
and python-telegram-bot (which logs whole updates at DEBUG) is kept at INFO. The token never
does either: libraries that put it in request URLs are kept at WARNING.
"""

import json
import logging
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version

from bot.kernel.config import Settings
from bot.prompts import PromptLibrary

# Libraries that speak at INFO on every tick or request: httpx and aiohttp log request URLs,
# which carry the bot token. APScheduler logs each run of the tick at INFO ("Running job ..."
# / "... executed successfully", two lines a second) and warns of each run skipped while a long
# tick is still going; the tick catches up by design (it coalesces), so only its errors count.
QUIET = {
    # python-telegram-bot logs whole updates (what users wrote) at DEBUG.
    "telegram": logging.INFO,
    "httpx": logging.WARNING,
    "httpcore": logging.WARNING,
    "aiohttp.access": logging.WARNING,
    "apscheduler": logging.ERROR,
}


class JsonFormatter(logging.Formatter):
    """One JSON object per line, for log shippers (``LOG_FORMAT=json``)."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def configure(settings: Settings) -> None:
    """Set up the root logger from ``LOG_LEVEL`` and ``LOG_FORMAT``, and quiet the chatty."""
    handler = logging.StreamHandler()
    if settings.log_format == "json":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(settings.log_level.upper())
    for name, level in QUIET.items():
        logging.getLogger(name).setLevel(max(level, root.level))


def mend_version() -> str:
    try:
        return version("mend")
    except PackageNotFoundError:  # run from a checkout that was not installed
        return "unknown"


def startup_line(settings: Settings, prompts: PromptLibrary, mode: str) -> str:
    """What an operator wants to see once: version, database, where the key comes from (never
    the key), the library and its prompt counts, and the mode."""
    key = "BOT_DATA_KEY" if settings.bot_data_key else "the key file beside the database"
    counts = ", ".join(
        f"{kind} {len(prompts.kind(kind).prompts)}" for kind in sorted(prompts.sets)
    )
    return (
        f"Mend {mend_version()} started: mode {mode}, database {settings.bot_database}, "
        f"key from {key}, prompts {settings.prompts_dir} ({counts})"
    )
