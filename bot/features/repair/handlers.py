"""/repair, and Approve / Decline on a proposed change."""

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from bot.features.repair import service, views
from bot.features.repair.buttons import Decide
from bot.kernel.context import MendContext
from bot.kernel.handlers import edit, pressed, pressed_message, reply, text_after_command, user_of


async def repair(update: Update, context: MendContext) -> None:
    """/repair shows the plan; /repair add|edit|remove|reset proposes a change."""
    args = text_after_command(update)
    user_id = user_of(update)[0]
    if not args.strip():
        await reply(update, context, views.plan(await service.show(context.mend, user_id)))
    else:
        await reply(
            update, context, views.proposed(await service.propose(context.mend, user_id, args))
        )


async def decide(update: Update, context: MendContext) -> None:
    """Approve (the change applies now) or Decline; the proposer is told either way."""
    button = await pressed(update, Decide)
    user_id, message_id = user_of(update)[0], pressed_message(update)
    result = await service.decide(
        context.mend, user_id, button.change_id, button.choice, message_id
    )
    await edit(update, context, views.decided(result))


HANDLERS: list[BaseHandler[Update, MendContext, None]] = [
    CommandHandler("repair", repair),
    CallbackQueryHandler(decide, pattern=Decide.pattern()),
]
