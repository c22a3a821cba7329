"""The repair plan: the steps a couple agreed for when things spike.

It starts from the template in prompts/repair.yaml. Either partner proposes a change (add,
edit, remove, or back to the template); it applies only once the other approves.
"""

from bot import texts
from bot.domain.text import words
from bot.domain.tools import MAX_STEP_CHARS, MAX_STEPS
from bot.kernel import outbox
from bot.kernel.db import Tx
from bot.kernel.errors import InvalidInput, NotAllowed, Stale
from bot.kernel.mend import Mend
from bot.kernel.outgoing import Outgoing, buttons
from bot.kernel.people import paired
from bot.storage import repair
from bot.storage.models import Couple, RepairChange


async def _plan(tx: Tx, mend: Mend, couple: Couple) -> list[str]:
    """The couple's steps; a couple without a plan yet starts from the template."""
    if not await repair.has_plan(tx, couple.id):
        await repair.replace(tx, couple.id, [(step, None) for step in mend.repair.steps])
    return await repair.steps(tx, couple.id)


def _describe(change: RepairChange) -> str:
    body = texts.escape(change.body or "")
    return texts.REPAIR_ACTIONS[change.action].format(n=change.position, text=body)


async def show(mend: Mend, user_id: int) -> Outgoing:
    """/repair: the plan, changes waiting for approval, and how to propose one."""
    async with mend.db.transaction() as tx:
        couple, me, partner = await paired(tx, user_id, texts.TOGETHER_NOT_PAIRED)
        steps = await _plan(tx, mend, couple)
        waiting = await repair.pending(tx, couple.id)
    lines = [f"<b>{texts.escape(mend.repair.title)}</b>"]
    lines += [f"{n}. {texts.escape(step)}" for n, step in enumerate(steps, start=1)]
    rows = []
    if waiting:
        lines.append("\n" + texts.REPAIR_WAITING_TITLE)
        for change in waiting:
            mine = change.author_id == me.id
            who = texts.YOU if mine else texts.escape(partner.first_name)
            lines.append(texts.REPAIR_WAITING_LINE.format(who=who, change=_describe(change)))
            if not mine:
                rows.append(
                    [
                        (texts.BUTTON_APPROVE, f"rc:{change.id}:yes"),
                        (texts.BUTTON_DECLINE, f"rc:{change.id}:no"),
                    ]
                )
    lines.append("\n" + texts.REPAIR_HOW.format(name=texts.escape(partner.first_name)))
    return Outgoing("\n".join(lines), buttons(*rows) if rows else ())


def _position(word: str, steps: list[str]) -> int:
    if not word.isdigit() or not 1 <= int(word) <= len(steps):
        raise InvalidInput(texts.REPAIR_BAD_NUMBER.format(count=len(steps)))
    return int(word)


async def propose(mend: Mend, user_id: int, args: str) -> Outgoing:
    """/repair add <step> | edit <n> <words> | remove <n> | reset: sent for approval."""
    action, _, rest = args.strip().partition(" ")
    action = action.lower()
    if action not in texts.REPAIR_ACTIONS:
        raise InvalidInput(texts.REPAIR_USAGE)
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        couple, me, partner = await paired(tx, user_id, texts.TOGETHER_NOT_PAIRED)
        steps = await _plan(tx, mend, couple)
        position: int | None = None
        body: str | None = None
        if action == "add":
            if len(steps) >= MAX_STEPS:
                raise NotAllowed(texts.REPAIR_FULL.format(limit=MAX_STEPS))
            body = words(rest, MAX_STEP_CHARS) if rest.strip() else None
            if body is None:
                raise InvalidInput(texts.REPAIR_USAGE)
        elif action == "edit":
            number, _, text = rest.strip().partition(" ")
            position = _position(number, steps)
            if not text.strip():
                raise InvalidInput(texts.REPAIR_USAGE)
            body = words(text, MAX_STEP_CHARS)
        elif action == "remove":
            position = _position(rest.strip(), steps)
            if len(steps) == 1:
                raise NotAllowed(texts.REPAIR_LAST_STEP)
        elif rest.strip():
            raise InvalidInput(texts.REPAIR_USAGE)
        change = await repair.propose(tx, couple.id, me.id, action, position, body, now)
        ask = Outgoing(
            texts.REPAIR_PROPOSED_TOLD.format(
                name=texts.escape(me.first_name), change=_describe(change)
            ),
            buttons(
                [
                    (texts.BUTTON_APPROVE, f"rc:{change.id}:yes"),
                    (texts.BUTTON_DECLINE, f"rc:{change.id}:no"),
                ]
            ),
        )
        await outbox.add(tx, partner.id, "repair", ask, now, couple_id=couple.id, author_id=me.id)
    return Outgoing(
        texts.REPAIR_PROPOSED.format(
            change=_describe(change), name=texts.escape(partner.first_name)
        )
    )


async def decide(mend: Mend, user_id: int, change_id: int, choice: str) -> Outgoing:
    """Approve (the change applies now) or Decline; the proposer is told either way."""
    now = mend.clock.now()
    async with mend.db.transaction() as tx:
        couple, me, partner = await paired(tx, user_id, texts.TOGETHER_NOT_PAIRED)
        change = await repair.get_change(tx, change_id)
        if change is None or change.couple_id != couple.id:
            raise Stale(texts.STALE_BUTTON)
        if change.author_id == me.id:
            raise NotAllowed(texts.REPAIR_OWN_CHANGE.format(name=texts.escape(partner.first_name)))
        if change.status != "pending":
            raise Stale(texts.REPAIR_DECIDED)
        if choice == "yes":
            await _apply(tx, mend, couple, change)
        await repair.decide(tx, change.id, "approved" if choice == "yes" else "declined", now)
        template = texts.REPAIR_APPROVED_TOLD if choice == "yes" else texts.REPAIR_DECLINED_TOLD
        told = template.format(name=texts.escape(me.first_name), change=_describe(change))
        await outbox.add(tx, partner.id, "repair", Outgoing(told), now, couple_id=couple.id)
    template = texts.REPAIR_APPROVED if choice == "yes" else texts.REPAIR_DECLINED
    return Outgoing(template.format(change=_describe(change)))


async def _apply(tx: Tx, mend: Mend, couple: Couple, change: RepairChange) -> None:
    steps = await _plan(tx, mend, couple)
    authors = await repair.authors(tx, couple.id)
    plan: list[tuple[str, int | None]] = list(zip(steps, authors, strict=True))
    if change.action == "reset":
        plan = [(step, None) for step in mend.repair.steps]
    elif change.action == "add":
        if len(plan) >= MAX_STEPS:
            raise NotAllowed(texts.REPAIR_FULL.format(limit=MAX_STEPS))
        plan.append((change.body or "", change.author_id))
    else:
        assert change.position is not None
        if change.position > len(plan):
            raise Stale(texts.REPAIR_PLAN_CHANGED)
        if change.action == "edit":
            plan[change.position - 1] = (change.body or "", change.author_id)
        elif len(plan) > 1:
            del plan[change.position - 1]
    await repair.replace(tx, couple.id, plan)
