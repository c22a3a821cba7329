"""python -m bot [run | check-prompts [DIR] | new-key]"""

import argparse
import logging
import sys
from pathlib import Path

from bot.kernel.crypto import DataKeyError, generate_key
from bot.kernel.webhook import WebhookSecretError
from bot.library import check_library
from bot.prompts import DEFAULT_PROMPTS_DIR, PromptLibraryError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot", description="Mend, a Telegram bot.")
    commands = parser.add_subparsers(dest="command")
    commands.add_parser(
        "run",
        help="run the bot (the default): webhook if TELEGRAM_WEBHOOK_URL is set, else polling",
    )
    check = commands.add_parser("check-prompts", help="validate the YAML library and exit")
    check.add_argument("directory", nargs="?", type=Path, default=None)
    commands.add_parser("new-key", help="print a fresh BOT_DATA_KEY")
    args = parser.parse_args(argv)

    if args.command == "check-prompts":
        directory = args.directory or _configured_prompts_dir()
        return check_library(directory, sys.stdout, sys.stderr)
    if args.command == "new-key":
        print(generate_key())
        return 0
    return _run()


def _configured_prompts_dir() -> Path:
    """PROMPTS_DIR if set (environment or .env), else the shipped library."""
    from pydantic_settings import BaseSettings, SettingsConfigDict

    class PromptsOnly(BaseSettings):
        model_config = SettingsConfigDict(env_file=".env", extra="ignore")
        prompts_dir: Path = DEFAULT_PROMPTS_DIR

    return PromptsOnly().prompts_dir


def _run() -> int:
    from bot.app import build_application, run
    from bot.kernel.config import SettingsError, load_settings

    try:
        settings = load_settings()
    except SettingsError as error:
        print(f"mend: {error}", file=sys.stderr)
        return 2
    logging.basicConfig(
        level=settings.log_level.upper(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    # httpx logs every request URL at INFO, and the URL contains the bot token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    try:
        run(build_application(settings))
    except PromptLibraryError as error:
        print(f"mend: the prompt library has problems:\n{error}", file=sys.stderr)
        return 1
    except (DataKeyError, WebhookSecretError) as error:
        print(f"mend: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
