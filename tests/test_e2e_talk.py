"""Finding a time to talk, end to end: "I'd like to talk about this" offers it; a time goes to
the partner, who accepts or asks for another; both hear what was agreed, each in their own
time; and the bad inputs (a time already past, words too long or empty, a button of the other
partner's, one pressed after unpairing, forged data)."""

from datetime import UTC, datetime

from bot import texts
from bot.features.disclosure import views as disclosure_views
from bot.features.talk import views
from bot.features.talk.buttons import Accept, Pick
from bot.features.talk.models import Slot
from bot.kernel.screens import Open
from bot.playground.telegram_server import FakeTelegram, FakeUser, SentMessage
from tests.conftest import Bot, all_fine, couple, expect, pair, set_up, words
from tests.test_e2e_disclose import agreed_couple, draft


async def open_talk(user: FakeUser) -> SentMessage:
    await user.send("/talk")
    return await user.wait_message("When would you like to talk with")


async def test_id_like_to_talk_about_this_leads_to_an_agreed_time(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, ben = await agreed_couple(tg)
    preview = await draft(tg, ben, "She called me today")
    await ben.press(preview, "Send to Anna")
    await tg.wait_for(lambda: "Sending to Anna" in preview.text)
    bot.clock.advance(seconds=31)
    relay = await anna.wait_message("A disclosure from Ben")
    await anna.press(relay, "I'd like to talk about this")
    noting = await anna.wait_message("Add a short note")
    await anna.press(noting, "Send without a note")
    await tg.wait_for(lambda: str(views.BUTTON_TALK) in noting.button_texts)
    assert words(disclosure_views.ACK_TALK_TIME) in noting.text
    told = await ben.wait_message("Anna answered your disclosure")
    assert str(views.BUTTON_TALK) in told.button_texts  # the discloser may propose a time too

    await anna.press(noting, str(views.BUTTON_TALK))
    picker = await expect(anna, views.OFFER)
    # Monday 13:00 in Berlin: tonight is still to come.
    assert picker.button_texts == [
        str(views.BUTTON_TONIGHT),
        str(views.BUTTON_TOMORROW),
        str(views.BUTTON_WEEKEND),
        str(views.BUTTON_TYPED),
    ]
    await anna.press(picker, str(views.BUTTON_TONIGHT))
    await tg.wait_for(lambda: "I've asked Ben" in picker.text)
    assert "Mon 2 Mar, 20:00 (your time)" in picker.text
    proposal = await ben.wait_message("Anna would like to talk with you")
    assert "Mon 2 Mar, 20:00 (your time)" in proposal.text
    await ben.press(proposal, str(views.BUTTON_ACCEPT))
    accepted = await ben.wait_message("Accepted. Anna has been told")
    await tg.wait_for(lambda: proposal.button_texts == [])
    assert "Anna would like to talk with you" in proposal.text  # its words stay
    confirmed = await anna.wait_message("Ben accepted")
    assert "Mon 2 Mar, 20:00" in confirmed.text and "Mon 2 Mar, 20:00" in accepted.text
    await ben.press_data(proposal, Accept(1).pack())  # again
    await expect(ben, views.CLOSED)

    # The reminder is optional: Anna asks for one, Ben doesn't.
    assert str(views.BUTTON_REMIND) in confirmed.button_texts
    assert str(views.BUTTON_REMIND) in accepted.button_texts
    await anna.press(confirmed, str(views.BUTTON_REMIND))
    await anna.wait_message("I'll remind you at Mon 2 Mar, 19:00 (your time)")
    await tg.wait_for(lambda: confirmed.button_texts == [])
    await bot.at(datetime(2026, 3, 2, 17, 59, tzinfo=UTC))
    await bot.at(datetime(2026, 3, 2, 18, 0, 5, tzinfo=UTC))
    reminder = await anna.wait_message("In an hour")
    assert "you agreed to talk with Ben" in reminder.text
    await bot.at(datetime(2026, 3, 2, 18, 30, tzinfo=UTC))
    await ben.send("/help")
    await ben.wait_message("What I can do")
    assert sum("In an hour" in m.text for m in anna.messages) == 1
    assert not [m for m in ben.messages if "In an hour" in m.text]
    await ben.press(accepted, str(views.BUTTON_REMIND))  # now less than an hour away
    await expect(ben, views.TOO_CLOSE)
    await all_fine(tg, anna, ben)


async def test_each_sees_the_time_in_their_own_zone_and_another_time_turns_it_round(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, ben = tg.user(1001, "Anna"), tg.user(1002, "Ben")
    await set_up(anna)
    await set_up(ben, "America/New_York")
    await pair(tg, anna, ben)
    picker = await open_talk(anna)
    await anna.press(picker, str(views.BUTTON_TOMORROW))
    await tg.wait_for(lambda: "Tue 3 Mar, 20:00 (your time)" in picker.text)
    proposal = await ben.wait_message("Anna would like to talk with you")
    assert "Tue 3 Mar, 14:00 (your time)" in proposal.text  # 20:00 Berlin is 14:00 New York

    await ben.press(proposal, str(views.BUTTON_ANOTHER))
    counter = await ben.wait_message("Anna has been told you'd like another time")
    await anna.wait_message("Ben would like another time to talk")
    await ben.press(counter, str(views.BUTTON_WEEKEND))
    await tg.wait_for(lambda: "I've asked Anna" in counter.text)
    weekend = await anna.wait_message("Ben would like to talk with you")
    assert "When: this weekend" in weekend.text
    await anna.press(weekend, str(views.BUTTON_ACCEPT))
    await anna.wait_message("Accepted. Ben has been told")
    await ben.wait_message("Anna accepted")
    await all_fine(tg, anna, ben)


async def test_another_time_in_ones_own_words_is_previewed_before_it_goes(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, ben = await couple(tg)
    picker = await open_talk(anna)
    await anna.press(picker, str(views.BUTTON_TYPED))
    await tg.wait_for(lambda: words(views.WRITE) in picker.text)
    await anna.send("x" * 101)
    await expect(anna, texts.TOO_LONG)
    await anna.send("\u200b")  # invisible only: empty
    await expect(anna, texts.EMPTY_ANSWER)
    await anna.send("Thursday after dinner <at home>")
    preview = await anna.wait_message("I'll ask Ben whether this time suits them")
    assert "“Thursday after dinner <at home>”" in preview.text
    assert not [m for m in ben.messages if "Thursday" in m.text]
    await anna.press(preview, "Send to Ben")
    await tg.wait_for(lambda: "I've asked Ben" in preview.text)
    proposal = await ben.wait_message("Anna would like to talk with you")
    assert "“Thursday after dinner <at home>”" in proposal.text
    await ben.press(proposal, str(views.BUTTON_ACCEPT))
    await anna.wait_message("Ben accepted")

    # Cancel while writing: nothing goes, and the next words are not taken for it.
    picker = await open_talk(anna)
    await anna.press(picker, str(views.BUTTON_TYPED))
    await tg.wait_for(lambda: words(views.WRITE) in picker.text)
    await anna.send("Friday")
    preview = await anna.wait_message("I'll ask Ben")
    await anna.press(preview, str(views.BUTTON_CANCEL))
    await tg.wait_for(lambda: words(views.CANCELLED) in preview.text)
    assert not [m for m in ben.messages if "Friday" in m.text]
    await all_fine(tg, anna, ben)


async def test_bad_presses_change_nothing(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await couple(tg)
    picker = await open_talk(anna)
    await anna.press(picker, str(views.BUTTON_TOMORROW))
    proposal = await ben.wait_message("Anna would like to talk with you")
    # Anna presses her own proposal's Accept (the data she could forge): not hers to answer.
    await anna.press_data(picker, Accept(1).pack())
    await expect(anna, views.NOT_YOURS)
    await anna.press_data(picker, "ly:1:1")  # forged
    await expect(anna, texts.STALE_BUTTON)
    await anna.press_data(picker, "lk:yesterday")  # forged slot
    await expect(anna, texts.STALE_BUTTON)
    await anna.press_data(picker, Accept(99).pack())  # no such talk
    await expect(anna, texts.STALE_BUTTON)

    # Tonight has passed by 19:45 in Berlin: not offered, and an old button says so.
    await bot.at(datetime(2026, 3, 2, 18, 45, tzinfo=UTC))
    late = await open_talk(anna)
    assert str(views.BUTTON_TONIGHT) not in late.button_texts
    await anna.press_data(late, Pick(Slot.TONIGHT).pack())
    await expect(anna, views.TONIGHT_PASSED)

    # An accepted talk's reminder is not sent once the pairing has ended.
    tomorrow = await open_talk(ben)
    await ben.press(tomorrow, str(views.BUTTON_TOMORROW))
    theirs = await anna.wait_message("Ben would like to talk with you")
    await anna.press(theirs, str(views.BUTTON_ACCEPT))
    agreed = await anna.wait_message("Accepted. Ben has been told")
    await anna.press(agreed, str(views.BUTTON_REMIND))
    await anna.wait_message("I'll remind you at Tue 3 Mar, 19:00")

    # After unpairing, the proposal's buttons are old.
    await anna.send("/unpair")
    confirm = await anna.wait_message("End your pairing with")
    await anna.press(confirm, "Yes, end the pairing")
    await ben.wait_message("Your pairing on Mend has ended")
    await ben.press(proposal, str(views.BUTTON_ACCEPT))
    await expect(ben, texts.TOGETHER_NOT_PAIRED)
    await anna.send("/talk")
    await expect(anna, texts.TOGETHER_NOT_PAIRED)
    await anna.press_data(late, Open("talk").pack())
    await expect(anna, texts.TOGETHER_NOT_PAIRED)
    assert not [m for m in anna.messages if "Ben accepted" in m.text]
    await bot.at(datetime(2026, 3, 3, 18, 0, 5, tzinfo=UTC))
    await anna.send("/help")
    await anna.wait_message("What I can do")
    assert not [m for m in anna.messages if "In an hour" in m.text]
    await all_fine(tg, anna, ben)
