"""The services every handler and job reaches through ``context.mend``."""

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from telegram.ext import Application, CallbackContext, ExtBot, JobQueue

from bot.clock import Clock
from bot.config import Settings
from bot.library import AgreementLibrary, RepairTemplate, Support
from bot.prompts import PromptLibrary
from bot.storage.db import Database

if TYPE_CHECKING:
    from bot.delivery.sender import Sender


@dataclass
class Mend:
    """Mend's shared state: settings, the database, the clock and the YAML library (prompts,
    suggested agreement topics, the private support message, the repair plan template)."""

    settings: Settings
    db: Database
    clock: Clock
    prompts: PromptLibrary
    agreements: AgreementLibrary
    support: Support
    repair: RepairTemplate


class BotData:
    """Typed ``bot_data``: the one :class:`Mend` (set by ``build_application``) and the
    outbox sender (started in ``post_init``)."""

    mend: Mend
    sender: "Sender | None" = None


class MendContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], BotData]):
    """The callback context handlers receive; ``context.mend`` is the shared state."""

    @property
    def mend(self) -> Mend:
        return self.bot_data.mend


# PTB's builder types its JobQueue with the default context type, hence JobQueue[Any].
MendApplication = Application[
    ExtBot[None], MendContext, dict[Any, Any], dict[Any, Any], BotData, JobQueue[Any]
]
