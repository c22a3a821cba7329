"""/talk, the times to pick, and Accept / Another time."""

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from bot.features.talk import service, views
from bot.features.talk.buttons import Accept, Another, Cancel, Pick, RemindMe, SendWords
from bot.features.talk.models import Writing
from bot.kernel.context import MendContext
from bot.kernel.handlers import detach, edit, pressed, reply, user_of
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Outgoing


async def screen(mend: Mend, user_id: int) -> Outgoing:
    """The screen "talk": when would you like to talk?"""
    return views.offer(await service.offer(mend, user_id))


async def talk(update: Update, context: MendContext) -> None:
    """/talk: the times to propose to the partner."""
    await reply(update, context, await screen(context.mend, user_of(update)[0]))


async def pick(update: Update, context: MendContext) -> None:
    """A time: asked of the partner (the picker gives way to "I've asked"), or, for another
    time, the words are asked for."""
    button = await pressed(update, Pick)
    result = await service.pick(context.mend, user_of(update)[0], button.slot)
    shown = views.writing() if isinstance(result, Writing) else views.proposed(result)
    await edit(update, context, shown)


async def send_words(update: Update, context: MendContext) -> None:
    """Send: the time in one's own words goes to the partner."""
    button = await pressed(update, SendWords)
    result = await service.send_words(context.mend, user_of(update)[0], button.talk_id)
    await edit(update, context, views.proposed(result))


async def cancel(update: Update, context: MendContext) -> None:
    """Cancel: nothing was sent."""
    button = await pressed(update, Cancel)
    await service.cancel(context.mend, user_of(update)[0], button.talk_id)
    await edit(update, context, views.cancelled())


async def accept(update: Update, context: MendContext) -> None:
    """Accept: the proposal keeps its words, and the confirmation follows."""
    button = await pressed(update, Accept)
    result = await service.accept(context.mend, user_of(update)[0], button.talk_id)
    await detach(update, context)
    await reply(update, context, views.accepted(result))


async def remind_me(update: Update, context: MendContext) -> None:
    """Remind me an hour before: the button goes, and when the reminder comes is said."""
    button = await pressed(update, RemindMe)
    result = await service.remind_me(context.mend, user_of(update)[0], button.talk_id)
    await detach(update, context)
    await reply(update, context, views.reminding(result))


async def another(update: Update, context: MendContext) -> None:
    """Another time: the proposer is told; the times to propose one's own follow."""
    button = await pressed(update, Another)
    result = await service.another(context.mend, user_of(update)[0], button.talk_id)
    await detach(update, context)
    await reply(update, context, views.another(result))


HANDLERS: list[BaseHandler[Update, MendContext, None]] = [
    CommandHandler("talk", talk),
    CallbackQueryHandler(pick, pattern=Pick.pattern()),
    CallbackQueryHandler(send_words, pattern=SendWords.pattern()),
    CallbackQueryHandler(cancel, pattern=Cancel.pattern()),
    CallbackQueryHandler(accept, pattern=Accept.pattern()),
    CallbackQueryHandler(another, pattern=Another.pattern()),
    CallbackQueryHandler(remind_me, pattern=RemindMe.pattern()),
]
