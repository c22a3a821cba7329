"""The disclosure agreement end to end: propose, accept, the private check, review, withdraw."""

from datetime import timedelta

from bot.playground.telegram_server import FakeTelegram, FakeUser
from tests.conftest import Bot, couple


async def propose(
    tg: FakeTelegram, anna: FakeUser, title: str = "Changes of plan", period: str = "1 month"
) -> None:
    """Anna proposes a suggested topic from /agreement."""
    await anna.send("/agreement")
    overview = await anna.wait_message("Your disclosure agreement with Ben")
    await anna.press(overview, "Propose a topic")
    await tg.wait_for(lambda: title in overview.button_texts)
    await anna.press(overview, title)
    await tg.wait_for(lambda: "For how long?" in overview.text)
    label = period + " (suggested)" if period == "1 month" else period
    await anna.press(overview, label)
    await tg.wait_for(lambda: "Proposed to Ben" in overview.text)


async def agree(
    tg: FakeTelegram, anna: FakeUser, ben: FakeUser, title: str = "Changes of plan"
) -> None:
    """Anna proposes, Ben accepts, both say Yes privately: the topic is in force."""
    await propose(tg, anna, title)
    proposal = await ben.wait_message("Anna proposes a topic")
    await ben.press(proposal, "Accept")
    for person in (anna, ben):
        question = await person.wait_message("A private question")
        await person.press(question, "Yes")
    await tg.wait_for(lambda: any("is in force" in m.text for m in anna.messages))


async def test_agree_a_topic_after_the_private_check(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await couple(tg)
    await propose(tg, anna)
    proposal = await ben.wait_message("Anna proposes a topic")
    assert "Changes of plan" in proposal.text
    assert proposal.button_texts == ["Accept", "Decline", "Suggest a change"]
    await ben.press(proposal, "Accept")
    await tg.wait_for(lambda: "one private question" in proposal.text)
    await anna.wait_message("Ben accepted")

    anna_q = await anna.wait_message("A private question")
    ben_q = await ben.wait_message("A private question")
    assert anna_q.button_texts == ["Yes", "I'm not sure", "No"]
    await anna.press(anna_q, "Yes")
    await tg.wait_for(lambda: "once you've both said Yes" in anna_q.text)
    await ben.press(ben_q, "Yes")
    await tg.wait_for(lambda: "now in force" in ben_q.text)
    started = await anna.wait_message("is in force")
    assert "Changes of plan" in started.text

    await ben.send("/agreement")
    overview = await ben.wait_message("Your disclosure agreement with Anna")
    assert "In force" in overview.text
    assert "Changes of plan: proposed by Anna" in overview.text
    await tg.wait_callbacks_answered()


async def test_not_sure_keeps_it_off_and_the_partner_is_told_nothing(
    bot: Bot, tg: FakeTelegram
) -> None:
    anna, ben = await couple(tg)
    await propose(tg, anna)
    proposal = await ben.wait_message("Anna proposes a topic")
    await ben.press(proposal, "Accept")
    anna_q = await anna.wait_message("A private question")
    ben_q = await ben.wait_message("A private question")
    await anna.press(anna_q, "Yes")
    await ben.press(ben_q, "I'm not sure")
    await tg.wait_for(lambda: "Some support, privately" in ben_q.text)
    assert "helpline" in ben_q.text
    await ben.send("/disclose")
    assert "isn't in force yet" in (await ben.wait_message()).text
    await anna.send("/agreement")
    overview = await anna.wait_message("Your disclosure agreement")
    # Anna sees what she would see whatever Ben answered: her own answer's state, no notice.
    assert "You've answered your private question" in overview.text
    assert "Not now" not in overview.text and "not sure" not in overview.text.lower()
    assert not any("Not now" in m.text or "support" in m.text.lower() for m in anna.messages)
    assert "Answer the private question again" not in overview.button_texts
    await ben.send("/agreement")
    assert "Not now" in (await ben.wait_message("Your disclosure agreement")).text

    # Ben can change his mind later; then it starts.
    await ben.send("/agreement")
    mine = await ben.wait_message("Your disclosure agreement")
    await ben.press(mine, "Answer the private question again")
    again = await ben.wait_message("A private question")
    await ben.press(again, "Yes")
    await tg.wait_for(lambda: "now in force" in again.text)
    await anna.wait_message("is in force")


async def test_a_topic_lapses_at_review_without_renewal(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await couple(tg)
    await agree(tg, anna, ben)
    await bot.at(bot.clock.now() + timedelta(days=30, minutes=1))
    review = await anna.wait_message("Time to review")
    await ben.wait_message("Time to review")
    await anna.press(review, "Renew")
    await tg.wait_for(lambda: "It continues if Ben renews too" in review.text)
    await bot.at(bot.clock.now() + timedelta(days=3, minutes=1))
    await anna.wait_message("has ended at its review")
    await ben.wait_message("has ended at its review")
    await anna.send("/disclose")
    assert "no topic in force" in (await anna.wait_message()).text


async def test_renewed_by_both_continues(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await couple(tg)
    await agree(tg, anna, ben)
    await bot.at(bot.clock.now() + timedelta(days=30, minutes=1))
    for person in (anna, ben):
        review = await person.wait_message("Time to review")
        await person.press(review, "Renew")
    await anna.wait_message("is renewed until")
    await bot.at(bot.clock.now() + timedelta(days=4))
    await anna.send("/agreement")
    assert "In force" in (await anna.wait_message("Your disclosure agreement")).text


async def test_withdraw_tells_the_partner(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await couple(tg)
    await agree(tg, anna, ben)
    await ben.send("/agreement")
    overview = await ben.wait_message("Your disclosure agreement")
    await ben.press(overview, "Withdraw a topic")
    await tg.wait_for(lambda: "Which topic do you want to withdraw" in overview.text)
    await ben.press(overview, "Changes of plan")
    await tg.wait_for(lambda: "Withdrawn" in overview.text)
    await anna.wait_message("Ben withdrew")
    await ben.send("/agreement")
    history_view = await ben.wait_message("Your disclosure agreement")
    await ben.press(history_view, "History")
    await tg.wait_for(lambda: "Agreement history" in history_view.text)
    assert "withdrawn" in history_view.text


async def test_suggest_a_change_and_decline(bot: Bot, tg: FakeTelegram) -> None:
    anna, ben = await couple(tg)
    await propose(tg, anna)
    proposal = await ben.wait_message("Anna proposes a topic")
    await ben.press(proposal, "Suggest a change")
    await tg.wait_for(lambda: "How would you put it" in proposal.text)
    await ben.send("Changes of plan that affect the kids")
    await ben.wait_message("Sent to Anna")
    changed = await anna.wait_message("Ben suggests a change")
    assert "Changes of plan that affect the kids" in changed.text
    await anna.press(changed, "Decline")
    await ben.wait_message("Anna declined")
