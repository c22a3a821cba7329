"""Prompts: the shared pipeline every kind of prompt (check-in, gratitude, ...) runs through.

Choosing a prompt and recording the ask (one batch-first function for the tick and on demand),
rendering it with its kind's face, Remind me in 1 h and Skip today, replies matched to prompt
messages, and the free-text router. A kind plugs in with a :class:`PromptKind` and
:func:`register_kind`.
"""

from bot.features.prompts import handlers, router, service, store
from bot.features.prompts.handlers import reply_with_prompt
from bot.features.prompts.kind import PromptFace, PromptKind, register_kind
from bot.features.prompts.models import Ask, AskStatus, Given
from bot.features.prompts.service import (
    fire_reminders,
    give_now,
    given,
    is_current,
    queue_prompts,
    remember_message,
    render_ask,
    reveal_both,
)
from bot.features.prompts.store import ask_from_row, asks_of
from bot.features.prompts.store import for_day as ask_for_day
from bot.features.prompts.store import get as get_ask
from bot.features.prompts.store import set_status as set_ask_status
from bot.features.prompts.store import update as record_answer
from bot.features.prompts.views import question, render_prompt
from bot.kernel.feature import Feature

__all__ = [
    "FEATURE",
    "Ask",
    "AskStatus",
    "Given",
    "PromptFace",
    "PromptKind",
    "ask_for_day",
    "ask_from_row",
    "asks_of",
    "fire_reminders",
    "get_ask",
    "give_now",
    "given",
    "is_current",
    "question",
    "queue_prompts",
    "record_answer",
    "register_kind",
    "remember_message",
    "render_ask",
    "render_prompt",
    "reply_with_prompt",
    "reveal_both",
    "set_ask_status",
]

FEATURE = Feature(
    name="prompts",
    handlers=(*handlers.BUTTONS, *handlers.MESSAGES),
    jobs=(service.fire_snoozed, router.forget_held),
    erase=store.erase_user,
)
