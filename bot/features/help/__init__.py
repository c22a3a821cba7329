"""Help: /help and its topics, /privacy, the commands menu and the bot's description, which
the app gives Telegram at start-up."""

from bot.features.help import views
from bot.features.help.handlers import HANDLERS
from bot.features.help.views import COMMANDS, DESCRIPTION, SHORT_DESCRIPTION
from bot.kernel.feature import Feature, commands_of
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Outgoing

__all__ = ["COMMANDS", "DESCRIPTION", "FEATURE", "SHORT_DESCRIPTION", "privacy"]


def privacy() -> Outgoing:
    """What /privacy says (the settings show it too)."""
    return Outgoing(str(views.PRIVACY))


async def screen(mend: Mend, user_id: int) -> Outgoing:
    """/help's first page."""
    return views.help_message(commands_of(mend.features))


FEATURE = Feature(
    name="help",
    handlers=HANDLERS,
    screens={"help": screen},
    command_words=views.COMMAND_WORDS,
)
