"""The weekly review: /review [Nw] on demand, and the scheduled review (reminder kind
"review"), rendered into the outbox with a chart of both partners' check-in scores."""

from bot.features.review import handlers, store
from bot.features.review.models import REMINDER_KIND
from bot.features.review.service import render_due, request_due
from bot.features.review.store import review_off, set_review_off
from bot.kernel.feature import Feature

FEATURE = Feature(
    name="review",
    handlers=tuple(handlers.HANDLERS),
    reminder_kinds={REMINDER_KIND: request_due},
    jobs=(render_due,),
    erase=store.erase_user,
)

__all__ = ["FEATURE", "render_due", "review_off", "set_review_off"]
