"""Quiet hours end to end: what a partner's action sends arrives silently at night (or waits
until morning, if the receiver prefers), in the receiver's own time; their own prompts ring."""

from datetime import datetime
from zoneinfo import ZoneInfo

from tests.conftest import Bot, all_fine, couple
from tests.telegram_server import FakeTelegram, FakeUser, SentMessage

BERLIN = ZoneInfo("Europe/Berlin")


def berlin(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=BERLIN)


async def thank(tg: FakeTelegram, author: FakeUser, receiver: FakeUser) -> SentMessage:
    """The author writes a gratitude and presses Send; the receiver's copy, once it came."""
    await author.send("/gratitude")
    await author.wait_message("Gratitude")
    await author.send("Thank you for the tea.")
    preview = await author.wait_message("You wrote")
    await author.press(preview, f"Send to {receiver.first_name}")
    await tg.wait_for(lambda: "Sent to" in preview.text)
    return await receiver.wait_message("A note of thanks")


async def test_a_gratitude_at_night_arrives_silently(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await couple(tg)
    bot.clock.set(berlin(3, 2, 23, 30))
    relay = await thank(tg, ben, anna)
    assert relay.silent
    assert not ben.last_message().silent  # his own replies ring as ever

    bot.clock.set(berlin(3, 3, 9, 0))
    relay = await thank(tg, ben, anna)
    assert not relay.silent
    await all_fine(tg, anna, ben)
