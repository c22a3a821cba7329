"""Answering what a partner shared, end to end: under a check-in reveal, a monthly reveal, a
gratitude and a win, Thank you / Let's talk about it / ❤️ and an optional note, shown back
before it goes, reach the author through the outbox; and the bad inputs (a note too long or
empty, Don't send, an answer twice, someone else's button, one pressed after unpairing,
forged data)."""

import json

from bot import texts
from bot.features.reactions import views
from bot.features.reactions.buttons import React, SendReaction
from bot.features.reactions.models import Choice
from bot.features.talk import views as talk_views
from bot.playground.telegram_server import FakeTelegram, FakeUser, SentMessage
from tests.conftest import Bot, all_fine, answer_checkin, couple, expect, words

HEART = str(views.LABELS[Choice.HEART])
THANKS = str(views.LABELS[Choice.THANKS])
TALK = str(views.LABELS[Choice.TALK])


async def gratitude(
    tg: FakeTelegram, author: FakeUser, reader: FakeUser, text: str
) -> SentMessage:
    """``author`` sends an appreciation; returns it as ``reader`` receives it."""
    await author.send("/gratitude")
    await author.wait_message("Gratitude")
    await author.send(text)
    preview = await author.wait_message("You wrote")
    await author.press(preview, f"Send to {reader.first_name}")
    return await reader.wait_message(f"A note of thanks from {author.first_name}")


