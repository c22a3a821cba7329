"""Who is asking, and with whom: the checks every feature's service starts with."""

from datetime import datetime

from bot import texts
from bot.kernel.db import Tx
from bot.kernel.errors import NotAllowed
from bot.kernel.i18n import Words
from bot.storage import couples, users
from bot.storage.models import Couple, User


async def require_user(tx: Tx, user_id: int) -> User:
    """The user, or a kind nudge to /start first."""
    user = await users.get(tx, user_id)
    if user is None:
        raise NotAllowed(texts.NEED_START)
    return user


def require_timezone(user: User) -> None:
    if user.tz is None:
        raise NotAllowed(texts.NEED_TIMEZONE)


def is_paused(user: User, now: datetime) -> bool:
    return user.paused_until is not None and user.paused_until > now


async def partner_name(tx: Tx, couple: Couple | None, user_id: int) -> str | None:
    """The first name of the user's partner, or None when unpaired."""
    if couple is None:
        return None
    partner = await users.get(tx, couple.partner_of(user_id))
    return partner.first_name if partner else None


async def paired(
    tx: Tx, user_id: int, unpaired: Words = texts.AGREEMENT_NOT_PAIRED
) -> tuple[Couple, User, User]:
    """The user's couple, the user and their partner; the kind refusal ``unpaired`` if none."""
    me = await require_user(tx, user_id)
    couple = await couples.active_for(tx, user_id)
    partner = await users.get(tx, couple.partner_of(user_id)) if couple else None
    if couple is None or partner is None:
        raise NotAllowed(unpaired)
    return couple, me, partner
