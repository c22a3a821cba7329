"""Timeouts: /timeout, a calm pause with a time to come back."""

from bot.features.timeouts import handlers, service, store, views
from bot.kernel.feature import Feature
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Outgoing

__all__ = ["FEATURE"]


async def _screen(mend: Mend, user_id: int) -> Outgoing:
    """Timeout (from the home screen): how long, as buttons."""
    return views.offer(await service.offer(mend, user_id))


FEATURE = Feature(
    name="timeouts",
    screens={"timeout": _screen},
    handlers=handlers.HANDLERS,
    jobs=(service.end_due,),
    on_couple_end=store.end_all,
)
