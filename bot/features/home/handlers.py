"""/start, /menu and the set-up buttons."""

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from bot.features import pairing
from bot.features.home import service, views
from bot.features.home.buttons import Invite, OtherTime, PickTime, PickZone, SkipStep, TypeZone
from bot.features.home.models import Question, Status, Step
from bot.kernel.context import MendContext
from bot.kernel.handlers import edit, pressed, reply, user_of
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Outgoing
from bot.kernel.screens import find


def declared(mend: Mend) -> views.Declared:
    """Whether some feature declares a screen of that name (a home button opens it)."""
    return lambda name: find(mend.features, name) is not None


def shown(mend: Mend, result: Question | Status) -> Outgoing:
    if isinstance(result, Question):
        return views.question(result)
    return views.home(result, declared(mend))


async def start(update: Update, context: MendContext) -> None:
    """/start: set-up, one question at a time, or the home screen once set up;
    /start <code> (the invite deep link) shows who invited you."""
    user_id, first_name = user_of(update)
    mend = context.mend
    if context.args:
        preview = await pairing.preview_invite(mend, user_id, first_name, context.args[0])
        await reply(update, context, pairing.invite_preview(preview))
        return
    user = update.effective_user
    language = user.language_code if user is not None else None
    result = await service.start(mend, user_id, first_name, language)
    await reply(update, context, shown(mend, result))


async def menu(update: Update, context: MendContext) -> None:
    """/menu: where things stand, and a button to each thing people do."""
    status = await service.home(context.mend, user_of(update)[0])
    await reply(update, context, views.home(status, declared(context.mend)))


async def pick_zone(update: Update, context: MendContext) -> None:
    """A timezone button: set, and the next question in its place."""
    button = await pressed(update, PickZone)
    progress = await service.pick_zone(context.mend, user_of(update)[0], button.zone)
    await edit(update, context, views.progress(progress, declared(context.mend)))


async def type_zone(update: Update, context: MendContext) -> None:
    """Type my city: the question waits for the words."""
    await pressed(update, TypeZone)
    result = await service.ask_zone(context.mend, user_of(update)[0])
    if isinstance(result, Question) and result.step is Step.TIMEZONE:
        await edit(update, context, views.type_zone())
    else:  # set meanwhile: the next question instead
        await edit(update, context, shown(context.mend, result))


async def pick_time(update: Update, context: MendContext) -> None:
    """A time button: every day at that time, and the next question in its place."""
    button = await pressed(update, PickTime)
    progress = await service.pick_time(
        context.mend, user_of(update)[0], button.step, button.hour, button.minute
    )
    await edit(update, context, views.progress(progress, declared(context.mend)))


async def other_time(update: Update, context: MendContext) -> None:
    """Another time: the question waits for a typed time."""
    button = await pressed(update, OtherTime)
    await service.other_time(context.mend, user_of(update)[0], button.step)
    await edit(update, context, views.type_time())


async def skip(update: Update, context: MendContext) -> None:
    """Not now: the next question in its place."""
    button = await pressed(update, SkipStep)
    progress = await service.skip(context.mend, user_of(update)[0], button.step)
    await edit(update, context, views.progress(progress, declared(context.mend)))


async def invite(update: Update, context: MendContext) -> None:
    """Invite my partner: the link, its share button and the bare code, in place."""
    await pressed(update, Invite)
    user_id, first_name = user_of(update)
    made = await service.invite(context.mend, user_id, first_name)
    await edit(update, context, pairing.invite_message(made, context.bot.username))


HANDLERS: list[BaseHandler[Update, MendContext, None]] = [
    CommandHandler("start", start),
    CommandHandler("menu", menu),
    CallbackQueryHandler(pick_zone, pattern=PickZone.pattern()),
    CallbackQueryHandler(type_zone, pattern=TypeZone.pattern()),
    CallbackQueryHandler(pick_time, pattern=PickTime.pattern()),
    CallbackQueryHandler(other_time, pattern=OtherTime.pattern()),
    CallbackQueryHandler(skip, pattern=SkipStep.pattern()),
    CallbackQueryHandler(invite, pattern=Invite.pattern()),
]
