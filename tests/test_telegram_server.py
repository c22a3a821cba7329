"""Tests for the fake Telegram Bot API server, driven by PTB's real Bot and Application."""

from __future__ import annotations

import asyncio
import datetime as dtm
import html
import io
from collections.abc import AsyncIterator

import pytest
from telegram import (
    Bot,
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    ReplyKeyboardMarkup,
    ReplyParameters,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    Conflict,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
)
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.playground.telegram_server import FakeTelegram, HtmlError, html_to_text

ANNA = 1001
BORIS = 1002


@pytest.fixture
async def tg() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram() as server:
        yield server


@pytest.fixture
async def bot(tg: FakeTelegram) -> AsyncIterator[Bot]:
    async with Bot(tg.token, base_url=tg.base_url, base_file_url=tg.base_file_url) as client:
        yield client


def keyboard(*buttons: tuple[str, str]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton(t, callback_data=d)] for t, d in buttons])


# -- HTML checker (pure) ---------------------------------------------------------------------


def test_html_to_text_accepts_telegram_html() -> None:
    source = (
        '<b>Hi</b> &lt;3 &amp; <a href="https://x.y/?a=1&amp;b=2">link</a> '
        '<span class="tg-spoiler">s</span> <tg-spoiler>t</tg-spoiler> <i><u>n</u></i> '
        '<pre><code class="language-python">x = 1</code></pre> '
        "<blockquote expandable>q</blockquote> &#128512; &quot;"
    )
    assert html_to_text(source) == 'Hi <3 & link s t n x = 1 q \U0001f600 "'


@pytest.mark.parametrize(
    ("source", "detail"),
    [
        ("a < b", "byte offset 2"),
        ("1 > 0", "Unescaped '>'"),
        ("Tom & Jerry", "Unescaped '&'"),
        ("<b>bold", 'end tag corresponding to start tag "b"'),
        ("<b><i>x</b></i>", 'expected "</i>", found "</b>"'),
        ("<script>x</script>", 'Unsupported start tag "script"'),
        ("<a>no href</a>", 'attribute "href"'),
        ('<span class="x">y</span>', "tg-spoiler"),
        ("x</b>", "Unexpected end tag"),
        ("&nbsp;", "Unescaped '&'"),
    ],
)
def test_html_to_text_rejects_malformed(source: str, detail: str) -> None:
    with pytest.raises(HtmlError, match=detail.replace("(", r"\(")):
        html_to_text(source)


# -- basic methods -----------------------------------------------------------------------------


async def test_get_me(tg: FakeTelegram, bot: Bot) -> None:
    me = await bot.get_me()
    assert (me.id, me.is_bot, me.first_name, me.username) == (123456, True, "Mend", "MendTestBot")
    assert me.can_join_groups is True
    assert tg.calls[0].method == "getMe"
    assert tg.calls[0].ok


async def test_custom_bot_username() -> None:
    async with (
        FakeTelegram(bot_username="OtherBot") as tg,
        Bot(tg.token, base_url=tg.base_url) as client,
    ):
        assert client.username == "OtherBot"


async def test_wrong_token_is_unauthorized(tg: FakeTelegram) -> None:
    with pytest.raises(InvalidToken):
        async with Bot("999:WRONG", base_url=tg.base_url):
            pass
    assert tg.calls[-1].status == 401
    assert tg.calls[-1].response == {"ok": False, "error_code": 401, "description": "Unauthorized"}


async def test_unknown_method_is_recorded_and_refused(tg: FakeTelegram, bot: Bot) -> None:
    with pytest.raises(BadRequest, match=r"(?i)method not found"):
        await bot.do_api_request("fooBar", api_kwargs={"chat_id": ANNA})
    assert tg.calls[-1].method == "fooBar"
    assert tg.calls[-1].params == {"chat_id": ANNA}


async def test_params_keep_strings_and_decode_json(tg: FakeTelegram, bot: Bot) -> None:
    tg.user(ANNA, "Anna")
    await bot.send_message(ANNA, "7", reply_markup=keyboard(("Yes", "y")))
    call = tg.calls_to("sendMessage")[0]
    assert call.params["text"] == "7"
    assert call.params["chat_id"] == ANNA
    assert call.params["reply_markup"] == {
        "inline_keyboard": [[{"text": "Yes", "callback_data": "y"}]]
    }


