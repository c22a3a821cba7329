"""Finding a time to talk: one partner proposes a time (tonight, tomorrow, this weekend, or in
their own words), the other accepts or asks for another, and both hear what was agreed.

Other features start it with the screen ``"talk"`` (the kernel's ``Open("talk")`` button), or
with :func:`talk_button`, a ready "Find a time to talk" button for any message.
"""

from bot.features.talk import handlers, service, store, views
from bot.features.talk.views import talk_button
from bot.kernel.db import Tx
from bot.kernel.feature import Feature, words_only
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Outgoing
from bot.storage.models import User

__all__ = ["FEATURE", "talk_button"]


async def _words(tx: Tx, mend: Mend, user: User, ident: str, text: str) -> Outgoing:
    """The time in the proposer's own words, after "Another time"."""
    return views.draft(await service.write(tx, mend, user, ident, text))


FEATURE = Feature(
    name="talk",
    handlers=handlers.HANDLERS,
    text_inputs={service.INPUT: words_only(_words)},
    screens={"talk": handlers.screen},
    jobs=(service.remind_due,),
    on_couple_end=store.end_couple,
    export=service.export,
    erase=store.erase_user,
)
