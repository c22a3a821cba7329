"""Under faults, Mend tells the truth: what was committed is said to be done, never "nothing
was shared"; a 429 on a direct reply is waited out, and its window is the sender's too; a
button is answered once."""

import random
from collections import Counter
from collections.abc import Awaitable, Callable

import pytest

from bot import texts
from bot.playground.telegram_server import FakeTelegram, FakeUser, SentMessage
from tests.conftest import Bot, couple, words
from tests.test_e2e_disclose import agreed_couple, draft

Fault = dict[str, object]

# A 502 on the edit, or the connection dropped before Telegram saw it (both more than once:
# the edit is tried again, then its words come as a new message).
FAULTS = {
    "502 once": {"status": 502, "times": 1},
    "dropped once": {"status": "network", "times": 1},
    "502 every time": {"status": 502, "times": 3},
    "dropped every time": {"status": "network", "times": 3},
}


def no_false_report(user: FakeUser) -> None:
    assert not any(words(texts.SOMETHING_WRONG) in m.text for m in user.messages)


async def told(tg: FakeTelegram, user: FakeUser, message: SentMessage, done: str) -> None:
    """The author learns ``done``: in the pressed message, or in a new one below it."""
    await tg.wait_for(
        lambda: done in message.text or any(done in m.text for m in user.messages),
        what=f"{done!r} told to {user.first_name}",
    )


async def gratitude(
    tg: FakeTelegram, anna: FakeUser, ben: FakeUser, words: str = "Thank you for the call."
) -> tuple[SentMessage, str]:
    await ben.send("/gratitude")
    await ben.wait_message("Gratitude")
    await ben.send(words)
    return await ben.wait_message("You wrote"), "Send to Anna"


async def win(tg: FakeTelegram, anna: FakeUser, ben: FakeUser) -> tuple[SentMessage, str]:
    await ben.send("/win We laughed at dinner")
    return await ben.wait_message("A win to remember"), "Send to Anna"


Flow = Callable[[FakeTelegram, FakeUser, FakeUser], Awaitable[tuple[SentMessage, str]]]


@pytest.mark.parametrize("fault", FAULTS.values(), ids=FAULTS.keys())
@pytest.mark.parametrize(
    ("flow", "done", "relay"),
    [
        (gratitude, "Sent to Anna", "A note of thanks from Ben"),
        (win, "Sent to Anna", "A win to remember, from Ben"),
    ],
    ids=["gratitude", "win"],
)
async def test_after_send_the_author_hears_it_was_sent(
    bot: Bot, tg: FakeTelegram, flow: Flow, done: str, relay: str, fault: Fault
) -> None:
    anna, ben = await couple(tg)
    preview, button = await flow(tg, anna, ben)
    tg.fail_next("editMessageText", **fault)  # type: ignore[arg-type]
    await ben.press(preview, button)
    await anna.wait_message(relay)
    await told(tg, ben, preview, done)
    await ben.send("/help")
    await ben.wait_message("What I can do")
    assert sum(relay in m.text for m in anna.messages) == 1
    no_false_report(ben)


@pytest.mark.parametrize("fault", FAULTS.values(), ids=FAULTS.keys())
async def test_a_disclosure_sent_and_acknowledged_under_faults(
    bot: Bot, tg: FakeTelegram, fault: Fault
) -> None:
    anna, ben = await agreed_couple(tg)
    preview = await draft(tg, ben, "Home late tonight, by 22:00")
    tg.fail_next("editMessageText", **fault)  # type: ignore[arg-type]
    await ben.press(preview, "Send to Anna")
    await told(tg, ben, preview, "Sending to Anna in 30 seconds")
    bot.clock.advance(seconds=31)
    relay = await anna.wait_message("A disclosure from Ben")

    await anna.press(relay, "Thank you for telling me")
    note_ask = await anna.wait_message("Add a short note")
    tg.fail_next("editMessageText", **fault)  # type: ignore[arg-type]
    await anna.press(note_ask, "Send without a note")
    await ben.wait_message("Anna answered your disclosure")
    await told(tg, anna, note_ask, "Ben has been told")
    no_false_report(anna)
    no_false_report(ben)
    assert sum("A disclosure from Ben" in m.text for m in anna.messages) == 1


