"""The registry: every feature Mend has, in the order their handlers are tried."""

from bot.features import (
    agreement,
    data,
    disclosure,
    journal,
    legacy,
    promises,
    repair,
    review,
    timeouts,
    wins,
)
from bot.kernel.feature import Feature

FEATURES: tuple[Feature, ...] = (
    agreement.FEATURE,
    disclosure.FEATURE,
    promises.FEATURE,
    wins.FEATURE,
    timeouts.FEATURE,
    repair.FEATURE,
    journal.FEATURE,
    review.FEATURE,
    data.FEATURE,
    legacy.FEATURE,
)