async def test_unknown_chat_is_not_found(bot: Bot) -> None:
    with pytest.raises(BadRequest, match=r"(?i)chat not found"):
        await bot.send_message(4242, "hello")


async def test_commands_roundtrip(tg: FakeTelegram, bot: Bot) -> None:
    assert await bot.set_my_commands([BotCommand("start", "Begin"), BotCommand("help", "Help")])
    commands = await bot.get_my_commands()
    assert [(c.command, c.description) for c in commands] == [("start", "Begin"), ("help", "Help")]
    assert tg.commands() == [
        {"command": "start", "description": "Begin"},
        {"command": "help", "description": "Help"},
    ]
    assert await bot.get_my_commands(language_code="de") == ()
    with pytest.raises(BadRequest):
        await bot.set_my_commands([BotCommand("Bad Command", "x")])


async def test_chat_action(tg: FakeTelegram, bot: Bot) -> None:
    tg.user(ANNA, "Anna")
    assert await bot.send_chat_action(ANNA, "typing")
    with pytest.raises(BadRequest, match=r"(?i)action"):
        await bot.send_chat_action(ANNA, "dancing")


# -- messages, edits, markup --------------------------------------------------------------------


async def test_send_edit_and_delete(tg: FakeTelegram, bot: Bot) -> None:
    anna = tg.user(ANNA, "Anna")
    first = await bot.send_message(ANNA, "<b>Hello</b> Anna", parse_mode=ParseMode.HTML)
    second = await bot.send_message(
        ANNA, "Pick one", reply_markup=keyboard(("A", "a"), ("B", "b"))
    )
    assert (first.message_id, second.message_id) == (1, 2)
    assert first.text == "Hello Anna"
    assert first.chat.type == "private"
    assert second.reply_markup == keyboard(("A", "a"), ("B", "b"))

    stored = anna.last_message()
    assert stored.buttons == [[("A", "a")], [("B", "b")]]
    assert stored.button_texts == ["A", "B"]
    assert anna.messages[0].raw_text == "<b>Hello</b> Anna"
    assert anna.messages[0].text == "Hello Anna"

    edited = await bot.edit_message_text(
        "Picked A", chat_id=ANNA, message_id=2, reply_markup=keyboard(("Undo", "u"))
    )
    assert isinstance(edited, type(first))
    assert edited.text == "Picked A"
    assert stored.text == "Picked A"  # SentMessage is live state
    assert stored.edit_count == 1
    assert stored.buttons == [[("Undo", "u")]]

    with pytest.raises(BadRequest, match=r"(?i)message is not modified"):
        await bot.edit_message_text(
            "Picked A", chat_id=ANNA, message_id=2, reply_markup=keyboard(("Undo", "u"))
        )
    await bot.edit_message_reply_markup(chat_id=ANNA, message_id=2, reply_markup=None)
    assert stored.reply_markup is None
    with pytest.raises(BadRequest, match=r"(?i)message is not modified"):
        await bot.edit_message_reply_markup(chat_id=ANNA, message_id=2)
    with pytest.raises(BadRequest, match=r"(?i)message to edit not found"):
        await bot.edit_message_text("x", chat_id=ANNA, message_id=99)

    assert await bot.delete_message(ANNA, 1)
    assert [m.message_id for m in tg.messages_to(ANNA)] == [2]
    assert tg.messages_to(ANNA, include_deleted=True)[0].deleted
    with pytest.raises(BadRequest, match=r"(?i)message to delete not found"):
        await bot.delete_message(ANNA, 1)
    with pytest.raises(BadRequest, match=r"(?i)message to edit not found"):
        await bot.edit_message_text("again", chat_id=ANNA, message_id=1)


async def test_reply_to_unknown_message_is_refused(tg: FakeTelegram, bot: Bot) -> None:
    anna = tg.user(ANNA, "Anna")
    user_message_id = await anna.send("hi")
    reply = await bot.send_message(
        ANNA, "hello", reply_parameters=ReplyParameters(user_message_id)
    )
    assert reply.reply_to_message is not None
    assert reply.reply_to_message.text == "hi"
    with pytest.raises(BadRequest, match=r"(?i)message to be replied not found"):
        await bot.send_message(ANNA, "hello", reply_parameters=ReplyParameters(77))


