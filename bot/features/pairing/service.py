"""Pairing two partners with a single-use invite, and leaving alone.

When the same two people pair again, both are asked whether to bring back their shared
history (kept, out of sight, since they unpaired). It returns only if both say yes: then each
feature that declared ``bring_back`` moves its rows of the earlier pairings to the new one, so
pairing names no feature. A no from either closes the question; the new couple starts fresh.
After either used /delete, that history is never offered back.
"""

import hashlib
import secrets
from datetime import datetime, timedelta
from functools import partial

from bot.features.pairing import store, views
from bot.features.pairing.models import (
    HistoryAnswered,
    HistoryOutcome,
    InviteMade,
    InvitePreview,
    Joined,
    UnpairQuestion,
)
from bot.features.pairing.store import Invite
from bot.kernel import outbox
from bot.kernel.db import Tx
from bot.kernel.errors import NotAllowed, Stale
from bot.kernel.mend import Mend
from bot.kernel.people import partner_name, require_user
from bot.storage import couples, users
from bot.storage.models import Couple

INVITE_LIFETIME = timedelta(hours=48)
CODE_BYTES = 12  # 96 bits of randomness, 16 URL-safe characters
MAX_CODE_LENGTH = 64  # Telegram's limit for a deep-link payload


def _hash(code: str) -> bytes:
    return hashlib.sha256(code.encode()).digest()


async def create_invite(mend: Mend, user_id: int, first_name: str) -> InviteMade:
    """/pair: a fresh single-use invite code, valid 48 hours."""
    now = mend.clock.now()
    code = secrets.token_urlsafe(CODE_BYTES)
    async with mend.db.transaction() as tx:
        await users.upsert(tx, user_id, first_name, now)
        couple = await couples.active_for(tx, user_id)
        if couple is not None:
            name = await partner_name(tx, couple, user_id) or ""
            raise NotAllowed(views.already_paired(name))
        await store.create_invite(tx, _hash(code), user_id, now, now + INVITE_LIFETIME)
    return InviteMade(code)


async def _open_invite(tx: Tx, mend: Mend, code: str, joiner_id: int) -> tuple[Invite, str]:
    """Check an invite code for this joiner; return it with the inviter's first name."""
    if not code or len(code) > MAX_CODE_LENGTH:
        raise NotAllowed(views.INVITE_UNKNOWN)
    invite = await store.invite_by_hash(tx, _hash(code))
    if invite is None:
        raise NotAllowed(views.INVITE_UNKNOWN)
    if invite.inviter_id == joiner_id:
        raise NotAllowed(views.INVITE_OWN)
    if invite.used_by is not None:
        raise NotAllowed(views.INVITE_USED)
    if invite.closed_at is not None:
        raise NotAllowed(views.INVITE_REPLACED)
    if invite.expires_at <= mend.clock.now():
        raise NotAllowed(views.INVITE_EXPIRED)
    own = await couples.active_for(tx, joiner_id)
    if own is not None:
        name = await partner_name(tx, own, joiner_id) or ""
        raise NotAllowed(views.already_paired(name))
    inviter = await users.get(tx, invite.inviter_id)
    assert inviter is not None
    if await couples.active_for(tx, invite.inviter_id) is not None:
        raise NotAllowed(views.inviter_paired(inviter.first_name))
    return invite, inviter.first_name


async def preview_invite(mend: Mend, user_id: int, first_name: str, code: str) -> InvitePreview:
    """/start <code>: who invited you (the view adds a button to confirm)."""
    async with mend.db.transaction() as tx:
        await users.upsert(tx, user_id, first_name, mend.clock.now())
        _, inviter_name = await _open_invite(tx, mend, code, user_id)
    return InvitePreview(inviter_name, code)


