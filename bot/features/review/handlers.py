"""/review: the weekly review on demand."""

from telegram import Update
from telegram.constants import ChatAction, ParseMode
from telegram.ext import BaseHandler, CommandHandler

from bot.features.review import service, views
from bot.kernel.context import MendContext
from bot.kernel.handlers import reply, user_of


async def review_command(update: Update, context: MendContext) -> None:
    """/review [4w]: a chart of both partners' check-in scores (as a photo), then the counts."""
    chat = update.effective_chat
    assert chat is not None
    weeks = service.parse_weeks(context.args or [])
    await chat.send_chat_action(ChatAction.UPLOAD_PHOTO)
    review = await service.on_demand(context.mend, user_of(update)[0], weeks)
    photo = await service.draw(views.chart_of(review))
    for message in views.review_messages(review, photo, scheduled=False):
        if message.photo is not None:
            await chat.send_photo(message.photo, caption=message.text, parse_mode=ParseMode.HTML)
        else:
            await reply(update, context, message)


HANDLERS: list[BaseHandler[Update, MendContext, None]] = [
    CommandHandler("review", review_command),
]
