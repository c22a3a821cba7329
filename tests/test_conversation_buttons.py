"""The buttons of finding a time to talk, answering a partner, keeping words in the journal
and starting a timeout: what they pack to, and forged data refused."""

import pytest

from bot.features.prompts.buttons import KeepWords
from bot.features.reactions.buttons import CancelReaction, React, SendReaction
from bot.features.reactions.models import Choice
from bot.features.talk.buttons import Accept, Another, Cancel, Pick, RemindMe, SendWords
from bot.features.talk.models import Slot
from bot.features.timeouts.buttons import Begin
from bot.kernel.buttons import CallbackData


def test_buttons_pack_and_parse_back() -> None:
    for button, packed in [
        (Pick(Slot.WEEKEND), "lk:weekend"),
        (SendWords(7), "lq:7"),
        (Cancel(7), "lx:7"),
        (Accept(7), "ly:7"),
        (Another(7), "ln:7"),
        (RemindMe(7), "lr:7"),
        (React(12, Choice.HEART), "rx:12:heart"),
        (SendReaction(12), "rs:12"),
        (CancelReaction(12), "rn:12"),
        (KeepWords(3), "kw:3"),
        (Begin(45), "tb:45"),
    ]:
        assert button.pack() == packed
        assert type(button).parse(packed) == button


@pytest.mark.parametrize(
    ("kind", "data"),
    [
        (Pick, "lk:yesterday"),
        (Pick, "lk:"),
        (Accept, "ly:-1"),
        (Accept, "ly:" + "1" * 19),
        (React, "rx:12:kiss"),
        (React, "rx:12"),
        (SendReaction, "rs:12:1"),
        (KeepWords, "kw:x"),
        (Begin, "tb:1000"),
        (RemindMe, "ly:7"),
    ],
)
def test_forged_or_oversized_data_is_refused(kind: type[CallbackData], data: str) -> None:
    assert kind.parse(data) is None
    assert kind.pattern().match(data) is None
