"""The support page: the library's words, framed by Mend's own."""

from bot.kernel.i18n import N_
from bot.kernel.outgoing import Button, Outgoing
from bot.kernel.screens import Open
from bot.library import Support
from bot.texts import escape

BUTTON_SUPPORT = N_("Where to find support")
TITLE = N_("<b>Support</b>")
URGENT_TITLE = N_("<b>If it's urgent</b>")
LINES_TITLE = N_("<b>People you can talk to</b>")
LINE = N_("• {country}: <b>{name}</b>. {contact}")
RESOURCE = N_("• <b>{name}</b>: {detail}")
# When the library's support.yaml has no page: Mend's own words, then its resources.
FALLBACK_MESSAGE = N_(
    "Whatever brought you here, you don't have to carry it alone. Here are some places to turn to."
)
NOT_A_SERVICE = N_(
    "Mend can't see if you're in danger and can't call anyone for you. "
    "Nothing here is shown to your partner."
)


def support_button() -> Button:
    """A button that opens the support page as a new message, from any message."""
    return Button(str(BUTTON_SUPPORT), Open("support").pack())


def page(support: Support) -> Outgoing:
    """/support: the page from the library, or its resources when it has no page."""
    found = support.page
    if found is None:
        lines = [str(TITLE), str(FALLBACK_MESSAGE), ""]
        lines += [
            RESOURCE.format(name=escape(r.name), detail=escape(r.detail))
            for r in support.resources
        ]
        return Outgoing("\n".join([*lines, "", str(NOT_A_SERVICE)]))
    lines = [str(TITLE), escape(found.message), "", str(URGENT_TITLE), escape(found.urgent)]
    if found.lines:
        lines += ["", str(LINES_TITLE)]
        lines += [
            LINE.format(country=escape(h.country), name=escape(h.name), contact=escape(h.contact))
            for h in found.lines
        ]
    return Outgoing("\n".join([*lines, "", str(NOT_A_SERVICE)]))
