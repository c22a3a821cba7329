"""The registry: every feature Mend has, in the order their handlers are tried."""

from bot.features import (
    agreement,
    data,
    disclosure,
    help,
    journal,
    legacy,
    pairing,
    promises,
    repair,
    review,
    settings,
    timeouts,
    wins,
)
from bot.kernel.feature import Feature

FEATURES: tuple[Feature, ...] = (
    pairing.FEATURE,
    settings.FEATURE,
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
    help.FEATURE,
)
