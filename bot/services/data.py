"""/export's sections of the features not yet in a package of their own.

The export holds what the user wrote and what a partner chose to share with them, never a
partner's private things (kept appreciations, unrevealed answers, drafts, journal, their
answer to the private question). The file's frame is ``bot/features/data``.
"""

from typing import Any

from bot.kernel.db import Tx
from bot.kernel.feature import ExportScope
from bot.kernel.mend import Mend
from bot.storage import review
from bot.storage.models import Ask


async def legacy_export(tx: Tx, mend: Mend, scope: ExportScope) -> dict[str, Any]:
    """The sections of the features not yet in their own package."""
    me, when = scope.me, scope.when
    couple_rows = scope.couples
    names = scope.names
    partner_name = scope.partner_name

    def question(ask: Ask) -> str | None:
        prompt = mend.prompts.get(ask.prompt_id)
        return prompt.text if prompt else None

    def checkin(ask: Ask) -> dict[str, Any]:
        prompt = mend.prompts.get(ask.prompt_id)
        entry: dict[str, Any] = {
            "day": ask.day,
            "question": question(ask),
            "answer_type": ask.answer,
        }
        if ask.answer == "scale":
            entry["score"] = ask.value
        elif ask.answer == "choice" and ask.value is not None:
            choices = prompt.choices if prompt else ()
            entry["choice"] = choices[ask.value] if ask.value < len(choices) else None
        entry["text" if ask.answer == "text" else "note"] = ask.body
        entry["answered_at"] = when(ask.answered_at)
        return entry

    my_asks = await review.asks_of(tx, me.id)
    my_checkins = [
        {**checkin(a), "shown_to_partner_at": when(a.revealed_at)}
        for a in my_asks
        if a.kind == "checkin" and a.status in {"noting", "done"}
    ]
    my_gratitude = [
        {
            "question": question(a),
            "text": a.body,
            "status": {"sent": "sent", "kept": "kept private"}.get(a.status, "not sent"),
            "written_at": when(a.answered_at),
            "sent_at": when(a.shared_at),
            "sent_to": partner_name(a.couple_id) if a.couple_id else None,
        }
        for a in my_asks
        if a.kind == "gratitude" and a.body is not None
    ]

    partners_checkins = []
    partners_gratitude = []
    for couple, ended_at in couple_rows:
        partner_id = couple.partner_of(me.id)
        partners_checkins += [
            {
                **checkin(a),
                "from": names.get(partner_id, ""),
                "shown_to_you_at": when(a.revealed_at),
            }
            for a in await review.revealed_checkins(tx, couple.id, partner_id)
        ]
        partners_gratitude += [
            {
                "from": names.get(partner_id, ""),
                "text": a.body,
                "sent_at": when(a.shared_at),
            }
            for a in await review.gratitude_sent_between(
                tx, partner_id, couple.created_at, ended_at
            )
        ]

    return {
        "you": {},
        "written_by_you": {
            "checkins": my_checkins,
            "gratitude": my_gratitude,
        },
        "shared_with_you": {
            "checkins": partners_checkins,
            "gratitude": partners_gratitude,
        },
    }
