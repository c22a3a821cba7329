"""A fake Telegram Bot API server, for the end-to-end tests and the playground.

The real bot (python-telegram-bot) talks to it over HTTP on 127.0.0.1, exactly as it would talk
to ``api.telegram.org``::

    async with FakeTelegram() as tg:
        bot = Bot(tg.token, base_url=f"{tg.url}/bot", base_file_url=f"{tg.url}/file/bot")
        anna = tg.user(1001, "Anna")
        await anna.send("/start")
        reply = await anna.wait_message("Welcome")
        await anna.press(reply, "Continue")

Only Telegram is faked. The server records every request (``tg.calls``), keeps the current state
of every message the bot sent (after edits and deletions), validates requests the way Telegram
does (HTML well-formedness, text lengths, inline keyboards, known chats, ...) and answers with
real Bot API JSON shapes, so PTB raises the same exceptions it would raise in production.

Webhooks as on Telegram: after ``setWebhook`` (url, secret_token) the server POSTs each update
to that URL with the ``X-Telegram-Bot-Api-Secret-Token`` header, one at a time, until it is
answered 200 (``tg.webhook_deliveries`` records each try), and getUpdates gets 409;
``deleteWebhook`` goes back to getUpdates.

Waiting is event driven: every recorded request and every state change notifies one
:class:`asyncio.Condition`; :meth:`FakeTelegram.wait_for` never sleeps in a loop.

The playground (``bot/playground/``) runs Mend against this same server:
:meth:`FakeTelegram.listen` reports each change to a chat as it happens (a :class:`Change`),
:meth:`FakeTelegram.history` and :meth:`FakeTelegram.file` read a chat and the files in it,
and ``first_update_id`` / ``first_message_id`` keep ids fresh across restarts over a kept
database.

Note: PTB 22 emits a ``PTBDeprecationWarning`` while *constructing* ``RetryAfter`` unless the
environment variable ``PTB_TIMEDELTA=true`` is set; with ``filterwarnings = error`` that warning
replaces the ``RetryAfter`` exception. Tests that can see a 429 must set it.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import math
import re
import socket
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, Literal, TypeVar

from aiohttp import BodyPartReader, ClientError, ClientSession, ClientTimeout, hdrs, web

__all__ = [
    "ApiCall",
    "CallbackAnswer",
    "Change",
    "FakeGroup",
    "FakeTelegram",
    "FakeUser",
    "SentFile",
    "SentMessage",
    "UploadedFile",
    "html_to_text",
]

T = TypeVar("T")

DEFAULT_TOKEN = "123456:TEST-TOKEN"
MAX_TEXT_LENGTH = 4096
MAX_CAPTION_LENGTH = 1024
MAX_CALLBACK_DATA_BYTES = 64
MAX_CALLBACK_ANSWER_LENGTH = 200

# Bot API parameters whose type is String: PTB sends them raw (never JSON encoded), so they must
# never go through json.loads (a user text "7" stays the string "7"). Everything else that PTB
# sends is JSON encoded unless it is a string, so json.loads with a raw-string fallback decodes it.
_STRING_PARAMS = frozenset(
    {
        "action",
        "business_connection_id",
        "callback_query_id",
        "caption",
        "description",
        "document",
        "emoji",
        "file_id",
        "first_name",
        "inline_message_id",
        "language_code",
        "message_effect_id",
        "parse_mode",
        "photo",
        "question",
        "secret_token",
        "short_description",
        "sticker",
        "text",
        "thumbnail",
        "title",
        "url",
        "voice",
    }
)

_CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)

# Methods that write into a chat: refused with 403 while the user has blocked the bot.
_CHAT_WRITE_METHODS = frozenset(
    {
        "sendMessage",
        "sendPhoto",
        "sendDocument",
        "sendVoice",
        "sendChatAction",
        "editMessageText",
        "editMessageReplyMarkup",
    }
)
# Methods subject to the optional flood control (rate_limit()).
_RATE_LIMITED_METHODS = _CHAT_WRITE_METHODS - {"sendChatAction"}

_NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup are "
    "exactly the same as a current content and reply markup of the message"
)
_QUERY_INVALID = (
    "Bad Request: query is too old and response timeout expired or query ID is invalid"
)
_COMMAND_RE = re.compile(r"/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{1,32})?")
_BOT_COMMAND_RE = re.compile(r"[a-z0-9_]{1,32}")


# --------------------------------------------------------------------------------------------
# Records
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class UploadedFile:
    """One multipart file part of a request."""

    filename: str | None
    content_type: str | None
    data: bytes


@dataclass
class ApiCall:
    """One HTTP request the bot made. ``status``/``response`` are filled in once answered
    (``status`` stays ``None`` while a long poll is pending; ``-1`` = no response: connection
    dropped by ``fail_next(..., status="network")`` or the client went away)."""

    method: str
    params: dict[str, Any]
    files: dict[str, UploadedFile]
    at: float
    status: int | None = None
    response: dict[str, Any] | None = None

    @property
    def ok(self) -> bool:
        return self.status == 200

    @property
    def description(self) -> str | None:
        """The error description of a failed call (``None`` for successful/pending calls)."""
        if self.response is None or self.response.get("ok"):
            return None
        return str(self.response.get("description"))

    def __str__(self) -> str:
        params = ", ".join(f"{k}={_short(v)}" for k, v in self.params.items())
        files = "".join(
            f" +file {k}={f.filename!r} ({len(f.data)} B)" for k, f in self.files.items()
        )
        status = "pending" if self.status is None else str(self.status)
        tail = f" -> {self.description}" if self.description else ""
        return f"{self.method}({params}){files} [{status}]{tail}"


@dataclass(eq=False)
class SentFile:
    """A photo, document or voice note the bot sent (uploaded bytes, or re-sent by file_id/URL).

    The server also remembers voice notes users sent (by file_id, with no bytes) as SentFiles
    of their own message, so the bot can re-send them by file_id like real Telegram allows.
    """

    chat_id: int
    message_id: int
    kind: Literal["photo", "document", "voice"]
    file_id: str
    data: bytes
    filename: str | None
    content_type: str | None
    caption: str | None  # as the user sees it (HTML removed)
    source: str | None = None  # file_id or URL when the bot did not upload bytes
    duration: int | None = None  # voice notes: seconds
    file_size: int | None = None  # when the bytes are unknown (a user's voice note)


@dataclass(eq=False)
class SentMessage:
    """Live state of one message the bot sent; the server updates it in place on edits/deletes.

    ``text`` is what the user sees (for photos/documents/voices: the caption), i.e. with HTML tags
    removed and entities decoded; ``raw_text`` is exactly what the bot sent.
    """

    chat_id: int
    message_id: int
    kind: Literal["text", "photo", "document", "voice"]
    text: str
    raw_text: str
    parse_mode: str | None
    reply_markup: dict[str, Any] | None
    date: int
    file: SentFile | None = None
    reply_to_message_id: int | None = None
    edit_count: int = 0
    deleted: bool = False
    silent: bool = False  # sent with disable_notification: it arrived without a sound

    @property
    def buttons(self) -> list[list[tuple[str, str | None]]]:
        """Keyboard rows as ``(text, callback_data)``; callback_data is None for URL buttons
        and reply-keyboard buttons."""
        return [[_button_pair(b) for b in row] for row in _keyboard_rows(self.reply_markup)]

    @property
    def button_texts(self) -> list[str]:
        return [text for row in self.buttons for text, _ in row]

    @property
    def links(self) -> dict[str, str]:
        """The URL buttons: label -> url (a client opens these; the bot hears nothing)."""
        return {
            str(button.get("text", "")): button["url"]
            for row in _keyboard_rows(self.reply_markup)
            for button in row
            if isinstance(button, dict) and isinstance(button.get("url"), str)
        }

    def __str__(self) -> str:
        flags = " (deleted)" if self.deleted else ""
        keyboard = f" buttons={self.buttons}" if self.reply_markup else ""
        return f"#{self.message_id} [{self.kind}]{flags} {self.text!r}{keyboard}"


@dataclass(frozen=True)
class Change:
    """Something a person would see change in a chat, as it happens (see ``listen``):
    ``message``: a message (the bot's or the user's) appeared or was edited; ``deleted``: it
    was deleted; ``answer``: the bot answered a button press (``text``, ``alert``);
    ``commands``: the commands menu changed (``chat_id`` is None)."""

    kind: Literal["message", "deleted", "answer", "commands"]
    chat_id: int | None = None
    message_id: int | None = None
    text: str | None = None
    alert: bool = False


@dataclass
class CallbackAnswer:
    """How the bot answered one callback query."""

    text: str | None
    show_alert: bool
    url: str | None
    cache_time: int | None


class _ApiError(Exception):
    def __init__(
        self, status: int, description: str, parameters: dict[str, Any] | None = None
    ) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.parameters = parameters

    def payload(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "ok": False,
            "error_code": self.status,
            "description": self.description,
        }
        if self.parameters:
            body["parameters"] = self.parameters
        return body


def _bad_request(detail: str) -> _ApiError:
    return _ApiError(400, f"Bad Request: {detail}")


@dataclass
class _Fault:
    status: int | Literal["network"]
    description: str | None
    retry_after: int
    processed: bool


@dataclass
class _Bucket:
    rate: float  # tokens per second
    capacity: float
    tokens: float
    updated: float

    def refill(self, now: float) -> None:
        self.tokens = min(self.capacity, self.tokens + (now - self.updated) * self.rate)
        self.updated = now

    def wait_time(self) -> float:
        return 0.0 if self.tokens >= 1.0 else (1.0 - self.tokens) / self.rate


@dataclass(eq=False)
class _Chat:
    id: int
    type: Literal["private", "group"]
    name: str  # first_name for private chats, title for groups
    messages: list[SentMessage] = field(default_factory=list)  # the bot's, in send order
    user_messages: dict[int, dict[str, Any]] = field(default_factory=dict)
    deleted_user_messages: set[int] = field(default_factory=set)
    next_message_id: int = 1
    bot_left: bool = False

    def to_json(self) -> dict[str, Any]:
        if self.type == "private":
            return {"id": self.id, "type": "private", "first_name": self.name}
        return {"id": self.id, "type": "group", "title": self.name}

    def take_message_id(self) -> int:
        message_id = self.next_message_id
        self.next_message_id += 1
        return message_id

    def bot_message(self, message_id: int) -> SentMessage | None:
        for message in self.messages:
            if message.message_id == message_id and not message.deleted:
                return message
        return None


# --------------------------------------------------------------------------------------------
# HTML (parse_mode="HTML") validation, mirroring the Bot API rules
# --------------------------------------------------------------------------------------------

_HTML_TAGS = frozenset(
    {
        "b",
        "strong",
        "i",
        "em",
        "u",
        "ins",
        "s",
        "strike",
        "del",
        "a",
        "code",
        "pre",
        "tg-spoiler",
        "span",
        "blockquote",
        "tg-emoji",
    }
)
_TAG_NAME_RE = re.compile(r"[A-Za-z][A-Za-z0-9-]*")
_ATTR_RE = re.compile(
    r"\s*([A-Za-z][A-Za-z0-9_-]*)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'>]+)))?"
)
_ENTITY_RE = re.compile(r"&(lt|gt|amp|quot|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});")
_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}


class HtmlError(ValueError):
    """Raised by :func:`html_to_text` with Telegram's 'can't parse entities' detail."""


def html_to_text(source: str) -> str:
    """Validate ``source`` as Bot API HTML and return the text the user would see.

    Accepts only the tags Telegram supports (b, strong, i, em, u, ins, s, strike, del,
    a href, code, pre, tg-spoiler, span class="tg-spoiler", blockquote [expandable],
    tg-emoji emoji-id), requires them to be properly nested and closed, and requires every
    ``<``, ``>`` and ``&`` outside tags to be escaped (&lt; &gt; &amp; &quot; or numeric).
    """
    out: list[str] = []
    stack: list[str] = []
    i = 0
    n = len(source)

    def offset(pos: int) -> int:
        return len(source[:pos].encode("utf-8"))

    while i < n:
        char = source[i]
        if char == "<":
            end = _find_tag_end(source, i + 1)
            if end < 0:
                raise HtmlError(f"Can't find end of the tag starting at byte offset {offset(i)}")
            inner = source[i + 1 : end]
            if inner.startswith("/"):
                name = inner[1:].strip().lower()
                if not stack:
                    raise HtmlError(f'Unexpected end tag "{name}" at byte offset {offset(i)}')
                if stack[-1] != name:
                    raise HtmlError(
                        f"Unmatched end tag at byte offset {offset(i)}, "
                        f'expected "</{stack[-1]}>", found "</{name}>"'
                    )
                stack.pop()
            else:
                match = _TAG_NAME_RE.match(inner)
                shown = inner.split(maxsplit=1)[0] if inner.strip() else inner
                if match is None or match.group().lower() not in _HTML_TAGS:
                    raise HtmlError(f'Unsupported start tag "{shown}" at byte offset {offset(i)}')
                name = match.group().lower()
                attrs = _parse_attributes(inner[match.end() :], name, offset(i))
                _check_attributes(name, attrs, offset(i))
                if stack and stack[-1] in ("pre", "code") and (name, stack[-1]) != ("code", "pre"):
                    raise HtmlError(
                        f'Tag "{name}" can\'t be nested in "{stack[-1]}" '
                        f"at byte offset {offset(i)}"
                    )
                stack.append(name)
            i = end + 1
        elif char == "&":
            entity = _ENTITY_RE.match(source, i)
            if entity is None:
                raise HtmlError(f"Unescaped '&' at byte offset {offset(i)}, use &amp;")
            out.append(_decode_entity(entity.group(1)))
            i = entity.end()
        elif char == ">":
            raise HtmlError(f"Unescaped '>' at byte offset {offset(i)}, use &gt;")
        else:
            out.append(char)
            i += 1
    if stack:
        raise HtmlError(f'Can\'t find end tag corresponding to start tag "{stack[-1]}"')
    return "".join(out)


def _find_tag_end(source: str, start: int) -> int:
    quote: str | None = None
    for pos in range(start, len(source)):
        char = source[pos]
        if quote is not None:
            if char == quote:
                quote = None
        elif char in "\"'":
            quote = char
        elif char == ">":
            return pos
        elif char == "<":
            return -1
    return -1


def _parse_attributes(text: str, tag: str, at: int) -> dict[str, str]:
    attrs: dict[str, str] = {}
    pos = 0
    while pos < len(text):
        if not text[pos:].strip():
            break
        match = _ATTR_RE.match(text, pos)
        if match is None or match.end() == pos:
            raise HtmlError(f'Can\'t parse attributes of tag "{tag}" at byte offset {at}')
        value = next((g for g in match.groups()[1:] if g is not None), "")
        attrs[match.group(1).lower()] = value
        pos = match.end()
    return attrs


def _check_attributes(tag: str, attrs: dict[str, str], at: int) -> None:
    if tag == "a" and not attrs.get("href"):
        raise HtmlError(f'Tag "a" must have attribute "href" at byte offset {at}')
    if tag == "span" and attrs.get("class") != "tg-spoiler":
        raise HtmlError(f'Tag "span" must have class "tg-spoiler" at byte offset {at}')
    if tag == "tg-emoji" and not attrs.get("emoji-id"):
        raise HtmlError(f'Tag "tg-emoji" must have attribute "emoji-id" at byte offset {at}')


def _decode_entity(name: str) -> str:
    if name in _NAMED_ENTITIES:
        return _NAMED_ENTITIES[name]
    number = int(name[2:], 16) if name[1] in "xX" else int(name[1:])
    if not 0 < number <= 0x10FFFF:
        raise HtmlError(f"Invalid character reference &{name};")
    return chr(number)


# --------------------------------------------------------------------------------------------
# Server
# --------------------------------------------------------------------------------------------

_Handler = Callable[[dict[str, Any], dict[str, UploadedFile]], Awaitable[Any]]


@dataclass
class WebhookDelivery:
    """One POST of an update to the bot's webhook, and the HTTP status it got (``None``: no
    answer, the connection failed)."""

    update_id: int
    status: int | None


@dataclass
class _Webhook:
    url: str
    secret_token: str | None
    task: asyncio.Task[None] | None = None


class FakeTelegram:
    """A fake Bot API server on 127.0.0.1 (ephemeral port). Usable as an async context manager.

    Chats must be known before the bot can write to them: create people with :meth:`user` (and
    groups with :meth:`FakeUser.in_group`); other chat ids get 400 "chat not found".
    """

    def __init__(
        self,
        *,
        bot_username: str = "MendTestBot",
        token: str = DEFAULT_TOKEN,
        first_update_id: int = 10_000,
        first_message_id: int = 1,
    ) -> None:
        self.bot_username = bot_username
        self.token = token
        self.bot_id = int(token.split(":", 1)[0])
        self.calls: list[ApiCall] = []
        self.answered_callbacks: dict[str, CallbackAnswer] = {}
        self.rate_limit_hits = 0  # number of 429 answers given by the flood control
        self.server_errors: list[BaseException] = []  # bugs inside the fake itself

        self._url: str | None = None
        self._runner: web.AppRunner | None = None
        self._changed = asyncio.Condition()
        self._stopping = False
        self._chats: dict[int, _Chat] = {}
        self._users: dict[int, FakeUser] = {}
        self._blocked: set[int] = set()
        self._updates: list[dict[str, Any]] = []  # queued, not yet confirmed by an offset
        self.sent_updates: list[dict[str, Any]] = []  # every update users made, in order
        self._update_ids = itertools.count(first_update_id)
        self._first_update_id = first_update_id
        self._first_message_id = first_message_id
        self._listeners: list[Callable[[Change], None]] = []
        self._allowed_updates: list[str] | None = None
        self._poll_generation = 0
        self._webhook: _Webhook | None = None
        self.webhook_deliveries: list[WebhookDelivery] = []
        self._callback_ids = itertools.count(1)
        self._pending_callbacks: dict[str, int] = {}  # query id -> user id, unanswered
        self._file_ids = itertools.count(1)
        self._files_by_id: dict[str, SentFile] = {}  # files the bot may re-send by file_id
        self._commands: dict[str, list[dict[str, str]]] = {}
        # setMyDescription / setMyShortDescription, by language code ("" for the default)
        self.descriptions: dict[str, str] = {}
        self.short_descriptions: dict[str, str] = {}
        self._faults: dict[str, deque[_Fault]] = {}
        self._global_bucket: _Bucket | None = None
        self._chat_rate: tuple[float, float] | None = None  # (rate, capacity)
        self._chat_buckets: dict[int, _Bucket] = {}
        self._methods: dict[str, _Handler] = {
            "getMe": self._get_me,
            "deleteWebhook": self._delete_webhook,
            "setWebhook": self._set_webhook,
            "getWebhookInfo": self._get_webhook_info,
            "setMyCommands": self._set_my_commands,
            "getMyCommands": self._get_my_commands,
            "setMyDescription": self._set_my_description,
            "getMyDescription": self._get_my_description,
            "setMyShortDescription": self._set_my_short_description,
            "getMyShortDescription": self._get_my_short_description,
            "sendMessage": self._send_message,
            "editMessageText": self._edit_message_text,
            "editMessageReplyMarkup": self._edit_message_reply_markup,
            "deleteMessage": self._delete_message,
            "answerCallbackQuery": self._answer_callback_query,
            "sendPhoto": self._send_photo,
            "sendDocument": self._send_document,
            "sendVoice": self._send_voice,
            "sendChatAction": self._send_chat_action,
            "leaveChat": self._leave_chat,
        }
        # getUpdates needs the raw call to detect conflicts; dispatched separately.
        self._canonical = {name.lower(): name for name in [*self._methods, "getUpdates"]}

    # -- lifecycle -------------------------------------------------------------------------

    async def start(self) -> None:
        if self._runner is not None:
            raise RuntimeError("FakeTelegram already started")
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/{tail:.*}", self._handle)
        # handler_cancellation: a long poll whose client went away is cancelled, like Telegram.
        runner = web.AppRunner(
            app, access_log=None, shutdown_timeout=1.0, handler_cancellation=True
        )
        await runner.setup()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            sock.bind(("127.0.0.1", 0))
            site = web.SockSite(runner, sock)
            await site.start()
        except BaseException:
            sock.close()
            await runner.cleanup()
            raise
        port = sock.getsockname()[1]
        self._runner = runner
        self._stopping = False
        self._url = f"http://127.0.0.1:{port}"

    async def stop(self) -> None:
        """Stop the server; pending long polls return [] at once. Raises if the fake itself
        crashed while handling a request (so bugs in the fake cannot pass silently)."""
        runner, self._runner = self._runner, None
        if runner is None:
            return
        self._stopping = True
        await self._stop_webhook()
        await self._notify()
        await runner.cleanup()
        if self.server_errors:
            raise RuntimeError(f"FakeTelegram crashed: {self.server_errors!r}")

    async def __aenter__(self) -> FakeTelegram:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc is None:
            await self.stop()
            return
        with contextlib.suppress(RuntimeError):  # don't mask the test's own failure
            await self.stop()

    @property
    def url(self) -> str:
        """``http://127.0.0.1:PORT``; use ``f"{url}/bot"`` as PTB's base_url."""
        if self._url is None:
            raise RuntimeError("FakeTelegram is not started")
        return self._url

    @property
    def base_url(self) -> str:
        return f"{self.url}/bot"

    @property
    def base_file_url(self) -> str:
        return f"{self.url}/file/bot"

    # -- people and chats -------------------------------------------------------------------

    def user(self, user_id: int, first_name: str, *, language_code: str = "en") -> FakeUser:
        """The person with this id in a private chat with the bot (same object on repeat)."""
        existing = self._users.get(user_id)
        if existing is not None:
            return existing
        chat = self._chats.get(user_id)
        if chat is None:
            chat = self._chats[user_id] = _Chat(
                user_id, "private", first_name, next_message_id=self._first_message_id
            )
        created = FakeUser(self, user_id, first_name, language_code, chat)
        self._users[user_id] = created
        return created

    def block(self, user_id: int) -> None:
        """The user blocks the bot: writes to their chat get 403 until :meth:`unblock`."""
        self._blocked.add(user_id)

    def unblock(self, user_id: int) -> None:
        self._blocked.discard(user_id)

    def _group(self, group_chat_id: int, title: str) -> _Chat:
        chat = self._chats.get(group_chat_id)
        if chat is None:
            chat = self._chats[group_chat_id] = _Chat(
                group_chat_id, "group", title, next_message_id=self._first_message_id
            )
        elif chat.type != "group":
            raise ValueError(f"chat {group_chat_id} is a private chat, not a group")
        return chat

    # -- fault injection and flood control ---------------------------------------------------

    def rate_limit(
        self,
        *,
        global_per_second: float | None = None,
        per_chat_per_second: float | None = None,
        burst: int | None = None,
    ) -> None:
        """Enforce flood control on send*/edit* (not sendChatAction). Token buckets: each allows
        ``burst`` requests at once (default: one second's worth, at least 1) then ``rate``/s.
        Exceeding answers 429 with ``retry_after`` = whole seconds until allowed (>= 1) and counts
        :attr:`rate_limit_hits`. Call with no limits to switch it off."""
        now = time.monotonic()

        def capacity(rate: float) -> float:
            return float(burst) if burst is not None else max(1.0, rate)

        self._global_bucket = None
        if global_per_second is not None:
            cap = capacity(global_per_second)
            self._global_bucket = _Bucket(global_per_second, cap, cap, now)
        self._chat_rate = None
        self._chat_buckets.clear()
        if per_chat_per_second is not None:
            self._chat_rate = (per_chat_per_second, capacity(per_chat_per_second))

    def fail_next(
        self,
        method: str,
        *,
        status: int | Literal["network"] = 500,
        times: int = 1,
        description: str | None = None,
        retry_after: int = 1,
        processed: bool = False,
    ) -> None:
        """Make the next ``times`` calls of ``method`` fail with HTTP ``status`` (Telegram-shaped
        error body; 429 carries ``retry_after``) or, with ``"network"``, drop the connection
        without a response. With ``processed=True`` the call takes effect first (e.g. the message
        is delivered) and only the response is lost/replaced."""
        name = self._canonical.get(method.lower())
        if name is None:
            raise ValueError(
                f"unknown method {method!r}; known: {sorted(self._canonical.values())}"
            )
        queue = self._faults.setdefault(name, deque())
        for _ in range(times):
            queue.append(_Fault(status, description, retry_after, processed))

    # -- inspection -------------------------------------------------------------------------

    def calls_to(self, method: str) -> list[ApiCall]:
        return [call for call in self.calls if call.method == method]

    def messages_to(self, chat_id: int, *, include_deleted: bool = False) -> list[SentMessage]:
        """Current state (after edits) of the bot's messages in the chat, in send order."""
        chat = self._chats.get(chat_id)
        if chat is None:
            return []
        return [m for m in chat.messages if include_deleted or not m.deleted]

    def photos_to(self, chat_id: int) -> list[SentFile]:
        return [m.file for m in self.messages_to(chat_id) if m.file and m.kind == "photo"]

    def documents_to(self, chat_id: int) -> list[SentFile]:
        return [m.file for m in self.messages_to(chat_id) if m.file and m.kind == "document"]

    def voices_to(self, chat_id: int) -> list[SentFile]:
        return [m.file for m in self.messages_to(chat_id) if m.file and m.kind == "voice"]

    def commands(
        self, *, scope: dict[str, Any] | None = None, language_code: str = ""
    ) -> list[dict[str, str]]:
        """The bot's command list as last set with setMyCommands for that scope/language."""
        return list(self._commands.get(_commands_key(scope, language_code), []))

    def listen(self, listener: Callable[[Change], None]) -> Callable[[], None]:
        """Call ``listener`` with each :class:`Change` from now on, synchronously, in the
        server's event loop; returns the function that stops it."""
        self._listeners.append(listener)

        def stop() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return stop

    def history(self, chat_id: int) -> list[SentMessage | dict[str, Any]]:
        """The chat as its member sees it, oldest first: the bot's messages (current state)
        and the user's (Bot API ``Message`` JSON), deleted ones left out."""
        chat = self._chats.get(chat_id)
        if chat is None:
            return []
        entries: list[tuple[int, SentMessage | dict[str, Any]]] = [
            (message.message_id, message) for message in chat.messages if not message.deleted
        ]
        entries += [
            (message_id, message)
            for message_id, message in chat.user_messages.items()
            if message_id not in chat.deleted_user_messages
        ]
        return [entry for _, entry in sorted(entries, key=lambda pair: pair[0])]

    def entry(self, chat_id: int, message_id: int) -> SentMessage | dict[str, Any] | None:
        """One message of :meth:`history` (None when unknown or deleted)."""
        chat = self._chats.get(chat_id)
        if chat is None:
            return None
        if message_id in chat.user_messages:
            if message_id in chat.deleted_user_messages:
                return None
            return chat.user_messages[message_id]
        return chat.bot_message(message_id)

    def file(self, file_id: str) -> SentFile | None:
        """A file the bot sent or a user sent with its bytes (None when unknown)."""
        return self._files_by_id.get(file_id)

    def next_ids(self) -> tuple[int, int]:
        """The next update id and the next message id this server would give (message ids
        count per chat; this is the highest), so a restart can go on from them."""
        update_id = max((update["update_id"] for update in self.sent_updates), default=-1) + 1
        message_id = max((chat.next_message_id for chat in self._chats.values()), default=1)
        return max(update_id, self._first_update_id), max(message_id, self._first_message_id)

    def _emit(self, change: Change) -> None:
        for listener in list(self._listeners):
            listener(change)

    @property
    def pending_updates(self) -> list[dict[str, Any]]:
        """Updates queued for the bot and not yet confirmed via getUpdates' offset."""
        return list(self._updates)

    async def redeliver(self, update_id: int) -> None:
        """Queue an update again with its update_id, as Telegram does when the bot's
        confirmation of it was lost (its next getUpdates never came). A running bot polls
        past it; a bot (re)starting polls from offset 0 and receives it."""
        update = next(u for u in self.sent_updates if u["update_id"] == update_id)
        self._updates = sorted([*self._updates, update], key=lambda u: u["update_id"])
        await self._notify()

    @property
    def unanswered_callbacks(self) -> list[str]:
        """Ids of callback queries a user pressed that the bot has not answered yet."""
        return list(self._pending_callbacks)

    def assert_callbacks_answered(self) -> None:
        if self._pending_callbacks:
            raise AssertionError(
                f"bot did not answer callback queries {self.unanswered_callbacks}\n"
                + self._recent_calls()
            )

    async def wait_for(
        self,
        predicate: Callable[[], T | None],
        timeout: float = 5.0,  # noqa: ASYNC109 - a per-call deadline is this API's point
        *,
        what: str | None = None,
    ) -> T:
        """Wait until ``predicate()`` returns something truthy and return it. Re-evaluated
        after every request and state change (no polling). On timeout raises AssertionError
        describing ``what`` with the most recent API calls."""
        try:
            async with asyncio.timeout(timeout), self._changed:
                while True:
                    result = predicate()
                    if result:
                        return result
                    await self._changed.wait()
        except TimeoutError:
            label = what or getattr(predicate, "__name__", repr(predicate))
            raise AssertionError(
                f"timed out after {timeout}s waiting for {label}\n{self._recent_calls()}"
            ) from None

    async def wait_callbacks_answered(self, timeout: float = 5.0) -> None:  # noqa: ASYNC109
        await self.wait_for(
            lambda: not self._pending_callbacks,
            timeout,
            what=f"answers to callback queries {self.unanswered_callbacks}",
        )

    def _recent_calls(self, count: int = 25) -> str:
        lines = [f"last {min(count, len(self.calls))} of {len(self.calls)} API calls:"]
        lines += [f"  {call}" for call in self.calls[-count:]]
        if self.server_errors:
            lines.append(f"fake server errors: {self.server_errors!r}")
        return "\n".join(lines)

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    # -- update queue (used by FakeUser) ----------------------------------------------------

    async def _push_update(self, kind: str, payload: dict[str, Any]) -> dict[str, Any]:
        update = {"update_id": next(self._update_ids), kind: payload}
        self._updates.append(update)
        self.sent_updates.append(update)
        await self._notify()
        return update

    def _new_file_id(self) -> tuple[str, str]:
        number = next(self._file_ids)
        return f"FAKEFILE{number:06d}", f"FAKEUNIQ{number:06d}"

    def _remember_user_voice(self, chat: _Chat, message_id: int, voice: dict[str, Any]) -> None:
        """Make a voice note a user sent re-sendable by its file_id (as on real Telegram)."""
        file_id = voice["file_id"]
        self._files_by_id.setdefault(
            file_id,
            SentFile(
                chat.id,
                message_id,
                "voice",
                file_id,
                voice.pop("_data", b""),
                None,
                voice.get("mime_type"),
                None,
                duration=voice.get("duration"),
                file_size=voice.get("file_size"),
            ),
        )

    def _bot_json(self) -> dict[str, Any]:
        return {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": "Mend",
            "username": self.bot_username,
        }

    def _message_json(self, message: SentMessage) -> dict[str, Any]:
        chat = self._chats[message.chat_id]
        body: dict[str, Any] = {
            "message_id": message.message_id,
            "from": self._bot_json(),
            "chat": chat.to_json(),
            "date": message.date,
        }
        if message.edit_count:
            body["edit_date"] = int(time.time())
        if message.kind == "text":
            body["text"] = message.text
        else:
            if message.text:
                body["caption"] = message.text
            assert message.file is not None
            sent = message.file
            if message.kind == "photo":
                body["photo"] = [
                    {
                        "file_id": sent.file_id,
                        "file_unique_id": sent.file_id.replace("FILE", "UNIQ"),
                        "width": 320,
                        "height": 320,
                        "file_size": len(sent.data),
                    }
                ]
            elif message.kind == "voice":
                body["voice"] = {
                    "file_id": sent.file_id,
                    "file_unique_id": sent.file_id.replace("FILE", "UNIQ"),
                    "duration": sent.duration or 0,
                    "mime_type": _voice_mime_type(sent.content_type),
                    "file_size": len(sent.data) if sent.file_size is None else sent.file_size,
                }
            else:
                document: dict[str, Any] = {
                    "file_id": sent.file_id,
                    "file_unique_id": sent.file_id.replace("FILE", "UNIQ"),
                    "file_size": len(sent.data),
                }
                if sent.filename:
                    document["file_name"] = sent.filename
                if sent.content_type:
                    document["mime_type"] = sent.content_type
                body["document"] = document
        if message.reply_to_message_id is not None:
            replied = self._any_message_json(chat, message.reply_to_message_id)
            if replied is not None:
                body["reply_to_message"] = replied
        if message.reply_markup and "inline_keyboard" in message.reply_markup:
            body["reply_markup"] = message.reply_markup  # Telegram echoes inline keyboards only
        return body

    def _any_message_json(self, chat: _Chat, message_id: int) -> dict[str, Any] | None:
        if message_id in chat.user_messages:
            if message_id in chat.deleted_user_messages:
                return None
            return chat.user_messages[message_id]
        bot_message = chat.bot_message(message_id)
        return None if bot_message is None else self._message_json(bot_message)

    # -- HTTP -------------------------------------------------------------------------------

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        match = re.fullmatch(r"/bot([^/]+)/([A-Za-z0-9_]+)", request.path)
        if match is None:
            return web.json_response(
                {"ok": False, "error_code": 404, "description": "Not Found"}, status=404
            )
        token, raw_method = match.groups()
        method = self._canonical.get(raw_method.lower(), raw_method)
        try:
            params, files = await _read_params(request)
        except (ValueError, UnicodeDecodeError) as exc:
            params, files = {}, {}
            error: _ApiError | None = _bad_request(f"can't parse request: {exc}")
        else:
            error = None
        call = ApiCall(method, params, files, time.monotonic())
        self.calls.append(call)
        await self._notify()

        if token != self.token:
            error = _ApiError(401, "Unauthorized")
        fault: _Fault | None = None
        if error is None:
            queue = self._faults.get(method)
            fault = queue.popleft() if queue else None
        if fault is not None and not fault.processed:
            return await self._apply_fault(request, call, fault)

        result: Any = None
        if error is None:
            try:
                result = await self._dispatch(method, params, files)
            except asyncio.CancelledError:
                call.status = -1  # the client disconnected (e.g. PTB cancelled its long poll)
                raise
            except _ApiError as exc:
                error = exc
            except Exception as exc:  # a bug in the fake: surface it loudly
                self.server_errors.append(exc)
                error = _ApiError(500, f"Internal Server Error: fake crashed: {exc!r}")
        if fault is not None:
            return await self._apply_fault(request, call, fault)
        if error is not None:
            return await self._respond(call, error.status, error.payload())
        return await self._respond(call, 200, {"ok": True, "result": result})

    async def _respond(self, call: ApiCall, status: int, body: dict[str, Any]) -> web.Response:
        call.status = status
        call.response = body
        await self._notify()
        return web.json_response(body, status=status)

    async def _apply_fault(
        self, request: web.Request, call: ApiCall, fault: _Fault
    ) -> web.StreamResponse:
        if fault.status == "network":
            call.status = -1
            await self._notify()
            if request.transport is not None:
                request.transport.close()
            return web.Response()  # never reaches the client: the connection is gone
        descriptions = {
            400: "Bad Request: injected failure",
            401: "Unauthorized",
            403: "Forbidden: bot was blocked by the user",
            409: "Conflict: terminated by other getUpdates request",
            429: f"Too Many Requests: retry after {fault.retry_after}",
            500: "Internal Server Error",
            502: "Bad Gateway",
        }
        error = _ApiError(
            fault.status,
            fault.description or descriptions.get(fault.status, "Internal Server Error"),
            {"retry_after": fault.retry_after} if fault.status == 429 else None,
        )
        return await self._respond(call, error.status, error.payload())

    async def _dispatch(
        self, method: str, params: dict[str, Any], files: dict[str, UploadedFile]
    ) -> Any:
        if method == "getUpdates":
            return await self._get_updates(params)
        handler = self._methods.get(method)
        if handler is None:
            raise _bad_request("method not found")
        if method in _CHAT_WRITE_METHODS:
            chat = self._chat(params)
            if chat.type == "private" and chat.id in self._blocked:
                raise _ApiError(403, "Forbidden: bot was blocked by the user")
            if chat.bot_left:
                raise _ApiError(403, "Forbidden: bot is not a member of the group chat")
            if method in _RATE_LIMITED_METHODS:
                self._check_flood(chat.id)
        return await handler(params, files)

    def _check_flood(self, chat_id: int) -> None:
        now = time.monotonic()
        buckets: list[_Bucket] = []
        if self._global_bucket is not None:
            buckets.append(self._global_bucket)
        if self._chat_rate is not None:
            rate, capacity = self._chat_rate
            bucket = self._chat_buckets.get(chat_id)
            if bucket is None:
                bucket = self._chat_buckets[chat_id] = _Bucket(rate, capacity, capacity, now)
            buckets.append(bucket)
        for bucket in buckets:
            bucket.refill(now)
        wait = max((bucket.wait_time() for bucket in buckets), default=0.0)
        if wait > 0:
            self.rate_limit_hits += 1
            retry_after = max(1, math.ceil(wait))
            raise _ApiError(
                429,
                f"Too Many Requests: retry after {retry_after}",
                {"retry_after": retry_after},
            )
        for bucket in buckets:
            bucket.tokens -= 1.0

    # -- Bot API methods --------------------------------------------------------------------

    def _chat(self, params: dict[str, Any]) -> _Chat:
        chat_id = params.get("chat_id")
        if chat_id is None or chat_id == "":
            raise _bad_request("chat_id is empty")
        chat = self._chats.get(chat_id) if isinstance(chat_id, int) else None
        if chat is None:
            raise _bad_request("chat not found")
        return chat

    async def _get_me(self, params: dict[str, Any], files: dict[str, UploadedFile]) -> Any:
        return {
            **self._bot_json(),
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    async def _get_updates(self, params: dict[str, Any]) -> Any:
        if self._webhook is not None:
            raise _ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        offset = _int_param(params, "offset", 0)
        limit = min(100, max(1, _int_param(params, "limit", 100)))
        timeout = max(0.0, float(params.get("timeout") or 0))
        allowed = params.get("allowed_updates")
        if isinstance(allowed, list):
            self._allowed_updates = [str(kind) for kind in allowed] or None
        if offset < 0:
            del self._updates[: max(0, len(self._updates) + offset)]
        elif offset:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
        self._poll_generation += 1
        generation = self._poll_generation
        deadline = time.monotonic() + timeout
        async with self._changed:
            while True:
                if generation != self._poll_generation:
                    raise _ApiError(
                        409,
                        "Conflict: terminated by other getUpdates request; make sure that only "
                        "one bot instance is running",
                    )
                self._drop_disallowed_updates()
                if self._updates or self._stopping:
                    break
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                try:
                    async with asyncio.timeout(remaining):
                        await self._changed.wait()
                except TimeoutError:
                    break
        return self._updates[:limit]

    def _drop_disallowed_updates(self) -> None:
        if self._allowed_updates is None:
            return
        allowed = set(self._allowed_updates)
        self._updates = [u for u in self._updates if _update_kind(u) in allowed]

    async def _delete_webhook(self, params: dict[str, Any], files: dict[str, UploadedFile]) -> Any:
        """Back to getUpdates: updates not yet delivered wait for the next poll."""
        await self._stop_webhook()
        if params.get("drop_pending_updates") is True:
            self._updates.clear()
        return True

    async def _set_webhook(self, params: dict[str, Any], files: dict[str, UploadedFile]) -> Any:
        """From now on POST each update to ``url`` (with the secret header if a
        ``secret_token`` was given) instead of serving getUpdates, as Telegram does."""
        url = params.get("url")
        if not url:
            return await self._delete_webhook(params, files)  # Telegram: empty url removes it
        if not isinstance(url, str) or not re.match(r"https?://", url):
            raise _bad_request("bad webhook: an HTTPS URL must be provided for webhook")
        secret = params.get("secret_token")
        if secret is not None and not (
            isinstance(secret, str) and re.fullmatch(r"[A-Za-z0-9_-]{1,256}", secret)
        ):
            raise _bad_request("secret token contains unallowed characters")
        allowed = params.get("allowed_updates")
        if isinstance(allowed, list):
            self._allowed_updates = [str(kind) for kind in allowed] or None
        if params.get("drop_pending_updates") is True:
            self._updates.clear()
        await self._stop_webhook()
        self._poll_generation += 1  # a long poll still open ends in a conflict
        webhook = _Webhook(url, secret)
        webhook.task = asyncio.create_task(self._deliver(webhook))
        self._webhook = webhook
        await self._notify()
        return True

    async def _get_webhook_info(
        self, params: dict[str, Any], files: dict[str, UploadedFile]
    ) -> Any:
        return {
            "url": self._webhook.url if self._webhook else "",
            "has_custom_certificate": False,
            "pending_update_count": len(self._updates),
        }

    async def _stop_webhook(self) -> None:
        webhook, self._webhook = self._webhook, None
        if webhook is not None and webhook.task is not None:
            webhook.task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await webhook.task

    async def _deliver(self, webhook: _Webhook) -> None:
        """POST the queued updates one at a time, in order; an update leaves the queue (is
        confirmed) only when the bot answered 200, else it is sent again a little later."""
        headers = {"Content-Type": "application/json"}
        if webhook.secret_token is not None:
            headers["X-Telegram-Bot-Api-Secret-Token"] = webhook.secret_token
        try:
            async with ClientSession(timeout=ClientTimeout(total=10)) as session:
                while True:
                    async with self._changed:
                        while True:
                            self._drop_disallowed_updates()
                            if self._updates:
                                break
                            await self._changed.wait()
                    update = self._updates[0]
                    status: int | None
                    try:
                        async with session.post(
                            webhook.url, data=json.dumps(update), headers=headers
                        ) as response:
                            status = response.status
                    except (ClientError, TimeoutError):
                        status = None
                    self.webhook_deliveries.append(WebhookDelivery(update["update_id"], status))
                    if status == 200:
                        self._updates = [
                            u for u in self._updates if u["update_id"] != update["update_id"]
                        ]
                    await self._notify()
                    if status != 200:
                        await asyncio.sleep(0.05)  # Telegram backs off before trying again
        except Exception as exc:  # a bug in the fake: surface it loudly
            self.server_errors.append(exc)
            raise

    async def _set_my_commands(
        self, params: dict[str, Any], files: dict[str, UploadedFile]
    ) -> Any:
        commands = params.get("commands")
        if not isinstance(commands, list):
            raise _bad_request("commands must be an array")
        if len(commands) > 100:
            raise _bad_request("too many commands")
        cleaned: list[dict[str, str]] = []
        for item in commands:
            if not isinstance(item, dict):
                raise _bad_request("can't parse BotCommand")
            command = str(item.get("command", "")).removeprefix("/")
            description = str(item.get("description", ""))
            if not _BOT_COMMAND_RE.fullmatch(command):
                raise _bad_request("BOT_COMMAND_INVALID")
            if not 1 <= len(description) <= 256:
                raise _bad_request("command description is empty or too long")
            cleaned.append({"command": command, "description": description})
        key = _commands_key(params.get("scope"), str(params.get("language_code") or ""))
        self._commands[key] = cleaned
        self._emit(Change("commands"))
        return True

    async def _get_my_commands(
        self, params: dict[str, Any], files: dict[str, UploadedFile]
    ) -> Any:
        key = _commands_key(params.get("scope"), str(params.get("language_code") or ""))
        return self._commands.get(key, [])

    def _set_text_setting(
        self, store: dict[str, str], params: dict[str, Any], name: str, limit: int
    ) -> Any:
        value = params.get(name)
        if value is not None and not isinstance(value, str):
            raise _bad_request(f"{name} must be a String")
        text = value or ""
        if len(text) > limit:  # Telegram counts characters: 512 and 120
            raise _bad_request(f"{name} is too long")
        language = str(params.get("language_code") or "")
        if text:
            store[language] = text
        else:
            store.pop(language, None)  # an empty one removes it
        return True

    async def _set_my_description(
        self, params: dict[str, Any], files: dict[str, UploadedFile]
    ) -> Any:
        return self._set_text_setting(self.descriptions, params, "description", 512)

    async def _get_my_description(
        self, params: dict[str, Any], files: dict[str, UploadedFile]
    ) -> Any:
        language = str(params.get("language_code") or "")
        return {"description": self.descriptions.get(language, "")}

    async def _set_my_short_description(
        self, params: dict[str, Any], files: dict[str, UploadedFile]
    ) -> Any:
        return self._set_text_setting(self.short_descriptions, params, "short_description", 120)

    async def _get_my_short_description(
        self, params: dict[str, Any], files: dict[str, UploadedFile]
    ) -> Any:
        language = str(params.get("language_code") or "")
        return {"short_description": self.short_descriptions.get(language, "")}

    async def _send_message(self, params: dict[str, Any], files: dict[str, UploadedFile]) -> Any:
        chat = self._chat(params)
        raw = params.get("text")
        if not isinstance(raw, str):
            raise _bad_request("message text is empty")
        parse_mode = _parse_mode(params)
        text = _visible_text(raw, parse_mode, MAX_TEXT_LENGTH, caption=False)
        markup = _validate_markup(params.get("reply_markup"))
        reply_to = self._reply_to(chat, params)
        message = SentMessage(
            chat_id=chat.id,
            message_id=chat.take_message_id(),
            kind="text",
            text=text,
            raw_text=raw,
            parse_mode=parse_mode,
            reply_markup=markup,
            date=int(time.time()),
            reply_to_message_id=reply_to,
            silent=_flag(params.get("disable_notification")),
        )
        chat.messages.append(message)
        self._emit(Change("message", chat.id, message.message_id))
        return self._message_json(message)

    async def _send_photo(self, params: dict[str, Any], files: dict[str, UploadedFile]) -> Any:
        return self._send_file("photo", params, files)

    async def _send_document(self, params: dict[str, Any], files: dict[str, UploadedFile]) -> Any:
        return self._send_file("document", params, files)

    async def _send_voice(self, params: dict[str, Any], files: dict[str, UploadedFile]) -> Any:
        return self._send_file("voice", params, files)

    def _send_file(
        self,
        kind: Literal["photo", "document", "voice"],
        params: dict[str, Any],
        files: dict[str, UploadedFile],
    ) -> Any:
        chat = self._chat(params)
        raw_caption = params.get("caption")
        parse_mode = _parse_mode(params)
        caption = ""
        if isinstance(raw_caption, str) and raw_caption:
            caption = _visible_text(raw_caption, parse_mode, MAX_CAPTION_LENGTH, caption=True)
        markup = _validate_markup(params.get("reply_markup"))
        reply_to = self._reply_to(chat, params)
        upload = _input_file(kind, params, files)
        duration = params.get("duration")
        if kind != "voice":
            duration = None
        elif isinstance(duration, bool) or not isinstance(duration, int):
            duration = 0  # not given (or not an Integer): Telegram reports 0 for uploads
        message_id = chat.take_message_id()
        if isinstance(upload, UploadedFile):
            if not upload.data:
                raise _bad_request("file must be non-empty")
            file_id, _ = self._new_file_id()
            sent = SentFile(
                chat.id,
                message_id,
                kind,
                file_id,
                upload.data,
                upload.filename,
                upload.content_type,
                caption or None,
                duration=duration,
            )
        else:
            previous = self._files_by_id.get(upload)
            if previous is None and not upload.startswith(("http://", "https://")):
                raise _bad_request("wrong file identifier/HTTP URL specified")
            file_id = previous.file_id if previous else self._new_file_id()[0]
            sent = SentFile(
                chat.id,
                message_id,
                kind,
                file_id,
                previous.data if previous else b"",
                previous.filename if previous else None,
                previous.content_type if previous else None,
                caption or None,
                source=upload,
                # a known file keeps its own metadata, whatever the request says
                duration=previous.duration if previous and kind == "voice" else duration,
                file_size=previous.file_size if previous else None,
            )
        self._files_by_id.setdefault(sent.file_id, sent)
        message = SentMessage(
            chat_id=chat.id,
            message_id=message_id,
            kind=kind,
            text=caption,
            raw_text=raw_caption if isinstance(raw_caption, str) else "",
            parse_mode=parse_mode,
            reply_markup=markup,
            date=int(time.time()),
            file=sent,
            reply_to_message_id=reply_to,
            silent=_flag(params.get("disable_notification")),
        )
        chat.messages.append(message)
        self._emit(Change("message", chat.id, message.message_id))
        return self._message_json(message)

    def _reply_to(self, chat: _Chat, params: dict[str, Any]) -> int | None:
        reply = params.get("reply_parameters")
        if isinstance(reply, dict):
            message_id = reply.get("message_id")
            tolerant = bool(reply.get("allow_sending_without_reply"))
        else:
            message_id = params.get("reply_to_message_id")
            tolerant = bool(params.get("allow_sending_without_reply"))
        if not isinstance(message_id, int):
            return None
        if self._any_message_json(chat, message_id) is None:
            if tolerant:
                return None
            raise _bad_request("message to be replied not found")
        return message_id

    def _edited_message(self, params: dict[str, Any]) -> SentMessage:
        if params.get("inline_message_id"):
            raise _bad_request("MESSAGE_ID_INVALID")
        chat = self._chat(params)
        message_id = params.get("message_id")
        message = chat.bot_message(message_id) if isinstance(message_id, int) else None
        if message is None:
            raise _bad_request("message to edit not found")
        if message.reply_markup and "keyboard" in message.reply_markup:
            # "only possible to edit messages without reply_markup or with inline keyboards"
            raise _bad_request("message can't be edited")
        markup = params.get("reply_markup")
        if markup is not None and not (isinstance(markup, dict) and "inline_keyboard" in markup):
            raise _bad_request("inline keyboard expected")
        return message

    async def _edit_message_text(
        self, params: dict[str, Any], files: dict[str, UploadedFile]
    ) -> Any:
        message = self._edited_message(params)
        if message.kind != "text":
            raise _bad_request("there is no text in the message to edit")
        raw = params.get("text")
        if not isinstance(raw, str):
            raise _bad_request("message text is empty")
        parse_mode = _parse_mode(params)
        text = _visible_text(raw, parse_mode, MAX_TEXT_LENGTH, caption=False)
        markup = _validate_markup(params.get("reply_markup"))
        if (
            raw == message.raw_text
            and parse_mode == message.parse_mode
            and markup == message.reply_markup
        ):
            raise _bad_request(_NOT_MODIFIED.removeprefix("Bad Request: "))
        message.raw_text, message.text, message.parse_mode = raw, text, parse_mode
        message.reply_markup = markup  # like Telegram: omitting reply_markup removes it
        message.edit_count += 1
        self._emit(Change("message", message.chat_id, message.message_id))
        return self._message_json(message)

    async def _edit_message_reply_markup(
        self, params: dict[str, Any], files: dict[str, UploadedFile]
    ) -> Any:
        message = self._edited_message(params)
        markup = _validate_markup(params.get("reply_markup"))
        if markup == message.reply_markup:
            raise _bad_request(_NOT_MODIFIED.removeprefix("Bad Request: "))
        message.reply_markup = markup
        message.edit_count += 1
        self._emit(Change("message", message.chat_id, message.message_id))
        return self._message_json(message)

    async def _delete_message(self, params: dict[str, Any], files: dict[str, UploadedFile]) -> Any:
        chat = self._chat(params)
        message_id = params.get("message_id")
        if not isinstance(message_id, int):
            raise _bad_request("message identifier is not specified")
        message = chat.bot_message(message_id)
        if message is not None:
            message.deleted = True
            self._emit(Change("deleted", chat.id, message_id))
            return True
        if message_id in chat.user_messages and message_id not in chat.deleted_user_messages:
            chat.deleted_user_messages.add(message_id)
            self._emit(Change("deleted", chat.id, message_id))
            return True
        raise _bad_request("message to delete not found")

    async def _answer_callback_query(
        self, params: dict[str, Any], files: dict[str, UploadedFile]
    ) -> Any:
        query_id = params.get("callback_query_id")
        if not isinstance(query_id, str) or query_id not in self._pending_callbacks:
            raise _bad_request(_QUERY_INVALID.removeprefix("Bad Request: "))
        text = params.get("text")
        if isinstance(text, str) and len(text) > MAX_CALLBACK_ANSWER_LENGTH:
            raise _bad_request("MESSAGE_TOO_LONG")
        user_id = self._pending_callbacks.pop(query_id)
        cache_time = params.get("cache_time")
        self.answered_callbacks[query_id] = CallbackAnswer(
            text=text if isinstance(text, str) else None,
            show_alert=params.get("show_alert") is True,
            url=params.get("url") if isinstance(params.get("url"), str) else None,
            cache_time=cache_time if isinstance(cache_time, int) else None,
        )
        answer = self.answered_callbacks[query_id]
        if answer.text:
            self._emit(Change("answer", user_id, text=answer.text, alert=answer.show_alert))
        return True

    async def _send_chat_action(
        self, params: dict[str, Any], files: dict[str, UploadedFile]
    ) -> Any:
        self._chat(params)
        if params.get("action") not in _CHAT_ACTIONS:
            raise _bad_request("wrong parameter action in request")
        return True

    async def _leave_chat(self, params: dict[str, Any], files: dict[str, UploadedFile]) -> Any:
        chat = self._chat(params)
        if chat.type == "private":
            raise _bad_request("chat member status can't be changed in private chats")
        chat.bot_left = True
        return True


# --------------------------------------------------------------------------------------------
# Users
# --------------------------------------------------------------------------------------------


class _ChatActor:
    """A person acting in one chat: sends updates and reads the bot's messages there."""

    def __init__(self, tg: FakeTelegram, user: FakeUser, chat: _Chat) -> None:
        self._tg = tg
        self._user = user
        self._chat = chat
        self._cursor = 0  # index into chat.messages after the last message wait_message returned

    @property
    def chat_id(self) -> int:
        return self._chat.id

    @property
    def messages(self) -> list[SentMessage]:
        """The bot's current (non-deleted) messages in this chat, in order."""
        return self._tg.messages_to(self._chat.id)

    def last_message(self) -> SentMessage:
        messages = self.messages
        if not messages:
            raise AssertionError(f"the bot has sent no message to chat {self._chat.id}")
        return messages[-1]

    async def wait_message(
        self,
        contains: object = None,
        *,
        timeout: float = 5.0,  # noqa: ASYNC109
    ) -> SentMessage:
        """Wait for the next message the bot sends in this chat after the one this actor last
        returned (a cursor; messages sent earlier count if not yet returned). With ``contains``,
        the first such message whose visible text (after edits) contains it; messages skipped
        over are consumed. Deleted messages are not skipped (check ``.deleted``). ``contains``
        may be any object whose ``str()`` is the text (a translated text of the bot's)."""
        wanted = None if contains is None else str(contains)

        def find() -> SentMessage | None:
            for message in self._chat.messages[self._cursor :]:
                if wanted is None or wanted in message.text:
                    return message
            return None

        what = "a new message" + (f" containing {wanted!r}" if wanted else "")
        try:
            message = await self._tg.wait_for(
                find, timeout, what=f"{what} from the bot in chat {self._chat.id}"
            )
        except AssertionError as exc:
            unread = "\n".join(f"  {m}" for m in self._chat.messages[self._cursor :])
            report = f"{exc}\nunread bot messages in chat {self._chat.id}:\n{unread or '  (none)'}"
            if wanted is not None:
                seen = [m for m in self._chat.messages[: self._cursor] if wanted in m.text]
                if seen:
                    report += (
                        f"\nhint: already returned message(s) contain {wanted!r} now "
                        f"(edited in place?): {', '.join(str(m) for m in seen)}; "
                        "wait for an edit with tg.wait_for(lambda: ... in message.text)"
                    )
            raise AssertionError(report) from None
        self._cursor = self._chat.messages.index(message) + 1
        return message

    def _user_json(self) -> dict[str, Any]:
        return self._user.to_json()

    async def _send_message(self, content: dict[str, Any]) -> int:
        if self._chat.bot_left:
            raise AssertionError(f"the bot has left chat {self._chat.id}")
        message_id = self._chat.take_message_id()
        message = {
            "message_id": message_id,
            "from": self._user_json(),
            "chat": self._chat.to_json(),
            "date": int(time.time()),
            **content,
        }
        voice = content.get("voice")
        if isinstance(voice, dict):  # registered before the bot can see the update
            self._tg._remember_user_voice(self._chat, message_id, voice)
        self._chat.user_messages[message_id] = message
        self._tg._emit(Change("message", self._chat.id, message_id))
        await self._tg._push_update("message", message)
        return message_id

    async def send(self, text: str, *, reply_to: SentMessage | None = None) -> int:
        """Send a text message; a leading /command (also /cmd@bot) gets a bot_command entity.
        Returns the new message's id."""
        if not text.strip():
            raise ValueError("Telegram clients cannot send empty messages")
        content: dict[str, Any] = {"text": text}
        command = _COMMAND_RE.match(text)
        if command is not None:
            length = len(command.group().encode("utf-16-le")) // 2
            content["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
        if reply_to is not None:
            replied = self._tg._any_message_json(self._chat, reply_to.message_id)
            if replied is None:
                raise AssertionError(f"cannot reply to deleted message {reply_to}")
            content["reply_to_message"] = replied
        return await self._send_message(content)

    async def send_sticker(self, emoji: str = "👍") -> int:
        file_id, unique_id = self._tg._new_file_id()
        sticker = {
            "file_id": file_id,
            "file_unique_id": unique_id,
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": emoji,
        }
        return await self._send_message({"sticker": sticker})

    async def send_photo(self, caption: str | None = None) -> int:
        file_id, unique_id = self._tg._new_file_id()
        photo = [
            {
                "file_id": file_id,
                "file_unique_id": unique_id,
                "width": 640,
                "height": 480,
                "file_size": 12345,
            }
        ]
        content: dict[str, Any] = {"photo": photo}
        if caption:
            content["caption"] = caption
        return await self._send_message(content)

    async def send_voice(
        self, duration: int = 3, *, data: bytes = b"", mime_type: str = "audio/ogg"
    ) -> int:
        """Send a voice note; with ``data``, its bytes are kept (``tg.file``) so it can be
        played back, here and wherever the bot re-sends it by file_id."""
        file_id, unique_id = self._tg._new_file_id()
        voice: dict[str, Any] = {
            "file_id": file_id,
            "file_unique_id": unique_id,
            "duration": duration,
            "mime_type": mime_type,
            "file_size": len(data) if data else 4321,
        }
        if data:
            voice["_data"] = data  # taken out before the update is built
        return await self._send_message({"voice": voice})

    async def press(self, message: SentMessage, button_text: str) -> str:
        """Press the button with exactly this text on the message's current keyboard.
        Inline buttons queue a callback_query (returns its id); reply-keyboard buttons send
        their text as a message (returns "")."""
        if message.deleted:
            raise AssertionError(f"cannot press a button on deleted message {message}")
        markup = message.reply_markup or {}
        for row in _keyboard_rows(message.reply_markup):
            for button in row:
                text, data = _button_pair(button)
                if text != button_text:
                    continue
                if "keyboard" in markup:
                    await self.send(text)
                    return ""
                if isinstance(button, dict) and "url" in button:
                    raise AssertionError(
                        f"button {text!r} opens a link ({button['url']}): a client opens it "
                        "and sends the bot nothing; read it with message.links instead"
                    )
                if data is None:
                    raise AssertionError(f"button {text!r} has no callback_data: {button}")
                return await self.press_data(message, data)
        raise AssertionError(
            f"no button {button_text!r} on message {message.message_id}; "
            f"buttons are {message.buttons}"
        )

    async def press_data(self, message: SentMessage, data: str) -> str:
        """Queue a callback_query with arbitrary (forged or stale) data; returns its id."""
        query_id = str(next(self._tg._callback_ids) + 4_000_000_000)
        self._tg._pending_callbacks[query_id] = self._user.id
        query = {
            "id": query_id,
            "from": self._user_json(),
            "message": self._tg._message_json(message),
            "chat_instance": str(self._chat.id * 7 + 1),
            "data": data,
        }
        await self._tg._push_update("callback_query", query)
        return query_id


class FakeUser(_ChatActor):
    """A person in a private chat with the bot (chat id == user id)."""

    def __init__(
        self,
        tg: FakeTelegram,
        user_id: int,
        first_name: str,
        language_code: str,
        chat: _Chat,
    ) -> None:
        self.id = user_id
        self.first_name = first_name
        self.language_code = language_code
        self._groups: dict[int, FakeGroup] = {}
        super().__init__(tg, self, chat)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "is_bot": False,
            "first_name": self.first_name,
            "language_code": self.language_code,
        }

    def in_group(self, group_chat_id: int, title: str) -> FakeGroup:
        """This user inside a group chat (type "group") with the bot."""
        group = self._groups.get(group_chat_id)
        if group is None:
            chat = self._tg._group(group_chat_id, title)
            group = self._groups[group_chat_id] = FakeGroup(self._tg, self, chat)
        return group

    def rename(self, first_name: str) -> None:
        """The person changes their name in Telegram: later updates carry the new one."""
        self.first_name = first_name
        self._chat.name = first_name

    def __repr__(self) -> str:
        return f"FakeUser({self.id}, {self.first_name!r})"


class FakeGroup(_ChatActor):
    """A user acting in a group chat: ``send`` posts as that user in the group."""

    @property
    def id(self) -> int:
        return self._chat.id

    @property
    def title(self) -> str:
        return self._chat.name

    @property
    def user(self) -> FakeUser:
        return self._user

    def __repr__(self) -> str:
        return f"FakeGroup({self.id}, {self.title!r}, user={self._user!r})"


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------


def _decode_param(name: str, value: str) -> Any:
    if name in _STRING_PARAMS:
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value


async def _read_params(request: web.Request) -> tuple[dict[str, Any], dict[str, UploadedFile]]:
    params: dict[str, Any] = {k: _decode_param(k, v) for k, v in request.query.items()}
    files: dict[str, UploadedFile] = {}
    if not request.can_read_body:
        return params, files
    if request.content_type == "multipart/form-data":
        reader = await request.multipart()
        while True:
            part = await reader.next()
            if part is None:
                break
            if not isinstance(part, BodyPartReader) or part.name is None:
                continue
            data = await part.read()
            if part.filename is not None:
                files[part.name] = UploadedFile(
                    part.filename, part.headers.get(hdrs.CONTENT_TYPE), bytes(data)
                )
            else:
                params[part.name] = _decode_param(part.name, bytes(data).decode("utf-8"))
    elif request.content_type == "application/json":
        body = await request.json()
        if not isinstance(body, dict):
            raise ValueError("JSON body must be an object")
        params.update(body)
    else:
        form = await request.post()
        for key, value in form.items():
            if isinstance(value, str):
                params[key] = _decode_param(key, value)
    return params, files


def _input_file(
    kind: str, params: dict[str, Any], files: dict[str, UploadedFile]
) -> UploadedFile | str:
    if kind in files:
        return files[kind]
    value = params.get(kind)
    if isinstance(value, str) and value.startswith("attach://"):
        attached = files.get(value.removeprefix("attach://"))
        if attached is None:
            raise _bad_request(f"file {value} not found in the request")
        return attached
    if isinstance(value, str) and value:
        return value
    raise _bad_request(f"there is no {kind} in the request")


def _voice_mime_type(content_type: str | None) -> str:
    """Voice notes are OGG/OPUS (or MP3/M4A) audio; an upload without an audio content type
    (PTB sends raw bytes as application/octet-stream) is reported as audio/ogg."""
    if content_type and content_type.startswith("audio/"):
        return content_type
    return "audio/ogg"


def _flag(value: object) -> bool:
    """A Boolean parameter as Telegram reads it (true, or the string "true")."""
    return value is True or (isinstance(value, str) and value.lower() == "true")


def _parse_mode(params: dict[str, Any]) -> str | None:
    mode = params.get("parse_mode")
    if mode is None or mode == "":
        return None
    if not isinstance(mode, str) or mode.lower() not in ("html", "markdown", "markdownv2"):
        raise _bad_request(f"unsupported parse_mode {mode!r}")
    return mode


def _visible_text(raw: str, parse_mode: str | None, limit: int, *, caption: bool) -> str:
    text = raw
    if parse_mode is not None and parse_mode.lower() == "html":
        try:
            text = html_to_text(raw)
        except HtmlError as exc:
            raise _bad_request(f"can't parse entities: {exc}") from None
    if not caption and not text.strip():
        raise _bad_request("message text is empty")
    if len(text) > limit:
        raise _bad_request("message caption is too long" if caption else "message is too long")
    return text


def _validate_markup(markup: Any) -> dict[str, Any] | None:
    if markup is None:
        return None
    if not isinstance(markup, dict):
        raise _bad_request("can't parse reply keyboard markup JSON object")
    if "inline_keyboard" in markup:
        rows = markup["inline_keyboard"]
        if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
            raise _bad_request(
                'field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays'
            )
        if sum(len(row) for row in rows) > 100:
            raise _bad_request("reply markup is too long")
        for row in rows:
            for button in row:
                _validate_inline_button(button)
    elif "keyboard" in markup:
        rows = markup["keyboard"]
        if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
            raise _bad_request(
                'field "keyboard" of the ReplyKeyboardMarkup must be an Array of Arrays'
            )
        for row in rows:
            for button in row:
                text = button.get("text") if isinstance(button, dict) else button
                if not isinstance(text, str) or not text:
                    raise _bad_request("keyboard button text must be non-empty")
    return markup


def _validate_inline_button(button: Any) -> None:
    if not isinstance(button, dict):
        raise _bad_request("can't parse inline keyboard button: Object expected")
    text = button.get("text")
    if not isinstance(text, str) or not text.strip():
        raise _bad_request("can't parse inline keyboard button: Text must be non-empty")
    actions = [key for key in button if key != "text"]
    if not actions:
        raise _bad_request("text buttons are unallowed in the inline keyboard")
    data = button.get("callback_data")
    if "callback_data" in button and (
        not isinstance(data, str) or not 1 <= len(data.encode("utf-8")) <= MAX_CALLBACK_DATA_BYTES
    ):
        raise _bad_request("BUTTON_DATA_INVALID")
    url = button.get("url")
    if "url" in button and (
        not isinstance(url, str) or not url.startswith(("http://", "https://", "tg://"))
    ):
        raise _bad_request("BUTTON_URL_INVALID")


def _keyboard_rows(markup: dict[str, Any] | None) -> list[list[Any]]:
    if not markup:
        return []
    rows = markup.get("inline_keyboard", markup.get("keyboard", []))
    return rows if isinstance(rows, list) else []


def _button_pair(button: Any) -> tuple[str, str | None]:
    if isinstance(button, str):
        return button, None
    data = button.get("callback_data")
    return str(button.get("text", "")), data if isinstance(data, str) else None


def _commands_key(scope: Any, language_code: str) -> str:
    scope = scope if isinstance(scope, dict) else {"type": "default"}
    return json.dumps([scope, language_code], sort_keys=True)


def _int_param(params: dict[str, Any], name: str, default: int) -> int:
    value = params.get(name)
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _bad_request(f'field "{name}" must be of type Integer')
    return int(value)


def _update_kind(update: dict[str, Any]) -> str:
    return next(key for key in update if key != "update_id")


def _short(value: Any, limit: int = 80) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."
