"""The registry: every feature Mend has, in the order their handlers are tried."""

from bot.features import (
    agreement,
    checkin,
    data,
    disclosure,
    gratitude,
    help,
    home,
    journal,
    monthly,
    pairing,
    promises,
    prompts,
    reactions,
    repair,
    review,
    settings,
    support,
    talk,
    timeouts,
    wins,
)
from bot.kernel.feature import Feature

FEATURES: tuple[Feature, ...] = (
    pairing.FEATURE,
    settings.FEATURE,
    checkin.FEATURE,
    gratitude.FEATURE,
    monthly.FEATURE,
    agreement.FEATURE,
    disclosure.FEATURE,
    promises.FEATURE,
    wins.FEATURE,
    timeouts.FEATURE,
    talk.FEATURE,
    reactions.FEATURE,
    repair.FEATURE,
    journal.FEATURE,
    review.FEATURE,
    data.FEATURE,
    help.FEATURE,
    home.FEATURE,
    support.FEATURE,
    prompts.FEATURE,  # last: its free-text and voice handlers come after every command
)
