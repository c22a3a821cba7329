"""A relay is written in its receiver's language, not its author's: Anna speaks English, Ben
German; what Anna's action sends Ben (a promise's notice, a timeout's notice, a shared win) is
written in German, and Anna's own replies in English (from the shipped catalogs). Were a relay
written in the author's language, Ben would read the English sentence instead."""

import sqlite3
from datetime import timedelta
from zoneinfo import ZoneInfo

from bot.features.promises import views as promise_views
from bot.features.timeouts import views as timeout_views
from bot.features.wins import views as win_views
from bot.kernel.i18n import speaking
from bot.playground.telegram_server import FakeTelegram
from tests.conftest import Bot, all_fine, pair, said, set_up


def stored_language(bot: Bot, user_id: int) -> str | None:
    with sqlite3.connect(bot.settings.bot_database) as conn:
        row = conn.execute("SELECT language FROM users WHERE id = ?", (user_id,)).fetchone()
    return row[0] if row else None


async def test_what_anna_sends_ben_is_written_in_his_language_and_her_replies_in_hers(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, ben = tg.user(1001, "Anna"), tg.user(1002, "Ben", language_code="de")
    await set_up(anna)
    await set_up(ben)
    await pair(tg, anna, ben)
    assert (stored_language(bot, anna.id), stored_language(bot, ben.id)) == ("en", "de")
    # The catalog is read: the same sentence differs in the two languages.
    told = promise_views.PROMISE_TOLD
    assert said("de", told, name="A", what="x", when="") != told.format(
        name="A", what="x", when=""
    )

    # A promise: Ben's notice in German, Anna's confirmation in English.
    what = "tell Ben when I need space"
    await anna.send(f"/promise {what}")
    made = await anna.wait_message()
    notice = await ben.wait_message()

    def made_in(language: str) -> str:
        with speaking(language):
            by = str(promise_views.PROMISE_UNDATED_MINE)
            return promise_views.PROMISE_MADE.format(what=what, name="Ben", when=by)

    def told_in(language: str) -> str:
        with speaking(language):
            by = promise_views.PROMISE_UNDATED_THEIRS.format(name="Anna")
            return promise_views.PROMISE_TOLD.format(name="Anna", what=what, when=by)

    assert notice.raw_text == told_in("de")
    assert notice.raw_text != told_in("en")
    assert made.raw_text == made_in("en")
    assert made.raw_text != made_in("de")

    # A timeout: the calm notice to Ben in German (at the same time on both clocks: Berlin).
    await anna.send("/timeout 20")
    paused = await anna.wait_message()
    pause_told = await ben.wait_message()
    ends = (bot.clock.now() + timedelta(minutes=20)).astimezone(ZoneInfo("Europe/Berlin"))
    time = f"{ends.hour:02d}:{ends.minute:02d}"
    assert pause_told.raw_text == said("de", timeout_views.TIMEOUT_TOLD, name="Anna", time=time)
    assert paused.raw_text == said("en", timeout_views.TIMEOUT_STARTED, name="Ben", time=time)

    # A shared win: the relay in German (its words as Anna wrote them), her reply in English.
    win = "We talked about Sunday calmly"
    await anna.send(f"/win {win}")
    preview = await anna.wait_message("A win to remember")
    await anna.press(preview, "Send to Ben")
    await tg.wait_for(lambda: "Sent to Ben" in preview.text)
    relay = await ben.wait_message()
    assert relay.raw_text == said("de", win_views.WIN_RELAY, name="Anna", text=win)
    assert preview.raw_text == said("en", win_views.WIN_SENT, text=win, name="Ben")
    await all_fine(tg, anna, ben)
