"""Places and days typed in other languages, end to end: /timezone and /remind read them."""

import sqlite3

from bot.playground.telegram_server import FakeTelegram
from tests.conftest import Bot, all_fine


def query(bot: Bot, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(bot.settings.bot_database) as conn:
        return conn.execute(sql).fetchall()


async def test_a_place_and_days_typed_in_german_and_russian(bot: Bot, tg: FakeTelegram) -> None:
    anna = tg.user(1001, "Anna")
    await anna.send("/start")
    await anna.wait_message()
    await anna.send("/timezone München")
    await anna.wait_message("Europe/Berlin")
    assert query(bot, "SELECT timezone FROM users WHERE id = 1001") == [("Europe/Berlin",)]

    await anna.send("/remind checkin 21:00 пн-пт")
    await anna.wait_message("21:00")
    monday_to_friday = 0b0011111
    assert query(
        bot, "SELECT hour, minute, days FROM reminders WHERE user_id = 1001 AND kind = 'checkin'"
    ) == [(21, 0, monday_to_friday)]
    await all_fine(tg, anna)
