"""The typed context handlers and jobs receive: ``context.mend`` and the typed ``bot_data``."""

from typing import TYPE_CHECKING, Any

from telegram.ext import Application, CallbackContext, ExtBot, JobQueue

from bot.kernel.limiter import RateLimiter
from bot.kernel.mend import Mend

if TYPE_CHECKING:
    from bot.kernel.inbox import Inbox
    from bot.kernel.sender import Sender
    from bot.kernel.webhook import Webhook


class BotData:
    """Typed ``bot_data``: the one :class:`Mend`, the rate limiter the sender and direct
    replies share, the inbox and the webhook if any (set by ``build_application``), and the
    outbox sender (started in ``post_init``)."""

    mend: Mend
    limiter: RateLimiter
    inbox: "Inbox"
    sender: "Sender | None" = None
    webhook: "Webhook | None" = None  # None: long polling


class MendContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], BotData]):
    """The callback context handlers receive; ``context.mend`` is the shared state."""

    @property
    def mend(self) -> Mend:
        return self.bot_data.mend


# PTB's builder types its JobQueue with the default context type, hence JobQueue[Any].
MendApplication = Application[
    ExtBot[None], MendContext, dict[Any, Any], dict[Any, Any], BotData, JobQueue[Any]
]
