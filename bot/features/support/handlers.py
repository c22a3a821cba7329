"""/support."""

from telegram import Update
from telegram.ext import BaseHandler, CommandHandler

from bot.features.support import views
from bot.kernel.context import MendContext
from bot.kernel.handlers import reply
from bot.kernel.i18n import current
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Outgoing


async def screen(mend: Mend, user_id: int) -> Outgoing:
    """The support page, for anyone (set up or not): it reads nothing of theirs."""
    return views.page(mend.support.in_language(current()))


async def support(update: Update, context: MendContext) -> None:
    """/support: warm words, what to do if it's urgent, and helplines by country."""
    await reply(update, context, views.page(context.mend.support.in_language(current())))


HANDLERS: list[BaseHandler[Update, MendContext, None]] = [CommandHandler("support", support)]
