"""Gratitude as the user sees it."""

from bot import texts
from bot.features.gratitude.buttons import Keep, Send
from bot.features.gratitude.models import Draft, Kept, Sent
from bot.features.prompts import Ask, PromptFace
from bot.kernel.i18n import N_
from bot.kernel.outgoing import Button, Outgoing
from bot.prompts import Prompt

GRATITUDE_TITLE = N_("Gratitude")
GRATITUDE_HINT = N_("Write it in your own words. You'll see it again before anything is sent.")
PROMPT_EXPIRED = N_("That prompt has expired. /gratitude opens a fresh one.")
GRATITUDE_PREVIEW = N_("You wrote:\n<i>{text}</i>")
GRATITUDE_ASK_SEND = N_("Send it to {name}, or keep it private?")
GRATITUDE_KEPT_UNPAIRED = N_("Kept for you, privately. Only you can see it.")
BUTTON_KEEP_PRIVATE = N_("Keep private")
GRATITUDE_SENT = N_("Sent to {name}.")
GRATITUDE_KEPT = N_("Kept private. Only you can see it.")
GRATITUDE_ALREADY_SENT = N_("That one has already been sent.")
GRATITUDE_NOT_PAIRED = N_(
    "You're not paired right now, so there's no one to send it to. It's kept."
)
GRATITUDE_RELAY = N_("<b>A note of thanks from {name}</b>\n\n{text}")


def face(ask: Ask, prompt: Prompt | None, partner_name: str | None) -> PromptFace:
    """Under a gratitude question: the promise that nothing is sent unseen."""
    return PromptFace(str(GRATITUDE_TITLE), str(GRATITUDE_HINT))


def _preview(text: str) -> str:
    return GRATITUDE_PREVIEW.format(text=texts.escape(text))


def draft(result: Draft) -> Outgoing:
    """The appreciation shown back, with Send to <partner> / Keep private."""
    preview = _preview(result.text)
    name = result.partner_name
    if name is None:
        return Outgoing(f"{preview}\n\n{GRATITUDE_KEPT_UNPAIRED}")
    return Outgoing(
        preview + "\n\n" + GRATITUDE_ASK_SEND.format(name=texts.escape(name)),
        (
            (Button(texts.BUTTON_SEND_TO.format(name=name), Send(result.ask.id).pack()),),
            (Button(str(BUTTON_KEEP_PRIVATE), Keep(result.ask.id).pack()),),
        ),
    )


def sent(result: Sent) -> Outgoing:
    return Outgoing(
        _preview(result.text)
        + "\n\n"
        + GRATITUDE_SENT.format(name=texts.escape(result.partner_name))
    )


def kept(result: Kept) -> Outgoing:
    return Outgoing(f"{_preview(result.text)}\n\n{GRATITUDE_KEPT}")


def relay(author_name: str, text: str, rows: tuple[tuple[Button, ...], ...] = ()) -> Outgoing:
    """The appreciation as the partner receives it, with the buttons to answer it."""
    return Outgoing(
        GRATITUDE_RELAY.format(name=texts.escape(author_name), text=texts.escape(text)), rows
    )
