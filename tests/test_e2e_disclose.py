"""Disclosing under the agreement end to end: write, preview, Send, Undo, acknowledge, the log,
/ask and its daily limit, the transparency check, and what happens when things go wrong."""

import sqlite3
from datetime import UTC, datetime, timedelta

from bot.playground.telegram_server import FakeTelegram, FakeUser, SentMessage
from tests.conftest import Bot, couple, pair, set_up
from tests.test_e2e_agreement import agree

UNDO = timedelta(seconds=31)


async def agreed_couple(tg: FakeTelegram) -> tuple[FakeUser, FakeUser]:
    """Anna and Ben with "Changes of plan" in force."""
    anna, ben = await couple(tg)
    await agree(tg, anna, ben)
    return anna, ben


async def draft(tg: FakeTelegram, ben: FakeUser, text: str) -> SentMessage:
    """Ben writes a disclosure on Changes of plan; returns the preview."""
    await ben.send("/disclose")
    pick = await ben.wait_message("Which topic is this about?")
    await ben.press(pick, "Changes of plan")
    await tg.wait_for(lambda: "Write it now" in pick.text)
    await ben.send(text)
    return await ben.wait_message("Your disclosure on")


async def test_disclose_undo_disclose_again_and_acknowledge(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await agreed_couple(tg)
    preview = await draft(tg, ben, "Dinner with the team runs late, home by 22:00 <promise>")
    assert "Dinner with the team runs late" in preview.text
    assert preview.button_texts == ["Send to Anna", "Edit", "Cancel"]

    await ben.press(preview, "Send to Anna")
    await tg.wait_for(lambda: "Sending to Anna in 30 seconds" in preview.text)
    assert preview.button_texts == ["Undo"]
    await ben.press(preview, "Undo")
    await tg.wait_for(lambda: "Undone" in preview.text)
    assert preview.button_texts == ["Send to Anna", "Edit", "Cancel"]
    bot.clock.advance(seconds=60)
    await ben.send("/help")
    await ben.wait_message("What I can do")
    assert not any("A disclosure from Ben" in m.text for m in anna.messages)

    # Disclose again: Edit first, then Send, and let the undo window pass.
    await ben.press(preview, "Edit")
    await tg.wait_for(lambda: "Send the new version" in preview.text)
    await ben.send("Dinner runs late, home by 22:30")
    again = await ben.wait_message("Your disclosure on")
    await ben.press(again, "Send to Anna")
    await tg.wait_for(lambda: "Sending to Anna" in again.text)
    undo = again.buttons[0][0][1]
    bot.clock.advance(seconds=31)
    relay = await anna.wait_message("A disclosure from Ben")
    assert "Topic: Changes of plan" in relay.text
    assert "Dinner runs late, home by 22:30" in relay.text
    assert "Written Mon 2 Mar, 13:" in relay.text
    assert relay.button_texts == [
        "Thank you for telling me",
        "I'd like to talk about this",
        "I need some time",
    ]
    # Once delivered, Undo gives way to when it arrived; an old Undo is told it's too late.
    await tg.wait_for(lambda: "Delivered to Anna at 13:" in again.text and not again.buttons)
    await ben.press_data(again, undo)
    await ben.wait_message("already reached Anna")

    await anna.press(relay, "Thank you for telling me")
    note_ask = await anna.wait_message("Add a short note")
    await tg.wait_for(lambda: relay.button_texts == [])
    assert "Dinner runs late" in relay.text  # the disclosure stays readable
    no_note = note_ask.buttons[0][0][1]
    await anna.send("Thanks for the heads-up")
    await anna.wait_message("Ben has been told")
    # The note answered it: No note gives way to what was sent; an old press is stale.
    await tg.wait_for(lambda: "Ben has been told" in note_ask.text and not note_ask.buttons)
    ack = await ben.wait_message("Anna answered your disclosure on Changes of plan")
    assert "Thank you for telling me" in ack.text and "Thanks for the heads-up" in ack.text
    await anna.press_data(note_ask, no_note)
    await anna.wait_message("already answered")

    for person in (anna, ben):
        await person.send("/disclosures")
        shown = await person.wait_message("Your shared log")
        assert "Dinner runs late, home by 22:30" in shown.text
        assert "Thank you for telling me: Thanks for the heads-up" in shown.text
        assert "home by 22:00" not in shown.text  # undone, never shown
    await tg.wait_callbacks_answered()


async def test_cancel_erases_and_sends_nothing(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await agreed_couple(tg)
    preview = await draft(tg, ben, "Something I thought better of")
    await ben.press(preview, "Cancel")
    await tg.wait_for(lambda: "Cancelled" in preview.text)
    bot.clock.advance(minutes=5)
    await ben.send("/disclosures")
    assert "Nothing has been shared" in (await ben.wait_message()).text
    assert not any("thought better" in m.text for m in anna.messages)


async def test_off_agreement_disclosure_is_refused(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await couple(tg)
    await ben.send("/disclose")
    refused = await ben.wait_message("no topic in force")
    assert "/agreement" in refused.text
    await agree(tg, anna, ben)
    preview = await draft(tg, ben, "Drafted before the topic was withdrawn")
    await anna.send("/agreement")
    overview = await anna.wait_message("Your disclosure agreement with Ben")
    await anna.press(overview, "Withdraw a topic")
    await tg.wait_for(lambda: "Changes of plan" in overview.button_texts)
    await anna.press(overview, "Changes of plan")
    await ben.wait_message("Anna withdrew")
    await ben.press(preview, "Send to Anna")
    refusal = await ben.wait_message("isn't in force in your agreement any more")
    assert "Nothing was sent" in refusal.text


async def test_ask_sends_the_check_once_a_day(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await agreed_couple(tg)
    await anna.send("/ask")
    sent = await anna.wait_message("I've asked Ben")
    assert "after Tue 3 Mar" in sent.text
    check = await ben.wait_message("Anything to share today?")
    assert "Anna asked, gently" in check.text
    await anna.send("/ask")
    refused = await anna.wait_message("once a day")
    assert "Tue 3 Mar" in refused.text
    assert sum("Anything to share today?" in m.text for m in ben.messages) == 1

    # Nothing to share: Ben hasn't chosen to tell Anna, so she isn't told that; her /ask
    # hears back only, neutrally, that it was seen (issue 11: every loop closed).
    assert "Anna is told only that you've seen the question" in check.text
    await ben.press(check, "Nothing to share today")
    await tg.wait_for(lambda: "Anna is told only that you've seen their question" in check.text)
    seen = await anna.wait_message("Ben has seen your question")
    assert "nothing to share" not in seen.text.lower()

    bot.clock.advance(hours=24, seconds=1)
    await anna.send("/ask")
    await anna.wait_message("I've asked Ben")
    second = await ben.wait_message("Anything to share today?")
    await ben.press(second, "Share something")
    await tg.wait_for(lambda: "Which topic is this about?" in second.text)


async def test_scheduled_check_and_nothing_to_share_relayed_when_chosen(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, ben = await agreed_couple(tg)
    await ben.send("/agreement")
    overview = await ben.wait_message("Your disclosure agreement with Anna")
    await ben.press(overview, "Tell Anna when I've nothing to share")
    await tg.wait_for(lambda: "Anna will be told" in overview.text)
    await ben.send("/remind disclosure 20:00")
    await ben.wait_message("reminder is set for 20:00")

    # 20:00 in Berlin is 19:00 UTC.
    await bot.at(datetime(2026, 3, 2, 19, 0, 5, tzinfo=UTC))
    check = await ben.wait_message("Anything to share today?")
    assert "Anna will be told that" in check.text
    await ben.press(check, "Nothing to share today")
    await tg.wait_for(lambda: "Anna has been told" in check.text)
    await anna.wait_message("Ben has nothing to share under your agreement today")
    await anna.send("/disclosures")
    assert "nothing to share today" in (await anna.wait_message("Your shared log")).text


async def test_unpair_drops_a_pending_disclosure(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await agreed_couple(tg)
    preview = await draft(tg, ben, "Pending when we unpaired")
    await ben.press(preview, "Send to Anna")
    await tg.wait_for(lambda: "Sending to Anna" in preview.text)
    await anna.send("/unpair")
    confirm = await anna.wait_message("End your pairing")
    await anna.press(confirm, "Yes, end the pairing")
    await ben.wait_message("Your pairing on Mend has ended")
    bot.clock.advance(minutes=2)
    await anna.send("/help")
    await anna.wait_message("What I can do")
    assert not any("Pending when we unpaired" in m.text for m in anna.messages)


async def test_blocked_partner_the_author_is_told_and_it_stays_in_the_log(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, ben = await agreed_couple(tg)
    tg.block(anna.id)
    preview = await draft(tg, ben, "Sent while Anna had blocked the bot")
    await ben.press(preview, "Send to Anna")
    await tg.wait_for(lambda: "Sending to Anna" in preview.text)
    bot.clock.advance(seconds=31)
    await ben.wait_message("can't be reached right now")
    await ben.send("/disclosures")
    log = await ben.wait_message("Your shared log")
    assert "Sent while Anna had blocked the bot (couldn't be delivered)" in log.text


async def test_crash_between_outbox_write_and_send_delivers_once(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, ben = await agreed_couple(tg)
    preview = await draft(tg, ben, "Written just before the crash")
    await ben.press(preview, "Send to Anna")
    await tg.wait_for(lambda: "Sending to Anna" in preview.text)
    # The process dies with the row written and not yet sent (it is still in its undo window).
    await bot.stop()
    bot.clock.advance(minutes=10)
    await bot.start()
    relay = await anna.wait_message("A disclosure from Ben")
    assert "Written just before the crash" in relay.text
    await bot.restart()
    await anna.send("/help")
    await anna.wait_message("What I can do")
    assert sum("Written just before the crash" in m.text for m in anna.messages) == 1


async def test_retry_after_is_honoured_and_delivered_once(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await agreed_couple(tg)
    preview = await draft(tg, ben, "Delivered after a 429")
    await ben.press(preview, "Send to Anna")
    await tg.wait_for(lambda: "Sending to Anna" in preview.text)
    tg.fail_next("sendMessage", status=429, retry_after=1)
    bot.clock.advance(seconds=31)
    relay = await anna.wait_message("A disclosure from Ben", timeout=10)
    assert "Delivered after a 429" in relay.text
    assert sum("Delivered after a 429" in m.text for m in anna.messages) == 1
    refused = [c for c in tg.calls_to("sendMessage") if c.status == 429]
    assert refused


async def test_buttons_of_another_couple_cannot_be_used(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await agreed_couple(tg)
    preview = await draft(tg, ben, "Only for Anna")
    await ben.press(preview, "Send to Anna")
    await tg.wait_for(lambda: "Sending to Anna" in preview.text)
    bot.clock.advance(seconds=31)
    relay = await anna.wait_message("A disclosure from Ben")
    disclosure_id = relay.buttons[0][0][1].split(":")[1]  # type: ignore[union-attr]

    carol, dan = tg.user(1003, "Carol"), tg.user(1004, "Dan")
    await set_up(carol)
    await set_up(dan)
    await pair(tg, carol, dan)
    target = carol.last_message()
    for data in (
        f"ak:{disclosure_id}:thanks",
        f"du:{disclosure_id}",
        f"ds:{disclosure_id}",
        "dl:0",
        "ta:1",
        "tw:1",
        "fc:1:yes",
        "tr:1:end",
    ):
        await carol.press_data(target, data)
    await tg.wait_callbacks_answered()
    await carol.send("/help")
    await carol.wait_message("What I can do")
    assert not any("Only for Anna" in m.text for m in carol.messages)
    # Ben cannot acknowledge his own disclosure either.
    await ben.press_data(ben.last_message(), f"ak:{disclosure_id}:thanks")
    await ben.wait_message("belongs to someone else")
    await anna.send("/agreement")
    assert "Changes of plan" in (await anna.wait_message("agreement with Ben")).text


async def test_database_holds_no_disclosure_plaintext(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await agreed_couple(tg)
    await ben.send("/agreement")
    overview = await ben.wait_message("Your disclosure agreement with Anna")
    await ben.press(overview, "Propose a topic")
    await tg.wait_for(lambda: "Write my own" in overview.button_texts)
    await ben.press(overview, "Write my own")
    await ben.send("Quokka-topic messages from my ex")
    await ben.wait_message("For how long?")
    secret = "Quokka-secret disclosure 8812"
    preview = await draft(tg, ben, secret)
    await ben.press(preview, "Send to Anna")
    await tg.wait_for(lambda: "Sending to Anna" in preview.text)
    bot.clock.advance(seconds=31)
    relay = await anna.wait_message("A disclosure from Ben")
    await anna.press(relay, "I need some time")
    await anna.wait_message("Add a short note")
    await anna.send("Quokka-secret note 5521")
    await ben.wait_message("Anna answered")
    await bot.stop()
    path = bot.settings.bot_database
    raw = b"".join(p.read_bytes() for p in path.parent.glob("mend.sqlite3*"))
    for plaintext in (secret, "Quokka-secret note 5521", "Quokka-topic", "Changes of plan"):
        assert plaintext.encode() not in raw
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM disclosures").fetchone()[0] >= 1


async def test_the_one_who_asked_hears_back_what_was_passed_on_or_seen(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, ben = await agreed_couple(tg)
    await ben.send("/agreement")
    overview = await ben.wait_message("Your disclosure agreement with Anna")
    await ben.press(overview, "Tell Anna when I've nothing to share")
    await tg.wait_for(lambda: "Anna will be told" in overview.text)

    # Passed on: "nothing to share", as Ben chose; no "seen" besides it.
    await anna.send("/ask")
    await anna.wait_message("I've asked Ben")
    check = await ben.wait_message("Anything to share today?")
    await ben.press(check, "Nothing to share today")
    await anna.wait_message("Ben has nothing to share under your agreement today")

    # Passed on: a disclosure, which is itself the answer.
    bot.clock.advance(hours=24, seconds=1)
    await anna.send("/ask")
    await anna.wait_message("I've asked Ben")
    check = await ben.wait_message("Anything to share today?")
    await ben.press(check, "Share something")
    await tg.wait_for(lambda: "Which topic is this about?" in check.text)
    await ben.press(check, "Changes of plan")
    await ben.send("Home late tonight")
    preview = await ben.wait_message("Your disclosure on")
    await ben.press(preview, "Send to Anna")
    await tg.wait_for(lambda: "Sending to Anna" in preview.text)
    bot.clock.advance(seconds=31)
    await anna.wait_message("A disclosure from Ben")
    # The disclosure answered the /ask: nothing is "seen" besides it.
    await ben.send("/help")
    await ben.wait_message("What I can do")
    assert not [m for m in anna.messages if "has seen your question" in m.text]
    async with bot.mend.db.read() as tx:
        cursor = await tx.conn.execute(
            "SELECT COUNT(*) FROM update_requests WHERE answered_at IS NULL"
        )
        assert (await cursor.fetchone())[0] == 0
