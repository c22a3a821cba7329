"""History across re-pairing: the same two pair again, and their shared history comes back only
if both say yes; /unpair says plainly what happens to it."""

import sqlite3
from contextlib import closing
from datetime import UTC, datetime

from bot import texts
from bot.features.pairing import views
from bot.playground.telegram_server import FakeTelegram, FakeUser, SentMessage
from tests.conftest import Bot, all_fine, couple, expect, pair, set_up
from tests.test_e2e_agreement import agree
from tests.test_e2e_disclose import draft

QUESTION = "were paired on Mend before"


def one(bot: Bot, sql: str, *params: object) -> object:
    with closing(sqlite3.connect(bot.settings.bot_database)) as conn:
        row = conn.execute(sql, params).fetchone()
    return row[0] if row else None


def active(bot: Bot) -> object:
    """The id of the couple now paired (there is one in these tests)."""
    return one(bot, "SELECT id FROM couples WHERE ended_at IS NULL")


async def share_a_history(bot: Bot, tg: FakeTelegram, anna: FakeUser, ben: FakeUser) -> None:
    """An agreement in force, a disclosure delivered, a win shared, a changed repair plan and
    a promise both called kept."""
    await agree(tg, anna, ben)
    preview = await draft(tg, ben, "Home late on Thursday")
    await ben.press(preview, "Send to Anna")
    await tg.wait_for(lambda: "Sending to Anna" in preview.text)
    bot.clock.advance(seconds=31)
    await anna.wait_message("A disclosure from Ben")
    await anna.send("/win We laughed at dinner")
    win = await anna.wait_message("A win to remember")
    await anna.press(win, "Send to Ben")
    await ben.wait_message("A win to remember, from Anna")
    await anna.send("/repair add We text a heart when we're ready")
    change = await ben.wait_message("Anna proposes a change to your repair plan")
    await ben.press(change, "Approve")
    await anna.wait_message("Ben approved your change")
    await ben.send("/promise call if I'm running late by 18:00")
    await anna.wait_message("Ben made you a promise")
    await bot.at(datetime(2026, 3, 2, 17, 0, 5, tzinfo=UTC))
    mine, theirs = await ben.wait_message("How did it go?"), await anna.wait_message("promised")
    await ben.press(mine, "Kept")
    await anna.press(theirs, "Kept")
    await ben.wait_message("You both say it was kept")


async def unpair(tg: FakeTelegram, user: FakeUser) -> SentMessage:
    await user.send("/unpair")
    confirm = await user.wait_message("End your pairing")
    await user.press(confirm, str(views.BUTTON_UNPAIR))
    await tg.wait_for(lambda: "The pairing has ended" in confirm.text)
    return confirm


async def looks_fresh(anna: FakeUser, ben: FakeUser) -> None:
    await ben.send("/wins")
    assert "No wins yet" in (await ben.wait_message()).text
    await anna.send("/disclosures")
    assert "Nothing has been shared" in (await anna.wait_message()).text
    await anna.send("/repair")
    assert "We text a heart" not in (await anna.wait_message("Our repair plan")).text
    await ben.send("/promises")
    assert "called kept" not in (await ben.wait_message("Promises")).text


