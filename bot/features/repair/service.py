"""The repair plan: the steps a couple agreed for when things spike.

It starts from the template in prompts/repair.yaml. Either partner proposes a change (add,
edit, remove, or back to the template); it applies only once the other approves.
"""

from typing import Any

from bot import texts
from bot.domain.text import words
from bot.features.repair import store, views
from bot.features.repair.buttons import Choice
from bot.features.repair.models import Action, ChangeStatus, Decided, Plan, Proposed, RepairChange
from bot.kernel import outbox
from bot.kernel.db import Tx
from bot.kernel.errors import InvalidInput, NotAllowed, Stale
from bot.kernel.feature import ExportScope
from bot.kernel.i18n import current
from bot.kernel.mend import Mend
from bot.kernel.people import paired
from bot.library import MAX_STEP_CHARS, MAX_STEPS
from bot.storage.models import Couple


async def _plan(tx: Tx, mend: Mend, couple: Couple) -> list[str]:
    """The couple's steps; a couple without a plan yet starts from the template."""
    if not await store.has_plan(tx, couple.id):
        await store.replace(
            tx, couple.id, [(step, None) for step in mend.repair.in_language(current()).steps]
        )
    return await store.steps(tx, couple.id)


async def show(mend: Mend, user_id: int) -> Plan:
    """/repair: the plan, changes waiting for approval, and how to propose one."""
    async with mend.db.transaction() as tx:
        couple, me, partner = await paired(tx, user_id, texts.TOGETHER_NOT_PAIRED)
        steps = await _plan(tx, mend, couple)
        waiting = await store.pending(tx, couple.id)
    return Plan(mend.repair.in_language(current()).title, steps, waiting, me, partner)


def _position(word: str, steps: list[str]) -> int:
    if not word.isdigit() or not 1 <= int(word) <= len(steps):
        raise InvalidInput(views.REPAIR_BAD_NUMBER.format(count=len(steps)))
    return int(word)


async def propose(mend: Mend, user_id: int, args: str) -> Proposed:
    """/repair add <step> | edit <n> <words> | remove <n> | reset: sent for approval."""
    word, _, rest = args.strip().partition(" ")
    if word.lower() not in {action.value for action in Action}:
        raise InvalidInput(views.REPAIR_USAGE)
    action = Action(word.lower())
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        couple, me, partner = await paired(tx, user_id, texts.TOGETHER_NOT_PAIRED)
        steps = await _plan(tx, mend, couple)
        position: int | None = None
        body: str | None = None
        if action == Action.ADD:
            if len(steps) >= MAX_STEPS:
                raise NotAllowed(views.full(MAX_STEPS))
            body = words(rest, MAX_STEP_CHARS) if rest.strip() else None
            if body is None:
                raise InvalidInput(views.REPAIR_USAGE)
        elif action == Action.EDIT:
            number, _, text = rest.strip().partition(" ")
            position = _position(number, steps)
            if not text.strip():
                raise InvalidInput(views.REPAIR_USAGE)
            body = words(text, MAX_STEP_CHARS)
        elif action == Action.REMOVE:
            position = _position(rest.strip(), steps)
            if len(steps) == 1:
                raise NotAllowed(views.REPAIR_LAST_STEP)
        elif rest.strip():
            raise InvalidInput(views.REPAIR_USAGE)
        change = await store.propose(tx, couple.id, me.id, action, position, body, now)
        await outbox.add(
            tx,
            partner.id,
            "repair",
            lambda: views.proposed_told(change, me),
            now,
            couple_id=couple.id,
            author_id=me.id,
            question=_change_question(change.id),
        )
    return Proposed(change, partner)


def _change_question(change_id: int) -> str:
    """The key of a proposed change's Approve / Decline on the partner's notice."""
    return f"repair:{change_id}"


async def decide(
    mend: Mend, user_id: int, change_id: int, choice: Choice, message_id: int = 0
) -> Decided:
    """Approve (the change applies now) or Decline; the proposer is told either way. The
    notice's Approve / Decline go, if it was decided elsewhere (on /repair's list): the
    pressed message (``message_id``) is edited by its handler."""
    now = mend.clock.now()
    approved = choice == Choice.YES
    async with mend.db.transaction() as tx:
        couple, me, partner = await paired(tx, user_id, texts.TOGETHER_NOT_PAIRED)
        change = await store.get_change(tx, change_id)
        if change is None or change.couple_id != couple.id:
            raise Stale(texts.STALE_BUTTON)
        if change.author_id == me.id:
            raise NotAllowed(views.REPAIR_OWN_CHANGE.format(name=texts.escape(partner.first_name)))
        if change.status != ChangeStatus.PENDING:
            raise Stale(views.REPAIR_DECIDED)
        if approved:
            await _apply(tx, mend, couple, change)
        status = ChangeStatus.APPROVED if approved else ChangeStatus.DECLINED
        await store.decide(tx, change.id, status, now)
        await outbox.settle(tx, _change_question(change.id), now, keep=message_id)
        decided = Decided(change, approved)
        await outbox.add(
            tx,
            partner.id,
            "repair",
            lambda: views.decided_told(decided, me),
            now,
            couple_id=couple.id,
        )
    return decided


async def _apply(tx: Tx, mend: Mend, couple: Couple, change: RepairChange) -> None:
    steps = await _plan(tx, mend, couple)
    authors = await store.authors(tx, couple.id)
    plan: list[tuple[str, int | None]] = list(zip(steps, authors, strict=True))
    if change.action == Action.RESET:
        plan = [(step, None) for step in mend.repair.in_language(current()).steps]
    elif change.action == Action.ADD:
        if len(plan) >= MAX_STEPS:
            raise NotAllowed(views.full(MAX_STEPS))
        plan.append((change.body or "", change.author_id))
    else:
        assert change.position is not None
        if change.position > len(plan):
            raise Stale(views.REPAIR_PLAN_CHANGED)
        if change.action == Action.EDIT:
            plan[change.position - 1] = (change.body or "", change.author_id)
        elif len(plan) > 1:
            del plan[change.position - 1]
    await store.replace(tx, couple.id, plan)


async def export(tx: Tx, mend: Mend, scope: ExportScope) -> dict[str, Any]:
    """/export: the steps and changes the user wrote, and the plan's other steps."""
    me, when, names = scope.me, scope.when, scope.names
    steps = await store.steps_in(tx, scope.couple_ids)
    return {
        "written_by_you": {
            "repair_plan_steps": [
                {"step": s.position, "text": s.body} for s in steps if s.author_id == me.id
            ],
            "repair_plan_changes": [
                {
                    "action": str(c.action),
                    "step": c.position,
                    "text": c.body,
                    "status": str(c.status),
                    "proposed_at": when(c.created_at),
                    "decided_at": when(c.decided_at),
                }
                for c in await store.changes_by(tx, me.id)
            ],
        },
        "shared_with_you": {
            "repair_plan_steps": [
                {
                    "step": s.position,
                    "text": s.body,
                    "from": names.get(s.author_id, ""),
                }
                for s in steps
                # The template's steps are no one's words (and would repeat per pairing).
                if s.author_id is not None and s.author_id != me.id
            ],
        },
    }
