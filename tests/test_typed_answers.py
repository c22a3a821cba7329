"""Typed answers to scale and choice prompts (bot.features.prompts.typed)."""

from hypothesis import given
from hypothesis import strategies as st

from bot.features.prompts.typed import choice_index, scale_value

CHOICES = ("Closer", "About the same", "Further apart", "About to cry")


def test_numbers_in_the_ways_people_type_them() -> None:
    for typed, value in [
        ("7", 7),
        (" 7 ", 7),
        ("7/10", 7),
        ("7 / 10", 7),
        ("7 out of 10", 7),
        ("10", 10),
        ("1.", 1),
        ("seven", 7),
        ("Seven", 7),
        ("ten/10", 10),
    ]:
        assert scale_value(typed) == value, typed


def test_what_is_not_a_number_on_the_scale() -> None:
    for typed in ["0", "11", "7/9", "77", "seventeen", "7 or 8", "pretty good", "", "/7", "-3"]:
        assert scale_value(typed) is None, typed


@given(st.integers(min_value=1, max_value=10))
def test_every_number_of_the_scale_is_read(value: int) -> None:
    assert scale_value(str(value)) == value
    assert scale_value(f"{value}/10") == value


@given(st.text(max_size=30))
def test_any_text_is_a_number_of_the_scale_or_none(text: str) -> None:
    assert scale_value(text) in {None, *range(1, 11)}


def test_a_choice_by_its_words() -> None:
    assert choice_index("closer", CHOICES) == 0
    assert choice_index("  CLOSER!! ", CHOICES) == 0
    assert choice_index("about-the same.", CHOICES) == 1
    assert choice_index("further", CHOICES) == 2  # an unambiguous beginning


def test_an_ambiguous_or_unknown_choice_is_none() -> None:
    assert choice_index("about", CHOICES) is None  # two choices begin so
    assert choice_index("cl", CHOICES) is None  # too short to stand for one
    assert choice_index("nearer", CHOICES) is None
    assert choice_index("...", CHOICES) is None
    assert choice_index("", ()) is None
