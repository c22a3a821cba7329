"""Gratitude: write an appreciation, see it back, then send it or keep it private."""

from datetime import datetime
from typing import Any

from bot import texts
from bot.domain.prompting import GRATITUDE_ANSWER_WINDOW
from bot.features.gratitude import store, views
from bot.features.gratitude.models import Draft, Kept, Sent
from bot.features.prompts import (
    Ask,
    AskStatus,
    Given,
    asks_of,
    get_ask,
    give_now,
    record_answer,
    set_ask_status,
)
from bot.features.reactions import Subject, offer_reactions
from bot.kernel import outbox
from bot.kernel.db import Tx
from bot.kernel.errors import NotAllowed, Stale
from bot.kernel.feature import ExportScope
from bot.kernel.mend import Mend
from bot.kernel.people import partner_name, require_timezone, require_user
from bot.storage import couples, users
from bot.storage.models import User

KIND = "gratitude"
GRATITUDE_LIMIT = 1000


def is_current(ask: Ask, user: User, now: datetime) -> bool:
    """An appreciation may be written for 24 hours after its prompt."""
    return now - ask.created_at <= GRATITUDE_ANSWER_WINDOW


async def gratitude_now(mend: Mend, user_id: int) -> Given:
    """/gratitude: a fresh gratitude prompt."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        user = await require_user(tx, user_id)
        require_timezone(user)
        return await give_now(tx, mend, user, KIND, now)


async def write(tx: Tx, mend: Mend, user: User, ask: Ask, text: str) -> Draft:
    """The appreciation arrives: keep it as a draft, to be shown back with Send / Keep private
    (kept at once if there is no partner to send it to)."""
    if len(text) > GRATITUDE_LIMIT:
        raise NotAllowed(texts.TOO_LONG.format(limit=GRATITUDE_LIMIT, length=len(text)))
    now = mend.clock.now()
    await record_answer(tx, ask.id, status=AskStatus.DRAFT, body=text, now=now)
    await outbox.cancel_for_ask(tx, ask.id)
    couple = await couples.active_for(tx, user.id)
    name = await partner_name(tx, couple, user.id)
    if name is None:
        await set_ask_status(tx, ask.id, AskStatus.KEPT)
    return Draft(ask, text, name)


async def _draft(tx: Tx, user_id: int, ask_id: int) -> Ask:
    ask = await get_ask(tx, ask_id)
    if ask is None or ask.user_id != user_id or ask.kind != KIND:
        raise Stale(texts.STALE_BUTTON)
    if ask.status == AskStatus.SENT:
        raise Stale(views.GRATITUDE_ALREADY_SENT)
    if ask.status != AskStatus.DRAFT:
        raise Stale(texts.STALE_BUTTON)
    return ask


async def send(mend: Mend, user_id: int, ask_id: int) -> Sent:
    """Send to <partner>: the only way an appreciation reaches the partner."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        ask = await _draft(tx, user_id, ask_id)
        couple = await couples.active_for(tx, user_id)
        author = await users.get(tx, user_id)
        if couple is None or author is None:
            raise NotAllowed(views.GRATITUDE_NOT_PAIRED)
        partner_id = couple.partner_of(user_id)
        name = await partner_name(tx, couple, user_id) or ""
        # The answer buttons are labelled in the partner's language (offer_reactions).
        rows = await offer_reactions(tx, couple.id, user_id, partner_id, Subject.GRATITUDE, now)
        author_name, text = author.first_name, ask.body or ""
        await outbox.add(
            tx,
            partner_id,
            "gratitude",
            lambda: views.relay(author_name, text, rows),
            now,
            couple_id=couple.id,
            author_id=user_id,
        )
        await store.mark_shared(tx, ask.id, now)
    return Sent(ask.body or "", name)


async def keep(mend: Mend, user_id: int, ask_id: int) -> Kept:
    """Keep private: the appreciation stays the author's alone."""
    async with mend.db.transaction() as tx:
        ask = await _draft(tx, user_id, ask_id)
        await set_ask_status(tx, ask.id, AskStatus.KEPT)
    return Kept(ask.body or "")


async def export(tx: Tx, mend: Mend, scope: ExportScope) -> dict[str, Any]:
    """/export: the user's appreciations (sent or not), and those partners sent them."""
    when = scope.when

    def question(ask: Ask) -> str | None:
        prompt = mend.prompts.get(ask.prompt_id)
        return prompt.text if prompt else None

    mine = [
        {
            "question": question(a),
            "text": a.body,
            "status": {"sent": "sent", "kept": "kept private"}.get(a.status, "not sent"),
            "written_at": when(a.answered_at),
            "sent_at": when(a.shared_at),
            "sent_to": scope.partner_name(a.couple_id) if a.couple_id else None,
        }
        for a in await asks_of(tx, scope.me.id)
        if a.kind == KIND and a.body is not None
    ]
    theirs = []
    for couple, ended_at in scope.couples:
        partner_id = couple.partner_of(scope.me.id)
        theirs += [
            {
                "from": scope.names.get(partner_id, ""),
                "text": a.body,
                "sent_at": when(a.shared_at),
            }
            for a in await store.gratitude_sent_between(
                tx, partner_id, couple.created_at, ended_at
            )
        ]
    return {"written_by_you": {"gratitude": mine}, "shared_with_you": {"gratitude": theirs}}
