"""The playground's web page and its small JSON API, served by aiohttp on 127.0.0.1.

The page (``static/``) shows two phones; everything it shows comes from the embedded Bot API
server's own record of each chat, sent live over server-sent events (``/api/events``): a
``state`` event on connecting, then ``message``, ``deleted``, ``answer``, ``commands``,
``name`` and ``clock`` events. What a person does on a phone is a POST that becomes a
Telegram update, exactly as the Telegram app would send it.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from aiohttp import web

from bot.playground.sample import sample_voice
from bot.playground.telegram_server import (
    Change,
    FakeTelegram,
    FakeUser,
    SentFile,
    SentMessage,
)

STATIC = Path(__file__).parent / "static"
MAX_TEXT = 4096  # what Telegram lets a person send in one message
MAX_NAME = 64  # Telegram's limit for a first name
MAX_BODY = 64 * 1024
QUOTE = 120  # characters of a replied-to message shown above a reply
HEARTBEAT = 15.0  # seconds between SSE comments, so a dead connection is noticed

Move = Callable[[str], Awaitable[datetime]]
Upcoming = Callable[[], Awaitable[datetime | None]]
Rename = Callable[[FakeUser, str], None]


class BadRequest(Exception):
    """What was wrong with a request from the page, in one line."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


class Page:
    """The routes, and the live connections of open pages."""

    def __init__(
        self,
        tg: FakeTelegram,
        phones: tuple[FakeUser, FakeUser],
        now: Callable[[], datetime],
        move: Move,
        upcoming: Upcoming,
        rename: Rename,
    ) -> None:
        self.tg = tg
        self.phones = phones
        self._now = now
        self._move = move
        self._upcoming = upcoming
        self._rename = rename
        self._clients: set[asyncio.Queue[tuple[str, Any] | None]] = set()
        self._voice = sample_voice()
        self._closing = False
        tg.listen(self._changed)

    # -- the aiohttp application -------------------------------------------------------------

    def application(self) -> web.Application:
        app = web.Application(client_max_size=MAX_BODY, middlewares=[_only_local, _errors_as_json])
        app.router.add_get("/", self._index)
        app.router.add_static("/static/", STATIC)
        app.router.add_get("/api/state", self._state)
        app.router.add_get("/api/events", self._events)
        app.router.add_get("/api/files/{file_id}", self._file)
        app.router.add_post("/api/phones/{phone}/send", self._send)
        app.router.add_post("/api/phones/{phone}/press", self._press)
        app.router.add_post("/api/phones/{phone}/voice", self._send_voice)
        app.router.add_post("/api/phones/{phone}/name", self._name)
        app.router.add_get("/api/clock", self._clock)
        app.router.add_post("/api/clock", self._move_clock)
        app.on_shutdown.append(self._close_streams)
        return app

    async def _close_streams(self, app: web.Application) -> None:
        self._closing = True
        for queue in list(self._clients):
            queue.put_nowait(None)

    # -- reading ------------------------------------------------------------------------------

    async def _index(self, request: web.Request) -> web.StreamResponse:
        return web.FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-store"})

    async def snapshot(self) -> dict[str, Any]:
        return {
            "bot": {"username": self.tg.bot_username},
            "phones": [
                {
                    "id": phone.id,
                    "name": phone.first_name,
                    "messages": [self._entry_json(entry) for entry in self.tg.history(phone.id)],
                }
                for phone in self.phones
            ],
            "commands": self.tg.commands(),
            "clock": await self._clock_json(),
        }

    async def _state(self, request: web.Request) -> web.StreamResponse:
        return web.json_response(await self.snapshot())

    async def _clock_json(self) -> dict[str, Any]:
        upcoming = await self._upcoming()
        return {
            "now": self._now().isoformat(),
            "next": None if upcoming is None else upcoming.isoformat(),
        }

    async def _clock(self, request: web.Request) -> web.StreamResponse:
        return web.json_response(await self._clock_json())

    async def _file(self, request: web.Request) -> web.StreamResponse:
        sent = self.tg.file(request.match_info["file_id"])
        if sent is None or not sent.data:
            raise BadRequest("There is no such file.", 404)
        headers = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"}
        if sent.kind == "document":
            name = (sent.filename or "file").replace('"', "")
            headers["Content-Disposition"] = f'attachment; filename="{name}"'
        return web.Response(
            body=sent.data,
            content_type=sent.content_type or "application/octet-stream",
            headers=headers,
        )

    # -- live events --------------------------------------------------------------------------

    async def _events(self, request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(
            headers={
                "Content-Type": "text/event-stream",
                "Cache-Control": "no-store",
                "X-Accel-Buffering": "no",
            }
        )
        await response.prepare(request)
        queue: asyncio.Queue[tuple[str, Any] | None] = asyncio.Queue()
        self._clients.add(queue)
        try:
            await _write_event(response, "state", await self.snapshot())
            while not self._closing:
                try:
                    item = await asyncio.wait_for(queue.get(), HEARTBEAT)
                except TimeoutError:
                    await response.write(b": still here\n\n")
                    continue
                if item is None:
                    break
                await _write_event(response, *item)
        except (ConnectionResetError, asyncio.CancelledError):
            pass
        finally:
            self._clients.discard(queue)
        return response

    def publish(self, event: str, data: Any) -> None:
        for queue in self._clients:
            queue.put_nowait((event, data))

    def _changed(self, change: Change) -> None:
        """A change in the embedded server, turned into what the page needs, at once (the
        server's state is complete when it reports a change)."""
        if change.kind == "commands":
            self.publish("commands", self.tg.commands())
            return
        phone = change.chat_id
        if phone not in {each.id for each in self.phones}:
            return
        if change.kind == "answer":
            self.publish("answer", {"phone": phone, "text": change.text, "alert": change.alert})
        elif change.kind == "deleted":
            self.publish("deleted", {"phone": phone, "id": change.message_id})
        elif change.message_id is not None:
            entry = self.tg.entry(phone, change.message_id)
            if entry is not None:
                self.publish("message", {"phone": phone, "message": self._entry_json(entry)})

    async def clock_moved(self) -> None:
        self.publish("clock", await self._clock_json())

    # -- what a person does ------------------------------------------------------------------

    def _phone(self, request: web.Request) -> FakeUser:
        wanted = request.match_info["phone"]
        for phone in self.phones:
            if str(phone.id) == wanted:
                return phone
        raise BadRequest("There is no such phone.", 404)

    async def _send(self, request: web.Request) -> web.StreamResponse:
        phone = self._phone(request)
        body = await _json_body(request)
        text = body.get("text")
        if not isinstance(text, str) or not text.strip():
            raise BadRequest("Write something first.")
        if len(text) > MAX_TEXT:
            raise BadRequest(f"Telegram takes at most {MAX_TEXT} characters in one message.")
        reply_to = body.get("reply_to")
        replied: SentMessage | None = None
        if reply_to is not None:
            if not isinstance(reply_to, int) or isinstance(reply_to, bool):
                raise BadRequest("reply_to must be a message id.")
            entry = self.tg.entry(phone.id, reply_to)
            if entry is None:
                raise BadRequest("That message is not in this chat any more.", 404)
            if isinstance(entry, SentMessage):
                replied = entry
        message_id = await phone.send(text, reply_to=replied)
        return web.json_response({"id": message_id})

    async def _press(self, request: web.Request) -> web.StreamResponse:
        phone = self._phone(request)
        body = await _json_body(request)
        message_id, row, column = (body.get(name) for name in ("message_id", "row", "column"))
        if not all(
            isinstance(value, int) and not isinstance(value, bool)
            for value in (message_id, row, column)
        ):
            raise BadRequest("message_id, row and column must be whole numbers.")
        assert isinstance(message_id, int) and isinstance(row, int) and isinstance(column, int)
        message = self.tg.entry(phone.id, message_id)
        if not isinstance(message, SentMessage):
            raise BadRequest("That message is not in this chat any more.", 404)
        rows = message.buttons
        if not (0 <= row < len(rows) and 0 <= column < len(rows[row])):
            raise BadRequest("That button is not on the message any more.", 409)
        text, data = rows[row][column]
        if message.reply_markup and "keyboard" in message.reply_markup:
            await phone.send(text)
        elif data is None:
            raise BadRequest("That button opens a link; it sends nothing to the bot.")
        else:
            await phone.press_data(message, data)
        return web.json_response({"pressed": text})

    async def _send_voice(self, request: web.Request) -> web.StreamResponse:
        phone = self._phone(request)
        await _json_body(request)
        message_id = await phone.send_voice(duration=2, data=self._voice, mime_type="audio/wav")
        return web.json_response({"id": message_id})

    async def _name(self, request: web.Request) -> web.StreamResponse:
        phone = self._phone(request)
        body = await _json_body(request)
        name = body.get("name")
        if not isinstance(name, str) or not name.strip():
            raise BadRequest("A name needs at least one letter.")
        name = " ".join(name.split())
        if len(name) > MAX_NAME:
            raise BadRequest(f"Telegram takes at most {MAX_NAME} characters for a name.")
        self._rename(phone, name)
        self.publish("name", {"phone": phone.id, "name": name})
        return web.json_response({"name": name})

    async def _move_clock(self, request: web.Request) -> web.StreamResponse:
        body = await _json_body(request)
        move = body.get("move")
        if not isinstance(move, str):
            raise BadRequest('move must be one of "hour", "day", "week", "next".')
        try:
            await self._move(move)
        except LookupError as error:
            raise BadRequest(str(error.args[0]), 409) from None
        except ValueError as error:
            raise BadRequest(str(error)) from None
        await self.clock_moved()
        return web.json_response(await self._clock_json())

    # -- messages as the page shows them ---------------------------------------------------------

    def _entry_json(self, entry: SentMessage | dict[str, Any]) -> dict[str, Any]:
        if isinstance(entry, SentMessage):
            return self._bot_message_json(entry)
        return self._user_message_json(entry)

    def _bot_message_json(self, message: SentMessage) -> dict[str, Any]:
        markup = message.reply_markup or {}
        rows = markup.get("inline_keyboard") or markup.get("keyboard") or []
        buttons = [
            [
                {"text": str(button.get("text", ""))}
                | ({"url": button["url"]} if isinstance(button.get("url"), str) else {})
                for button in row
            ]
            for row in rows
        ]
        return {
            "id": message.message_id,
            "from": "bot",
            "kind": message.kind,
            "text": message.text,
            "html": message.raw_text if message.parse_mode == "HTML" else None,
            "buttons": buttons,
            "reply_to": self._quote(message.chat_id, message.reply_to_message_id),
            "file": _file_json(message.file),
            "edited": message.edit_count > 0,
        }

    def _user_message_json(self, message: dict[str, Any]) -> dict[str, Any]:
        chat_id = int(message["chat"]["id"])
        replied = message.get("reply_to_message")
        voice = message.get("voice")
        file = self.tg.file(voice["file_id"]) if isinstance(voice, dict) else None
        kind = "voice" if voice else "text" if "text" in message else "other"
        return {
            "id": message["message_id"],
            "from": "user",
            "kind": kind,
            "text": str(message.get("text") or message.get("caption") or ""),
            "html": None,
            "buttons": [],
            "reply_to": None
            if not isinstance(replied, dict)
            else self._quote(chat_id, replied.get("message_id")),
            "file": _file_json(file) if file is not None and file.data else None,
            "edited": False,
        }

    def _quote(self, chat_id: int, message_id: int | None) -> dict[str, Any] | None:
        if message_id is None:
            return None
        entry = self.tg.entry(chat_id, message_id)
        if entry is None:
            return {"id": message_id, "text": "", "deleted": True}
        if isinstance(entry, SentMessage):
            text = entry.text or {"photo": "Photo", "document": "File", "voice": "Voice"}.get(
                entry.kind, ""
            )
        else:
            text = str(entry.get("text") or ("Voice" if entry.get("voice") else ""))
        return {"id": message_id, "text": text[:QUOTE], "deleted": False}


def _file_json(sent: SentFile | None) -> dict[str, Any] | None:
    if sent is None:
        return None
    return {
        "url": f"/api/files/{sent.file_id}",
        "name": sent.filename,
        "type": sent.content_type,
        "size": len(sent.data),
        "duration": sent.duration,
    }


async def _json_body(request: web.Request) -> dict[str, Any]:
    if request.content_type != "application/json":
        raise BadRequest("Send JSON (Content-Type: application/json).", 415)
    try:
        body = await request.json()
    except (ValueError, UnicodeDecodeError):
        raise BadRequest("That is not JSON.") from None
    if not isinstance(body, dict):
        raise BadRequest("Send a JSON object.")
    return body


async def _write_event(response: web.StreamResponse, event: str, data: Any) -> None:
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    await response.write(f"event: {event}\ndata: {payload}\n\n".encode())


Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@web.middleware
async def _only_local(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Refuse requests addressed to another host name: a web page elsewhere cannot reach the
    playground through a name it points at 127.0.0.1 (DNS rebinding)."""
    host = request.host.rsplit(":", 1)[0] if request.host else ""
    if host not in {"127.0.0.1", "localhost"}:
        return web.json_response({"error": "Open the playground at 127.0.0.1."}, status=403)
    return await handler(request)


@web.middleware
async def _errors_as_json(request: web.Request, handler: Handler) -> web.StreamResponse:
    try:
        return await handler(request)
    except BadRequest as error:
        return web.json_response({"error": str(error)}, status=error.status)
    except web.HTTPRequestEntityTooLarge:
        return web.json_response({"error": "That is too much at once."}, status=413)
    except web.HTTPException as error:
        if error.status >= 400 and request.path.startswith("/api/"):
            return web.json_response({"error": error.reason}, status=error.status)
        raise
