"""No stale buttons: once a message's question is answered (on it, by typed words, by the same
action elsewhere, or by time), its buttons go or become the result. One row per kind of
message; each answers the question another way than a press on that message, and checks the
old message has no live buttons (and what it says now)."""

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta

import pytest

from bot.features.checkin import views as checkin_views
from bot.features.disclosure import views as disclosure_views
from bot.playground.telegram_server import FakeTelegram, FakeUser, SentMessage
from tests.conftest import Bot, all_fine, answer_checkin, couple, expect
from tests.test_e2e_agreement import propose
from tests.test_e2e_disclose import agreed_couple, draft

# A flow answers a question and returns the message that asked it, and words it must show now.
Flow = Callable[[Bot, FakeTelegram, FakeUser, FakeUser], Awaitable[tuple[SentMessage, str]]]


async def note_typed_after_a_score(
    bot: Bot, tg: FakeTelegram, anna: FakeUser, ben: FakeUser
) -> tuple[SentMessage, str]:
    """No note (or Remind me / Skip today), after the note (or the answer) was typed: the
    message shows the answer with its words."""
    await anna.send("/checkin")
    prompt = await anna.wait_message("Check-in")
    first = prompt.buttons[0][0][0]
    if first != "Remind me in 1 h":  # a scale or choices (else the question wants words)
        await anna.press(prompt, first)
        await tg.wait_for(lambda: str(checkin_views.BUTTON_NO_NOTE) in prompt.button_texts)
    await anna.send("A long day, but a kind one")
    await anna.wait_message("Saved")
    return prompt, "A long day, but a kind one"


async def gratitude_typed(
    bot: Bot, tg: FakeTelegram, anna: FakeUser, ben: FakeUser
) -> tuple[SentMessage, str]:
    """Remind me in 1 h and Skip today, after the answer was typed: the question stays."""
    await anna.send("/gratitude")
    prompt = await anna.wait_message("Gratitude")
    assert "Remind me in 1 h" in prompt.button_texts and "Skip today" in prompt.button_texts
    await anna.send("You made dinner when I was tired")
    await anna.wait_message("You wrote")
    return prompt, "Gratitude"


async def checkin_asked_again(
    bot: Bot, tg: FakeTelegram, anna: FakeUser, ben: FakeUser
) -> tuple[SentMessage, str]:
    """The scheduled check-in, then /checkin: one live copy of the question, the newest."""
    await anna.send("/remind checkin 13:05")
    await anna.wait_message("reminder is set")
    await bot.at(datetime(2026, 3, 2, 12, 5, 30, tzinfo=UTC))
    scheduled = await anna.wait_message("Check-in")
    await anna.send("/checkin")
    again = await anna.wait_message("Check-in")
    assert again is not scheduled and "Skip today" in again.button_texts
    await answer_checkin(tg, anna, again)  # by a button, or in words (the question decides)
    return scheduled, "Check-in"


async def disclosure_delivered(
    bot: Bot, tg: FakeTelegram, anna: FakeUser, ben: FakeUser
) -> tuple[SentMessage, str]:
    """Undo, once the window ended and it was delivered: when it arrived, in Ben's time."""
    preview = await draft(tg, ben, "Late tonight, home by 23:00")
    await ben.press(preview, "Send to Anna")
    await tg.wait_for(lambda: "Undo" in preview.button_texts)
    bot.clock.advance(seconds=31)
    await anna.wait_message("A disclosure from Ben")
    return preview, "Delivered to Anna at 13:00."


async def note_typed_on_an_answer(
    bot: Bot, tg: FakeTelegram, anna: FakeUser, ben: FakeUser
) -> tuple[SentMessage, str]:
    """Send without a note, after the note was typed: what was sent."""
    preview = await draft(tg, ben, "Seeing my sister on Friday")
    await ben.press(preview, "Send to Anna")
    await tg.wait_for(lambda: "Undo" in preview.button_texts)
    bot.clock.advance(seconds=31)
    relay = await anna.wait_message("A disclosure from Ben")
    await anna.press(relay, "Thank you for telling me")
    note_ask = await anna.wait_message("Add a short note")
    await anna.send("Thank you, say hi from me")
    await anna.wait_message("Ben has been told")
    return note_ask, "Ben has been told"


async def proposal_withdrawn(
    bot: Bot, tg: FakeTelegram, anna: FakeUser, ben: FakeUser
) -> tuple[SentMessage, str]:
    """Accept / Decline, after the proposer withdrew it: the proposal stays readable."""
    await propose(tg, anna, "Money outside the usual")
    proposal = await ben.wait_message("Anna proposes a topic")
    await anna.send("/agreement")
    overview = await anna.wait_message("Your disclosure agreement")
    await anna.press(overview, "Withdraw a topic")
    await tg.wait_for(lambda: "Which topic do you want to withdraw" in overview.text)
    await anna.press(overview, "Money outside the usual")
    await tg.wait_for(lambda: "Withdrawn" in overview.text)
    await ben.wait_message("Anna withdrew")
    return proposal, "Money outside the usual"


