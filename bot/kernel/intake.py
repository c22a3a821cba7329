"""Where updates come in: python-telegram-bot's side of the inbox (bot/kernel/inbox.py).

Two documented extension points of PTB, no fork of its polling loop:

- **A request hook**, :class:`InboxRequest`, the ``get_updates_request`` (PTB's documented
  ``BaseRequest.do_request``): the batch a getUpdates returns is stored in the inbox before
  PTB gets it. PTB's Updater advances its offset (which confirms the batch to Telegram on the
  *next* getUpdates) only after ``get_updates`` returned, so nothing is confirmed before it
  is committed; if storing fails, PTB takes it for a network error, keeps its offset and
  fetches the batch again. A custom ``Updater`` could not do this without copying its polling
  loop: the fetch step is a closure inside the private ``_start_polling``, which calls only
  ``self.bot.get_updates``.
- **An update processor**, :class:`InboxProcessor` (``ApplicationBuilder.concurrent_updates``):
  it handles only the copy of an update this process stored or replayed (skipping one that
  Telegram re-delivered), inside ``Inbox.handling``, which marks the update done with its
  effect. One update at a time, as before: each chat's updates keep their order.

- **An update queue**, :class:`InboxQueue` (``ApplicationBuilder.update_queue``), in webhook
  mode only. Telegram re-sends an update until the webhook answered 200 and forgets it
  after. PTB's webhook handler (``telegram.ext._utils.webhookhandler.TelegramHandler.post``)
  refuses a request without the secret header (403), parses the body into an ``Update`` and
  awaits ``update_queue.put(update)``; tornado sends the response once ``post`` returned.
  ``InboxQueue.put`` stores the update (its own committed transaction) before queueing it,
  so the 200 goes out after the commit, and a failed store raises: tornado answers 500 and
  Telegram sends the update again. What is stored is ``update.to_dict()``, PTB's own
  serialisation (unknown fields kept in ``api_kwargs``): the handler does not pass on the
  raw body. Read back with ``Update.de_json``, as a polled update is.

:func:`replay` puts the updates stored and not done (a crash came first) in the update queue
at start-up, before polling begins, so they are handled first.
"""

import asyncio
import inspect
import logging
from collections.abc import Awaitable
from http import HTTPStatus
from typing import Any

from telegram import Update
from telegram.ext import Application, BaseUpdateProcessor
from telegram.request import RequestData

from bot.kernel.http import AiohttpRequest
from bot.kernel.inbox import Inbox

log = logging.getLogger(__name__)


class InboxRequest(AiohttpRequest):
    """The getUpdates request: stores each fetched batch in the inbox before returning it."""

    def __init__(self, inbox: Inbox, connections: int = 1) -> None:
        super().__init__(connections=connections)
        self._inbox = inbox

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
        status, payload = await super().do_request(
            url, method, request_data, read_timeout, write_timeout, connect_timeout, pool_timeout
        )
        # This request makes only getUpdates calls: a successful answer is a batch of updates.
        if status == HTTPStatus.OK:
            answer = self.parse_json_payload(payload)
            if answer.get("ok") and isinstance(answer.get("result"), list):
                await self._inbox.store(answer["result"])
        return status, payload


class InboxProcessor(BaseUpdateProcessor):
    """Handles each update once, from the inbox, one at a time."""

    def __init__(self, inbox: Inbox) -> None:
        super().__init__(max_concurrent_updates=1)
        self._inbox = inbox

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        if not isinstance(update, Update):
            await coroutine
            return
        if not self._inbox.claim(update.update_id):
            if inspect.iscoroutine(coroutine):
                coroutine.close()  # PTB's handling of the copy we skip, never started
            log.info("Update %d was received again; it is handled once", update.update_id)
            return
        async with self._inbox.handling(update.update_id):
            await coroutine

    async def initialize(self) -> None:
        """Nothing to open: the inbox lives in the database, opened in post_init."""

    async def shutdown(self) -> None:
        """Nothing to close."""


class InboxQueue(asyncio.Queue[object]):
    """The application's update queue in webhook mode: an update is stored in the inbox
    before it is queued, hence before PTB's webhook handler answers Telegram 200."""

    def __init__(self, inbox: Inbox) -> None:
        super().__init__()
        self._inbox = inbox

    async def put(self, item: object) -> None:
        # An update this process holds already (replayed at start-up, or stored and not yet
        # handled when Telegram sent it again) is not stored twice; the inbox decides for
        # the rest, and hands each update to be handled once (InboxProcessor).
        if isinstance(item, Update) and not self._inbox.holds(item.update_id):
            await self._inbox.store([item.to_dict()])
        await super().put(item)


async def replay(application: Application, inbox: Inbox) -> None:
    """Queue the updates stored and not done, in order, ahead of anything polled next."""
    for body in await inbox.pending():
        update = Update.de_json(body, application.bot)
        await application.update_queue.put(update)
