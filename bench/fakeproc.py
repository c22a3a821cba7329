"""The tests' fake Bot API server in its own process, so the bot's CPU figures are its own.

Driven over stdin/stdout with one JSON object per line (see :class:`FakeProcess`). Times in the
call log are ``time.monotonic()``, which on Linux is one clock for every process.
"""

import asyncio
import json
import sys
from typing import Any

from bot.playground.telegram_server import FakeTelegram


async def _serve() -> None:
    async with FakeTelegram() as tg:
        print(
            json.dumps({"base_url": tg.base_url, "file_url": tg.base_file_url, "token": tg.token}),
            flush=True,
        )
        while True:
            line = await asyncio.to_thread(sys.stdin.readline)
            if not line:
                return
            command = json.loads(line)
            name = command["cmd"]
            reply: Any = True
            if name == "users":
                for user_id in command["ids"]:
                    tg.user(user_id, "User")
            elif name == "rate":
                tg.rate_limit(
                    global_per_second=command.get("global"),
                    per_chat_per_second=command.get("chat"),
                )
            elif name == "count":
                reply = sum(1 for c in tg.calls if c.method == "sendMessage" and c.status == 200)
            elif name == "log":
                reply = [
                    [
                        c.at,
                        c.params.get("chat_id"),
                        c.status,
                        (c.response or {}).get("parameters", {}).get("retry_after"),
                        c.params.get("text"),
                    ]
                    for c in tg.calls
                    if c.method == "sendMessage"
                ]
            elif name == "reset":
                tg.calls.clear()
            elif name == "quit":
                print(json.dumps(True), flush=True)
                return
            print(json.dumps(reply), flush=True)


class FakeProcess:
    """Start, command and stop the fake server subprocess."""

    def __init__(self) -> None:
        self._proc: asyncio.subprocess.Process | None = None
        self.base_url = ""
        self.file_url = ""
        self.token = ""

    async def __aenter__(self) -> "FakeProcess":
        self._proc = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bench.fakeproc",
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            limit=256 * 1024 * 1024,
        )
        hello = json.loads(await self._read())
        self.base_url, self.file_url, self.token = (
            hello["base_url"],
            hello["file_url"],
            hello["token"],
        )
        return self

    async def _read(self) -> bytes:
        assert self._proc is not None and self._proc.stdout is not None
        line = await self._proc.stdout.readline()
        if not line:
            raise RuntimeError("fake Telegram process ended")
        return line

    async def command(self, cmd: str, **args: Any) -> Any:
        assert self._proc is not None and self._proc.stdin is not None
        self._proc.stdin.write((json.dumps({"cmd": cmd, **args}) + "\n").encode())
        await self._proc.stdin.drain()
        return json.loads(await self._read())

    async def __aexit__(self, *exc: object) -> None:
        if self._proc is None:
            return
        try:
            await asyncio.wait_for(self.command("quit"), 10)
        except (RuntimeError, TimeoutError):
            self._proc.kill()
        await self._proc.wait()


if __name__ == "__main__":
    asyncio.run(_serve())
