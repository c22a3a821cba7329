"""Settings: /timezone, /remind, /reminders, /pause and /resume."""

from bot.features.settings import service, store
from bot.features.settings.handlers import HANDLERS
from bot.features.settings.models import ReminderKind
from bot.features.settings.service import reschedule_all
from bot.kernel.feature import Feature

__all__ = ["FEATURE", "ReminderKind", "reschedule_all"]

FEATURE = Feature(
    name="settings",
    handlers=HANDLERS,
    export=service.export,
    erase=store.erase_user,
)
