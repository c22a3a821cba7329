"""Shared wins: /win, /wins, and a past win offered after a hard check-in."""

from bot.features.wins import handlers, service, store
from bot.features.wins.service import offer_on_low_score, set_threshold, threshold_of
from bot.kernel.feature import Feature

__all__ = ["FEATURE", "offer_on_low_score", "set_threshold", "threshold_of"]

FEATURE = Feature(
    name="wins",
    handlers=handlers.HANDLERS,
    bring_back=store.bring_back,
    export=service.export,
    erase=store.erase_user,
)
