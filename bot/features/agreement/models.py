"""The agreement's model and rules: topics, their states, periods and reviews."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import Enum, StrEnum

from bot.kernel.i18n import current
from bot.library import AgreementTopic, Support
from bot.storage.models import User


class TopicStatus(StrEnum):
    """Where a topic is, from its draft to its end (the strings stored in ``topics.status``)."""

    DRAFT = "draft"  # being proposed: its period not chosen yet
    PROPOSED = "proposed"
    AGREED = "agreed"  # both accepted; waiting for the private check
    ACTIVE = "active"  # in force until its review date
    DECLINED = "declined"
    CHANGED = "changed"  # replaced by the partner's own words
    WITHDRAWN = "withdrawn"
    LAPSED = "lapsed"  # not renewed at its review
    ENDED = "ended"  # with the pairing


class CheckAnswer(StrEnum):
    """An answer to the private freely-agreeing check (``consents.answer``)."""

    YES = "yes"
    UNSURE = "unsure"
    NO = "no"


class ReviewChoice(StrEnum):
    """What a partner chose at a topic's review."""

    RENEW = "renew"
    END = "end"


# Topic states in which the topic is part of the agreement (in force, or about to be).
LIVE = (TopicStatus.PROPOSED, TopicStatus.AGREED, TopicStatus.ACTIVE)

# How long a topic is agreed for, in days (their plain names are in the views). One month is
# the default.
PERIOD_DAYS = (14, 30, 90)
DEFAULT_PERIOD = 30
# After its review date a topic stays in force only if both renew within this window.
RENEW_WINDOW = timedelta(days=3)
MAX_TOPIC_CHARS = 120


@dataclass(frozen=True, slots=True)
class Topic:
    """A topic of a couple's disclosure agreement, from its proposal to its end."""

    id: int
    couple_id: int
    library_id: str | None
    title: str
    proposed_by: int
    period_days: int
    status: TopicStatus
    replaces: int | None
    proposed_at: datetime | None
    accepted_at: datetime | None
    started_at: datetime | None
    review_at: datetime | None
    review_asked_at: datetime | None
    ended_at: datetime | None
    # A suggested topic's title in each language the library writes it in (see `shown`).
    titles: Mapping[str, str] = field(default_factory=dict)

    @property
    def shown(self) -> str:
        """The title in the reader's language: a suggested topic's as the library writes it
        in that language, one in the couple's own words exactly as written."""
        return self.titles.get(current(), self.title)


# --- What the service decided (the views turn these into words) -----------------------------


@dataclass(frozen=True, slots=True)
class Overview:
    """/agreement: the live topics, the check, the reminders and the nothing-to-share toggle."""

    me: User
    partner: User
    topics: list[Topic]
    consent: Mapping[int, CheckAnswer | None]
    my_reminder: tuple[int, int] | None  # the "anything to share?" reminder's hour, minute
    their_reminder: tuple[int, int] | None
    tells_nothing: bool  # the partner is told when the user has nothing to share

    @property
    def my_check(self) -> CheckAnswer | None:
        """The reader's own answer to the private check (never the partner's: what a reader
        sees must not depend on what the other answered)."""
        return self.consent.get(self.me.id)


@dataclass(frozen=True, slots=True)
class NothingToggled:
    partner: User
    on: bool


@dataclass(frozen=True, slots=True)
class Draft:
    """A topic chosen (a suggestion, or the user's own words), waiting for its period."""

    topic: Topic
    suggestion: AgreementTopic | None


@dataclass(frozen=True, slots=True)
class Proposed:
    topic: Topic
    partner: User


@dataclass(frozen=True, slots=True)
class Proposal:
    """A proposal to answer (or the partner's other words for the reader's own)."""

    topic: Topic
    proposer: User
    suggestion: AgreementTopic | None
    replaced: Topic | None


@dataclass(frozen=True, slots=True)
class Accepted:
    """Accepted: in force until ``review_at``, or (None) waiting for the private check."""

    topic: Topic
    reader: User
    review_at: datetime | None


@dataclass(frozen=True, slots=True)
class ChangeSent:
    title: str
    partner: User


@dataclass(frozen=True, slots=True)
class CheckQuestion:
    """The private question, for one partner of a couple."""

    couple_id: int
    partner: User


class CheckOutcome(Enum):
    HESITANT = "hesitant"  # anything but Yes: disclosures stay off
    WAITING = "waiting"  # Yes, and the partner has not said Yes (or nothing is left to start)
    STARTED = "started"  # Yes from both: the agreed topics are in force


# A week after the check was asked without two Yeses, both get the same neutral note.
CHECK_NOTE_AFTER = timedelta(days=7)


@dataclass(frozen=True, slots=True)
class CheckAnswered:
    outcome: CheckOutcome
    reader: User
    partner: User
    support: Support
    started: list[tuple[Topic, datetime]]  # the topics now in force, with their review dates


@dataclass(frozen=True, slots=True)
class WithdrawChoice:
    topics: list[Topic]
    partner: User


@dataclass(frozen=True, slots=True)
class Withdrawn:
    topic: Topic
    partner: User


@dataclass(frozen=True, slots=True)
class History:
    me: User
    partner: User
    topics: list[Topic]  # newest first


class RenewOutcome(Enum):
    ENDED = "ended"  # Let it end: it ended now
    WAITING = "waiting"  # renewed; continues if the partner renews too by the deadline
    RENEWED = "renewed"  # both renewed: in force until the new review date


@dataclass(frozen=True, slots=True)
class Renewal:
    outcome: RenewOutcome
    topic: Topic
    reader: User
    partner: User
    when: datetime | None  # WAITING: the deadline; RENEWED: the new review date
