"""/agreement and the buttons it makes: Telegram adapters, a few lines each.

Callback data carries only ids and choices; every service checks that the presser is the
person the button was for and that the item is still open.
"""

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from bot.features.agreement import buttons as b
from bot.features.agreement import service, views
from bot.features.agreement.models import ReviewChoice
from bot.kernel.buttons import CallbackData
from bot.kernel.context import MendContext
from bot.kernel.handlers import ButtonHandler, edit, pressed, reply, user_of


async def agreement(update: Update, context: MendContext) -> None:
    """/agreement: the topics, who proposed each, when agreed, reviews, and the reminders."""
    await reply(
        update, context, views.overview(await service.show(context.mend, user_of(update)[0]))
    )


async def toggle_nothing(update: Update, context: MendContext) -> None:
    """Tell (or stop telling) the partner when I've nothing to share: done, in place."""
    await pressed(update, b.ToggleNothing)
    result = await service.toggle_nothing(context.mend, user_of(update)[0])
    await edit(update, context, views.nothing_toggled(result))


async def propose_pick(update: Update, context: MendContext) -> None:
    """Propose a topic: the suggestions not already in the agreement, and Write my own."""
    await pressed(update, b.Propose)
    choices = await service.pick(context.mend, user_of(update)[0])
    await edit(update, context, views.suggestions(choices))


async def suggestion(update: Update, context: MendContext) -> None:
    """A suggested topic: what it means, and the periods to choose from."""
    data = await pressed(update, b.Suggestion)
    draft = await service.choose_suggestion(context.mend, user_of(update)[0], data.library_id)
    await edit(update, context, views.draft(draft))


async def write_own(update: Update, context: MendContext) -> None:
    """Write my own: how to put the topic, in a few words."""
    await pressed(update, b.WriteOwn)
    await edit(
        update, context, views.write_own(await service.write_own(context.mend, user_of(update)[0]))
    )


async def period(update: Update, context: MendContext) -> None:
    """A period: the proposal went to the partner."""
    data = await pressed(update, b.Period)
    result = await service.propose(context.mend, user_of(update)[0], data.topic_id, data.days)
    await edit(update, context, views.proposed(result))


async def view_proposal(update: Update, context: MendContext) -> None:
    """Answer: <topic>: the proposal again, below, with Accept / Decline / Suggest a change."""
    data = await pressed(update, b.ViewProposal)
    result = await service.view(context.mend, user_of(update)[0], data.topic_id)
    await reply(update, context, views.shown_proposal(result))


async def accept(update: Update, context: MendContext) -> None:
    """Accept: in force until its review, or waiting for the private question."""
    data = await pressed(update, b.Accept)
    result = await service.accept(context.mend, user_of(update)[0], data.topic_id)
    await edit(update, context, views.accepted(result))


async def decline(update: Update, context: MendContext) -> None:
    """Decline: the partner will be told, nothing more."""
    data = await pressed(update, b.Decline)
    partner = await service.decline(context.mend, user_of(update)[0], data.topic_id)
    await edit(update, context, views.declined(partner))


async def suggest_change(update: Update, context: MendContext) -> None:
    """Suggest a change: write the topic in your own words."""
    data = await pressed(update, b.SuggestChange)
    partner = await service.suggest_change(context.mend, user_of(update)[0], data.topic_id)
    await edit(update, context, views.suggest_change(partner))


async def check(update: Update, context: MendContext) -> None:
    """Yes / I'm not sure / No to the private question: thanks, and what follows."""
    data = await pressed(update, b.Check)
    user_id = user_of(update)[0]
    result = await service.answer_check(context.mend, user_id, data.couple_id, data.answer)
    await edit(update, context, views.check_answered(result))


async def check_again(update: Update, context: MendContext) -> None:
    """Answer the private question again: the question, below."""
    await pressed(update, b.CheckAgain)
    result = await service.ask_check_again(context.mend, user_of(update)[0])
    await reply(update, context, views.check_question(result))


async def withdraw_pick(update: Update, context: MendContext) -> None:
    """Withdraw a topic: which one (the partner will be told)."""
    await pressed(update, b.WithdrawPick)
    result = await service.withdraw_pick(context.mend, user_of(update)[0])
    await edit(update, context, views.withdraw_choice(result))


async def withdraw(update: Update, context: MendContext) -> None:
    """A topic to withdraw: withdrawn, and the partner told."""
    data = await pressed(update, b.Withdraw)
    result = await service.withdraw(context.mend, user_of(update)[0], data.topic_id)
    await edit(update, context, views.withdrawn(result))


async def history(update: Update, context: MendContext) -> None:
    """History: what was proposed, agreed and in force, and when."""
    await pressed(update, b.HistoryButton)
    await edit(
        update, context, views.history(await service.history(context.mend, user_of(update)[0]))
    )


async def review(update: Update, context: MendContext) -> None:
    """Renew / Let it end at a topic's review: what happens now."""
    data = await pressed(update, b.Review)
    yes = data.choice is ReviewChoice.RENEW
    result = await service.renew(context.mend, user_of(update)[0], data.topic_id, yes)
    await edit(update, context, views.renewed(result))


def _on(
    kind: type[CallbackData], handle: ButtonHandler
) -> CallbackQueryHandler[MendContext, None]:
    return CallbackQueryHandler(handle, pattern=kind.pattern())


HANDLERS: list[BaseHandler[Update, MendContext, None]] = [
    CommandHandler("agreement", agreement),
    _on(b.Propose, propose_pick),
    _on(b.Suggestion, suggestion),
    _on(b.WriteOwn, write_own),
    _on(b.Period, period),
    _on(b.ViewProposal, view_proposal),
    _on(b.Accept, accept),
    _on(b.Decline, decline),
    _on(b.SuggestChange, suggest_change),
    _on(b.Check, check),
    _on(b.CheckAgain, check_again),
    _on(b.WithdrawPick, withdraw_pick),
    _on(b.Withdraw, withdraw),
    _on(b.HistoryButton, history),
    _on(b.ToggleNothing, toggle_nothing),
    _on(b.Review, review),
]
