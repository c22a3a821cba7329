"""Timeouts: /timeout, a calm pause with a time to come back."""

from bot.features.timeouts import handlers, service, store
from bot.kernel.feature import Feature

__all__ = ["FEATURE"]

FEATURE = Feature(
    name="timeouts",
    handlers=handlers.HANDLERS,
    jobs=(service.end_due,),
    screens={"timeout": handlers.screen},
    on_couple_end=store.end_all,
)
