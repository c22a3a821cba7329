"""The user's own data: /export (a JSON file) and /delete (with a typed confirmation).

Each person owns their own words. The export holds what the user wrote and what a partner
chose to share with them, never a partner's private things (kept appreciations, unrevealed
answers, drafts, journal, their answer to the private question). Delete erases what the user
wrote and ends the pairing; the partner's own writing, and what they already received, stay.

Every feature adds its own sections to the export and erases its own rows; this is the frame
around them: the file's base sections, and the kernel's rows erased after every feature's.
"""

import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from bot.features.data import store, views
from bot.features.data.models import DeleteAsked, Deleted, ExportFile
from bot.features.pairing import end_couple
from bot.kernel.db import Tx
from bot.kernel.feature import ExportScope
from bot.kernel.mend import Mend
from bot.kernel.people import require_user
from bot.storage import couples, users
from bot.storage.models import User

SCHEMA_VERSION = 1
AWAITING = "delete"  # the text input /delete waits for


# --- Export ----------------------------------------------------------------------------------


async def export(mend: Mend, user_id: int) -> ExportFile:
    """/export: everything the user wrote, and what partners chose to share with them."""
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
    return ExportFile(body, local.date())


async def _scope(tx: Tx, me: User, now: datetime) -> ExportScope:
    couple_rows = await store.couples_of(tx, me.id)
    names: dict[int, str] = {}
    for partner_id in {couple.partner_of(me.id) for couple, _ in couple_rows}:
        partner = await users.get(tx, partner_id)
        name = partner.first_name if partner is not None else ""
        names[partner_id] = name or str(views.EXPORT_PARTNER_UNNAMED)

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
        "about": views.export_about(me.timezone if me.tz else None),
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


# --- Delete ----------------------------------------------------------------------------------


async def ask_delete(mend: Mend, user_id: int) -> DeleteAsked:
    """/delete: wait for the typed confirmation; say which pairing it would end."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        me = await require_user(tx, user_id)
        couple = await couples.active_for(tx, me.id)
        partner = await users.get(tx, couple.partner_of(me.id)) if couple else None
        await users.set_awaiting(tx, me.id, AWAITING, now)
    return DeleteAsked(partner.first_name if partner else None)


async def confirm_delete(tx: Tx, mend: Mend, user: User, text: str) -> Deleted:
    """The words after /delete: exactly the confirming word erases (DELETE, or its word in
    the person's language: LÖSCHEN), anything else cancels."""
    now = mend.clock.now()
    await users.set_awaiting(tx, user.id, None, now)
    if text.strip() not in {views.DELETE_WORD.message, str(views.DELETE_WORD)}:
        return Deleted(erased=False)
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
        # Last, the rows no feature owns: the outbox, reminders, invites, the user's own row.
        await store.erase_kernel_rows(tx, user.id, now)
        if couple is not None:
            await end_couple(tx, mend, couple, user.id, now)
    finally:
        await tx.conn.execute(f"PRAGMA secure_delete = {before}")
    return Deleted(erased=True, partner_name=partner.first_name if partner else None)