async def other_share_check(
    bot: Bot, tg: FakeTelegram, anna: FakeUser, ben: FakeUser
) -> tuple[SentMessage, str]:
    """The day's other "Anything to share?", after Nothing to share on one of them."""
    await anna.send("/ask")
    first = await ben.wait_message("Anything to share")
    await ben.send("/remind disclosure 13:05")
    await ben.wait_message("reminder is set")
    await bot.at(datetime(2026, 3, 2, 12, 5, 30, tzinfo=UTC))
    # Not answered yet, so Ben's own check comes too: two live questions, for one day.
    second = await ben.wait_message("Anything to share")
    await ben.press(second, "Nothing to share today")
    await tg.wait_for(lambda: "Noted" in second.text)
    return first, "Anything to share"


async def timeout_over_then_a_new_one(
    bot: Bot, tg: FakeTelegram, anna: FakeUser, ben: FakeUser
) -> tuple[SentMessage, str]:
    """I'm ready / 10 more minutes, after a new /timeout began: an old "I'm ready" must not
    tell Anna Ben is ready while his new timeout runs."""
    await ben.send("/timeout 10")
    await ben.wait_message("Timeout until 13:10")
    await bot.at(datetime(2026, 3, 2, 12, 10, 5, tzinfo=UTC))
    over = await ben.wait_message("The timeout is over")
    await ben.send("/timeout 20")
    await ben.wait_message("Timeout until 13:30")
    return over, "The timeout is over"


async def review_lapsed(
    bot: Bot, tg: FakeTelegram, anna: FakeUser, ben: FakeUser
) -> tuple[SentMessage, str]:
    """Renew / Let it end, after the review window closed unanswered: the topic ended."""
    await bot.at(bot.clock.now() + timedelta(days=30, minutes=1))
    await anna.wait_message("Time to review")
    review = await ben.wait_message("Time to review")
    await bot.at(bot.clock.now() + timedelta(days=3, minutes=1))
    await ben.wait_message("has ended at its review")
    return review, "Time to review"


async def review_ended_by_the_partner(
    bot: Bot, tg: FakeTelegram, anna: FakeUser, ben: FakeUser
) -> tuple[SentMessage, str]:
    """Renew / Let it end, after the partner let it end."""
    await bot.at(bot.clock.now() + timedelta(days=30, minutes=1))
    mine = await anna.wait_message("Time to review")
    review = await ben.wait_message("Time to review")
    await anna.press(mine, "Let it end")
    await ben.wait_message("has ended at its review")
    return review, "Time to review"


async def checkin_day_passed(
    bot: Bot, tg: FakeTelegram, anna: FakeUser, ben: FakeUser
) -> tuple[SentMessage, str]:
    """A check-in not answered on its day: its buttons go when the next day's comes."""
    await anna.send("/remind checkin 13:05")
    await anna.wait_message("reminder is set")
    await bot.at(datetime(2026, 3, 2, 12, 5, 30, tzinfo=UTC))
    monday = await anna.wait_message("Check-in")
    await anna.send("/help")  # a round trip: Monday's message is recorded as sent
    await anna.wait_message("What I can do")
    await bot.at(datetime(2026, 3, 3, 12, 5, 30, tzinfo=UTC))
    tuesday = await anna.wait_message("Check-in")
    assert tuesday.buttons  # today's is live
    return monday, "Check-in"


async def share_check_then_disclosed(
    bot: Bot, tg: FakeTelegram, anna: FakeUser, ben: FakeUser
) -> tuple[SentMessage, str]:
    """Anything to share?, after Ben shared something with /disclose."""
    await anna.send("/ask")
    check = await ben.wait_message("Anything to share")
    preview = await draft(tg, ben, "Lunch with an old friend")
    await ben.press(preview, "Send to Anna")
    await tg.wait_for(lambda: "Undo" in preview.button_texts)
    return check, "Anything to share"


async def repair_change_decided_on_the_plan(
    bot: Bot, tg: FakeTelegram, anna: FakeUser, ben: FakeUser
) -> tuple[SentMessage, str]:
    """Approve / Decline on the notice, after the change was approved on /repair's list."""
    await anna.send("/repair add We text a heart when we're ready")
    await anna.wait_message("It applies once Ben approves")
    notice = await ben.wait_message("text a heart")
    await ben.send("/repair")
    plan = await ben.wait_message("Our repair plan")
    await ben.press(plan, notice.button_texts[0])
    await anna.wait_message("approved")
    return notice, "text a heart"