async def test_both_say_yes_and_their_shared_history_comes_back(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, ben = await couple(tg)
    await share_a_history(bot, tg, anna, ben)
    await anna.send("/unpair")
    confirm = await anna.wait_message("End your pairing")
    # It says plainly what happens to what they shared.
    assert "kept for both of you but out of sight" in confirm.text
    assert "If you two pair again, it can come back if you both agree" in confirm.text
    await anna.press(confirm, str(views.BUTTON_UNPAIR))
    await tg.wait_for(lambda: "The pairing has ended" in confirm.text)
    await ben.wait_message("pairing on Mend has ended")

    bot.clock.advance(days=2)
    await pair(tg, ben, anna)  # this time Ben invites
    anna_q, ben_q = await anna.wait_message(QUESTION), await ben.wait_message(QUESTION)
    assert "You and Ben were paired" in anna_q.text and "You and Anna" in ben_q.text
    assert anna_q.button_texts == [str(views.BUTTON_HISTORY_YES), str(views.BUTTON_HISTORY_NO)]
    await looks_fresh(anna, ben)  # until both said yes, the new couple starts fresh

    await anna.press(anna_q, str(views.BUTTON_HISTORY_YES))
    await tg.wait_for(lambda: "only if Ben says yes too" in anna_q.text)
    await anna.press_data(anna_q, f"rh:{active(bot)}:no")
    await expect(anna, views.HISTORY_ANSWERED)  # pressed twice: nothing changes
    await looks_fresh(anna, ben)
    await ben.press(ben_q, str(views.BUTTON_HISTORY_YES))
    await tg.wait_for(lambda: "Your shared history with Anna is back" in ben_q.text)
    await anna.wait_message("Your shared history with Ben is back")

    await ben.send("/wins")
    assert "We laughed at dinner" in (await ben.wait_message("Your wins")).text
    await anna.send("/disclosures")
    assert "Home late on Thursday" in (await anna.wait_message("Your shared log")).text
    await anna.send("/repair")
    assert "We text a heart when we're ready" in (await anna.wait_message("Our repair")).text
    await ben.send("/promises")
    assert (
        "Promises you both called kept in the last 30 days: 1"
        in (await ben.wait_message("Promises")).text
    )
    new_couple = one(bot, "SELECT id FROM couples WHERE ended_at IS NULL")
    assert one(bot, "SELECT COUNT(*) FROM topics WHERE couple_id != ?", new_couple) == 0
    # The private check is not carried over: the new pairing answers it afresh.
    assert one(bot, "SELECT COUNT(*) FROM consents WHERE couple_id = ?", new_couple) == 0
    await ben.press_data(ben_q, f"rh:{new_couple}:yes")
    await expect(ben, views.HISTORY_ANSWERED)
    await all_fine(tg, anna, ben)


async def test_a_no_from_either_closes_the_question_kindly(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await couple(tg)
    await anna.send("/win We laughed at dinner")
    win = await anna.wait_message("A win to remember")
    await anna.press(win, "Send to Ben")
    await ben.wait_message("A win to remember, from Anna")
    await unpair(tg, ben)
    await pair(tg, anna, ben)
    anna_q, ben_q = await anna.wait_message(QUESTION), await ben.wait_message(QUESTION)
    await anna.press(anna_q, str(views.BUTTON_HISTORY_YES))
    await tg.wait_for(lambda: "only if Ben says yes too" in anna_q.text)
    await ben.press(ben_q, str(views.BUTTON_HISTORY_NO))
    await tg.wait_for(lambda: str(views.HISTORY_FRESH) in ben_q.text)
    notice = await anna.wait_message("You and Ben are starting fresh")
    assert "no" not in notice.text.lower().split()  # kind, and without a reason or a verdict
    await ben.send("/wins")
    assert "No wins yet" in (await ben.wait_message()).text
    # The question has closed, for both.
    await ben.press_data(ben_q, f"rh:{active(bot)}:yes")
    await expect(ben, views.HISTORY_FRESH_ALREADY)
    assert one(bot, "SELECT COUNT(*) FROM wins WHERE couple_id = 1") == 1
    await all_fine(tg, anna, ben)


async def test_old_questions_forged_data_and_a_deleted_partner(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await couple(tg)
    carol = tg.user(1003, "Carol")
    await set_up(carol)
    # A first pairing asks nothing; nor does one with someone new.
    assert not any(QUESTION in m.text for m in anna.messages + ben.messages)
    await unpair(tg, anna)
    await pair(tg, anna, carol)
    assert not any(QUESTION in m.text for m in anna.messages + carol.messages)
    await unpair(tg, carol)

    # Anna and Ben pair a second time, and unpair before answering; then a third time.
    await pair(tg, anna, ben)
    second = await anna.wait_message(QUESTION)
    await ben.wait_message(QUESTION)
    second_data = second.buttons[0][0][1]
    assert second_data is not None
    await unpair(tg, ben)
    await pair(tg, ben, anna)
    third = await anna.wait_message(QUESTION)
    await ben.wait_message(QUESTION)
    # The second pairing's button is an old one now.
    await anna.press(second, str(views.BUTTON_HISTORY_YES))
    await expect(anna, views.HISTORY_CLOSED)
    # Carol forges Anna's question; a made-up answer is not a button Mend made.
    third_data = third.buttons[0][0][1]
    assert third_data is not None
    await carol.press_data(carol.last_message(), third_data)
    await expect(carol, views.HISTORY_CLOSED)
    await anna.press_data(third, third_data.rsplit(":", 1)[0] + ":maybe")
    await expect(anna, texts.STALE_BUTTON)
    await anna.press_data(third, "rh:99999999:yes")
    await expect(anna, views.HISTORY_CLOSED)
    assert one(bot, "SELECT COUNT(*) FROM restores WHERE answer IS NOT NULL") == 0

    # Ben deletes his data: Anna's question closes, and their history is never offered again.
    await ben.send("/delete")
    await ben.wait_message("Delete your data?")
    await ben.send("DELETE")
    await ben.wait_message("Everything you wrote in Mend is erased")
    await anna.wait_message("pairing on Mend has ended")
    await anna.press(third, str(views.BUTTON_HISTORY_YES))
    await expect(anna, views.HISTORY_CLOSED)
    await set_up(ben)
    bot.clock.advance(days=1)
    await pair(tg, anna, ben)
    await anna.send("/help")
    await anna.wait_message("What I can do")
    assert sum(QUESTION in m.text for m in anna.messages) == 2
    assert one(bot, "SELECT COUNT(*) FROM restores WHERE user_id = ?", ben.id) == 0
    await all_fine(tg, anna, ben, carol)
