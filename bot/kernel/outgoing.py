"""What Mend says, independent of Telegram: a message's text and its inline buttons.

Services build these; the handlers (for direct replies) and the sender (for the outbox) turn
them into Telegram calls. Stored in the outbox as JSON, encrypted.
"""

import base64
import json
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Button:
    text: str
    data: str  # callback data, at most 64 bytes ("" for a link)
    url: str | None = None  # a link the client opens instead (Telegram's share sheet, ...)


def link(text: str, url: str) -> Button:
    """A button that opens a link; pressing it sends Mend nothing."""
    return Button(text, "", url)


@dataclass(frozen=True, slots=True)
class Outgoing:
    text: str  # HTML; user text inside it is already escaped (the caption of a voice or photo)
    buttons: tuple[tuple[Button, ...], ...] = field(default=())
    voice: str | None = None  # Telegram file id of a voice note to send
    photo: bytes | None = None  # a PNG to send (the weekly review's chart)

    def to_json(self) -> str:
        rows = [[_button_json(button) for button in row] for row in self.buttons]
        data: dict[str, object] = {"text": self.text, "buttons": rows}
        if self.voice is not None:
            data["voice"] = self.voice
        if self.photo is not None:
            data["photo"] = base64.b64encode(self.photo).decode("ascii")
        return json.dumps(data, ensure_ascii=False)

    @classmethod
    def from_json(cls, raw: str) -> "Outgoing":
        data = json.loads(raw)
        rows = tuple(tuple(Button(*button) for button in row) for row in data["buttons"])
        photo = data.get("photo")
        return cls(
            data["text"],
            rows,
            data.get("voice"),
            None if photo is None else base64.b64decode(photo),
        )


def _button_json(button: Button) -> list[str]:
    """``[text, data]``, and the url after them for a link (rows written before links
    existed have two items)."""
    if button.url is None:
        return [button.text, button.data]
    return [button.text, button.data, button.url]


def buttons(*rows: list[tuple[str, str]]) -> tuple[tuple[Button, ...], ...]:
    """Build a keyboard from rows of (label, callback data) pairs."""
    return tuple(tuple(Button(text, data) for text, data in row) for row in rows)
