"""Smaller faults found in a first week, each fixed and kept fixed: the export after /delete,
a second "Anything to share?" the same day, /journal list with a number, one style of dates."""

import json
from datetime import UTC, date, datetime, time

from bot.features.data import views as data_views
from bot.features.journal import views as journal_views
from bot.kernel import when
from bot.playground.telegram_server import FakeTelegram, FakeUser
from tests.conftest import Bot, all_fine, couple, expect, pair, set_up, words
from tests.test_e2e_disclose import agreed_couple

# --- Dates and times, one way ----------------------------------------------------------------


def test_dates_and_times_have_one_style() -> None:
    assert when.day(date(2026, 12, 7)) == "Mon 7 Dec"  # never "Mon 07 Dec"
    assert when.day(datetime(2026, 3, 2, 23, 30, tzinfo=UTC)) == "Mon 2 Mar"
    assert when.time_of_day(time(9, 5)) == "09:05"
    assert when.moment(datetime(2026, 3, 2, 21, 5, tzinfo=UTC), None) == "Mon 2 Mar, 21:05"
    assert when.clock_of(datetime(2026, 3, 2, 23, 59, tzinfo=UTC), None) == "23:59"


async def test_a_long_pause_shows_its_end_in_the_one_style(bot: Bot, tg: FakeTelegram) -> None:
    anna = tg.user(1001, "Anna")
    await set_up(anna)
    await anna.send("/pause 5d")
    paused = await anna.wait_message("Sat 7 Mar")  # 2 March + 5 days, no leading zero
    assert "07 Mar" not in paused.text
    await all_fine(tg, anna)


# --- /export after /delete ---------------------------------------------------------------------


async def export_of(user: FakeUser) -> dict[str, object]:
    await user.send("/export")
    sent = await user.wait_message("Your Mend data")
    assert sent.file is not None
    data: dict[str, object] = json.loads(sent.file.data)
    return data


async def test_export_after_delete_is_honest_about_its_times_and_the_partner_sees_one_plan(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, ben = await couple(tg)
    await anna.send("/repair add Anna's own step: a walk round the block")
    await anna.wait_message()
    proposal = await ben.wait_message("Anna")
    await ben.press(proposal, proposal.button_texts[0])
    await tg.wait_for(lambda: not proposal.buttons)
    before = await export_of(ben)
    shared = before["shared_with_you"]["repair_plan_steps"]  # type: ignore[index]
    assert [step["from"] for step in shared] == ["Anna"]  # hers; the template is no one's

    await anna.send("/delete")
    await anna.wait_message("Delete your data?")
    await anna.send("DELETE")
    await anna.wait_message("Everything you wrote in Mend is erased")

    # Anna's own export now has no timezone: its times are in UTC, and it says so.
    mine = await export_of(anna)
    assert mine["about"] == str(data_views.EXPORT_ABOUT_UTC)
    assert str(mine["exported_at"]).endswith("+00:00")
    # Ben's names the partner whose name is no longer kept, never as "".
    after = await export_of(ben)
    unnamed = [p["partner"] for p in after["pairings"]]  # type: ignore[attr-defined]
    assert unnamed == [str(data_views.EXPORT_PARTNER_UNNAMED)]

    # She starts again and pairs with Ben again: his export lists no template step (not
    # once per pairing), and never a partner with an empty name.
    await set_up(anna)
    await pair(tg, anna, ben)
    await ben.send("/repair")
    await ben.wait_message()
    theirs = await export_of(ben)
    assert "your timezone, Europe/Berlin" in str(theirs["about"])
    assert theirs["shared_with_you"]["repair_plan_steps"] == []  # type: ignore[index]
    partners = [p["partner"] for p in theirs["pairings"]]  # type: ignore[attr-defined]
    assert partners == ["Anna", "Anna"]
    await all_fine(tg, anna, ben)


# --- "Anything to share?" once a day -----------------------------------------------------------


async def test_anything_to_share_is_not_asked_again_the_day_it_was_answered(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, ben = await agreed_couple(tg)
    await ben.send("/remind disclosure 20:00")
    await ben.wait_message("reminder is set")
    # Anna asks at 14:00; Ben answers that check.
    await anna.send("/ask")
    await anna.wait_message("I've asked Ben")
    asked = await ben.wait_message("Anything to share")
    await ben.press(asked, "Nothing to share today")
    await tg.wait_for(lambda: "Noted" in asked.text)
    # His own check at 20:00 does not come that day, and comes the next.
    seen = len(ben.messages)
    await bot.at(datetime(2026, 3, 2, 19, 0, 30, tzinfo=UTC))
    await ben.send("/help")
    await ben.wait_message("What I can do")
    assert not any("Anything to share" in m.text for m in ben.messages[seen:])
    await bot.at(datetime(2026, 3, 3, 19, 0, 30, tzinfo=UTC))
    tomorrow = await ben.wait_message("Anything to share")
    assert tomorrow.button_texts  # a new day, a new question
    await all_fine(tg, anna, ben)


async def test_nothing_to_share_takes_the_buttons_off_the_days_other_check(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, ben = await agreed_couple(tg)
    await ben.send("/remind disclosure 13:05")
    await ben.wait_message("reminder is set")
    await bot.at(datetime(2026, 3, 2, 12, 5, 30, tzinfo=UTC))
    own = await ben.wait_message("Anything to share")
    await anna.send("/ask")
    asked = await ben.wait_message("Anything to share")
    assert asked is not own
    await ben.press(asked, "Nothing to share today")
    await tg.wait_for(lambda: "Noted" in asked.text)
    await tg.wait_for(lambda: not own.buttons, what="the other check's buttons gone")
    assert "Anything to share" in own.text  # its words stay
    await all_fine(tg, anna, ben)


# --- /journal list N ---------------------------------------------------------------------------


async def test_journal_list_with_a_number_shows_that_entry_or_kindly_says_why_not(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna = tg.user(1001, "Anna")
    await set_up(anna)
    for n in range(1, 8):
        await anna.send(f"/journal Entry number {n}")
        await anna.wait_message("Saved in your private journal")
    await anna.send("/journal list 7")  # the oldest: on the second page
    page = await anna.wait_message("Your private journal")
    assert "Entry number 1" in page.text and "Entry number 7" not in page.text
    assert "6 to 7 of 7" in page.text
    for wrong in ("99999", "0", "-1", "two", "1.5", "٣"):
        await anna.send(f"/journal list {wrong}")
        reply = await anna.wait_message()
        assert "Saved" not in reply.text, wrong
        template = (
            journal_views.JOURNAL_NO_SUCH_ENTRY
            if wrong in ("99999", "0")
            else journal_views.JOURNAL_LIST_USAGE
        )
        assert words(template) in reply.text, (wrong, reply.text)
    await anna.send("/journal list")
    newest = await anna.wait_message("Your private journal")
    assert "1 to 5 of 7" in newest.text  # nothing was saved along the way
    # Real words that begin with "list" are an entry.
    await anna.send("/journal list of what I need this week")
    await expect(anna, journal_views.JOURNAL_SAVED)
    await all_fine(tg, anna)


async def test_journal_list_number_with_an_empty_journal(bot: Bot, tg: FakeTelegram) -> None:
    anna = tg.user(1001, "Anna")
    await set_up(anna)
    await anna.send("/journal list 3")
    await anna.wait_message("Your journal is empty")
    await all_fine(tg, anna)