@pytest.mark.parametrize(
    "text",
    ["you said <3", "Tom & Jerry", "<b>open", "<marquee>x</marquee>"],
)
async def test_bad_html_is_refused(tg: FakeTelegram, bot: Bot, text: str) -> None:
    tg.user(ANNA, "Anna")
    with pytest.raises(BadRequest, match=r"(?i)can't parse entities"):
        await bot.send_message(ANNA, text, parse_mode=ParseMode.HTML)
    assert tg.messages_to(ANNA) == []
    await bot.send_message(ANNA, html.escape(text), parse_mode=ParseMode.HTML)
    assert tg.messages_to(ANNA)[0].text == text


async def test_text_length_limits(tg: FakeTelegram, bot: Bot) -> None:
    tg.user(ANNA, "Anna")
    with pytest.raises(BadRequest, match=r"(?i)message text is empty"):
        await bot.send_message(ANNA, "<b> </b>", parse_mode=ParseMode.HTML)
    with pytest.raises(BadRequest, match=r"(?i)message is too long"):
        await bot.send_message(ANNA, "x" * 4097)
    # the limit applies after entity parsing
    await bot.send_message(ANNA, "<b>" + "x" * 4096 + "</b>", parse_mode=ParseMode.HTML)


async def test_inline_keyboard_validation(tg: FakeTelegram, bot: Bot) -> None:
    tg.user(ANNA, "Anna")
    with pytest.raises(BadRequest, match=r"(?i)BUTTON_DATA_INVALID"):
        await bot.send_message(ANNA, "x", reply_markup=keyboard(("Long", "é" * 33)))
    with pytest.raises(BadRequest, match=r"(?i)Text must be non-empty"):
        await bot.send_message(ANNA, "x", reply_markup=keyboard(("", "data")))
    await bot.send_message(ANNA, "x", reply_markup=keyboard(("Max", "d" * 64)))


async def test_reply_keyboard_press_sends_text(tg: FakeTelegram, bot: Bot) -> None:
    anna = tg.user(ANNA, "Anna")
    await bot.send_message(ANNA, "Mood?", reply_markup=ReplyKeyboardMarkup([["Good", "Bad"]]))
    mood = await anna.wait_message("Mood?")
    assert mood.buttons == [[("Good", None), ("Bad", None)]]
    assert await anna.press(mood, "Bad") == ""
    [update] = await bot.get_updates()
    assert update.message is not None and update.message.text == "Bad"
    with pytest.raises(BadRequest, match=r"(?i)message can't be edited"):
        await bot.edit_message_text("Mood!", chat_id=ANNA, message_id=mood.message_id)


async def test_leave_group(tg: FakeTelegram, bot: Bot) -> None:
    group = tg.user(ANNA, "Anna").in_group(-42, "Family")
    await bot.send_message(-42, "Hi all")
    assert [m.text for m in group.messages] == ["Hi all"]
    assert await bot.leave_chat(-42)
    with pytest.raises(Forbidden, match=r"(?i)not a member"):
        await bot.send_message(-42, "still here?")
    with pytest.raises(BadRequest):
        await bot.leave_chat(ANNA)


# -- blocked, flood control, faults -------------------------------------------------------------


async def test_blocked_user_is_forbidden(tg: FakeTelegram, bot: Bot) -> None:
    tg.user(ANNA, "Anna")
    tg.block(ANNA)
    with pytest.raises(Forbidden, match=r"(?i)bot was blocked by the user"):
        await bot.send_message(ANNA, "hello?")
    with pytest.raises(Forbidden):
        await bot.send_chat_action(ANNA, "typing")
    tg.unblock(ANNA)
    await bot.send_message(ANNA, "hello")
    assert [m.text for m in tg.messages_to(ANNA)] == ["hello"]


async def test_blocked_user_is_forbidden_for_voice(tg: FakeTelegram, bot: Bot) -> None:
    tg.user(ANNA, "Anna")
    boris = tg.user(BORIS, "Boris")
    await boris.send_voice()
    [update] = await bot.get_updates()
    assert update.message is not None and update.message.voice is not None
    tg.block(ANNA)
    with pytest.raises(Forbidden, match=r"(?i)bot was blocked by the user"):
        await bot.send_voice(ANNA, update.message.voice.file_id, caption="From Boris")
    assert tg.calls_to("sendVoice")[0].status == 403
    tg.unblock(ANNA)
    await bot.send_voice(ANNA, update.message.voice.file_id, caption="From Boris")
    assert [v.caption for v in tg.voices_to(ANNA)] == ["From Boris"]