async def test_a_gratitude_answered_with_a_heart_and_a_note(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await couple(tg)
    relay = await gratitude(tg, ben, anna, "Thank you for the walk")
    assert relay.button_texts == [THANKS, TALK, HEART]
    await anna.press(relay, HEART)
    chosen = await anna.wait_message("You chose: ❤️")
    await tg.wait_for(lambda: relay.button_texts == [])
    assert "Thank you for the walk" in relay.text  # what was shared keeps its words
    await anna.send("x" * 301)
    await expect(anna, texts.TOO_LONG)
    await anna.send("\u200b")
    await expect(anna, texts.EMPTY_ANSWER)
    await anna.send("It meant a lot <really>")
    draft = await anna.wait_message("Your answer to Ben")
    assert "It meant a lot <really>" in draft.text
    assert not [m for m in ben.messages if "answered your note of thanks" in m.text]
    await anna.press(draft, "Send to Ben")
    await tg.wait_for(lambda: "Sent to Ben" in draft.text)
    told = await ben.wait_message("Anna answered your note of thanks")
    assert "❤️" in told.text and "It meant a lot <really>" in told.text
    await anna.press(chosen, str(views.BUTTON_AS_IT_IS))  # the older message's button: once only
    await expect(anna, views.ALREADY)
    await anna.press_data(relay, React(1, Choice.THANKS).pack())
    await expect(anna, views.ALREADY)
    assert sum("answered your note of thanks" in m.text for m in ben.messages) == 1
    await all_fine(tg, anna, ben)


async def test_a_win_answered_as_it_is_and_lets_talk_offers_a_time(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, ben = await couple(tg)
    await anna.send("/win We cooked together")
    preview = await anna.wait_message("A win to remember")
    await anna.press(preview, "Send to Ben")
    relay = await ben.wait_message("A win to remember, from Anna")
    await ben.press(relay, TALK)
    chosen = await ben.wait_message("You chose: Let's talk about it")
    await ben.press(chosen, str(views.BUTTON_AS_IT_IS))
    await tg.wait_for(lambda: "Sent to Anna" in chosen.text)
    assert str(talk_views.BUTTON_TALK) in chosen.button_texts
    told = await anna.wait_message("Ben answered your win")
    assert str(talk_views.BUTTON_TALK) in told.button_texts
    await anna.press(told, str(talk_views.BUTTON_TALK))
    await expect(anna, talk_views.OFFER)
    await all_fine(tg, anna, ben)


async def test_a_checkin_reveal_can_be_answered_by_both(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await couple(tg)
    await anna.send("/checkin")
    await answer_checkin(tg, anna, await anna.wait_message("Check-in"))
    await ben.send("/checkin")
    await answer_checkin(tg, ben, await ben.wait_message("Check-in"))
    for_anna = await anna.wait_message("You've both checked in")
    for_ben = await ben.wait_message("You've both checked in")
    assert for_anna.button_texts == for_ben.button_texts == [THANKS, TALK, HEART]
    annas = next(d for row in for_anna.buttons for _, d in row if d)
    await anna.press(for_anna, THANKS)
    chosen = await anna.wait_message("You chose: Thank you")
    await anna.press(chosen, str(views.BUTTON_AS_IT_IS))
    await ben.wait_message("Anna answered your check-in")
    # Ben presses Anna's button (forged from her message's data): not his to use.
    await ben.press_data(for_ben, annas)
    await expect(ben, texts.STALE_BUTTON)
    await ben.press(for_ben, HEART)
    await ben.wait_message("You chose: ❤️")
    await all_fine(tg, anna, ben)


async def test_dont_send_puts_the_answers_back_and_sends_nothing(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, ben = await couple(tg)
    relay = await gratitude(tg, ben, anna, "For the coffee")
    await anna.press(relay, TALK)
    chosen = await anna.wait_message("You chose")
    await anna.send("we should")
    draft = await anna.wait_message("Your answer to Ben")
    await anna.press(draft, str(views.BUTTON_DONT_SEND))
    await tg.wait_for(lambda: words(views.PUT_BACK) in draft.text)
    assert draft.button_texts == [THANKS, TALK, HEART]
    await anna.send("a stray thought")  # no longer taken as the note
    await expect(anna, "I'm here, and I read what you wrote.")
    await anna.press(chosen, str(views.BUTTON_AS_IT_IS))  # chosen no more: the old button is stale
    await expect(anna, texts.STALE_BUTTON)
    await anna.press(draft, HEART)
    again = await anna.wait_message("You chose: ❤️")
    await anna.press(again, str(views.BUTTON_AS_IT_IS))
    told = await ben.wait_message("Anna answered your note of thanks")
    assert "we should" not in told.text
    await all_fine(tg, anna, ben)


async def test_after_unpairing_an_answer_button_sends_nothing(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await couple(tg)
    relay = await gratitude(tg, ben, anna, "For listening")
    await anna.press(relay, THANKS)
    chosen = await anna.wait_message("You chose")
    second = await gratitude(tg, ben, anna, "And for tonight")
    await ben.send("/unpair")
    confirm = await ben.wait_message("End your pairing with")
    await ben.press(confirm, "Yes, end the pairing")
    await anna.wait_message("Your pairing on Mend has ended")
    await anna.press(chosen, str(views.BUTTON_AS_IT_IS))
    await expect(anna, views.PAIRING_ENDED)
    await anna.press(second, HEART)
    await expect(anna, views.PAIRING_ENDED)
    await anna.press_data(second, SendReaction(99).pack())
    await expect(anna, texts.STALE_BUTTON)
    await anna.press_data(second, "rx:2:kiss")
    await expect(anna, texts.STALE_BUTTON)
    assert not [m for m in ben.messages if "answered your" in m.text]
    await all_fine(tg, anna, ben)


async def test_export_has_my_answers_and_times_and_delete_erases_them(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, ben = await couple(tg)
    relay = await gratitude(tg, ben, anna, "For the flowers")
    await anna.press(relay, HEART)
    await anna.wait_message("You chose")
    await anna.send("Quokka-note 4471")
    draft = await anna.wait_message("Your answer to Ben")
    await anna.press(draft, "Send to Ben")
    await ben.wait_message("Anna answered your note of thanks")
    await anna.send("/talk")
    picker = await anna.wait_message("When would you like to talk")
    await anna.press(picker, str(talk_views.BUTTON_TYPED))
    await tg.wait_for(lambda: words(talk_views.WRITE) in picker.text)
    await anna.send("Quokka-time 5582")
    preview = await anna.wait_message("I'll ask Ben")
    await anna.press(preview, "Send to Ben")
    await ben.wait_message("Anna would like to talk with you")

    await anna.send("/export")
    document = await anna.wait_message()
    assert document.file is not None
    mine = json.loads(document.file.data.decode())["written_by_you"]
    assert mine["answers"][0]["note"] == "Quokka-note 4471"
    assert mine["answers"][0]["answer"] == HEART
    assert mine["answers"][0]["to"] == "Ben"
    assert mine["times_to_talk"][0]["in_your_words"] == "Quokka-time 5582"

    await anna.send("/delete")
    await anna.wait_message("Delete your data?")
    await anna.send("DELETE")
    await anna.wait_message("Everything you wrote in Mend is erased")
    async with bot.mend.db.read() as tx:
        for table in ("reactions", "talks", "held_words"):
            cursor = await tx.conn.execute(f"SELECT COUNT(*) FROM {table}")
            row = await cursor.fetchone()
            assert row is not None and row[0] == 0, table
    await all_fine(tg, anna, ben)
