"""The disclosure agreement: /agreement, proposing and answering topics, the private
freely-agreeing check, reviews at the review date, withdraw, history, and the
nothing-to-share toggle.

Published for other features: ``in_force``, ``get_topic``, ``topics_of``, ``topics_in``, the
``Topic`` model and its ``TopicStatus``.
"""

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from bot.features.agreement import handlers, service, store, views
from bot.features.agreement.models import Topic, TopicStatus
from bot.features.agreement.service import in_force
from bot.features.agreement.store import get_topic, topics_in, topics_of
from bot.kernel.db import Tx
from bot.kernel.feature import ExportScope, Feature, words_only
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Outgoing
from bot.storage import couples, users
from bot.storage.models import User

__all__ = [
    "FEATURE",
    "Topic",
    "TopicStatus",
    "get_topic",
    "in_force",
    "set_tells_nothing",
    "topics_in",
    "topics_of",
]


async def set_tells_nothing(mend: Mend, user_id: int, on: bool) -> bool:
    """Tell the partner (or not) when the user has nothing to share today, as the toggle in
    /agreement does; returns how it stands now. Refuses kindly when the user is not paired."""
    async with mend.db.read() as tx:
        already = await users.shares_nothing(tx, user_id)
    if already == on:
        return on
    return (await service.toggle_nothing(mend, user_id)).on


async def _topic(tx: Tx, mend: Mend, user: User, ident: str, text: str) -> Outgoing:
    """The user's own topic: what it is, and for how long."""
    return views.draft(await service.own_topic(tx, mend, user, text))


async def _change(tx: Tx, mend: Mend, user: User, ident: str, text: str) -> Outgoing:
    """Other words for a proposal: sent back to the proposer."""
    result = await service.changed_words(tx, mend, user, int(ident), text)
    return views.change_sent(result)


async def _export(tx: Tx, mend: Mend, scope: ExportScope) -> Mapping[str, Any]:
    """The topics the user proposed, those proposed to them, and the nothing-to-share choice."""
    me, when = scope.me, scope.when
    topics = await store.topics_in(tx, scope.couple_ids)

    def entry(topic: Topic) -> dict[str, Any]:
        return {
            "title": topic.title,
            "status": topic.status.value,
            "period_days": topic.period_days,
            "proposed_at": when(topic.proposed_at),
            "accepted_at": when(topic.accepted_at),
            "in_force_from": when(topic.started_at),
            "review_at": when(topic.review_at),
            "ended_at": when(topic.ended_at),
        }

    return {
        "you": {"partner_told_when_nothing_to_share": await users.shares_nothing(tx, me.id)},
        "written_by_you": {
            "topics_proposed": [entry(t) for t in topics if t.proposed_by == me.id],
        },
        "shared_with_you": {
            "topics_proposed_to_you": [
                entry(t) for t in topics if t.proposed_by != me.id and t.proposed_at is not None
            ],
        },
    }


async def _couple_ended(tx: Tx, couple_id: int, now: datetime) -> None:
    await store.end_all(tx, couple_id, now)


async def _screen(mend: Mend, user_id: int) -> Outgoing:
    """The agreement (from the home screen): what /agreement shows."""
    return views.overview(await service.show(mend, user_id))


async def _waiting(tx: Tx, mend: Mend, user: User, now: datetime) -> list[str]:
    """Topics the partner proposed that wait for this user's answer."""
    couple = await couples.active_for(tx, user.id)
    if couple is None:
        return []
    proposed = await store.topics_of(tx, couple.id, [TopicStatus.PROPOSED])
    return [str(views.WAITING_PROPOSAL)] if any(t.proposed_by != user.id for t in proposed) else []


FEATURE = Feature(
    name="agreement",
    screens={"agreement": _screen},
    waiting=_waiting,
    handlers=handlers.HANDLERS,
    jobs=(service.review_due, service.note_unstarted),
    text_inputs={"topic": words_only(_topic), "change": words_only(_change)},
    on_couple_end=_couple_ended,
    bring_back=store.bring_back,
    export=_export,
    erase=store.erase_user,
)
