"""The registry: every feature Mend has, in the order their handlers are tried."""

from bot.features import data, disclosure, legacy, review
from bot.kernel.feature import Feature

FEATURES: tuple[Feature, ...] = (
    disclosure.FEATURE,
    review.FEATURE,
    data.FEATURE,
    legacy.FEATURE,
)
