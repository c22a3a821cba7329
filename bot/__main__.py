"""python -m bot [run | playground | check-prompts [DIR] | new-key | rotate-key | backup PATH |
status]"""

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from bot.backup import run as run_backup
from bot.kernel import logs
from bot.kernel.crypto import DataKeyError, generate_key
from bot.kernel.db import SchemaTooNewError
from bot.kernel.webhook import WebhookSecretError
from bot.library import check_library
from bot.prompts import DEFAULT_PROMPTS_DIR, PromptLibraryError
from bot.status import DEFAULT_BEHIND
from bot.status import run as run_status


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot", description="Mend, a Telegram bot.")
    commands = parser.add_subparsers(dest="command")
    commands.add_parser(
        "run",
        help="run the bot on Telegram: webhook if TELEGRAM_WEBHOOK_URL is set, else polling "
        "(the default when a token is set; without one, the playground)",
    )
    playground = commands.add_parser(
        "playground",
        help="try Mend in your browser: two phones, a clock you can move, nothing sent anywhere",
    )
    playground.add_argument(
        "--port",
        type=_port,
        default=None,
        help="port on 127.0.0.1 (default PLAYGROUND_PORT or 8080)",
    )
    playground.add_argument(
        "--database",
        type=Path,
        default=None,
        help="its database (default PLAYGROUND_DATABASE or data/playground.sqlite3)",
    )
    playground.add_argument(
        "--fresh", action="store_true", help="start over: forget the playground's database first"
    )
    check = commands.add_parser("check-prompts", help="validate the YAML library and exit")
    check.add_argument("directory", nargs="?", type=Path, default=None)
    commands.add_parser("new-key", help="print a fresh BOT_DATA_KEY")
    rotate = commands.add_parser(
        "rotate-key", help="re-encrypt every stored text under a new data key (bot stopped)"
    )
    rotate.add_argument("--batch-size", type=_positive, default=500, help="rows per transaction")
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
    if args.command == "rotate-key":
        return _rotate_key(args.batch_size)
    if args.command == "backup":
        return run_backup(args.path)
    if args.command == "status":
        return run_status(args.behind)
    if args.command == "playground":
        return _playground(args.port, args.database, args.fresh)
    if args.command is None and not _token_configured():
        print(
            "No TELEGRAM_BOT_TOKEN is set, so here is the playground instead. To run Mend on "
            "Telegram, put your bot's token in .env as TELEGRAM_BOT_TOKEN=... (the README's "
            "five BotFather steps).",
            flush=True,
        )
        return _playground(None, None, False)
    return _run()


def _playground(port: int | None, database: Path | None, fresh: bool) -> int:
    from bot.playground.run import main as run_playground

    return run_playground(port, database, fresh)


def _token_configured() -> bool:
    """Whether TELEGRAM_BOT_TOKEN is set (environment or .env), to something."""
    from pydantic import SecretStr
    from pydantic_settings import BaseSettings, SettingsConfigDict

    class TokenOnly(BaseSettings):
        model_config = SettingsConfigDict(env_file=".env", extra="ignore")
        telegram_bot_token: SecretStr | None = None

    token = TokenOnly().telegram_bot_token
    return token is not None and bool(token.get_secret_value().strip())


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}")
    return port


def _seconds(text: str) -> int:
    try:
        seconds = int(text)
    except ValueError:
        seconds = -1
    if seconds < 0:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}")
    return seconds


def _positive(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive whole number")
    return number


def _rotate_key(batch_size: int) -> int:
    """Run (or finish) a key rotation, with a progress bar when stderr is a terminal."""
    from tqdm import tqdm

    from bot.kernel.config import StorageSettings
    from bot.kernel.db import DatabaseBusyError, lock_file_for, take_lock
    from bot.kernel.rotation import RotationError, StoppedEarly, pending_key_file, rotate_key

    settings = StorageSettings()
    database = settings.bot_database
    configured = settings.bot_data_key.get_secret_value() if settings.bot_data_key else None
    if not database.is_file():
        print(f"mend: there is no database at {database} (BOT_DATABASE)", file=sys.stderr)
        return 1
    try:
        lock = take_lock(database, exclusive=True)
    except OSError as error:
        print(f"mend: cannot lock {lock_file_for(database)}: {error.strerror}", file=sys.stderr)
        return 1
    except DatabaseBusyError:
        print(
            f"mend: Mend is running on {database} (it holds {lock_file_for(database)}): "
            "stop it, then run rotate-key again",
            file=sys.stderr,
        )
        return 1
    bars: list[tqdm[None]] = []

    def progress(total: int) -> Callable[[int], object]:
        bar: tqdm[None] = tqdm(total=total, unit="row", desc="re-encrypting", disable=None)
        bars.append(bar)
        return bar.update

    try:
        outcome = rotate_key(database, configured, batch_size=batch_size, progress=progress)
    except (RotationError, DataKeyError) as error:
        print(f"mend: {error}", file=sys.stderr)
        return 1
    except StoppedEarly as stopped:
        print(f"mend: {stopped}", file=sys.stderr)
        return 3
    finally:
        for bar in bars:
            bar.close()
        os.close(lock)
    if outcome.key_file is not None:
        print(f"Every stored text is now sealed with the new key, written to {outcome.key_file}.")
        if outcome.old_key_backup is not None:
            print(
                f"The old key is kept in {outcome.old_key_backup}: backups made before now "
                "need it. Back up the new key file."
            )
        return 0
    print("Every stored text is now sealed with this new key:")
    print(outcome.new_key)
    print(
        "Set BOT_DATA_KEY to it: Mend will not start with the old key any more. It is also in "
        f"{pending_key_file(database)} (0600): delete that file once BOT_DATA_KEY is set."
    )
    return 0


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
    logs.configure(settings)
    try:
        run(build_application(settings))
    except PromptLibraryError as error:
        print(f"mend: the prompt library has problems:\n{error}", file=sys.stderr)
        return 1
    except (DataKeyError, SchemaTooNewError, WebhookSecretError) as error:
        print(f"mend: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
