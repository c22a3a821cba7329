"""Answers to what a partner shared: under a check-in or monthly reveal, a gratitude and a
win, the reader can answer Thank you, Let's talk about it or a heart, with an optional short
note shown back before it goes; it reaches the author through the outbox.

A feature that relays something answerable calls :func:`offer_reactions` in the transaction
that queues it, and puts the buttons it returns on the message.
"""

from bot.features.reactions import handlers, service, store, views
from bot.features.reactions.models import Subject
from bot.features.reactions.service import offer as offer_reactions
from bot.kernel.db import Tx
from bot.kernel.feature import Feature, words_only
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Outgoing
from bot.storage.models import User

__all__ = ["FEATURE", "Subject", "offer_reactions"]


async def _note(tx: Tx, mend: Mend, user: User, ident: str, text: str) -> Outgoing:
    """The note after an answer was tapped."""
    return views.draft(await service.write(tx, mend, user, ident, text))


FEATURE = Feature(
    name="reactions",
    handlers=handlers.HANDLERS,
    text_inputs={service.INPUT: words_only(_note)},
    on_couple_end=store.end_couple,
    export=service.export,
    erase=store.erase_user,
)
