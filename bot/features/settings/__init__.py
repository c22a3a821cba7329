"""Settings: /timezone, /remind, /reminders, /pause and /resume."""

from bot.features.settings import service, store, views
from bot.features.settings.handlers import HANDLERS
from bot.features.settings.models import ReminderKind, ReminderSet, TimezoneSet
from bot.features.settings.service import apply_timezone, put_reminder, reschedule_all
from bot.features.settings.timezones import find_timezones, is_valid_timezone
from bot.kernel.feature import Feature
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Outgoing

__all__ = [
    "FEATURE",
    "ReminderKind",
    "ReminderSet",
    "TimezoneSet",
    "apply_timezone",
    "find_timezones",
    "is_valid_timezone",
    "put_reminder",
    "reschedule_all",
]


async def screen(mend: Mend, user_id: int) -> Outgoing:
    """The settings screen: for now, each reminder and when it next comes."""
    return views.reminder_list(await service.list_reminders(mend, user_id))


FEATURE = Feature(
    name="settings",
    handlers=HANDLERS,
    screens={"settings": screen},
    export=service.export,
    erase=store.erase_user,
)
