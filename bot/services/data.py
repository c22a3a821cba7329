"""The user's own data: /export (a JSON file) and /delete (with a typed confirmation).

Each person owns their own words. The export holds what the user wrote and what a partner
chose to share with them, never a partner's private things (kept appreciations, unrevealed
answers, drafts, journal, their answer to the private question). Delete erases what the user
wrote and ends the pairing; the partner's own writing, and what they already received, stay.
"""

import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from bot import texts
from bot.domain import schedule
from bot.kernel.db import Tx
from bot.kernel.feature import ExportScope
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Outgoing
from bot.kernel.people import require_user
from bot.services.pairing import end_couple
from bot.storage import couples, reminders, review, users
from bot.storage.models import Disclosure, Promise, Topic, User, Win

SCHEMA_VERSION = 1
DELETE_WORD = "DELETE"


# --- Export ----------------------------------------------------------------------------------


async def export(mend: Mend, user_id: int) -> tuple[bytes, str, str]:
    """/export: the JSON file's bytes, its file name and the caption to send with it."""
    now = mend.clock.now()
    async with mend.db.read() as tx:
        me = await require_user(tx, user_id)
        scope = await _scope(tx, me, now)
        data = _base(scope)
        for feature in mend.features:
            if feature.export is not None:
                _merge(data, await feature.export(tx, mend, scope))
    local = now.astimezone(me.tz) if me.tz else now
    body = json.dumps(data, ensure_ascii=False, indent=2).encode()
    return body, f"mend-export-{local.date().isoformat()}.json", texts.EXPORT_CAPTION


async def _scope(tx: Tx, me: User, now: datetime) -> ExportScope:
    couple_rows = await review.couples_of(tx, me.id)
    names: dict[int, str] = {}
    for partner_id in {couple.partner_of(me.id) for couple, _ in couple_rows}:
        partner = await users.get(tx, partner_id)
        names[partner_id] = partner.first_name if partner else ""

    def when(moment: datetime | None) -> str | None:
        if moment is None:
            return None
        return (moment.astimezone(me.tz) if me.tz else moment).isoformat()

    return ExportScope(me, now, tuple(couple_rows), names, when)


def _base(scope: ExportScope) -> dict[str, Any]:
    """The file's frame: who it is for, and their pairings; features add the rest."""
    me, when = scope.me, scope.when
    return {
        "schema_version": SCHEMA_VERSION,
        "exported_at": when(scope.now),
        "about": (
            "Everything you wrote in Mend, and everything a partner chose to share with you. "
            "Times are in your timezone."
        ),
        "you": {
            "telegram_id": me.id,
            "first_name": me.first_name,
            "timezone": me.timezone,
            "paused_until": when(me.paused_until),
        },
        "pairings": [
            {
                "partner": scope.names.get(couple.partner_of(me.id), ""),
                "paired_at": when(couple.created_at),
                "ended_at": when(ended_at),
            }
            for couple, ended_at in scope.couples
        ],
        "written_by_you": {},
        "shared_with_you": {},
    }


def _merge(into: dict[str, Any], part: Mapping[str, Any]) -> None:
    """Add a feature's sections to the file, section by section."""
    for key, value in part.items():
        if isinstance(value, Mapping) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into[key] = value


