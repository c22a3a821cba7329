"""A temporary face of the agreement feature, for the disclosure feature to import from.

It only re-exports, from where they live today, the four names disclosure needs; it
registers nothing. It is replaced by the agreement feature's own face when that moves here.
"""

from bot.services.agreement import in_force
from bot.storage.agreements import get_topic, topics_of
from bot.storage.models import Topic

__all__ = ["Topic", "get_topic", "in_force", "topics_of"]
