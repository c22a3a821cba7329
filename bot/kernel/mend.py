"""Mend's shared state, reached by every service as ``mend``; it knows nothing of Telegram."""

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from bot.kernel.clock import Clock
from bot.kernel.config import Settings
from bot.kernel.db import Database
from bot.library import AgreementLibrary, RepairTemplate, Support
from bot.prompts import PromptLibrary

if TYPE_CHECKING:
    from bot.kernel.feature import Feature


@dataclass
class Mend:
    """Settings, the database, the clock and the YAML library (prompts, suggested agreement
    topics, the private support message, the repair plan template), and the registered
    features."""

    settings: Settings
    db: Database
    clock: Clock
    prompts: PromptLibrary
    agreements: AgreementLibrary
    support: Support
    repair: RepairTemplate
    features: tuple["Feature", ...] = ()  # the registry (bot/features/__init__.py)
    tick_recorded_at: datetime | None = None  # the tick's last heartbeat (kernel/heartbeat.py)
