"""build_application(settings): the one place that wires Mend together."""

import logging
from typing import Any

from telegram import Bot, BotCommand, Update
from telegram.error import TelegramError
from telegram.ext import Application, ApplicationBuilder, ContextTypes

from bot.features import FEATURES
from bot.features.help import COMMANDS, DESCRIPTION, SHORT_DESCRIPTION
from bot.kernel.clock import Clock, SystemClock
from bot.kernel.config import Settings
from bot.kernel.context import BotData, MendApplication, MendContext
from bot.kernel.crypto import TextCipher, load_or_create_key
from bot.kernel.db import Database
from bot.kernel.feature import commands_of
from bot.kernel.handlers import register
from bot.kernel.http import AiohttpRequest
from bot.kernel.i18n import LANGUAGES, SOURCE, speaking, telegram_code
from bot.kernel.inbox import Inbox
from bot.kernel.intake import InboxProcessor, InboxQueue, InboxRequest, replay
from bot.kernel.limiter import RateLimiter
from bot.kernel.logs import startup_line
from bot.kernel.mend import Mend
from bot.kernel.scheduler import tick
from bot.kernel.sender import Sender
from bot.kernel.webhook import Webhook, load_or_create_secret
from bot.library import load_agreements, load_repair, load_support
from bot.prompts import load_library

log = logging.getLogger(__name__)

ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY]


def build_application(settings: Settings, clock: Clock | None = None) -> MendApplication:
    """Build the Application: storage, prompts, handlers, the sender and the tick.

    The prompt library is validated here, before any network traffic; the database is opened
    (and the data key checked) in ``post_init``.
    """
    prompts = load_library(settings.prompts_dir)
    agreements = load_agreements(settings.prompts_dir)
    support = load_support(settings.prompts_dir)
    repair = load_repair(settings.prompts_dir)
    key = load_or_create_key(
        settings.bot_data_key.get_secret_value() if settings.bot_data_key else None,
        settings.bot_database,
    )
    database = Database(settings.bot_database, TextCipher(key))
    mend = Mend(
        settings,
        database,
        clock or SystemClock(),
        prompts,
        agreements,
        support,
        repair,
        FEATURES,
    )
    inbox = Inbox(database, mend.clock)
    webhook = _webhook(settings)
    builder = ApplicationBuilder()
    if webhook is not None:
        # Each update POSTed to the webhook is stored before the 200 (bot/kernel/intake.py).
        builder = builder.update_queue(InboxQueue(inbox))
    application: MendApplication = (
        builder.token(settings.telegram_bot_token.get_secret_value())
        .base_url(settings.telegram_api_base_url)
        .base_file_url(settings.telegram_api_base_file_url)
        .context_types(ContextTypes(context=MendContext, bot_data=BotData))
        .post_init(_post_init)
        .post_stop(_post_stop)
        .post_shutdown(_post_shutdown)
        # Bot API calls through a lighter HTTP client (bot/kernel/http.py), files through
        # httpx. Fetched updates go to the inbox first, and are handled from it once
        # (bot/kernel/intake.py says which PTB extension points, and why).
        .request(AiohttpRequest())
        .get_updates_request(InboxRequest(inbox))
        .concurrent_updates(InboxProcessor(inbox))
        .build()
    )
    application.bot_data.mend = mend
    application.bot_data.limiter = RateLimiter(settings.telegram_max_rate)
    application.bot_data.inbox = inbox
    application.bot_data.webhook = webhook
    register(application, mend.features)
    return application


def _webhook(settings: Settings) -> Webhook | None:
    if settings.telegram_webhook_url is None:
        return None
    secret = load_or_create_secret(
        settings.telegram_webhook_secret.get_secret_value()
        if settings.telegram_webhook_secret
        else None,
        settings.bot_database,
    )
    return Webhook(
        settings.telegram_webhook_url, settings.webhook_listen, settings.webhook_port, secret
    )


def _webhook_arguments(webhook: Webhook) -> dict[str, Any]:
    """What ``run_webhook`` and ``Updater.start_webhook`` are given: PTB registers the
    webhook (setWebhook with the secret) and serves it; a request without the secret header
    gets 403."""
    return {
        "listen": webhook.listen,
        "port": webhook.port,
        "url_path": webhook.path,
        "webhook_url": webhook.url,
        "secret_token": webhook.secret,
        "allowed_updates": ALLOWED_UPDATES,
    }


def run(application: MendApplication) -> None:
    """Run until stopped (SIGINT, SIGTERM): the webhook if one is set, else long polling."""
    webhook = application.bot_data.webhook
    if webhook is None:
        application.run_polling(allowed_updates=ALLOWED_UPDATES)
    else:
        application.run_webhook(**_webhook_arguments(webhook))


async def start_webhook(application: MendApplication, webhook: Webhook) -> None:
    """Register the webhook and serve it as :func:`run` does, for callers that run the
    application's steps themselves (the end-to-end tests)."""
    assert application.updater is not None
    await application.updater.start_webhook(**_webhook_arguments(webhook))


async def _post_init(application: Application) -> None:
    mend: Mend = application.bot_data.mend
    await mend.db.open()
    mode = "polling" if application.bot_data.webhook is None else "webhook"
    log.info(startup_line(mend.settings, mend.prompts, mode))
    sender = Sender(mend, application.bot, application.bot_data.limiter)
    mend.db.on_outbox_commit(sender.wake)
    application.bot_data.sender = sender
    sender.start()
    # Before polling starts: what was stored and not handled before a crash goes first.
    await replay(application, application.bot_data.inbox)
    assert application.job_queue is not None
    application.job_queue.run_repeating(
        _tick_job,
        interval=mend.settings.tick_seconds,
        first=0,
        name="mend-tick",
        # The tick itself catches up on anything missed, so a late or skipped run loses
        # nothing; never let APScheduler drop runs on its own (default grace is 1 s).
        job_kwargs={"misfire_grace_time": None, "coalesce": True, "max_instances": 1},
    )
    await _introduce(application, mend)


async def _introduce(application: Application, mend: Mend) -> None:
    """The commands menu (the few used daily, of those the features handle) and what the
    empty chat says before /start, in every language Mend speaks: English with no
    ``language_code`` (what everyone else sees), then each other language under its code.
    Telegram refusing any of it does not stop Mend."""
    handled = commands_of(mend.features)
    for language in LANGUAGES:
        await _introduce_in(application.bot, language, handled)


async def _introduce_in(bot: Bot, language: str, handled: frozenset[str]) -> None:
    code = None if language == SOURCE else telegram_code(language)
    with speaking(language):
        menu = [BotCommand(name, str(about)) for name, about in COMMANDS if name in handled]
        description, short = str(DESCRIPTION), str(SHORT_DESCRIPTION)
    steps = (
        ("the commands menu", lambda: bot.set_my_commands(menu, language_code=code)),
        ("the description", lambda: bot.set_my_description(description, language_code=code)),
        (
            "the short description",
            lambda: bot.set_my_short_description(short, language_code=code),
        ),
    )
    for what, call in steps:
        try:
            await call()
        except TelegramError as error:
            log.warning("Could not set %s (%s): %s", what, code or "default", type(error).__name__)


async def _tick_job(context: MendContext) -> None:
    await tick(context.mend)


async def _post_stop(application: Application) -> None:
    if application.bot_data.sender is not None:
        await application.bot_data.sender.stop()


async def _post_shutdown(application: Application) -> None:
    await application.bot_data.mend.db.close()
