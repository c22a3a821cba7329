"""Help: /help, /privacy, and the commands menu the app registers with Telegram."""

from bot.features.help.handlers import HANDLERS
from bot.features.help.views import COMMANDS
from bot.kernel.feature import Feature

__all__ = ["COMMANDS", "FEATURE"]

FEATURE = Feature(name="help", handlers=HANDLERS)
