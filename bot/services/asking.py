"""Giving a user a prompt: choosing it, recording the ask, and rendering the message."""

from datetime import datetime

from bot import texts
from bot.core import Mend
from bot.domain.prompting import SCALE, choose_prompt, local_day
from bot.outgoing import Button, Outgoing
from bot.prompts import Prompt
from bot.storage import asks, couples, outbox, users
from bot.storage.db import Tx
from bot.storage.models import Ask, User


async def new_ask(tx: Tx, mend: Mend, user: User, kind: str, now: datetime) -> Ask:
    """Record a fresh prompt of ``kind`` for the user.

    Partners get the same check-in question on the same day, so the reveal compares like with
    like; otherwise the least-used eligible prompt across both partners is chosen.
    """
    assert user.tz is not None
    day = local_day(now, user.tz)
    couple = await couples.active_for(tx, user.id)
    prompt_set = mend.prompts.kind(kind)
    prompt: Prompt | None = None
    if couple is not None and kind == "checkin":
        shared_id = await asks.couple_prompt_for_day(tx, couple.id, kind, day)
        prompt = mend.prompts.get(shared_id) if shared_id else None
    if prompt is None:
        members = (couple.inviter_id, couple.joiner_id) if couple else (user.id,)
        shared_days = await asks.shared_days(tx, couple.id, user.id) if couple else 0
        usage = await asks.prompt_usage(tx, members, kind)
        prompt = choose_prompt(prompt_set.eligible(shared_days), usage)
    return await asks.create(
        tx,
        user_id=user.id,
        couple_id=couple.id if couple else None,
        kind=kind,
        prompt_id=prompt.id,
        answer=prompt.answer,
        day=day,
        now=now,
    )


async def queue_prompt(tx: Tx, mend: Mend, user: User, ask: Ask, now: datetime) -> None:
    """Put the prompt message for an ask in the outbox."""
    message = await render_ask(tx, mend, ask)
    await outbox.add(tx, user.id, "prompt", message, now, ask_id=ask.id)


async def render_ask(tx: Tx, mend: Mend, ask: Ask) -> Outgoing:
    """The prompt message with its answer buttons and Remind me / Skip today."""
    couple = await couples.active_for(tx, ask.user_id)
    partner = await users.get(tx, couple.partner_of(ask.user_id)) if couple else None
    return render_prompt(mend, ask, partner.first_name if partner is not None else None)


def render_prompt(mend: Mend, ask: Ask, partner_name: str | None) -> Outgoing:
    """:func:`render_ask` once the partner's first name (or None: no partner) is known."""
    prompt = mend.prompts.get(ask.prompt_id)
    question = texts.escape(prompt.text) if prompt else texts.PROMPT_GONE
    rows: list[tuple[Button, ...]] = []
    if ask.kind == "checkin":
        title = texts.CHECKIN_TITLE
        if partner_name is not None:
            footer = texts.CHECKIN_PRIVATE_UNTIL.format(name=texts.escape(partner_name))
        else:
            footer = texts.CHECKIN_PRIVATE_SOLO
        if ask.answer == "scale":
            scale = [Button(str(n), f"ck:{ask.id}:{n}") for n in SCALE]
            rows += [tuple(scale[:5]), tuple(scale[5:])]
            footer = texts.SCALE_HINT + "\n" + footer
        elif ask.answer == "choice" and prompt is not None:
            rows += [(Button(c, f"ck:{ask.id}:{i}"),) for i, c in enumerate(prompt.choices)]
        else:
            footer = texts.TEXT_HINT + "\n" + footer
    else:
        title = texts.GRATITUDE_TITLE
        footer = texts.GRATITUDE_HINT
    rows.append(
        (Button(texts.BUTTON_SNOOZE, f"sz:{ask.id}"), Button(texts.BUTTON_SKIP, f"sk:{ask.id}"))
    )
    return Outgoing(f"<b>{title}</b>\n{question}\n\n<i>{footer}</i>", tuple(rows))


def answer_label(mend: Mend, ask: Ask) -> str:
    """An answer as the partner sees it: '7/10', the chosen option, or the words, plus a note."""
    prompt = mend.prompts.get(ask.prompt_id)
    if ask.answer == "scale" and ask.value is not None:
        label = f"<b>{ask.value}/10</b>"
        return label + (f" — “{texts.escape(ask.body)}”" if ask.body else "")
    if ask.answer == "choice" and ask.value is not None:
        choice = prompt.choices[ask.value] if prompt and ask.value < len(prompt.choices) else "?"
        label = f"<b>{texts.escape(choice)}</b>"
        return label + (f" — “{texts.escape(ask.body)}”" if ask.body else "")
    return f"“{texts.escape(ask.body or '')}”"
