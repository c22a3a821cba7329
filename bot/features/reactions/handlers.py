"""The answer buttons under what a partner shared, and Send / Don't send."""

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler

from bot.features.reactions import service, views
from bot.features.reactions.buttons import CancelReaction, React, SendReaction
from bot.kernel.context import MendContext
from bot.kernel.handlers import detach, edit, pressed, reply, user_of


async def react(update: Update, context: MendContext) -> None:
    """An answer tapped: what was shared keeps its words; a note may follow."""
    button = await pressed(update, React)
    result = await service.choose(
        context.mend, user_of(update)[0], button.reaction_id, button.choice
    )
    await detach(update, context)
    await reply(update, context, views.chosen(result))


async def send(update: Update, context: MendContext) -> None:
    """Send: the answer goes to its author; "Sent to <partner>"."""
    button = await pressed(update, SendReaction)
    result = await service.send(context.mend, user_of(update)[0], button.reaction_id)
    await edit(update, context, views.sent(result))


async def cancel(update: Update, context: MendContext) -> None:
    """Don't send: nothing goes; the answer buttons are offered again."""
    button = await pressed(update, CancelReaction)
    result = await service.cancel(context.mend, user_of(update)[0], button.reaction_id)
    await edit(update, context, views.put_back(result))


HANDLERS: list[BaseHandler[Update, MendContext, None]] = [
    CallbackQueryHandler(react, pattern=React.pattern()),
    CallbackQueryHandler(send, pattern=SendReaction.pattern()),
    CallbackQueryHandler(cancel, pattern=CancelReaction.pattern()),
]
