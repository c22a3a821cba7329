"""Promises: /promise, /promises, and asking both partners how it went."""

from bot.features.promises import handlers, service, store, views
from bot.features.promises.service import ask_undated
from bot.features.promises.store import cancel_open
from bot.kernel.feature import Feature
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Outgoing

__all__ = ["FEATURE", "ask_undated", "cancel_open"]


async def _screen(mend: Mend, user_id: int) -> Outgoing:
    """Promises (from the home screen): what /promises shows."""
    return views.overview(await service.overview(mend, user_id))


FEATURE = Feature(
    name="promises",
    screens={"promises": _screen},
    handlers=handlers.HANDLERS,
    # Promises made without a time are asked about at the author's next check-in.
    reminder_kinds={"checkin": service.at_checkin_reminders},
    jobs=(service.ask_due,),
    on_couple_end=cancel_open,
    bring_back=store.bring_back,
    export=service.export,
    erase=store.erase_user,
)
