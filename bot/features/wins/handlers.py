"""/win, /wins, and the buttons of wins."""

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from bot.features.wins import service, views
from bot.features.wins.buttons import Drop, Page, Send, ShowOne
from bot.kernel.context import MendContext
from bot.kernel.handlers import answer_button, edit, pressed, reply, text_after_command, user_of


async def record(update: Update, context: MendContext) -> None:
    """/win <text>: the win shown back with Send to <partner> / Don't send."""
    drafted = await service.record(context.mend, user_of(update)[0], text_after_command(update))
    await reply(update, context, views.drafted(drafted))


async def wins(update: Update, context: MendContext) -> None:
    """/wins: the couple's wins, a page at a time; /wins threshold 4 sets when one is offered."""
    word, _, rest = text_after_command(update).strip().partition(" ")
    user_id = user_of(update)[0]
    if word.lower() == "threshold":
        threshold = await service.set_threshold(context.mend, user_id, rest)
        await reply(update, context, views.threshold_set(threshold))
    else:
        await reply(update, context, views.listing(await service.listing(context.mend, user_id)))


async def send(update: Update, context: MendContext) -> None:
    """Send: the partner gets the win; both see it in /wins."""
    button = await pressed(update, Send)
    await edit(
        update,
        context,
        views.sent(await service.send(context.mend, user_of(update)[0], button.win_id)),
    )


async def drop(update: Update, context: MendContext) -> None:
    """Don't send: not sent, and the words erased."""
    button = await pressed(update, Drop)
    partner = await service.drop(context.mend, user_of(update)[0], button.win_id)
    await edit(update, context, views.dropped(partner))


async def page(update: Update, context: MendContext) -> None:
    """« Newer / Older »: another page of /wins."""
    button = await pressed(update, Page)
    result = await service.listing(context.mend, user_of(update)[0], button.offset)
    await edit(update, context, views.listing(result))


async def show_one(update: Update, context: MendContext) -> None:
    """Show me one: a past win, at random."""
    await answer_button(update)
    query = update.callback_query
    assert query is not None
    await edit(
        update, context, views.revisit(await service.revisit(context.mend, user_of(update)[0]))
    )


HANDLERS: list[BaseHandler[Update, MendContext, None]] = [
    CommandHandler("win", record),
    CommandHandler("wins", wins),
    CallbackQueryHandler(send, pattern=Send.pattern()),
    CallbackQueryHandler(drop, pattern=Drop.pattern()),
    CallbackQueryHandler(page, pattern=Page.pattern()),
    CallbackQueryHandler(show_one, pattern=ShowOne.pattern()),
]
