"""Bot API requests over aiohttp's client.

python-telegram-bot's default request (httpx) cost about 1.3 ms of CPU per sent message on
the benchmark's 2-core machine, which by itself uses up one core at Telegram's paid rate of
1,000 messages a second. aiohttp's client (keep-alive connection pool, C-accelerated HTTP
parser) does the same work for a fraction of that. This is PTB's documented way to bring
another HTTP library: a :class:`~telegram.request.BaseRequest` whose ``do_request`` returns
the status and body; PTB maps them to the same errors as always (RetryAfter, Forbidden, ...).
"""

import aiohttp
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData


class AiohttpRequest(BaseRequest):
    """One aiohttp session with up to ``connections`` keep-alive connections."""

    def __init__(
        self, connections: int = 64, read_timeout: float = 5.0, connect_timeout: float = 5.0
    ) -> None:
        self._connections = connections
        self._read_timeout = read_timeout
        self._connect_timeout = connect_timeout
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float:
        return self._read_timeout

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=self._connections),
                headers={"User-Agent": self.USER_AGENT},
            )

    async def shutdown(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: object = None,
        write_timeout: object = None,
        connect_timeout: object = None,
        pool_timeout: object = None,
    ) -> tuple[int, bytes]:
        """One call; timeouts are seconds, None (wait as long as needed) or PTB's "default"."""
        if self._session is None:
            raise RuntimeError("AiohttpRequest is not initialized")
        files = request_data.multipart_data if request_data and request_data.contains_files else {}
        fields = request_data.json_parameters if request_data else {}
        body: aiohttp.FormData | dict[str, str] | None = fields or None
        if files:
            form = aiohttp.FormData()
            for name, value in fields.items():
                form.add_field(name, value)
            for name, part in files.items():
                filename, content, *rest = part
                form.add_field(
                    name, content, filename=filename, content_type=rest[0] if rest else None
                )
            body = form
        timeout = aiohttp.ClientTimeout(
            sock_connect=_seconds(connect_timeout, self._connect_timeout),
            sock_read=_seconds(read_timeout, self._read_timeout),
            total=None,
        )
        try:
            async with self._session.request(method, url, data=body, timeout=timeout) as response:
                return response.status, await response.read()
        except TimeoutError as error:
            raise TimedOut from error
        except aiohttp.ClientError as error:
            raise NetworkError(f"aiohttp.{type(error).__name__}: {error}") from error


def _seconds(given: object, default: float) -> float | None:
    """A per-call timeout: the seconds given, None to wait as long as needed, else ours."""
    if given is None:
        return None
    return float(given) if isinstance(given, int | float) else default
