"""Promises: /promise, /promises, and asking both partners how it went."""

from bot.features.promises import handlers, service, store
from bot.features.promises.service import ask_undated
from bot.features.promises.store import cancel_open
from bot.kernel.feature import Feature

__all__ = ["FEATURE", "ask_undated", "cancel_open"]

FEATURE = Feature(
    name="promises",
    handlers=handlers.HANDLERS,
    # Promises made without a time are asked about at the author's next check-in.
    reminder_kinds={"checkin": service.at_checkin_reminders},
    jobs=(service.ask_due,),
    on_couple_end=cancel_open,
    bring_back=store.bring_back,
    export=service.export,
    erase=store.erase_user,
)