async def test_when_even_the_new_message_fails_it_says_it_was_saved(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, ben = await agreed_couple(tg)
    preview = await draft(tg, ben, "Home late tonight, by 22:00")
    tg.fail_next("editMessageText", status=502, times=3)
    tg.fail_next("sendMessage", status=502, times=1)  # the fresh "Sending ..." is lost too
    await ben.press(preview, "Send to Anna")  # (its relay is due in 30 s: nothing else races)
    said = await ben.wait_message(words(texts.SAVED_THEN_WRONG))
    assert "saved" in said.text
    bot.clock.advance(seconds=31)
    await anna.wait_message("A disclosure from Ben")  # it was committed, and it is delivered
    no_false_report(ben)


async def test_nothing_committed_may_say_nothing_was_shared(bot: Bot, tg: FakeTelegram) -> None:
    anna, _ = await couple(tg)
    tg.fail_next("sendMessage", status=502, times=1)
    await anna.send("/help")
    await anna.wait_message(words(texts.SOMETHING_WRONG))


async def test_a_429_on_a_direct_reply_is_waited_out_and_shared_with_the_sender(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, ben = await couple(tg)
    tg.fail_next("sendMessage", status=429, retry_after=2)
    await anna.send("/help")
    # Meanwhile Ben sends Anna an appreciation: it must not go into her 429 window either.
    await ben.send("/gratitude")
    await ben.wait_message("Gratitude")
    await ben.send("Thank you for waiting.")
    preview = await ben.wait_message("You wrote")
    await ben.press(preview, "Send to Anna")
    await anna.wait_message("What I can do")
    await anna.wait_message("A note of thanks from Ben")
    to_anna = [c for c in tg.calls_to("sendMessage") if c.params.get("chat_id") == anna.id]
    refused = next(c for c in to_anna if c.status == 429)
    after = [c for c in to_anna if c.at > refused.at]
    assert after, "the reply was tried again"
    assert min(c.at for c in after) >= refused.at + 2 - 0.05  # nothing inside the window
    assert all(c.ok for c in after)
    no_false_report(anna)


async def test_a_refused_button_is_answered_once(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await couple(tg)
    preview, _ = await gratitude(tg, anna, ben)
    await ben.press(preview, "Send to Anna")
    await tg.wait_for(lambda: "Sent to Anna" in preview.text)
    # A Send for an appreciation that isn't there: refused, kindly, and answered once.
    await ben.press_data(preview, "gs:999999")
    await ben.wait_message(words(texts.STALE_BUTTON))
    await tg.wait_callbacks_answered()
    answers = Counter(c.params["callback_query_id"] for c in tg.calls_to("answerCallbackQuery"))
    assert answers and max(answers.values()) == 1
    assert all(c.ok for c in tg.calls_to("answerCallbackQuery"))


async def test_relays_under_seeded_random_faults_and_restarts(bot: Bot, tg: FakeTelegram) -> None:
    """Appreciations and wins sent under a seeded mix of faults on the edit after Send and on
    the relay itself (502s, 429s, dropped connections, a response lost after Telegram
    delivered), with restarts in between: none lost, none falsely reported, and a duplicate
    only where the Bot API leaves no choice (delivered, but the answer never came back)."""
    rng = random.Random(20261130)
    relay_faults: list[Fault | None] = [
        None,
        {"status": 502},
        {"status": 429, "retry_after": 1},
        {"status": "network"},
        {"status": "network", "processed": True},  # delivered, but the answer never came
    ]
    edit_faults: list[Fault | None] = [None, {"status": 502}, {"status": "network"}]
    rounds = 8
    # Every fault at least once, in a seeded order, the rest drawn at random.
    relays = relay_faults + [rng.choice(relay_faults) for _ in range(rounds - len(relay_faults))]
    edits = edit_faults + [rng.choice(edit_faults) for _ in range(rounds - len(edit_faults))]
    rng.shuffle(relays)
    rng.shuffle(edits)
    anna, ben = await couple(tg)
    lost_answers: set[str] = set()  # relays whose delivery Telegram may have seen twice
    markers: list[str] = []
    for round_, (relay_fault, edit_fault) in enumerate(zip(relays, edits, strict=True)):
        marker = f"moment-{round_}"
        markers.append(marker)
        if rng.random() < 0.5:
            preview, _ = await gratitude(tg, anna, ben, marker)
        else:
            await ben.send(f"/win {marker}")
            preview = await ben.wait_message("A win to remember")
        if edit_fault is not None:
            tg.fail_next("editMessageText", times=rng.randint(1, 2), **edit_fault)  # type: ignore[arg-type]
        if relay_fault is not None:
            tg.fail_next("sendMessage", **relay_fault)  # type: ignore[arg-type]
            if relay_fault.get("processed"):
                lost_answers.add(marker)
        await ben.press(preview, "Send to Anna")
        sent = preview
        await tg.wait_for(lambda sent=sent: "Sent to Anna" in sent.text)  # type: ignore[misc]
        if rng.random() < 0.3:
            await bot.restart()  # between the commit and the delivery, often
        # Delivered (after retries) before the next round, so each fault meets its own call.
        await tg.wait_for(
            lambda marker=marker: any(marker in m.text for m in anna.messages),  # type: ignore[misc]
            timeout=10,
            what=f"{marker} delivered",
        )
    await ben.send("/help")
    await ben.wait_message("What I can do")
    for marker in markers:
        copies = sum(marker in m.text for m in anna.messages)
        assert copies == 1 or (copies == 2 and marker in lost_answers), (marker, copies)
    no_false_report(ben)
    no_false_report(anna)
