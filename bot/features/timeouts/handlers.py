"""/timeout, and I'm ready / 10 more minutes at its end."""

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from bot.features.timeouts import service, views
from bot.features.timeouts.buttons import Begin, ComeBack
from bot.kernel.context import MendContext
from bot.kernel.handlers import edit, pressed, reply, text_after_command, user_of
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Outgoing


async def start(update: Update, context: MendContext) -> None:
    """/timeout [minutes]: a pause until a time; the partner gets a calm notice."""
    paused = await service.start(context.mend, user_of(update)[0], text_after_command(update))
    await reply(update, context, views.paused(paused))


async def screen(mend: Mend, user_id: int) -> Outgoing:
    """The screen "timeout": what a timeout is, with lengths to tap."""
    return views.offer(await service.partner_of(mend, user_id))


async def begin(update: Update, context: MendContext) -> None:
    """A length tapped on the offer: the timeout starts, as /timeout with those minutes."""
    button = await pressed(update, Begin)
    paused = await service.start(context.mend, user_of(update)[0], str(button.minutes))
    await edit(update, context, views.paused(paused))


async def come_back(update: Update, context: MendContext) -> None:
    """I'm ready (the partner is told) or 10 more minutes (the pause runs on)."""
    button = await pressed(update, ComeBack)
    result = await service.come_back(
        context.mend, user_of(update)[0], button.timeout_id, button.choice
    )
    await edit(update, context, views.came_back(result))


HANDLERS: list[BaseHandler[Update, MendContext, None]] = [
    CommandHandler("timeout", start),
    CallbackQueryHandler(come_back, pattern=ComeBack.pattern()),
    CallbackQueryHandler(begin, pattern=Begin.pattern()),
]
