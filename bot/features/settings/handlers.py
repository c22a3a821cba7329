"""/timezone, /remind, /reminders, /pause and /resume."""

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from bot.features.settings import service, views
from bot.features.settings.buttons import ChooseZone
from bot.features.settings.models import ReminderOff, Switched, TimezoneChoices
from bot.kernel.context import MendContext
from bot.kernel.handlers import edit, pressed, reply, user_of


async def timezone(update: Update, context: MendContext) -> None:
    """/timezone Berlin: sets it, or offers buttons when several zones match."""
    user_id, first_name = user_of(update)
    query = " ".join(context.args or [])
    result = await service.set_timezone(context.mend, user_id, first_name, query)
    if isinstance(result, TimezoneChoices):
        await reply(update, context, views.timezone_choices(result))
    else:
        await reply(update, context, views.timezone_set(result))


async def choose_timezone(update: Update, context: MendContext) -> None:
    """A timezone button: it is set, and the message says so."""
    button = await pressed(update, ChooseZone)
    user_id, first_name = user_of(update)
    result = await service.choose_timezone(context.mend, user_id, first_name, button.zone)
    await edit(update, context, views.timezone_set(result))


async def remind(update: Update, context: MendContext) -> None:
    """/remind checkin 21:00 [days] | /remind gratitude off | /remind monthly on."""
    user_id, _ = user_of(update)
    result = await service.set_reminder(context.mend, user_id, context.args or [])
    if isinstance(result, Switched):
        await reply(update, context, result.message)
    elif isinstance(result, ReminderOff):
        await reply(update, context, views.reminder_off(result))
    else:
        await reply(update, context, views.reminder_set(result))


async def list_reminders(update: Update, context: MendContext) -> None:
    """/reminders: each reminder and when it next fires, in the user's time."""
    user_id, _ = user_of(update)
    await reply(
        update, context, views.reminder_list(await service.list_reminders(context.mend, user_id))
    )


async def pause(update: Update, context: MendContext) -> None:
    """/pause 3d | 1w | until 2026-12-01: prompts stop until then."""
    user_id, _ = user_of(update)
    result = await service.pause(context.mend, user_id, " ".join(context.args or []))
    await reply(update, context, views.paused(result))


async def resume(update: Update, context: MendContext) -> None:
    """/resume: prompts start again."""
    user_id, _ = user_of(update)
    await reply(update, context, views.resumed(await service.resume(context.mend, user_id)))


HANDLERS: list[BaseHandler[Update, MendContext, None]] = [
    CommandHandler("timezone", timezone),
    CallbackQueryHandler(choose_timezone, pattern=ChooseZone.pattern()),
    CommandHandler("remind", remind),
    CommandHandler("reminders", list_reminders),
    CommandHandler("pause", pause),
    CommandHandler("resume", resume),
]