async def test_rate_limit_per_chat(
    tg: FakeTelegram, bot: Bot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Without PTB_TIMEDELTA, PTB 22 warns while constructing RetryAfter (an error here).
    monkeypatch.setenv("PTB_TIMEDELTA", "true")
    tg.user(ANNA, "Anna")
    tg.user(BORIS, "Boris")
    tg.rate_limit(per_chat_per_second=0.5, burst=1)
    await bot.send_message(ANNA, "one")
    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(ANNA, "two")
    assert caught.value.retry_after == dtm.timedelta(seconds=2)
    assert tg.calls[-1].response == {
        "ok": False,
        "error_code": 429,
        "description": "Too Many Requests: retry after 2",
        "parameters": {"retry_after": 2},
    }
    await bot.send_message(BORIS, "other chat is fine")
    with pytest.raises(RetryAfter):
        await bot.send_voice(ANNA, b"OggS fake opus")  # sendVoice is flood controlled too
    assert tg.rate_limit_hits == 2
    tg.rate_limit()  # off
    await bot.send_message(ANNA, "two")
    assert [m.text for m in tg.messages_to(ANNA)] == ["one", "two"]


async def test_rate_limit_global(
    tg: FakeTelegram, bot: Bot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PTB_TIMEDELTA", "true")
    tg.user(ANNA, "Anna")
    tg.user(BORIS, "Boris")
    tg.rate_limit(global_per_second=2, burst=3)
    for i in range(3):
        await bot.send_message(ANNA if i % 2 else BORIS, f"m{i}")
    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(ANNA, "one too many")
    assert caught.value.retry_after == dtm.timedelta(seconds=1)
    assert tg.rate_limit_hits == 1


async def test_fail_next_network_drops_connection(tg: FakeTelegram, bot: Bot) -> None:
    tg.user(ANNA, "Anna")
    tg.fail_next("sendMessage", status="network")
    with pytest.raises(NetworkError):
        await bot.send_message(ANNA, "lost")
    assert tg.messages_to(ANNA) == []
    assert tg.calls[-1].status == -1
    await bot.send_message(ANNA, "retried")
    assert [m.text for m in tg.messages_to(ANNA)] == ["retried"]


async def test_fail_next_processed_loses_only_the_response(tg: FakeTelegram, bot: Bot) -> None:
    tg.user(ANNA, "Anna")
    tg.fail_next("sendMessage", status="network", processed=True)
    with pytest.raises(NetworkError):
        await bot.send_message(ANNA, "delivered anyway")
    assert [m.text for m in tg.messages_to(ANNA)] == ["delivered anyway"]


async def test_fail_next_status(tg: FakeTelegram, bot: Bot) -> None:
    tg.user(ANNA, "Anna")
    tg.fail_next("sendMessage", status=500, times=2)
    for _ in range(2):
        with pytest.raises(NetworkError, match=r"(?i)Internal Server Error"):
            await bot.send_message(ANNA, "x")
    tg.fail_next("sendmessage", status=400, description="Bad Request: custom")
    with pytest.raises(BadRequest, match=r"(?i)custom"):
        await bot.send_message(ANNA, "x")
    await bot.send_message(ANNA, "ok")
    assert [c.status for c in tg.calls_to("sendMessage")] == [500, 500, 400, 200]
    with pytest.raises(ValueError, match="unknown method"):
        tg.fail_next("sendMesage")


# -- files ---------------------------------------------------------------------------------


async def test_photo_and_document_uploads(tg: FakeTelegram, bot: Bot) -> None:
    tg.user(ANNA, "Anna")
    png = b"\x89PNG\r\n\x1a\nfake"
    photo = await bot.send_photo(
        ANNA, png, filename="card.png", caption="<i>Your card</i>", parse_mode="HTML"
    )
    assert photo.caption == "Your card"
    assert photo.photo[-1].file_size == len(png)
    doc = await bot.send_document(
        ANNA, io.BytesIO(b"line 1\nline 2\n"), filename="export.txt", caption="7"
    )
    assert doc.document is not None
    assert doc.document.file_name == "export.txt"

    [sent_photo] = tg.photos_to(ANNA)
    assert (sent_photo.data, sent_photo.filename, sent_photo.caption) == (
        png,
        "card.png",
        "Your card",
    )
    [sent_doc] = tg.documents_to(ANNA)
    assert (sent_doc.data, sent_doc.filename, sent_doc.caption) == (
        b"line 1\nline 2\n",
        "export.txt",
        "7",
    )
    assert tg.calls_to("sendDocument")[0].files["document"].filename == "export.txt"

    # re-sending by file_id works; an unknown file_id does not
    await bot.send_photo(ANNA, photo.photo[-1].file_id)
    assert tg.photos_to(ANNA)[1].data == png
    with pytest.raises(BadRequest, match=r"(?i)wrong file identifier"):
        await bot.send_document(ANNA, "NOPE")
    assert [m.kind for m in tg.messages_to(ANNA)] == ["photo", "document", "photo"]


async def test_relay_user_voice_by_file_id(tg: FakeTelegram, bot: Bot) -> None:
    anna = tg.user(ANNA, "Anna")
    boris = tg.user(BORIS, "Boris")
    await boris.send("hi")
    await anna.send_voice(duration=7)
    [update] = await bot.get_updates(offset=-1)
    assert update.message is not None and update.message.voice is not None
    heard = update.message.voice

    relayed = await bot.send_voice(
        BORIS,
        heard.file_id,
        caption="From <b>Anna</b>",
        parse_mode=ParseMode.HTML,
        reply_markup=keyboard(("Reply", "reply:1001")),
        reply_parameters=ReplyParameters(1),
    )
    assert relayed.caption == "From Anna"
    assert relayed.voice is not None
    assert (relayed.voice.file_id, relayed.voice.file_unique_id) == (
        heard.file_id,
        heard.file_unique_id,
    )
    assert (relayed.voice.mime_type, relayed.voice.file_size) == ("audio/ogg", 4321)
    # (Voice.duration warns in PTB 22 without PTB_TIMEDELTA: check the raw answer instead)
    [call] = tg.calls_to("sendVoice")
    assert call.response is not None and call.response["result"]["voice"]["duration"] == 7
    assert relayed.reply_markup == keyboard(("Reply", "reply:1001"))
    assert relayed.reply_to_message is not None and relayed.reply_to_message.text == "hi"

    [sent] = tg.voices_to(BORIS)
    assert (sent.file_id, sent.source, sent.caption) == (heard.file_id, heard.file_id, "From Anna")
    message = await boris.wait_message("From Anna")
    assert (message.kind, message.file, message.raw_text) == ("voice", sent, "From <b>Anna</b>")
    assert message.buttons == [[("Reply", "reply:1001")]]
    assert message.reply_to_message_id == 1
    assert tg.voices_to(ANNA) == [] and tg.photos_to(BORIS) == tg.documents_to(BORIS) == []

    # an uploaded voice note gets a fresh file_id the bot can re-send too
    uploaded = await bot.send_voice(ANNA, b"OggS fake opus", duration=2)
    assert uploaded.voice is not None and uploaded.voice.file_size == len(b"OggS fake opus")
    await bot.send_voice(ANNA, uploaded.voice.file_id)
    assert [v.data for v in tg.voices_to(ANNA)] == [b"OggS fake opus"] * 2
    with pytest.raises(BadRequest, match=r"(?i)message caption is too long"):
        await bot.send_voice(BORIS, heard.file_id, caption="x" * 1025)


async def test_unknown_voice_file_id_is_refused(tg: FakeTelegram, bot: Bot) -> None:
    tg.user(ANNA, "Anna")
    with pytest.raises(BadRequest, match=r"(?i)wrong file identifier/HTTP URL specified"):
        await bot.send_voice(ANNA, "FAKEFILE999999", caption="lost")
    assert tg.voices_to(ANNA) == []
    assert tg.messages_to(ANNA) == []
    [call] = tg.calls_to("sendVoice")
    assert call.status == 400 and call.params["voice"] == "FAKEFILE999999"


# -- users, cursor, callbacks, long polling -----------------------------------------------------


async def test_wait_message_cursor(tg: FakeTelegram, bot: Bot) -> None:
    anna = tg.user(ANNA, "Anna")
    assert tg.user(ANNA, "Anna") is anna
    for text in ("one", "two", "three"):
        await bot.send_message(ANNA, text)
    assert (await anna.wait_message()).text == "one"
    assert (await anna.wait_message("three")).text == "three"  # skips "two"
    with pytest.raises(AssertionError, match="a new message") as caught:
        await anna.wait_message(timeout=0.05)
    assert "sendMessage" in str(caught.value)  # the dump of recent calls

    waiter = asyncio.create_task(anna.wait_message("four"))
    await bot.send_message(ANNA, "four")
    assert (await waiter).message_id == 4
    assert anna.last_message().text == "four"
    assert [m.text for m in anna.messages] == ["one", "two", "three", "four"]


async def test_callbacks_answered_tracking(tg: FakeTelegram, bot: Bot) -> None:
    anna = tg.user(ANNA, "Anna")
    await bot.send_message(ANNA, "Pick", reply_markup=keyboard(("Yes", "yes"), ("No", "no")))
    message = await anna.wait_message("Pick")
    with pytest.raises(AssertionError, match=r"\[\[\('Yes', 'yes'\)\], \[\('No', 'no'\)\]\]"):
        await anna.press(message, "Maybe")
    query_id = await anna.press(message, "No")
    forged = await anna.press_data(message, "admin:drop-all")
    assert tg.unanswered_callbacks == [query_id, forged]
    with pytest.raises(AssertionError, match="did not answer"):
        tg.assert_callbacks_answered()

    updates = await bot.get_updates()
    assert [u.callback_query.data for u in updates if u.callback_query] == ["no", "admin:drop-all"]
    assert await bot.answer_callback_query(query_id, text="Noted")
    assert await bot.answer_callback_query(forged, text="Expired", show_alert=True)
    tg.assert_callbacks_answered()
    assert tg.answered_callbacks[query_id].text == "Noted"
    assert tg.answered_callbacks[forged].show_alert is True
    with pytest.raises(BadRequest, match=r"(?i)query ID is invalid"):
        await bot.answer_callback_query(query_id)


async def test_user_updates_parse(tg: FakeTelegram, bot: Bot) -> None:
    anna = tg.user(ANNA, "Anna", language_code="de")
    sent = await bot.send_message(ANNA, "Question?")
    await anna.send("/start@MendTestBot now")
    await anna.send("7", reply_to=tg.messages_to(ANNA)[0])
    await anna.send_sticker()
    await anna.send_photo(caption="look")
    await anna.send_voice()
    group = anna.in_group(-100, "Couple")
    await group.send("/echo hi")

    updates = await bot.get_updates()
    assert [u.update_id for u in updates] == sorted(u.update_id for u in updates)
    command, reply, sticker, photo, voice, in_group = (u.effective_message for u in updates)
    assert command is not None and command.text == "/start@MendTestBot now"
    assert command.parse_entities() != {}
    assert command.from_user is not None and command.from_user.language_code == "de"
    assert reply is not None and reply.text == "7"
    assert reply.reply_to_message is not None
    assert reply.reply_to_message.message_id == sent.message_id
    assert sticker is not None and sticker.sticker is not None and sticker.text is None
    assert photo is not None and photo.photo and photo.caption == "look"
    assert voice is not None and voice.voice is not None
    assert in_group is not None and in_group.chat.type == "group"
    assert in_group.chat.title == "Couple"
    # message ids are per chat, shared by the user's and the bot's messages
    assert [m.message_id for m in (command, reply, sticker, photo, voice)] == [2, 3, 4, 5, 6]
    assert in_group.message_id == 1

    assert await bot.get_updates(limit=2) == updates[:2]
    # offset confirms earlier updates
    assert await bot.get_updates(offset=updates[-1].update_id) == (updates[-1],)
    assert await bot.get_updates(offset=updates[-1].update_id + 1) == ()
    assert tg.pending_updates == []


async def test_long_poll_returns_when_update_arrives(tg: FakeTelegram, bot: Bot) -> None:
    anna = tg.user(ANNA, "Anna")
    poll = asyncio.create_task(bot.get_updates(timeout=30))
    await tg.wait_for(lambda: any(c.status is None for c in tg.calls_to("getUpdates")))
    await anna.send("hello")
    async with asyncio.timeout(2):
        updates = await poll
    assert updates[0].message is not None and updates[0].message.text == "hello"


async def test_long_poll_times_out_empty(bot: Bot) -> None:
    assert await bot.get_updates(timeout=dtm.timedelta(seconds=0)) == ()


async def test_second_poll_conflicts_first(tg: FakeTelegram, bot: Bot) -> None:
    first = asyncio.create_task(bot.get_updates(timeout=30))
    await tg.wait_for(lambda: any(c.status is None for c in tg.calls_to("getUpdates")))
    # PTB's getUpdates connection pool has size 1: a second bot instance polls concurrently
    async with Bot(tg.token, base_url=tg.base_url) as second_instance:
        assert await second_instance.get_updates() == ()
    with pytest.raises(Conflict, match=r"(?i)terminated by other getUpdates"):
        await first


async def test_stop_ends_pending_long_poll(tg: FakeTelegram, bot: Bot) -> None:
    poll = asyncio.create_task(bot.get_updates(timeout=30))
    await tg.wait_for(lambda: any(c.status is None for c in tg.calls_to("getUpdates")))
    async with asyncio.timeout(2):
        await tg.stop()
        assert await poll == ()


async def test_wait_for_times_out_with_dump(tg: FakeTelegram, bot: Bot) -> None:
    tg.user(ANNA, "Anna")
    await bot.send_message(ANNA, "<b>hi</b>", parse_mode="HTML")
    with pytest.raises(AssertionError, match="never") as caught:
        await tg.wait_for(lambda: False, timeout=0.01, what="never")
    assert "sendMessage(chat_id=1001, text='<b>hi</b>', parse_mode='HTML') [200]" in str(
        caught.value
    )


# -- end to end with a polling Application -----------------------------------------------------


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.effective_message is not None
    said = html.escape(" ".join(context.args or []))
    await update.effective_message.reply_html(
        f"You said: <b>{said}</b>", reply_markup=keyboard(("Again", "again"))
    )


async def again(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    assert query is not None
    await query.answer("Once more")
    await query.edit_message_text(f"Again: {query.data}")


async def unsupported(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.effective_message is not None
    await update.effective_message.reply_text("I can only read text.")


@pytest.fixture
async def app(tg: FakeTelegram) -> AsyncIterator[Application]:
    application = (
        ApplicationBuilder()
        .token(tg.token)
        .base_url(tg.base_url)
        .base_file_url(tg.base_file_url)
        .build()
    )
    application.add_handler(CommandHandler("echo", echo))
    application.add_handler(CallbackQueryHandler(again))
    application.add_handler(MessageHandler(~filters.TEXT, unsupported))
    async with application:
        assert application.updater is not None
        await application.updater.start_polling(poll_interval=0, timeout=dtm.timedelta(seconds=5))
        await application.start()
        yield application
        await application.updater.stop()
        await application.stop()


async def test_polling_application_end_to_end(
    tg: FakeTelegram,
    app: Application,
) -> None:
    anna = tg.user(ANNA, "Anna")
    await anna.send("/echo <script> & co")
    reply = await anna.wait_message("You said")
    assert reply.text == "You said: <script> & co"
    assert reply.raw_text == "You said: <b>&lt;script&gt; &amp; co</b>"

    await anna.press(reply, "Again")
    await tg.wait_callbacks_answered()
    await tg.wait_for(lambda: reply.text.startswith("Again"), what="the edit")
    assert reply.text == "Again: again"
    assert reply.buttons == []  # edit_message_text without reply_markup drops the keyboard
    assert next(iter(tg.answered_callbacks.values())).text == "Once more"

    await anna.send_sticker()
    assert (await anna.wait_message()).text == "I can only read text."

    group = anna.in_group(-500, "Us")
    await group.send("/echo@MendTestBot hi")
    assert (await group.wait_message()).text == "You said: hi"
    assert [m.chat_id for m in tg.messages_to(-500)] == [-500]

    # every update delivered is eventually confirmed via offset
    await tg.wait_for(lambda: not tg.pending_updates, what="all updates confirmed")
    assert all(c.ok for c in tg.calls if c.method != "getUpdates")
