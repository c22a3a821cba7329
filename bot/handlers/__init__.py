"""Every handler, registered in one place. Order matters where noted."""

from telegram import Update
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.handlers import agreement, common, pairing, prompts, review, settings, tools


def register(application: Application) -> None:
    """Add all handlers and the error handler to the application."""
    # Group -1 runs first: anything outside a private chat is answered (commands only) and
    # stopped there, so nothing from a group is ever stored.
    application.add_handler(TypeHandler(Update, common.private_only), group=-1)
    for handler in (
        *pairing.HANDLERS,
        *settings.HANDLERS,
        *agreement.HANDLERS,
        *tools.HANDLERS,
        *review.HANDLERS,
        *prompts.HANDLERS,
    ):
        application.add_handler(handler)
    application.add_handler(CommandHandler("help", common.help_command))
    application.add_handler(CommandHandler("privacy", common.privacy))
    # Fallbacks last: unknown commands, non-text content, and buttons no handler claimed.
    only_new = filters.UpdateType.MESSAGE
    application.add_handler(MessageHandler(only_new & filters.COMMAND, common.unknown_command))
    application.add_handler(MessageHandler(only_new & ~filters.TEXT, common.unsupported_content))
    application.add_handler(CallbackQueryHandler(common.stale_button))
    application.add_error_handler(common.on_error)
