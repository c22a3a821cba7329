"""Disclosing under the agreement: /disclose with a preview and a 30 s Undo, the partner's
acknowledgement, the "anything to share?" check and /ask, and the shared log (/disclosures)."""

from collections.abc import Sequence
from datetime import datetime

from bot.features.disclosure import service, store, views
from bot.features.disclosure.handlers import HANDLERS
from bot.kernel.db import Tx
from bot.kernel.feature import Feature, TextInput, words_only
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Outgoing
from bot.storage.models import Reminder, User


async def _checks(tx: Tx, mend: Mend, due: Sequence[Reminder], now: datetime) -> int:
    """Due "disclosure" reminders: the "anything to share today?" check."""
    return await service.queue_checks(tx, [r.user_id for r in due], now)


async def _disclosure_words(
    tx: Tx, mend: Mend, user: User, ident: str, text: str | None, voice: str | None
) -> Outgoing:
    """The disclosure itself, in words or as a voice note: shown back to be sent."""
    return views.preview(await service.write(tx, mend, user, int(ident), text, voice))


async def _ack_note(tx: Tx, mend: Mend, user: User, ident: str, text: str) -> Outgoing:
    """The note on an acknowledgement: it goes to the author with the answer."""
    return views.ack_sent(await service.send_ack(tx, mend, user, int(ident), text))


FEATURE = Feature(
    name="disclosure",
    handlers=HANDLERS,
    reminder_kinds={"disclosure": _checks},
    text_inputs={
        service.DISCLOSE_INPUT: TextInput(_disclosure_words, voice=True),
        service.ACK_INPUT: words_only(_ack_note),
    },
    bring_back=store.bring_back,
    export=service.export,
    erase=store.erase_user,
)