async def join(mend: Mend, user_id: int, first_name: str, code: str) -> Joined:
    """The confirm button: pair the two, and tell the inviter through the outbox."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        joiner = await users.upsert(tx, user_id, first_name, now)
        invite, inviter_name = await _open_invite(tx, mend, code, user_id)
        couple = await couples.create(tx, invite.inviter_id, user_id, now)
        await store.close_invite(tx, invite.id, user_id, now)
        await outbox.add(
            tx,
            invite.inviter_id,
            "paired",
            lambda: views.paired(joiner.first_name),
            now,
            couple_id=couple.id,
        )
        if await store.earlier_couples(tx, couple):
            await store.ask_history(tx, couple, now)
            for member, other in ((invite.inviter_id, joiner.first_name), (user_id, inviter_name)):
                question = partial(views.history_question, couple.id, other)
                await outbox.add(tx, member, "history", question, now, couple_id=couple.id)
    return Joined(inviter_name)


async def answer_history(mend: Mend, user_id: int, couple_id: int, yes: bool) -> HistoryAnswered:
    """Bring back our shared history? Yes from both brings it back; a no from either closes
    the question, and the partner hears that they are starting fresh."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        await require_user(tx, user_id)
        couple = await couples.active_for(tx, user_id)
        if couple is None or couple.id != couple_id:
            raise Stale(views.HISTORY_CLOSED)  # an earlier pairing's question
        answers = await store.history_answers(tx, couple.id)
        partner_id = couple.partner_of(user_id)
        name = await partner_name(tx, couple, user_id) or ""
        if user_id not in answers:
            raise Stale(views.HISTORY_CLOSED)
        if "no" in answers.values():
            raise Stale(views.HISTORY_FRESH_ALREADY)
        if not await store.answer_history(tx, couple.id, user_id, "yes" if yes else "no", now):
            raise Stale(views.HISTORY_ANSWERED)
        if not yes:
            theirs = await partner_name(tx, couple, partner_id) or ""
            notice = partial(views.history_fresh_notice, theirs)
            await outbox.add(tx, partner_id, "history", notice, now, couple_id=couple.id)
            return HistoryAnswered(HistoryOutcome.FRESH, name)
        if answers.get(partner_id) != "yes":
            return HistoryAnswered(HistoryOutcome.WAITING, name)
        for earlier in await store.earlier_couples(tx, couple):
            for feature in mend.features:
                if feature.bring_back is not None:
                    await feature.bring_back(tx, earlier, couple.id)
        theirs = await partner_name(tx, couple, partner_id) or ""
        back = partial(views.history_back, theirs)
        await outbox.add(tx, partner_id, "history", back, now, couple_id=couple.id)
    return HistoryAnswered(HistoryOutcome.BROUGHT_BACK, name)


async def ask_unpair(mend: Mend, user_id: int) -> UnpairQuestion:
    """/unpair: the couple to end, once confirmed."""
    async with mend.db.read() as tx:
        couple = await couples.active_for(tx, user_id)
        name = await partner_name(tx, couple, user_id)
    if couple is None or name is None:
        raise NotAllowed(views.NOT_PAIRED)
    return UnpairQuestion(couple.id, name)


async def unpair(mend: Mend, user_id: int, couple_id: int) -> None:
    """The confirm button: end the pairing, drop pending relays, tell the partner neutrally."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        couple = await couples.active_for(tx, user_id)
        if couple is None or couple.id != couple_id:
            raise Stale(views.NOT_PAIRED)
        await end_couple(tx, mend, couple, user_id, now)


async def end_couple(tx: Tx, mend: Mend, couple: Couple, leaver_id: int, now: datetime) -> None:
    """End a couple: each feature closes what was open between them, nothing pending between
    them is delivered, and the partner gets a notice."""
    await couples.end(tx, couple.id, now)
    for feature in mend.features:
        if feature.on_couple_end is not None:
            await feature.on_couple_end(tx, couple.id, now)
    await outbox.cancel_relays(tx, couple.id)
    await outbox.add(tx, couple.partner_of(leaver_id), "unpaired", views.partner_unpaired, now)
