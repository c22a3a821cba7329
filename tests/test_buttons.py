"""Typed callback data: pack, parse back, and refuse what Mend did not make."""

from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.kernel.buttons import MAX_BYTES, CallbackData, Chars, Digits


class Answer(StrEnum):
    YES = "yes"
    NO = "no"


@dataclass(frozen=True)
class Score(CallbackData, prefix="zs"):
    ask_id: int
    value: Annotated[int, Digits(2)]


@dataclass(frozen=True)
class Zone(CallbackData, prefix="zz"):
    name: Annotated[str, Chars(60)]


@dataclass(frozen=True)
class Check(CallbackData, prefix="zc"):
    topic_id: int
    answer: Answer


@dataclass(frozen=True)
class Open(CallbackData, prefix="zo"):
    pass


@dataclass(frozen=True)
class Pair(CallbackData, prefix="zp"):
    first: str
    second: str


def test_each_kind_packs_to_its_prefix_and_values() -> None:
    assert Score(17, 7).pack() == "zs:17:7"
    assert Zone("America/New_York").pack() == "zz:America/New_York"
    assert Check(3, Answer.NO).pack() == "zc:3:no"
    assert Open().pack() == "zo"


def test_parse_gives_typed_values_back() -> None:
    score = Score.parse("zs:17:7")
    assert score == Score(17, 7) and isinstance(score.ask_id, int)
    check = Check.parse("zc:3:yes")
    assert check is not None and check.answer is Answer.YES
    assert Open.parse("zo") == Open()


@pytest.mark.parametrize(
    "data",
    [
        None,
        "",
        "zs",
        "zs:17",
        "zs:17:7:1",  # an extra field
        "zs:-1:7",  # negative
        "zs:17:100",  # more digits than the field allows
        "zs:1234567890123456789:1",  # beyond 18 digits (and SQLite's integer)
        "zs:x:1",
        "zs: 17:7",
        "zs:17:7\n",
        "zc:3:maybe",  # not one of the enum's values
        "zz:Europe/Berlin;DROP",  # a character no field may hold
        "zz:" + "A" * 61,  # longer than the field allows
        "zo:1",
        "ck:17:7",  # another kind of button
        "zs:17:" + "7" * 70,  # over Telegram's 64 bytes
    ],
)
def test_forged_malformed_and_oversized_data_is_refused(data: str | None) -> None:
    for kind in (Score, Zone, Check, Open):
        assert kind.parse(data) is None


def test_the_handler_pattern_matches_exactly_what_parse_accepts() -> None:
    assert Score.pattern().match("zs:17:7")
    assert not Score.pattern().match("zs:17:100")
    assert not Check.pattern().match("zc:3:maybe")


def test_packing_refuses_values_that_would_not_come_back() -> None:
    with pytest.raises(ValueError, match="cannot carry"):
        Score(17, 100).pack()
    with pytest.raises(ValueError, match="cannot carry"):
        Score(-1, 1).pack()
    with pytest.raises(ValueError, match="cannot carry"):
        Zone("has space").pack()
    with pytest.raises(ValueError, match="cannot carry"):
        Zone("A" * 61).pack()  # longer than its field allows
    with pytest.raises(ValueError, match=f"more than {MAX_BYTES} bytes"):
        Pair("A" * 30, "B" * 31).pack()  # each fits; together over Telegram's limit
    assert Pair.parse(Pair("A" * 30, "B" * 30).pack()) == Pair("A" * 30, "B" * 30)


def test_a_prefix_is_taken_once() -> None:
    with pytest.raises(ValueError, match="taken"):

        @dataclass(frozen=True)
        class Again(CallbackData, prefix="zs"):
            other: int


def test_a_prefix_is_short_and_plain() -> None:
    with pytest.raises(ValueError, match="1 to 3 lowercase letters"):

        @dataclass(frozen=True)
        class Loud(CallbackData, prefix="A:"):
            other: int


@given(st.integers(min_value=0, max_value=10**18 - 1), st.integers(min_value=0, max_value=99))
def test_every_value_in_range_round_trips(ask_id: int, value: int) -> None:
    assert Score.parse(Score(ask_id, value).pack()) == Score(ask_id, value)


@given(st.text(max_size=80))
def test_no_text_at_all_breaks_parsing(data: str) -> None:
    for kind in (Score, Zone, Check, Open):
        parsed = kind.parse(data)
        assert parsed is None or parsed.pack() == data
