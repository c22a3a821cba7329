"""Gratitude: write an appreciation, see it back, then send it or keep it private."""

from bot import texts
from bot.kernel import outbox
from bot.kernel.db import Tx
from bot.kernel.errors import NotAllowed, Stale
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Outgoing, buttons
from bot.kernel.people import partner_name, require_timezone, require_user
from bot.services.asking import new_ask, render_ask
from bot.storage import asks, couples, users
from bot.storage.models import Ask, User

GRATITUDE_LIMIT = 1000


async def gratitude_now(mend: Mend, user_id: int) -> tuple[Outgoing, int]:
    """/gratitude: a fresh gratitude prompt; returns the message and the ask id."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        user = await require_user(tx, user_id)
        require_timezone(user)
        ask = await new_ask(tx, mend, user, "gratitude", now)
        return await render_ask(tx, mend, ask), ask.id


async def write(tx: Tx, mend: Mend, user: User, ask: Ask, text: str) -> Outgoing:
    """The appreciation arrives: keep it as a draft and show it back with Send / Keep private."""
    if len(text) > GRATITUDE_LIMIT:
        raise NotAllowed(texts.TOO_LONG.format(limit=GRATITUDE_LIMIT, length=len(text)))
    now = mend.clock.now()
    await asks.update(tx, ask.id, status="draft", body=text, now=now)
    await outbox.cancel_for_ask(tx, ask.id)
    couple = await couples.active_for(tx, user.id)
    name = await partner_name(tx, couple, user.id)
    preview = texts.GRATITUDE_PREVIEW.format(text=texts.escape(text))
    if name is None:
        await asks.set_status(tx, ask.id, "kept")
        return Outgoing(preview + "\n\n" + texts.GRATITUDE_KEPT_UNPAIRED)
    return Outgoing(
        preview + "\n\n" + texts.GRATITUDE_ASK_SEND.format(name=texts.escape(name)),
        buttons(
            [(texts.BUTTON_SEND_TO.format(name=name), f"gs:{ask.id}")],
            [(texts.BUTTON_KEEP_PRIVATE, f"gk:{ask.id}")],
        ),
    )


async def _draft(tx: Tx, user_id: int, ask_id: int) -> Ask:
    ask = await asks.get(tx, ask_id)
    if ask is None or ask.user_id != user_id or ask.kind != "gratitude":
        raise Stale(texts.STALE_BUTTON)
    if ask.status == "sent":
        raise Stale(texts.GRATITUDE_ALREADY_SENT)
    if ask.status != "draft":
        raise Stale(texts.STALE_BUTTON)
    return ask


async def send(mend: Mend, user_id: int, ask_id: int) -> Outgoing:
    """Send to <partner>: the only way an appreciation reaches the partner."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        ask = await _draft(tx, user_id, ask_id)
        couple = await couples.active_for(tx, user_id)
        author = await users.get(tx, user_id)
        if couple is None or author is None:
            raise NotAllowed(texts.GRATITUDE_NOT_PAIRED)
        partner_id = couple.partner_of(user_id)
        name = await partner_name(tx, couple, user_id) or ""
        message = Outgoing(
            texts.GRATITUDE_RELAY.format(
                name=texts.escape(author.first_name), text=texts.escape(ask.body or "")
            )
        )
        await outbox.add(
            tx, partner_id, "gratitude", message, now, couple_id=couple.id, author_id=user_id
        )
        await asks.mark_shared(tx, ask.id, now)
    preview = texts.GRATITUDE_PREVIEW.format(text=texts.escape(ask.body or ""))
    return Outgoing(preview + "\n\n" + texts.GRATITUDE_SENT.format(name=texts.escape(name)))


async def keep(mend: Mend, user_id: int, ask_id: int) -> Outgoing:
    """Keep private: the appreciation stays the author's alone."""
    async with mend.db.transaction() as tx:
        ask = await _draft(tx, user_id, ask_id)
        await asks.set_status(tx, ask.id, "kept")
    preview = texts.GRATITUDE_PREVIEW.format(text=texts.escape(ask.body or ""))
    return Outgoing(preview + "\n\n" + texts.GRATITUDE_KEPT)
