"""Screens by name: a button that opens a place another feature declared."""

from bot import texts
from bot.kernel.screens import Open
from bot.playground.telegram_server import FakeTelegram
from tests.conftest import Bot, all_fine, set_up


async def test_a_screen_opens_anew_or_in_place(bot: Bot, tg: FakeTelegram) -> None:
    anna = tg.user(1001, "Anna")
    await set_up(anna)
    await anna.send("/pair")
    invite = await anna.wait_message("Here is your invite")
    await anna.send("/settings")
    listed = await anna.wait_message("Settings")

    await anna.press_data(invite, Open("settings").pack())
    shown = await anna.wait_message()
    assert shown.text == listed.text
    assert "Here is your invite" in invite.text

    await anna.press_data(invite, Open("settings", here=1).pack())
    await tg.wait_for(lambda: invite.text == listed.text)
    await all_fine(tg, anna)


async def test_a_screen_nobody_declares_is_an_old_button(bot: Bot, tg: FakeTelegram) -> None:
    anna = tg.user(1001, "Anna")
    await set_up(anna)
    await anna.send("/reminders")
    listed = await anna.wait_message()
    await anna.press_data(listed, Open("nowhere").pack())
    await anna.wait_message(texts.STALE_BUTTON)
    await anna.press_data(listed, "go:settings:7x")  # forged: the kernel's fallback answers
    await anna.wait_message(texts.STALE_BUTTON)
