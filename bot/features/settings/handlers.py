"""/settings and its buttons, /timezone, /remind, /reminders, /pause and /resume."""

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from bot import texts
from bot.features.settings import screens, service, views
from bot.features.settings.buttons import (
    ChooseZone,
    Flip,
    Go,
    PauseFor,
    Quiet,
    Remind,
    SpeakIn,
    TellNothing,
    WinsAt,
)
from bot.features.settings.models import (
    QuietAction,
    RemindAction,
    ReminderOff,
    Switched,
    TimezoneChoices,
)
from bot.kernel.context import MendContext
from bot.kernel.errors import Stale
from bot.kernel.handlers import edit, pressed, reply, user_of
from bot.kernel.i18n import speaking


async def settings(update: Update, context: MendContext) -> None:
    """/settings: where each setting stands, with a button to change each."""
    user_id, _ = user_of(update)
    await service.forget_words(context.mend, user_id)
    await reply(update, context, await screens.home(context.mend, user_id))


async def go(update: Update, context: MendContext) -> None:
    """A settings page, shown in place of the pressed message."""
    button = await pressed(update, Go)
    user_id, _ = user_of(update)
    await edit(update, context, await screens.page(context.mend, user_id, button.page))


async def speak_in(update: Update, context: MendContext) -> None:
    """A language chosen on the language page: stored, and the settings shown in it at once."""
    button = await pressed(update, SpeakIn)
    user_id, _ = user_of(update)
    language = await service.set_language(context.mend, user_id, button.language)
    with speaking(language):
        await edit(update, context, await screens.home(context.mend, user_id))


async def remind_button(update: Update, context: MendContext) -> None:
    """A reminder's page, a time, days, off, or "Another time" (then the time is typed)."""
    button = await pressed(update, Remind)
    user_id, _ = user_of(update)
    mend, kind, value = context.mend, button.kind, button.value
    match button.action:
        case RemindAction.OPEN:
            await service.forget_words(mend, user_id)
            page = await service.reminder_page(mend, user_id, kind)
        case RemindAction.TIME:
            page = await service.set_reminder_time(mend, user_id, kind, value)
        case RemindAction.DAYS:
            page = await service.set_reminder_days(mend, user_id, kind, value)
        case RemindAction.OFF:
            page = await service.turn_reminder_off(mend, user_id, kind)
        case RemindAction.TYPE:
            await service.reminder_page(mend, user_id, kind)  # needs a timezone, like the rest
            await service.ask_words(mend, user_id, f"{service.TIME_INPUT}:{kind.value}")
            await edit(update, context, views.time_asked(kind))
            return
    await edit(update, context, views.reminder_page(page))


async def flip(update: Update, context: MendContext) -> None:
    """Another feature's switch (the monthly reflection), turned on or off."""
    button = await pressed(update, Flip)
    user_id, _ = user_of(update)
    page = await service.flip(context.mend, user_id, button.name, bool(button.on))
    await edit(update, context, views.reminders_page(page))


async def pause_for(update: Update, context: MendContext) -> None:
    """Pause prompts for some days, or resume them."""
    button = await pressed(update, PauseFor)
    user_id, _ = user_of(update)
    await edit(
        update,
        context,
        views.pause_page(await service.pause_for(context.mend, user_id, button.days)),
    )


async def quiet(update: Update, context: MendContext) -> None:
    """Quiet hours: a start, an end, what happens in them, or "another time" to type."""
    button = await pressed(update, Quiet)
    user_id, _ = user_of(update)
    mend, value = context.mend, button.value
    match button.action:
        case QuietAction.START:
            page = await service.set_quiet(mend, user_id, start=value)
        case QuietAction.END:
            page = await service.set_quiet(mend, user_id, end=value)
        case QuietAction.MODE:
            if value >= len(service.QUIET_MODES):
                raise Stale(texts.STALE_BUTTON)
            page = await service.set_quiet(mend, user_id, mode=service.QUIET_MODES[value])
        case QuietAction.TYPE_START | QuietAction.TYPE_END:
            which = "start" if button.action is QuietAction.TYPE_START else "end"
            await service.ask_words(mend, user_id, f"{service.QUIET_INPUT}:{which}")
            await edit(update, context, views.quiet_time_asked(button.action))
            return
    await edit(update, context, views.quiet_page(page, service.QUIET_MODES))


async def wins_at(update: Update, context: MendContext) -> None:
    """When a past win is offered after a check-in (the wins feature keeps it)."""
    button = await pressed(update, WinsAt)
    user_id, _ = user_of(update)
    await edit(
        update,
        context,
        views.wins_page(await service.set_wins(context.mend, user_id, button.value)),
    )


async def tell_nothing(update: Update, context: MendContext) -> None:
    """Whether the partner is told on a day with nothing to share."""
    button = await pressed(update, TellNothing)
    if button.on > 1:
        raise Stale(texts.STALE_BUTTON)
    user_id, _ = user_of(update)
    page = await service.set_nothing(context.mend, user_id, bool(button.on))
    await edit(update, context, views.nothing_page(page))


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
    """/resume: prompts start again; says when the next one comes, or that none is set."""
    user_id, _ = user_of(update)
    await reply(update, context, views.resumed(await service.resume(context.mend, user_id)))


HANDLERS: list[BaseHandler[Update, MendContext, None]] = [
    CommandHandler("settings", settings),
    CallbackQueryHandler(go, pattern=Go.pattern()),
    CallbackQueryHandler(remind_button, pattern=Remind.pattern()),
    CallbackQueryHandler(flip, pattern=Flip.pattern()),
    CallbackQueryHandler(pause_for, pattern=PauseFor.pattern()),
    CallbackQueryHandler(quiet, pattern=Quiet.pattern()),
    CallbackQueryHandler(wins_at, pattern=WinsAt.pattern()),
    CallbackQueryHandler(tell_nothing, pattern=TellNothing.pattern()),
    CallbackQueryHandler(speak_in, pattern=SpeakIn.pattern()),
    CommandHandler("timezone", timezone),
    CallbackQueryHandler(choose_timezone, pattern=ChooseZone.pattern()),
    CommandHandler("remind", remind),
    CommandHandler("reminders", list_reminders),
    CommandHandler("pause", pause),
    CommandHandler("resume", resume),
]
