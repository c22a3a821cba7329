"""The agreement's buttons pack to the same strings as before, and refuse the same forgeries."""

import pytest

from bot.features.agreement import buttons as b
from bot.features.agreement.models import CheckAnswer, ReviewChoice
from bot.kernel.buttons import CallbackData


@pytest.mark.parametrize(
    ("button", "packed"),
    [
        (b.Propose(), "ap"),
        (b.Suggestion("plan-changes"), "at:plan-changes"),
        (b.WriteOwn(), "ao"),
        (b.Period(7, 30), "tp:7:30"),
        (b.ViewProposal(7), "tv:7"),
        (b.Accept(7), "ta:7"),
        (b.Decline(7), "td:7"),
        (b.SuggestChange(7), "tc:7"),
        (b.Check(3, CheckAnswer.UNSURE), "fc:3:unsure"),
        (b.CheckAgain(), "fa"),
        (b.WithdrawPick(), "aw"),
        (b.Withdraw(7), "tw:7"),
        (b.HistoryButton(), "ah"),
        (b.ToggleNothing(), "an"),
        (b.Review(7, ReviewChoice.END), "tr:7:end"),
    ],
)
def test_packs_as_before_and_parses_back(button: CallbackData, packed: str) -> None:
    assert button.pack() == packed
    assert type(button).parse(packed) == button


@pytest.mark.parametrize(
    ("kind", "data"),
    [
        (b.Period, "tp:7:1000"),  # at most 3 digits of days
        (b.Period, "tp:7"),
        (b.Accept, "ta:" + "9" * 19),  # ids up to 18 digits
        (b.Accept, "ta:-1"),
        (b.Check, "fc:3:maybe"),
        (b.Review, "tr:7:later"),
        (b.Suggestion, "at:" + "a" * 62),  # library ids up to 61 characters
        (b.Suggestion, "at:"),
        (b.Propose, "ap:1"),
        (b.Withdraw, "tw:7:7"),
    ],
)
def test_refuses_forged_or_oversized(kind: type[CallbackData], data: str) -> None:
    assert kind.parse(data) is None
