"""The playground's clock: real time, moved forward by however much the page asked."""

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

MOVES = {
    "hour": timedelta(hours=1),
    "day": timedelta(days=1),
    "week": timedelta(weeks=1),
}


def _real_now() -> datetime:
    return datetime.now(UTC)


class MovableClock:
    """Runs as time does, plus an offset that only grows: Mend sees a jump forward, as after
    a long sleep, never time going back."""

    def __init__(
        self, offset: timedelta = timedelta(0), real: Callable[[], datetime] = _real_now
    ) -> None:
        self._offset = max(offset, timedelta(0))
        self._real = real

    @property
    def offset(self) -> timedelta:
        return self._offset

    def now(self) -> datetime:
        return self._real() + self._offset

    def advance(self, delta: timedelta) -> datetime:
        """Move forward by ``delta`` (positive); returns the new now."""
        if delta <= timedelta(0):
            raise ValueError("the clock only moves forward")
        self._offset += delta
        return self.now()

    def move_to(self, moment: datetime) -> datetime:
        """Move forward to ``moment`` (no move if it has already passed); returns the new now."""
        ahead = moment - self.now()
        if ahead > timedelta(0):
            self._offset += ahead
        return self.now()
