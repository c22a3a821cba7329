"""What the repair plan looks like: the plan, proposals, and their approval."""

from bot import texts
from bot.features.repair.buttons import Choice, Decide
from bot.features.repair.models import Action, Decided, Plan, Proposed, RepairChange
from bot.kernel.outgoing import Outgoing, buttons
from bot.storage.models import User

REPAIR_USAGE = (
    "To change the plan, propose one of these; it applies once your partner approves:\n"
    "<code>/repair add We text a heart when we're ready to talk</code>\n"
    "<code>/repair edit 3 We come back within the hour</code>\n"
    "<code>/repair remove 4</code>\n"
    "<code>/repair reset</code> (back to the template)"
)
REPAIR_HOW = (
    "Either of you can propose a change (<code>/repair add</code>, <code>/repair edit 3</code>, "
    "<code>/repair remove 4</code>, <code>/repair reset</code>); it applies once {name} approves."
)
REPAIR_ACTIONS = {
    Action.ADD: "add a step: “{text}”",
    Action.EDIT: "change step {n} to “{text}”",
    Action.REMOVE: "remove step {n}",
    Action.RESET: "go back to the template",
}
REPAIR_WAITING_TITLE = "<b>Waiting for approval</b>"
REPAIR_WAITING_LINE = "• {who}: {change}"
BUTTON_APPROVE = "Approve"
REPAIR_BAD_NUMBER = "Give a step number from 1 to {count}, as shown in /repair."
REPAIR_FULL = "The plan has {limit} steps, the most it can hold. Remove one first."
REPAIR_LAST_STEP = "That's the only step left; a plan needs at least one. Edit it instead."
REPAIR_PROPOSED = "Proposed: {change}. It applies once {name} approves."
REPAIR_PROPOSED_TOLD = "<b>{name} proposes a change to your repair plan</b>\n{change}"
REPAIR_OWN_CHANGE = "That's your own proposal; {name} approves it."
REPAIR_DECIDED = "That change has already been approved or declined."
REPAIR_PLAN_CHANGED = "The plan has changed since this was proposed. /repair shows it now."
REPAIR_APPROVED = "Approved: {change}. /repair shows the plan."
REPAIR_DECLINED = "Declined: {change}. The plan stays as it was."
REPAIR_APPROVED_TOLD = "{name} approved your change to the repair plan: {change}."
REPAIR_DECLINED_TOLD = "{name} declined your change to the repair plan: {change}."


def _describe(change: RepairChange) -> str:
    body = texts.escape(change.body or "")
    return REPAIR_ACTIONS[change.action].format(n=change.position, text=body)


def _decide_row(change: RepairChange) -> list[tuple[str, str]]:
    return [
        (BUTTON_APPROVE, Decide(change.id, Choice.YES).pack()),
        (str(texts.BUTTON_DECLINE), Decide(change.id, Choice.NO).pack()),
    ]


def plan(result: Plan) -> Outgoing:
    """/repair: the plan, changes waiting for approval, and how to propose one."""
    lines = [f"<b>{texts.escape(result.title)}</b>"]
    lines += [f"{n}. {texts.escape(step)}" for n, step in enumerate(result.steps, start=1)]
    rows = []
    if result.waiting:
        lines.append("\n" + REPAIR_WAITING_TITLE)
        for change in result.waiting:
            mine = change.author_id == result.me.id
            who = texts.YOU if mine else texts.escape(result.partner.first_name)
            lines.append(REPAIR_WAITING_LINE.format(who=who, change=_describe(change)))
            if not mine:
                rows.append(_decide_row(change))
    lines.append("\n" + REPAIR_HOW.format(name=texts.escape(result.partner.first_name)))
    return Outgoing("\n".join(lines), buttons(*rows) if rows else ())


def proposed(result: Proposed) -> Outgoing:
    return Outgoing(
        REPAIR_PROPOSED.format(
            change=_describe(result.change), name=texts.escape(result.partner.first_name)
        )
    )


def proposed_told(change: RepairChange, author: User) -> Outgoing:
    """To the partner: the change, with Approve / Decline."""
    return Outgoing(
        REPAIR_PROPOSED_TOLD.format(
            name=texts.escape(author.first_name), change=_describe(change)
        ),
        buttons(_decide_row(change)),
    )


def decided(result: Decided) -> Outgoing:
    template = REPAIR_APPROVED if result.approved else REPAIR_DECLINED
    return Outgoing(template.format(change=_describe(result.change)))


def decided_told(result: Decided, decider: User) -> Outgoing:
    """To the one who proposed: approved or declined."""
    template = REPAIR_APPROVED_TOLD if result.approved else REPAIR_DECLINED_TOLD
    return Outgoing(
        template.format(name=texts.escape(decider.first_name), change=_describe(result.change))
    )
