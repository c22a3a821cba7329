"""The registry: every feature Mend has, in the order their handlers are tried."""

from bot.features import journal, legacy, promises, repair, timeouts, wins
from bot.kernel.feature import Feature

FEATURES: tuple[Feature, ...] = (
    legacy.FEATURE,
    promises.FEATURE,
    wins.FEATURE,
    timeouts.FEATURE,
    repair.FEATURE,
    journal.FEATURE,
)
