"""The pairing and timezone buttons pack to today's strings and refuse what Mend did not make."""

import pytest

from bot.features.pairing.buttons import (
    BringBack,
    ConfirmUnpair,
    Decline,
    HistoryAnswer,
    Join,
    KeepPaired,
)
from bot.features.settings.buttons import ChooseZone


def test_they_pack_to_the_same_strings_as_before() -> None:
    assert Join("Ab_-09xyz").pack() == "pj:Ab_-09xyz"
    assert Decline().pack() == "pn"
    assert ConfirmUnpair(17).pack() == "uy:17"
    assert KeepPaired().pack() == "un"
    assert BringBack(17, HistoryAnswer.YES).pack() == "rh:17:yes"
    assert ChooseZone("America/Argentina/Buenos_Aires").pack() == (
        "tz:America/Argentina/Buenos_Aires"
    )
    assert ChooseZone("Etc/GMT+5").pack() == "tz:Etc/GMT+5"


def test_they_parse_back() -> None:
    assert Join.parse("pj:Ab_-09xyz") == Join("Ab_-09xyz")
    assert ConfirmUnpair.parse("uy:17") == ConfirmUnpair(17)
    assert ChooseZone.parse("tz:Europe/Berlin") == ChooseZone("Europe/Berlin")
    assert Decline.parse("pn") == Decline()
    assert KeepPaired.parse("un") == KeepPaired()
    assert BringBack.parse("rh:17:no") == BringBack(17, HistoryAnswer.NO)


@pytest.mark.parametrize(
    ("button", "data"),
    [
        (Join, "pj:"),
        (Join, "pj:" + "a" * 65),  # longer than a deep-link payload
        (Join, "pj:a b"),
        (ConfirmUnpair, "uy:"),
        (ConfirmUnpair, "uy:" + "1" * 19),  # more digits than an id has
        (ConfirmUnpair, "uy:-1"),
        (ConfirmUnpair, "uy:1:2"),
        (Decline, "pn:1"),
        (KeepPaired, "unx"),
        (BringBack, "rh:17:maybe"),
        (BringBack, "rh:-1:yes"),
        (BringBack, "rh:17"),
        (ChooseZone, "tz:" + "a" * 61),
        (ChooseZone, "tz:Europe/Berlin;"),
        (ChooseZone, "tz:"),
    ],
)
def test_forged_or_oversized_data_is_refused(button: type, data: str) -> None:
    assert button.parse(data) is None


def test_an_invite_button_with_characters_no_code_has_is_not_a_code() -> None:
    """'+' and '/' pass the shared string rule but never occur in a deep-link code: the join
    handler answers those as a stale button, as before."""
    assert Join("Ab_-09").is_invite_code()
    for forged in ("a+b", "a/b"):
        button = Join.parse("pj:" + forged)
        assert button is not None and not button.is_invite_code()
