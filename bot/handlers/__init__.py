"""The kernel's own handlers, around those the features register (bot/app.py)."""

from telegram import Update
from telegram.ext import Application, CallbackQueryHandler, MessageHandler, TypeHandler, filters

from bot.kernel import handlers as common
from bot.kernel.feature import Feature


def register(application: Application, features: tuple[Feature, ...]) -> None:
    """Add the features' handlers, the kernel's guards and fallbacks, and the error handler."""
    # Group -1 runs first: anything outside a private chat is answered (commands only) and
    # stopped there, so nothing from a group is ever stored.
    application.add_handler(TypeHandler(Update, common.private_only), group=-1)
    for feature in features:
        application.add_handlers(list(feature.handlers))
    # Fallbacks last: unknown commands, non-text content, and buttons no handler claimed.
    only_new = filters.UpdateType.MESSAGE
    application.add_handler(MessageHandler(only_new & filters.COMMAND, common.unknown_command))
    application.add_handler(MessageHandler(only_new & ~filters.TEXT, common.unsupported_content))
    application.add_handler(CallbackQueryHandler(common.stale_button))
    application.add_error_handler(common.on_error)
