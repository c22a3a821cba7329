"""Shared wins: /win, /wins, and a past win offered after a hard check-in."""

from bot.features.wins import handlers, service, store, views
from bot.features.wins.service import offer_on_low_score, set_threshold, threshold_of
from bot.kernel.feature import Feature
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Outgoing

__all__ = ["FEATURE", "offer_on_low_score", "set_threshold", "threshold_of"]


async def _screen(mend: Mend, user_id: int) -> Outgoing:
    """Wins (from the home screen): what /wins shows."""
    return views.listing(await service.listing(mend, user_id))


FEATURE = Feature(
    name="wins",
    screens={"wins": _screen},
    handlers=handlers.HANDLERS,
    bring_back=store.bring_back,
    export=service.export,
    erase=store.erase_user,
)
