"""The disclosure feature's buttons keep today's packed strings and limits."""

import pytest

from bot.features.disclosure.buttons import (
    Acknowledge,
    Cancel,
    Edit,
    LogPage,
    NoNote,
    NothingToday,
    PickTopic,
    Send,
    ShareSomething,
    Undo,
)
from bot.features.disclosure.models import Ack
from bot.kernel.buttons import CallbackData


def test_buttons_pack_to_todays_strings() -> None:
    assert PickTopic(3).pack() == "dt:3"
    assert Send(17).pack() == "ds:17"
    assert Edit(17).pack() == "de:17"
    assert Cancel(17).pack() == "dc:17"
    assert Undo(17).pack() == "du:17"
    assert Acknowledge(17, Ack.TALK).pack() == "ak:17:talk"
    assert NoNote(17).pack() == "ax:17"
    assert ShareSomething().pack() == "xs"
    assert NothingToday().pack() == "xn"
    assert LogPage(5).pack() == "dl:5"


def test_acknowledge_parses_its_answer() -> None:
    assert Acknowledge.parse("ak:9:time") == Acknowledge(9, Ack.TIME)


@pytest.mark.parametrize(
    ("kind", "data"),
    [
        (Acknowledge, "ak:9:maybe"),
        (Acknowledge, "ak:9"),
        (Send, "ds:" + "1" * 19),
        (Send, "ds:-1"),
        (LogPage, "dl:1234567"),
        (ShareSomething, "xs:1"),
        (NothingToday, "xn "),
        (PickTopic, "ds:3"),
    ],
)
def test_forged_or_oversized_data_is_refused(kind: type[CallbackData], data: str) -> None:
    assert kind.parse(data) is None
    assert kind.pattern().match(data) is None
