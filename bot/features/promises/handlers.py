"""/promise, /promises, and the answers to "How did it go?"."""

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from bot.features.promises import service, views
from bot.features.promises.buttons import AuthorSays, PartnerSays
from bot.features.promises.models import Answer
from bot.kernel.context import MendContext
from bot.kernel.handlers import edit, pressed, reply, text_after_command, user_of


async def make(update: Update, context: MendContext) -> None:
    """/promise <what> [by <when>]: the promise noted; the partner is told."""
    made = await service.make(context.mend, user_of(update)[0], text_after_command(update))
    await reply(update, context, views.made(made))


async def overview(update: Update, context: MendContext) -> None:
    """/promises: open promises and the record of both partners."""
    await reply(
        update, context, views.overview(await service.overview(context.mend, user_of(update)[0]))
    )


async def author_says(update: Update, context: MendContext) -> None:
    """Kept / Not this time: the answer noted, or both answers once both answered."""
    button = await pressed(update, AuthorSays)
    value = Answer(button.answer.value)
    result = await service.answer(context.mend, user_of(update)[0], button.promise_id, True, value)
    await edit(update, context, views.answered(result))


async def partner_says(update: Update, context: MendContext) -> None:
    """Kept / Let's talk: the answer noted, or both answers once both answered."""
    button = await pressed(update, PartnerSays)
    value = Answer(button.answer.value)
    result = await service.answer(
        context.mend, user_of(update)[0], button.promise_id, False, value
    )
    await edit(update, context, views.answered(result))


HANDLERS: list[BaseHandler[Update, MendContext, None]] = [
    CommandHandler("promise", make),
    CommandHandler("promises", overview),
    CallbackQueryHandler(author_says, pattern=AuthorSays.pattern()),
    CallbackQueryHandler(partner_says, pattern=PartnerSays.pattern()),
]
