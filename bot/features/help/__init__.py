"""Help: /help, /privacy, and the commands menu the app registers with Telegram."""

from bot.features.help import views
from bot.features.help.handlers import HANDLERS
from bot.features.help.views import COMMANDS
from bot.kernel.feature import Feature
from bot.kernel.outgoing import Outgoing

__all__ = ["COMMANDS", "FEATURE", "privacy"]


def privacy() -> Outgoing:
    """What /privacy says (the settings show it too)."""
    return Outgoing(views.PRIVACY)


FEATURE = Feature(name="help", handlers=HANDLERS)