async def number_typed(
    bot: Bot, tg: FakeTelegram, anna: FakeUser, ben: FakeUser
) -> tuple[SentMessage, str]:
    """A typed 7 on a 1-10 check-in (or a choice's words): the question's buttons go, and its
    No note moves to the reply, which a typed note then answers too."""
    await anna.send("/checkin")
    prompt = await anna.wait_message("Check-in")
    first = prompt.buttons[0][0][0]
    if first == "Remind me in 1 h":  # a question for words today: words answer it
        await anna.send("Quiet, and fine")
        await anna.wait_message("Saved")
        return prompt, "Your answer: “Quiet, and fine”"
    typed, shown = ("7", "7/10") if first == "1" else (first, first)  # a number, or a choice
    await anna.send(typed)
    chosen = await anna.wait_message("No note")
    await tg.wait_for(lambda: not prompt.buttons)
    await anna.send("Better than yesterday")
    await anna.wait_message("Saved")
    return chosen, shown


FLOWS: dict[str, Flow] = {
    "check-in No note, note typed": note_typed_after_a_score,
    "gratitude Remind me / Skip, answer typed": gratitude_typed,
    "check-in asked again": checkin_asked_again,
    "check-in, a number typed": number_typed,
    "check-in, its day passed": checkin_day_passed,
    "disclosure Undo, delivered": disclosure_delivered,
    "answer's No note, note typed": note_typed_on_an_answer,
    "proposal Accept, withdrawn": proposal_withdrawn,
    "Anything to share, answered on another": other_share_check,
    "Anything to share, something shared": share_check_then_disclosed,
    "timeout I'm ready, a new timeout begun": timeout_over_then_a_new_one,
    "agreement review, lapsed by time": review_lapsed,
    "repair change, decided on the plan": repair_change_decided_on_the_plan,
    "agreement review, ended by the partner": review_ended_by_the_partner,
}


@pytest.mark.parametrize("flow", FLOWS.values(), ids=FLOWS.keys())
async def test_an_answered_question_keeps_no_live_buttons(
    bot: Bot, tg: FakeTelegram, flow: Flow
) -> None:
    anna, ben = await agreed_couple(tg)
    asked, shows = await flow(bot, tg, anna, ben)
    await tg.wait_for(lambda: not asked.buttons, what=f"no buttons on {asked}")
    assert shows in asked.text, asked
    await all_fine(tg, anna, ben)


async def test_a_stale_copy_pressed_anyway_is_answered_kindly(bot: Bot, tg: FakeTelegram) -> None:
    """An old keyboard (another device, not yet refreshed) pressed after the answer: a kind
    word, nothing recorded twice."""
    anna, _ = await couple(tg)
    await anna.send("/gratitude")
    prompt = await anna.wait_message("Gratitude")
    skip = dict(b for row in prompt.buttons for b in row)["Skip today"]
    assert skip is not None
    await anna.send("Thank you for the walk")
    await anna.wait_message("You wrote")
    await tg.wait_for(lambda: not prompt.buttons)
    await anna.press_data(prompt, skip)
    reply = await anna.wait_message()
    assert "already answered" in reply.text
    await all_fine(tg, anna)


async def test_an_old_im_ready_after_a_new_timeout_tells_no_one(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, ben = await couple(tg)
    await ben.send("/timeout 10")
    await ben.wait_message("Timeout until 13:10")
    await bot.at(datetime(2026, 3, 2, 12, 10, 5, tzinfo=UTC))
    over = await ben.wait_message("The timeout is over")
    ready = dict(b for row in over.buttons for b in row)["I'm ready"]
    assert ready is not None
    await ben.send("/timeout 20")
    await ben.wait_message("Timeout until 13:30")
    await tg.wait_for(lambda: not over.buttons)
    await ben.press_data(over, ready)
    await ben.wait_message("already been answered")
    await ben.send("/help")
    await ben.wait_message("What I can do")
    assert not any("ready to come back" in m.text for m in anna.messages)
    await all_fine(tg, anna, ben)


async def test_a_delivery_that_fails_never_says_delivered(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await agreed_couple(tg)
    preview = await draft(tg, ben, "Out with colleagues until late")
    await ben.press(preview, "Send to Anna")
    await tg.wait_for(lambda: "Undo" in preview.button_texts)
    tg.block(anna.id)
    bot.clock.advance(seconds=31)
    await ben.wait_message("can't be reached")
    await ben.send("/help")
    await ben.wait_message("What I can do")
    assert "Delivered" not in preview.text
    # Its Undo, pressed now, does not claim it reached her.
    await ben.press(preview, "Undo")
    told = await expect(ben, disclosure_views.DISCLOSE_NOT_DELIVERED)
    assert "already reached" not in told.text
    await tg.wait_callbacks_answered()
