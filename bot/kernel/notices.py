"""The notice the kernel itself queues: a relay that could not reach the partner."""

from datetime import datetime

from bot import texts
from bot.kernel import outbox
from bot.kernel.db import Tx
from bot.kernel.outgoing import Outgoing
from bot.storage import users
from bot.storage.models import OutboxItem


async def undeliverable(tx: Tx, item: OutboxItem, now: datetime) -> None:
    """Tell the author of a relay that the partner could not be reached (blocked the bot)."""
    assert item.author_id is not None
    reader = await users.get(tx, item.chat_id)

    def notice() -> Outgoing:
        name = texts.escape(reader.first_name) if reader else str(texts.YOUR_PARTNER)
        return Outgoing(texts.PARTNER_UNREACHABLE.format(name=name))

    await outbox.add(tx, item.author_id, "undeliverable", notice, now)
