"""The repair plan: /repair, the couple's agreed steps, changed only with both agreeing."""

from bot.features.repair import handlers, service, store
from bot.kernel.feature import Feature

__all__ = ["FEATURE"]

FEATURE = Feature(
    name="repair",
    handlers=handlers.HANDLERS,
    bring_back=store.bring_back,
    export=service.export,
    erase=store.erase_user,
)
