"""The repair plan: /repair, the couple's agreed steps, changed only with both agreeing."""

from bot.features.repair import handlers, service, store, views
from bot.kernel.feature import Feature
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Outgoing

__all__ = ["FEATURE"]


async def _screen(mend: Mend, user_id: int) -> Outgoing:
    """The repair plan (from the home screen): what /repair shows."""
    return views.plan(await service.show(mend, user_id))


FEATURE = Feature(
    name="repair",
    screens={"repair": _screen},
    handlers=handlers.HANDLERS,
    bring_back=store.bring_back,
    export=service.export,
    erase=store.erase_user,
)
