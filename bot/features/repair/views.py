"""What the repair plan looks like: the plan, proposals, and their approval."""

from bot import texts
from bot.features.repair.buttons import Choice, Decide
from bot.features.repair.models import Action, Decided, Plan, Proposed, RepairChange
from bot.kernel.i18n import N_, ngettext
from bot.kernel.outgoing import Outgoing, buttons
from bot.storage.models import User

REPAIR_USAGE = N_(
    "To change the plan, propose one of these; it applies once your partner approves:\n"
    "<code>/repair add We text a heart when we're ready to talk</code>\n"
    "<code>/repair edit 3 We come back within the hour</code>\n"
    "<code>/repair remove 4</code>\n"
    "<code>/repair reset</code> (back to the template)"
)
REPAIR_HOW = N_(
    "Either of you can propose a change (<code>/repair add</code>, <code>/repair edit 3</code>, "
    "<code>/repair remove 4</code>, <code>/repair reset</code>); it applies once {name} approves."
)
REPAIR_ACTIONS = {
    Action.ADD: N_("add a step: “{text}”"),
    Action.EDIT: N_("change step {n} to “{text}”"),
    Action.REMOVE: N_("remove step {n}"),
    Action.RESET: N_("go back to the template"),
}
REPAIR_WAITING_TITLE = N_("<b>Waiting for approval</b>")
REPAIR_WAITING_LINE = N_("• {who}: {change}")
BUTTON_APPROVE = N_("Approve")
REPAIR_BAD_NUMBER = N_("Give a step number from 1 to {count}, as shown in /repair.")
REPAIR_LAST_STEP = N_("That's the only step left; a plan needs at least one. Edit it instead.")
REPAIR_PROPOSED = N_("Proposed: {change}. It applies once {name} approves.")
REPAIR_PROPOSED_TOLD = N_("<b>{name} proposes a change to your repair plan</b>\n{change}")
REPAIR_OWN_CHANGE = N_("That's your own proposal; {name} approves it.")
REPAIR_DECIDED = N_("That change has already been approved or declined.")
REPAIR_PLAN_CHANGED = N_("The plan has changed since this was proposed. /repair shows it now.")
REPAIR_APPROVED = N_("Approved: {change}. /repair shows the plan.")
REPAIR_DECLINED = N_("Declined: {change}. The plan stays as it was.")
REPAIR_APPROVED_TOLD = N_("{name} approved your change to the repair plan: {change}.")
REPAIR_DECLINED_TOLD = N_("{name} declined your change to the repair plan: {change}.")


def full(limit: int) -> str:
    """The plan holds as many steps as it can."""
    return ngettext(
        "The plan has {limit} step, the most it can hold. Remove one first.",
        "The plan has {limit} steps, the most it can hold. Remove one first.",
        limit,
    ).format(limit=limit)


def _describe(change: RepairChange) -> str:
    body = texts.escape(change.body or "")
    return REPAIR_ACTIONS[change.action].format(n=change.position, text=body)


def _decide_row(change: RepairChange) -> list[tuple[str, str]]:
    return [
        (str(BUTTON_APPROVE), Decide(change.id, Choice.YES).pack()),
        (str(texts.BUTTON_DECLINE), Decide(change.id, Choice.NO).pack()),
    ]


def plan(result: Plan) -> Outgoing:
    """/repair: the plan, changes waiting for approval, and how to propose one."""
    lines = [f"<b>{texts.escape(result.title)}</b>"]
    lines += [f"{n}. {texts.escape(step)}" for n, step in enumerate(result.steps, start=1)]
    rows = []
    if result.waiting:
        lines.append("\n" + str(REPAIR_WAITING_TITLE))
        for change in result.waiting:
            mine = change.author_id == result.me.id
            who = str(texts.YOU) if mine else texts.escape(result.partner.first_name)
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
