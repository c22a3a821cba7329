"""The registry: every feature Mend has, in the order their handlers are tried."""

from bot.features import data, legacy, review
from bot.kernel.feature import Feature

FEATURES: tuple[Feature, ...] = (review.FEATURE, data.FEATURE, legacy.FEATURE)
