"""/settings end to end: every setting by buttons, each page edited in place with a way back,
typed times and places where a page asks for them, and the bad inputs."""

import re
from datetime import time
from zoneinfo import ZoneInfo

from bot import texts
from bot.features.data import views as data_views
from bot.features.help import views as help_views
from bot.features.pairing import views as pairing_views
from bot.features.settings import views
from bot.kernel import when
from bot.kernel.i18n import speaking
from bot.playground.telegram_server import FakeTelegram, FakeUser, SentMessage
from bot.storage import users
from tests.conftest import Bot, all_fine, couple, expect, pair, set_up, words

BERLIN = ZoneInfo("Europe/Berlin")


async def open_settings(user: FakeUser) -> SentMessage:
    await user.send("/settings")
    return await user.wait_message("Settings")


async def tap(
    tg: FakeTelegram, user: FakeUser, message: SentMessage, label: str, shows: str
) -> None:
    """Press a button and wait until the same message (edited in place) shows ``shows``."""
    edits = message.edit_count
    await user.press(message, label)
    await tg.wait_for(lambda: message.edit_count > edits and shows in message.text)


async def test_settings_shows_each_setting_and_every_page_comes_back(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, _ = await couple(tg)
    screen = await open_settings(anna)
    assert "Timezone: Europe/Berlin, where it's 13:00 now." in screen.text
    assert "Reminders: none yet." in screen.text
    assert "Quiet hours: 22:00 to 08:00, what Ben sends arrives silently." in screen.text
    assert screen.button_texts == [
        str(views.BUTTON_TIMEZONE),
        str(views.BUTTON_REMINDERS),
        str(views.BUTTON_QUIET),
        str(views.BUTTON_PAUSE),
        str(views.BUTTON_WINS),
        str(views.BUTTON_NOTHING),
        str(views.BUTTON_PRIVACY),
        str(views.BUTTON_EXPORT),
        str(views.BUTTON_LANGUAGE),
        str(views.BUTTON_DELETE),
        str(views.BUTTON_UNPAIR),
    ]
    pages = {
        str(views.BUTTON_TIMEZONE): "Yours is Europe/Berlin",
        str(views.BUTTON_REMINDERS): "Tap one to change its time",
        str(views.BUTTON_QUIET): "Your own reminders ring as usual",
        str(views.BUTTON_PAUSE): "For how long should I pause them?",
        str(views.BUTTON_WINS): "After a check-in of 3 or less",
        str(views.BUTTON_NOTHING): "Ben isn't told",
        str(views.BUTTON_PRIVACY): "Privacy, plainly",
        str(views.BUTTON_LANGUAGE): words(views.LANGUAGE_PAGE),
        str(views.BUTTON_DELETE): words(data_views.DELETE_CONFIRM),
        str(views.BUTTON_UNPAIR): "End your pairing with Ben?",
    }
    for button, shows in pages.items():
        await tap(tg, anna, screen, button, shows)
        assert screen.button_texts[-1] == str(views.BUTTON_BACK)
        await tap(tg, anna, screen, str(views.BUTTON_BACK), "Reminders: none yet.")
    assert len(anna.messages) == anna.messages.index(screen) + 1  # all in the one message
    await all_fine(tg, anna)


async def test_typed_commands_still_work_beside_settings(bot: Bot, tg: FakeTelegram) -> None:
    anna, _ = await couple(tg)
    await anna.send("/remind checkin 21:00 weekdays")
    await anna.wait_message("Your check-in reminder is set for 21:00, weekdays")
    await anna.send("/wins threshold 3")
    await anna.wait_message("After a check-in of 3 or less")
    screen = await open_settings(anna)
    assert "• Check-in: 21:00, weekdays" in screen.text
    await tap(tg, anna, screen, str(views.BUTTON_WINS), "After a check-in of 3 or less")
    assert "✓ 3 or less" in screen.button_texts


async def test_timezone_typed_as_a_place(bot: Bot, tg: FakeTelegram) -> None:
    anna = tg.user(1001, "Anna")
    await anna.send("/start")
    await anna.wait_message("I'm Mend")
    screen = await open_settings(anna)
    assert words(views.SETTINGS_NO_ZONE) in screen.text
    await tap(
        tg, anna, screen, str(views.BUTTON_TIMEZONE), "Write your city, country or UTC offset"
    )

    await anna.send("Munich")
    await anna.wait_message("Your timezone is now Europe/Berlin. It's 13:00 there.")
    await tap(tg, anna, screen, str(views.BUTTON_BACK), "Timezone: Europe/Berlin")
    await tap(tg, anna, screen, str(views.BUTTON_TIMEZONE), "Yours is Europe/Berlin")

    await anna.send("Birmingham")
    choices = await anna.wait_message(views.TIMEZONE_PICK)
    assert choices.button_texts[:2] == [
        "Birmingham, United Kingdom",
        "Birmingham, United States",
    ]
    # The question is still open: a more precise place can be typed instead.
    await anna.send("NYC")
    chosen = await anna.wait_message("Your timezone is now America/New_York")
    assert chosen.button_texts == [str(views.BUTTON_SETTINGS)]
    await anna.press(choices, "Birmingham, United Kingdom")
    await tg.wait_for(lambda: "Your timezone is now Europe/London" in choices.text)
    await all_fine(tg, anna)


async def test_timezone_bad_places(bot: Bot, tg: FakeTelegram) -> None:
    anna = tg.user(1001, "Anna")
    await set_up(anna)
    screen = await open_settings(anna)
    await tap(tg, anna, screen, str(views.BUTTON_TIMEZONE), "Yours is Europe/Berlin")
    await anna.send("Atlantis under the sea")
    unknown = await expect(anna, views.TIMEZONE_UNKNOWN)
    assert "Atlantis under the sea" in unknown.text
    await anna.send("Berlin " * 600)
    huge = await expect(anna, views.TIMEZONE_UNKNOWN)
    assert len(huge.text) < 300  # the words are not echoed back whole
    await anna.send_voice()
    await anna.wait_message()
    await anna.send("Germany")  # still asked: now it is understood
    await anna.wait_message("Your timezone is now Europe/Berlin")
    # Answered: later words are not taken for a place.
    await anna.send("/reminders")
    await anna.wait_message()
    await all_fine(tg, anna)


async def test_a_reminder_by_buttons_and_typed_time(bot: Bot, tg: FakeTelegram) -> None:
    anna, _ = await couple(tg)
    screen = await open_settings(anna)
    await tap(tg, anna, screen, str(views.BUTTON_REMINDERS), "Tap one")
    assert "Check-in: off" in screen.button_texts
    assert "Monthly reflection: on" in screen.button_texts
    await tap(tg, anna, screen, "Check-in: off", "Off. Choose a time to turn it on.")

    await tap(tg, anna, screen, "21:00", "21:00, every day. Next: today at 21:00.")
    assert "Your weekly review comes on Sundays at 21:00 too" in screen.text
    assert "✓ 21:00" in screen.button_texts and "✓ Every day" in screen.button_texts
    await tap(tg, anna, screen, "✓ Sat", "21:00, Sun\u2013Fri.")
    await tap(tg, anna, screen, str(views.BUTTON_WEEKDAYS), "21:00, weekdays.")
    assert "Sat" in screen.button_texts and "✓ Mon" in screen.button_texts

    await tap(tg, anna, screen, str(views.BUTTON_ANOTHER_TIME), "What time should your check-in")
    await anna.send("banana o'clock")
    await expect(anna, texts.BAD_TIME)
    await anna.send("21:" + "0" * 4000)
    huge = await expect(anna, texts.BAD_TIME)
    assert len(huge.text) < 300
    await anna.send("9.30pm")
    page = await anna.wait_message("21:30, weekdays.")
    assert str(views.BUTTON_TURN_OFF) in page.button_texts

    await anna.send("/reminders")
    listing = await anna.wait_message("Your reminders")
    assert "check-in: 21:30, weekdays. Next: today at 21:30" in listing.text
    assert "weekly review: 21:00, Sun" in listing.text

    await tap(tg, anna, page, str(views.BUTTON_TURN_OFF), "Off. Choose a time to turn it on.")
    await tap(tg, anna, page, str(views.BUTTON_BACK), "Tap one")
    assert "Check-in: off" in page.button_texts
    assert "Weekly review: 21:00" in page.button_texts
    await all_fine(tg, anna)


async def test_the_monthly_switch(bot: Bot, tg: FakeTelegram) -> None:
    anna, _ = await couple(tg)
    await anna.send("/remind checkin 21:00")
    await anna.wait_message("reminder is set")
    screen = await open_settings(anna)
    await tap(tg, anna, screen, str(views.BUTTON_REMINDERS), "Tap one")
    await tap(tg, anna, screen, "Monthly reflection: on", "The monthly reflection is off")
    assert "Monthly reflection: off" in screen.button_texts
    await anna.send("/reminders")
    assert "monthly reflection: off" in (await anna.wait_message()).text
    await tap(tg, anna, screen, "Monthly reflection: off", "Tap one")
    assert "Monthly reflection: on" in screen.button_texts


async def test_pause_and_resume(bot: Bot, tg: FakeTelegram) -> None:
    anna = tg.user(1001, "Anna")
    await set_up(anna)
    screen = await open_settings(anna)
    await tap(tg, anna, screen, str(views.BUTTON_PAUSE), "Prompts are on")
    await tap(tg, anna, screen, "3 days", "Prompts are paused until Thu 5 Mar at 13:00")
    await tap(tg, anna, screen, str(views.BUTTON_BACK), "Prompts are paused until Thu 5 Mar")
    assert str(views.BUTTON_PAUSED) in screen.button_texts
    await tap(tg, anna, screen, str(views.BUTTON_PAUSED), "Resume them now")
    await tap(tg, anna, screen, str(views.BUTTON_RESUME), "Prompts are on")
    await anna.send("/pause 1w")
    await anna.wait_message("Prompts are paused until")
    await anna.send("/resume")
    await expect(anna, views.RESUMED_NONE)  # the truth: nothing comes on its own
    await all_fine(tg, anna)


async def test_resume_says_when_the_next_reminder_comes(bot: Bot, tg: FakeTelegram) -> None:
    anna = tg.user(1001, "Anna")
    await set_up(anna)
    await anna.send("/remind gratitude 8:30")
    await anna.wait_message("reminder is set")
    await anna.send("/pause 3d")
    await anna.wait_message("Prompts are paused until")
    await anna.send("/resume")
    await anna.wait_message(
        "Prompts are back on. Next: your gratitude reminder, tomorrow at 08:30."
    )
    await anna.send("/resume")
    await expect(anna, views.NOT_PAUSED)


async def test_quiet_hours_by_buttons_and_typed(bot: Bot, tg: FakeTelegram) -> None:
    anna = tg.user(1001, "Anna")
    await set_up(anna)
    screen = await open_settings(anna)
    await tap(tg, anna, screen, str(views.BUTTON_QUIET), "From 22:00 to 08:00 your time")
    assert "your partner" in screen.text  # not paired yet
    await tap(tg, anna, screen, "From 23:00", "From 23:00 to 08:00")
    await tap(tg, anna, screen, "Until 07:00", "From 23:00 to 07:00")
    await tap(tg, anna, screen, str(views.BUTTON_QUIET_WAIT), "waits until 07:00")
    assert f"✓ {views.BUTTON_QUIET_WAIT}" in screen.button_texts
    await tap(
        tg, anna, screen, str(views.BUTTON_QUIET_FROM_OTHER), "When should your quiet hours start?"
    )
    await anna.send("10.30 pm")
    page = await anna.wait_message("From 22:30 to 07:00")
    # Start and end the same: no window at all, refused with a way to turn it off.
    await tap(
        tg, anna, page, str(views.BUTTON_QUIET_UNTIL_OTHER), "When should your quiet hours end?"
    )
    await anna.send("22:30")
    await expect(anna, views.QUIET_SAME)
    await anna.send("not a time at all")
    await expect(anna, texts.BAD_TIME)
    await anna.send("7:45")
    page = await anna.wait_message("From 22:30 to 07:45")
    await tap(tg, anna, page, str(views.BUTTON_QUIET_OFF), "Off: what your partner sends you")
    await tap(tg, anna, page, str(views.BUTTON_BACK), "Quiet hours: off.")
    await all_fine(tg, anna)


async def test_wins_and_nothing_to_share_are_their_features_settings(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna = tg.user(1001, "Anna")
    await set_up(anna)
    screen = await open_settings(anna)
    assert str(views.BUTTON_UNPAIR) not in screen.button_texts
    await tap(tg, anna, screen, str(views.BUTTON_WINS), words(views.WINS_NOT_PAIRED))
    await tap(tg, anna, screen, str(views.BUTTON_BACK), "Settings")
    await tap(tg, anna, screen, str(views.BUTTON_NOTHING), words(views.NOTHING_NOT_PAIRED))

    ben = tg.user(1002, "Ben")
    await set_up(ben)
    await pair(tg, anna, ben)
    screen = await open_settings(anna)
    await tap(tg, anna, screen, str(views.BUTTON_WINS), "After a check-in of 3 or less")
    assert "✓ 3 or less" in screen.button_texts
    await tap(tg, anna, screen, "4 or less", "After a check-in of 4 or less")
    await anna.send("/wins")
    assert "After a check-in of 4 or less" in (await anna.wait_message()).text
    await tap(tg, anna, screen, str(views.BUTTON_WINS_NEVER), "Past wins aren't offered")

    await tap(tg, anna, screen, str(views.BUTTON_BACK), "Settings")
    await tap(tg, anna, screen, str(views.BUTTON_NOTHING), "Ben isn't told")
    await tap(tg, anna, screen, "Tell Ben", "Ben is told so")
    assert "✓ Tell Ben" in screen.button_texts
    await tap(tg, anna, screen, str(views.BUTTON_DONT_TELL), "Ben isn't told")
    await all_fine(tg, anna, ben)


async def test_privacy_export_delete_and_unpair_from_settings(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await couple(tg)
    screen = await open_settings(anna)
    await tap(tg, anna, screen, str(views.BUTTON_PRIVACY), words(help_views.PRIVACY))

    export = await open_settings(anna)
    await anna.press(export, str(views.BUTTON_EXPORT))
    document = await anna.wait_message()
    assert document.kind == "document" and document.file is not None
    assert document.file.filename == "mend-export-2026-03-02.json"
    assert b'"quiet_hours"' in document.file.data

    unpair = await open_settings(anna)
    await tap(tg, anna, unpair, str(views.BUTTON_UNPAIR), "End your pairing with Ben?")
    await tap(tg, anna, unpair, str(pairing_views.BUTTON_UNPAIR), words(pairing_views.UNPAIRED))

    # Back from the delete page: the next words are not taken for the confirmation.
    delete = await open_settings(anna)
    await tap(tg, anna, delete, str(views.BUTTON_DELETE), words(data_views.DELETE_CONFIRM))
    await tap(tg, anna, delete, str(views.BUTTON_BACK), "Settings")
    await anna.send("DELETE")
    assert words(data_views.DELETE_DONE) not in (await anna.wait_message()).text
    await tap(tg, anna, delete, str(views.BUTTON_DELETE), words(data_views.DELETE_CONFIRM))
    await anna.send("DELETE")
    await anna.wait_message(words(data_views.DELETE_DONE))
    await all_fine(tg, anna, ben)


async def test_forged_and_old_settings_buttons(bot: Bot, tg: FakeTelegram) -> None:
    anna = tg.user(1001, "Anna")
    await set_up(anna)
    screen = await open_settings(anna)
    for forged in (
        "srm:checkin:t:9999",  # not a time of day
        "srm:checkin:d:0",  # no days at all
        "srm:checkin:d:200",  # more days than a week has
        "srm:nope:o:0",  # no such reminder
        "sqh:m:7",  # no such mode
        "sqh:s:1440",
        "sgo:nowhere",
        "ssw:nosuch:1",
        "snt:5",
        "spz:99",
        "swn:x",
    ):
        await anna.press_data(screen, forged)
        await expect(anna, texts.STALE_BUTTON)
    # Days for a reminder turned off since the page was shown: an old button.
    await anna.press_data(screen, "srm:gratitude:d:31")
    await expect(anna, texts.STALE_BUTTON)
    # An old page still does what it says: its Back button opens the settings again.
    old = await open_settings(anna)
    await tap(tg, anna, old, str(views.BUTTON_QUIET), "From 22:00")
    newer = await open_settings(anna)
    await tap(tg, anna, newer, str(views.BUTTON_QUIET), "From 22:00")
    await tap(tg, anna, old, "From 21:00", "From 21:00 to 08:00")
    await tap(tg, anna, newer, str(views.BUTTON_BACK), "Quiet hours: 21:00 to 08:00")
    assert when.time_of_day(time(21, 0)) in newer.text
    await all_fine(tg, anna)


async def test_settings_before_start_and_without_a_timezone(bot: Bot, tg: FakeTelegram) -> None:
    anna = tg.user(1001, "Anna")
    await anna.send("/settings")
    await expect(anna, texts.NEED_START)
    await anna.send("/start")
    await anna.wait_message("I'm Mend")
    screen = await open_settings(anna)
    await anna.press(screen, str(views.BUTTON_REMINDERS))
    await expect(anna, texts.NEED_TIMEZONE)
    await all_fine(tg, anna)


async def test_timezone_command_offers_the_largest_places_and_fixed_offsets(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna = tg.user(1001, "Anna")
    await set_up(anna)
    await anna.send("/timezone Canada")
    canada = await anna.wait_message(views.TIMEZONE_PICK)
    assert str(views.TIMEZONE_PICK_MORE) in canada.text
    assert canada.button_texts[0] == "America/Toronto"
    await anna.send("/timezone UTC+1")
    offset = await anna.wait_message(views.TIMEZONE_PICK)
    assert "Europe/Berlin" in offset.button_texts
    await anna.press(offset, "UTC+1, no summer time")
    await tg.wait_for(lambda: "Your timezone is now UTC+1, no summer time." in offset.text)
    await anna.send("/timezone NYC")
    await anna.wait_message("Your timezone is now America/New_York")
    await all_fine(tg, anna)


# --- Language ----------------------------------------------------------------------------------


async def stored_language(bot: Bot, user_id: int) -> str | None:
    async with bot.mend.db.read() as tx:
        return await users.language(tx, user_id)


def settings_in(language: str) -> tuple[str, list[str]]:
    """How the settings screen of a user with no timezone starts, and its buttons, in a
    language (the catalog's text: English until the language has one)."""
    with speaking(language):
        title, no_zone = str(views.SETTINGS_TITLE), str(views.SETTINGS_NO_ZONE)
        labels = [
            str(label)
            for label in (
                views.BUTTON_TIMEZONE,
                views.BUTTON_REMINDERS,
                views.BUTTON_QUIET,
                views.BUTTON_PAUSE,
                views.BUTTON_WINS,
                views.BUTTON_NOTHING,
                views.BUTTON_PRIVACY,
                views.BUTTON_EXPORT,
                views.BUTTON_LANGUAGE,
                views.BUTTON_DELETE,
            )
        ]
    return f"{re.sub('<[^>]+>', '', title)}\n{no_zone}\n", labels


async def test_the_language_page_lists_the_six_by_their_own_names(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna = tg.user(1001, "Anna", language_code="de-AT")
    await anna.send("/start")
    await anna.wait_message()
    assert await stored_language(bot, anna.id) == "de"  # taken from Telegram at first contact
    await anna.send("/settings")
    text, labels = settings_in("de")
    screen = await anna.wait_message(text)
    assert screen.button_texts == labels
    with speaking("de"):
        language_button, page_text = str(views.BUTTON_LANGUAGE), words(views.LANGUAGE_PAGE)
        back = str(views.BUTTON_BACK)
    await tap(tg, anna, screen, language_button, page_text)
    assert screen.button_texts == [
        "English",
        "✓ Deutsch",
        "Español",
        "Português (Brasil)",
        "Русский",
        "Українська",
        back,
    ]
    await all_fine(tg, anna)


async def test_a_chosen_language_is_spoken_at_once_and_kept(bot: Bot, tg: FakeTelegram) -> None:
    anna = tg.user(1001, "Anna", language_code="de")
    await anna.send("/start")
    await anna.wait_message()
    await anna.send("/settings")
    screen = await anna.wait_message(settings_in("de")[0])
    with speaking("de"):
        await tap(tg, anna, screen, str(views.BUTTON_LANGUAGE), words(views.LANGUAGE_PAGE))

    # Choosing Spanish stores it, and the settings screen comes back in Spanish at once.
    edits = screen.edit_count
    await anna.press(screen, "Español")
    text, labels = settings_in("es")
    await tg.wait_for(lambda: screen.edit_count > edits and screen.text.startswith(text))
    assert screen.button_texts == labels
    assert await stored_language(bot, anna.id) == "es"

    # Telegram's language changes; Mend keeps the one she chose.
    anna.language_code = "ru"
    await anna.send("/settings")
    again = await anna.wait_message(text)
    assert again.button_texts == labels
    with speaking("es"):
        await tap(tg, anna, again, str(views.BUTTON_LANGUAGE), words(views.LANGUAGE_PAGE))
    assert "✓ Español" in again.button_texts
    assert "✓ Русский" not in again.button_texts
    assert await stored_language(bot, anna.id) == "es"
    await all_fine(tg, anna)


async def test_a_language_mend_does_not_speak_is_refused(bot: Bot, tg: FakeTelegram) -> None:
    anna = tg.user(1001, "Anna")
    await anna.send("/start")
    await anna.wait_message()
    await anna.send("/settings")
    screen = await anna.wait_message(settings_in("en")[0])
    await anna.press_data(screen, "sln:fr")
    await expect(anna, texts.STALE_BUTTON)
    assert await stored_language(bot, anna.id) == "en"
    await all_fine(tg, anna)
