"""Four faults found in the first week's walk (issue 11, point 13), each fixed and kept so."""

from bot.features.checkin import views as checkin_views
from bot.features.gratitude import views as gratitude_views
from bot.features.wins import views as wins_views
from bot.playground.telegram_server import FakeTelegram, FakeUser
from tests.conftest import Bot, all_fine, answer_checkin, couple, expect, set_up, words


async def quiet(user: FakeUser) -> None:
    """A round trip through the bot: everything queued before it has been handled."""
    await user.send("/help")
    await user.wait_message("What I can do")


async def delivered(bot: Bot) -> None:
    """Until the sender has sent everything due (it paces each chat)."""
    for _ in range(400):
        async with bot.mend.db.read() as tx:
            cursor = await tx.conn.execute(
                "SELECT COUNT(*) FROM outbox WHERE status = 'pending' AND due_at <= ?",
                (int(bot.clock.now().timestamp()),),
            )
            (pending,) = await cursor.fetchone() or (0,)
        if not pending:
            return
        await bot.tick()
        await bot.tg.wait_for(lambda: True, 0.01)
    raise AssertionError("the outbox never drained")


async def test_the_checkin_footer_is_true_when_the_partner_has_answered_already(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, ben = await couple(tg)
    await ben.send("/checkin")
    await answer_checkin(tg, ben, await ben.wait_message("Check-in"))
    await anna.wait_message("Ben has checked in today")
    await anna.send("/checkin")
    prompt = await anna.wait_message("Check-in")
    assert "only once they've answered too" not in prompt.text
    assert "once you've both answered; Ben can't see yours before" in prompt.text
    await all_fine(tg, anna, ben)


async def test_no_has_checked_in_nudge_after_skip_today(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await couple(tg)
    await anna.send("/checkin")
    prompt = await anna.wait_message("Check-in")
    await anna.press(prompt, "Skip today")
    await tg.wait_for(lambda: "Skipped for today" in prompt.text)
    await ben.send("/checkin")
    await answer_checkin(tg, ben, await ben.wait_message("Check-in"))
    await delivered(bot)
    await quiet(anna)
    assert not [m for m in anna.messages if "has checked in today" in m.text]
    await all_fine(tg, anna, ben)


async def test_a_win_not_sent_is_answered_kindly_and_truly(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await couple(tg)
    await anna.send("/win We cooked together")
    preview = await anna.wait_message("A win to remember")
    await anna.press(preview, "Don't send")
    await tg.wait_for(lambda: words(wins_views.WIN_DROPPED) in preview.text)
    assert "nothing reached Ben" in preview.text
    assert "not kept" not in preview.text
    async with bot.mend.db.read() as tx:
        cursor = await tx.conn.execute("SELECT status, body FROM wins")
        assert [tuple(row) for row in await cursor.fetchall()] == [("dropped", None)]
    await quiet(ben)
    assert not [m for m in ben.messages if "We cooked together" in m.text]
    await all_fine(tg, anna, ben)


async def test_a_kept_appreciation_promises_nothing_it_cannot_keep(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna = tg.user(1001, "Anna")
    await set_up(anna)
    await anna.send("/gratitude")
    await anna.wait_message("Gratitude")
    await anna.send("The tea this morning")
    kept = await expect(anna, gratitude_views.GRATITUDE_KEPT_UNPAIRED)
    assert "sendable" not in kept.text and "once you're paired" not in kept.text.lower()
    assert kept.buttons == []
    await all_fine(tg, anna)


def test_the_footer_wording_names_no_order() -> None:
    footer = checkin_views.CHECKIN_PRIVATE_UNTIL.format(name="Ben")
    assert "they've answered" not in footer
