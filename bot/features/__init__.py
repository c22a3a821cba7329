"""The registry: every feature Mend has, in the order their handlers are tried."""

from bot.features import checkin, gratitude, legacy, prompts
from bot.kernel.feature import Feature

FEATURES: tuple[Feature, ...] = (
    legacy.FEATURE,
    checkin.FEATURE,
    gratitude.FEATURE,
    prompts.FEATURE,  # last: its free-text and voice handlers come after every command
)