async def legacy_export(tx: Tx, mend: Mend, scope: ExportScope) -> dict[str, Any]:
    """The sections of the features not yet in their own package."""
    me, now, when = scope.me, scope.now, scope.when
    couple_ids = scope.couple_ids
    names = scope.names
    partner_name = scope.partner_name

    topics = {topic.id: topic for topic in await review.topics_in(tx, couple_ids)}

    def topic_title(disclosure: Disclosure) -> str | None:
        topic = topics.get(disclosure.topic_id or 0)
        return topic.title if topic else None

    def topic_entry(topic: Topic) -> dict[str, Any]:
        return {
            "title": topic.title,
            "status": topic.status,
            "period_days": topic.period_days,
            "proposed_at": when(topic.proposed_at),
            "accepted_at": when(topic.accepted_at),
            "in_force_from": when(topic.started_at),
            "review_at": when(topic.review_at),
            "ended_at": when(topic.ended_at),
        }

    my_disclosures = []
    to_me = []
    for d in await review.disclosures_in(tx, couple_ids):
        partner_answered = d.ack is not None and d.ack_sent_at is not None
        if d.author_id == me.id:
            if d.kind == "disclosure" and d.body is None and d.voice is None:
                continue  # cancelled: nothing left of it
            my_disclosures.append(
                {
                    "kind": d.kind,
                    "topic": topic_title(d),
                    "text": d.body,
                    "voice_note": d.voice is not None,
                    "status": d.status,
                    "written_at": when(d.written_at),
                    "delivered_at": when(d.deliver_at),
                    "to": partner_name(d.couple_id),
                    "their_answer": texts.ACK_LABELS.get(d.ack or "")
                    if partner_answered
                    else None,
                    "their_note": d.ack_note if partner_answered else None,
                }
            )
        elif d.status == "sent" and d.deliver_at is not None and d.deliver_at <= now:
            to_me.append(
                {
                    "kind": d.kind,
                    "from": partner_name(d.couple_id),
                    "topic": topic_title(d),
                    "text": d.body,
                    "voice_note": d.voice is not None,
                    "written_at": when(d.written_at),
                    "delivered_at": when(d.deliver_at),
                    "your_answer": texts.ACK_LABELS.get(d.ack or "") if d.ack else None,
                    "your_note": d.ack_note if d.ack_sent_at is not None else None,
                }
            )

    promises = await review.promises_in(tx, couple_ids)
    wins = await review.wins_in(tx, couple_ids)
    steps = await review.repair_steps_in(tx, couple_ids)

    def promise_entry(p: Promise) -> dict[str, Any]:
        return {
            "text": p.body,
            "due_at": when(p.due_at),
            "status": p.status,
            "made_at": when(p.created_at),
            "settled_at": when(p.settled_at),
        }

    def win_entry(w: Win) -> dict[str, Any]:
        return {"text": w.body, "status": w.status, "shared_at": when(w.shared_at)}

    my_reminders = [
        {
            "kind": r.kind,
            "time": schedule.format_time(r.hour, r.minute),
            "days": schedule.describe_days(r.days),
        }
        for r in await reminders.for_user(tx, me.id)
    ]
    return {
        "you": {
            "partner_told_when_nothing_to_share": await users.shares_nothing(tx, me.id),
            "reminders": my_reminders,
        },
        "written_by_you": {
            "disclosures": my_disclosures,
            "topics_proposed": [topic_entry(t) for t in topics.values() if t.proposed_by == me.id],
            "promises": [promise_entry(p) for p in promises if p.author_id == me.id],
            "wins": [win_entry(w) for w in wins if w.author_id == me.id],
            "journal": [
                {"text": e.body, "written_at": when(e.created_at)}
                for e in await review.journal_of(tx, me.id)
            ],
            "repair_plan_steps": [
                {"step": s.position, "text": s.body} for s in steps if s.author_id == me.id
            ],
            "repair_plan_changes": [
                {
                    "action": c.action,
                    "step": c.position,
                    "text": c.body,
                    "status": c.status,
                    "proposed_at": when(c.created_at),
                    "decided_at": when(c.decided_at),
                }
                for c in await review.repair_changes_by(tx, me.id)
            ],
        },
        "shared_with_you": {
            "disclosures": to_me,
            "topics_proposed_to_you": [
                topic_entry(t)
                for t in topics.values()
                if t.proposed_by != me.id and t.proposed_at is not None
            ],
            "promises": [promise_entry(p) for p in promises if p.author_id != me.id],
            "wins": [win_entry(w) for w in wins if w.author_id != me.id and w.status == "shared"],
            "repair_plan_steps": [
                {
                    "step": s.position,
                    "text": s.body,
                    "from": "template" if s.author_id is None else names.get(s.author_id, ""),
                }
                for s in steps
                if s.author_id != me.id
            ],
        },
    }


# --- Delete ----------------------------------------------------------------------------------


async def ask_delete(mend: Mend, user_id: int) -> Outgoing:
    """/delete: say what will be erased and wait for the typed confirmation."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        me = await require_user(tx, user_id)
        couple = await couples.active_for(tx, me.id)
        partner = await users.get(tx, couple.partner_of(me.id)) if couple else None
        await users.set_awaiting(tx, me.id, "delete", now)
    pairing = (
        texts.DELETE_ENDS_PAIRING.format(name=texts.escape(partner.first_name)) if partner else ""
    )
    return Outgoing(texts.DELETE_CONFIRM.format(pairing=pairing))


async def confirm_delete(tx: Tx, mend: Mend, user: User, text: str) -> Outgoing:
    """The words after /delete: exactly DELETE erases, anything else cancels."""
    now = mend.clock.now()
    await users.set_awaiting(tx, user.id, None, now)
    if text.strip() != DELETE_WORD:
        return Outgoing(texts.DELETE_CANCELLED)
    couple = await couples.active_for(tx, user.id)
    partner = await users.get(tx, couple.partner_of(user.id)) if couple else None
    # Freed database space is overwritten with zeros while erasing, so the old (encrypted)
    # words do not linger in free pages; the connection's setting is restored after.
    cursor = await tx.conn.execute("PRAGMA secure_delete")
    row = await cursor.fetchone()
    before = int(row[0]) if row else 0
    await tx.conn.execute("PRAGMA secure_delete = ON")
    try:
        for feature in mend.features:
            if feature.erase is not None:
                await feature.erase(tx, user.id, now)
        if couple is not None:
            await end_couple(tx, mend, couple, user.id, now)
    finally:
        await tx.conn.execute(f"PRAGMA secure_delete = {before}")
    ended = (
        texts.DELETE_DONE_ENDED.format(name=texts.escape(partner.first_name)) if partner else ""
    )
    return Outgoing(texts.DELETE_DONE.format(ended=ended))
