"""Settings: /settings (every setting by buttons, edited in place), /timezone, /remind,
/reminders, /pause and /resume, and each person's quiet hours.

Published for other features: ``ReminderKind``, ``reschedule_all``, and the place resolver
that /timezone uses: ``find_timezones`` (with ``TimezoneMatch``), ``resolve_timezone`` (the
same off the event loop, refusing kindly when nothing matches) and ``zone_choices`` (the
buttons, largest first, that set a zone when pressed).
"""

from bot.features.settings import screens, service, store, views
from bot.features.settings.handlers import HANDLERS
from bot.features.settings.models import ReminderKind, ReminderSet, TimezoneChoices, TimezoneSet
from bot.features.settings.service import apply_timezone, put_reminder, reschedule_all
from bot.features.settings.timezones import TimezoneMatch, find_timezones, is_valid_timezone
from bot.features.settings.views import zone_city, zone_label
from bot.kernel.db import Tx
from bot.kernel.feature import Feature, words_only
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Outgoing
from bot.storage.models import User

__all__ = [
    "FEATURE",
    "ReminderKind",
    "ReminderSet",
    "TimezoneMatch",
    "TimezoneSet",
    "apply_timezone",
    "find_timezones",
    "is_valid_timezone",
    "put_reminder",
    "reschedule_all",
    "resolve_timezone",
    "zone_choices",
    "zone_city",
    "zone_label",
]


async def resolve_timezone(query: str) -> TimezoneMatch:
    """The zones a typed place, abbreviation or offset names, largest first; raises
    ``InvalidInput`` with kind words when none does. Runs off the event loop."""
    return await service.resolve(query)


def zone_choices(match: TimezoneMatch) -> Outgoing:
    """A "which one is yours?" message: a button per zone (pressed, it sets that zone)."""
    return views.timezone_choices(TimezoneChoices(match.zones, match.places, match.more))


async def screen(mend: Mend, user_id: int) -> Outgoing:
    """The settings screen, which other places open by name ("settings")."""
    return await screens.home(mend, user_id)


async def _zone_words(tx: Tx, mend: Mend, user: User, ident: str, text: str) -> Outgoing:
    """The place typed on the timezone page."""
    return views.zone_typed(await service.take_zone(tx, mend, user, text))


async def _time_words(tx: Tx, mend: Mend, user: User, ident: str, text: str) -> Outgoing:
    """The time typed after a reminder's "Another time"."""
    return views.reminder_page(await service.take_time(tx, mend, user, ident, text))


async def _quiet_words(tx: Tx, mend: Mend, user: User, ident: str, text: str) -> Outgoing:
    """The start or end typed after the quiet hours' "another time"."""
    page = await service.take_quiet(tx, mend, user, ident, text)
    return views.quiet_page(page, service.QUIET_MODES)


FEATURE = Feature(
    name="settings",
    handlers=HANDLERS,
    text_inputs={
        service.ZONE_INPUT: words_only(_zone_words),
        service.TIME_INPUT: words_only(_time_words),
        service.QUIET_INPUT: words_only(_quiet_words),
    },
    screens={"settings": screen},
    export=service.export,
    erase=store.erase_user,
)
