"""python -m bot [run | check-prompts [DIR] | new-key | backup PATH | status [--behind S]]"""

import argparse
import logging
import sys
from pathlib import Path

from telegram import Update

from bot.backup import run as run_backup
from bot.kernel.crypto import DataKeyError, generate_key
from bot.library import check_library
from bot.prompts import DEFAULT_PROMPTS_DIR, PromptLibraryError
from bot.status import DEFAULT_BEHIND
from bot.status import run as run_status


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot", description="Mend, a Telegram bot.")
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("run", help="run the bot with long polling (the default)")
    check = commands.add_parser("check-prompts", help="validate the YAML library and exit")
    check.add_argument("directory", nargs="?", type=Path, default=None)
    commands.add_parser("new-key", help="print a fresh BOT_DATA_KEY")
    backup = commands.add_parser(
        "backup", help="copy the live database to PATH (a new file), safely while the bot runs"
    )
    backup.add_argument("path", type=Path)
    status = commands.add_parser(
        "status", help="counts and delivery health; exit code 1 when delivery is behind"
    )
    status.add_argument(
        "--behind",
        type=_seconds,
        default=DEFAULT_BEHIND,
        metavar="SECONDS",
        help=f"how late the oldest waiting message may be (default {DEFAULT_BEHIND})",
    )
    args = parser.parse_args(argv)

    if args.command == "check-prompts":
        directory = args.directory or _configured_prompts_dir()
        return check_library(directory, sys.stdout, sys.stderr)
    if args.command == "new-key":
        print(generate_key())
        return 0
    if args.command == "backup":
        return run_backup(args.path)
    if args.command == "status":
        return run_status(args.behind)
    return _run()


def _seconds(text: str) -> int:
    try:
        seconds = int(text)
    except ValueError:
        seconds = -1
    if seconds < 0:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}")
    return seconds


def _configured_prompts_dir() -> Path:
    """PROMPTS_DIR if set (environment or .env), else the shipped library."""
    from pydantic_settings import BaseSettings, SettingsConfigDict

    class PromptsOnly(BaseSettings):
        model_config = SettingsConfigDict(env_file=".env", extra="ignore")
        prompts_dir: Path = DEFAULT_PROMPTS_DIR

    return PromptsOnly().prompts_dir


def _run() -> int:
    from bot.app import build_application
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
        application = build_application(settings)
        application.run_polling(allowed_updates=[Update.MESSAGE, Update.CALLBACK_QUERY])
    except PromptLibraryError as error:
        print(f"mend: the prompt library has problems:\n{error}", file=sys.stderr)
        return 1
    except DataKeyError as error:
        print(f"mend: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
