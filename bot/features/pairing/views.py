"""What pairing says: invites, joining and unpairing."""

from urllib.parse import urlencode

from bot.features.pairing.buttons import (
    BringBack,
    ConfirmUnpair,
    Decline,
    HistoryAnswer,
    Join,
    KeepPaired,
)
from bot.features.pairing.models import (
    HistoryAnswered,
    HistoryOutcome,
    InviteMade,
    InvitePreview,
    Joined,
    UnpairQuestion,
)
from bot.features.support import support_button
from bot.kernel.outgoing import Outgoing, buttons, link
from bot.texts import escape

INVITE = (
    "Here is your invite. Tap the button to send it to your partner in any chat, or send "
    "them this link:\n{link}\n\n"
    "Or they can send me <code>/start {code}</code>.\n"
    "It works once, for 48 hours. Making a new one cancels this one."
)
BUTTON_SHARE = "Send it to my partner"
SHARE_TEXT = "Would you try this with me? A few quiet minutes a day, for the two of us."
INVITE_PREVIEW = (
    "{name} has invited you to pair on Mend.\n"
    "Once paired, you each answer your own check-ins. You'll see each other's answers only "
    "after you've both answered, and nothing else is shared unless its author sends it.\n"
    "Either of you can unpair at any time."
)
BUTTON_PAIR = "Pair with {name}"
BUTTON_NOT_NOW = "Not now"
PAIR_DECLINED = "All right, nothing has changed. The invite stays valid until it expires."
PAIRED = "You're paired with {name}."
INVITE_UNKNOWN = (
    "I don't recognise that invite code. Check it was copied in full, or ask your partner "
    "to send a new one with /pair."
)
INVITE_OWN = "That's your own invite. Send the link to your partner so they can join."
INVITE_USED = "That invite has already been used. Ask your partner for a new one with /pair."
INVITE_REPLACED = "That invite was replaced by a newer one. Ask your partner for the latest link."
INVITE_EXPIRED = "That invite has expired (they last 48 hours). Ask for a new one with /pair."
ALREADY_PAIRED = "You're already paired with {name}. To pair with someone else, /unpair first."
INVITER_PAIRED = "{name} is already paired, so this invite can't be used."
NOT_PAIRED = "You're not paired with anyone right now. /pair makes an invite."
UNPAIR_CONFIRM = (
    "End your pairing with {name}? They'll get a short notice that it ended, nothing more. "
    "Your own entries stay yours, and anything not yet delivered between you is dropped.\n"
    "What you shared (your agreement's history, disclosures, wins, repair plan and promises) "
    "is kept for both of you but out of sight; /export still includes it. If you two pair "
    "again, it can come back if you both agree."
)
BUTTON_UNPAIR = "Yes, end the pairing"
BUTTON_KEEP_PAIRED = "No, keep it"
KEPT_PAIRED = "Nothing has changed. You're still paired."
UNPAIRED = "The pairing has ended. Your own entries are still yours. /pair makes a new invite."
HISTORY_QUESTION = (
    "<b>You and {name} were paired on Mend before</b>\n"
    "Would you like your shared history back: your agreement's history, disclosures, wins, "
    "repair plan and promises? It comes back only if you both say yes. Until then you start "
    "fresh, and a no from either of you keeps it out of sight."
)
BUTTON_HISTORY_YES = "Yes, bring it back"
BUTTON_HISTORY_NO = "No, start fresh"
HISTORY_WAITING = "Noted. It comes back only if {name} says yes too, and I'll tell you if so."
HISTORY_BACK = (
    "Your shared history with {name} is back: /agreement, /disclosures, /wins, /repair and "
    "/promises show it again."
)
HISTORY_FRESH = (
    "All right, you two start fresh. Your earlier history stays kept, out of sight, and "
    "nothing of it is shown."
)
HISTORY_FRESH_NOTICE = (
    "You and {name} are starting fresh: your earlier shared history stays kept, out of sight. "
    "What you build from here counts just the same."
)
HISTORY_FRESH_ALREADY = "This question has closed: you two are starting fresh."
HISTORY_ANSWERED = "You've answered this already."
HISTORY_CLOSED = "That question was about an earlier pairing, and it has closed."
PARTNER_UNPAIRED = (
    "Your pairing on Mend has ended. Your own entries are still yours.\n\n"
    "News like this can land hard, even when it was expected. Be gentle with yourself "
    "tonight, and if you can, reach out to someone you trust. If it would help, here is "
    "where to find support."
)


def invite(result: InviteMade, bot_username: str) -> Outgoing:
    """The link and the bare code, and a button that opens Telegram's share sheet."""
    address = f"https://t.me/{bot_username}?start={result.code}"
    share = "https://t.me/share/url?" + urlencode({"url": address, "text": SHARE_TEXT})
    return Outgoing(INVITE.format(link=address, code=result.code), ((link(BUTTON_SHARE, share),),))


def invite_preview(result: InvitePreview) -> Outgoing:
    return Outgoing(
        INVITE_PREVIEW.format(name=escape(result.inviter_name)),
        buttons(
            [(BUTTON_PAIR.format(name=result.inviter_name), Join(result.code).pack())],
            [(BUTTON_NOT_NOW, Decline().pack())],
        ),
    )


def paired(partner_name: str) -> Outgoing:
    """Told to the inviter (through the outbox) when their partner joins."""
    return Outgoing(PAIRED.format(name=escape(partner_name)))


def joined(result: Joined, then: Outgoing | None) -> Outgoing:
    """Paired; then the next step of set-up (or the home screen), when a feature offers one."""
    done = PAIRED.format(name=escape(result.partner_name))
    if then is None:
        return Outgoing(done)
    return Outgoing(done + "\n\n" + then.text, then.buttons)


def declined() -> Outgoing:
    return Outgoing(PAIR_DECLINED)


def already_paired(partner_name: str) -> str:
    return ALREADY_PAIRED.format(name=escape(partner_name))


def inviter_paired(inviter_name: str) -> str:
    return INVITER_PAIRED.format(name=escape(inviter_name))


def unpair_question(result: UnpairQuestion) -> Outgoing:
    return Outgoing(
        UNPAIR_CONFIRM.format(name=escape(result.partner_name)),
        buttons(
            [(BUTTON_UNPAIR, ConfirmUnpair(result.couple_id).pack())],
            [(BUTTON_KEEP_PAIRED, KeepPaired().pack())],
        ),
    )


def unpaired() -> Outgoing:
    return Outgoing(UNPAIRED)


def kept_paired() -> Outgoing:
    return Outgoing(KEPT_PAIRED)


def partner_unpaired() -> Outgoing:
    """The notice the partner gets (through the outbox): kind words, and where support is."""
    return Outgoing(PARTNER_UNPAIRED, ((support_button(),),))


def history_question(couple_id: int, partner_name: str) -> Outgoing:
    """Asked of both when the same two pair again."""
    return Outgoing(
        HISTORY_QUESTION.format(name=escape(partner_name)),
        buttons(
            [(BUTTON_HISTORY_YES, BringBack(couple_id, HistoryAnswer.YES).pack())],
            [(BUTTON_HISTORY_NO, BringBack(couple_id, HistoryAnswer.NO).pack())],
        ),
    )


def history_answered(result: HistoryAnswered) -> Outgoing:
    """The presser's question, answered."""
    name = escape(result.partner_name)
    if result.outcome is HistoryOutcome.WAITING:
        return Outgoing(HISTORY_WAITING.format(name=name))
    if result.outcome is HistoryOutcome.BROUGHT_BACK:
        return Outgoing(HISTORY_BACK.format(name=name))
    return Outgoing(HISTORY_FRESH)


def history_back(partner_name: str) -> Outgoing:
    """To the one who said yes first, once the other said yes too."""
    return Outgoing(HISTORY_BACK.format(name=escape(partner_name)))


def history_fresh_notice(partner_name: str) -> Outgoing:
    """To the other, when one said no: kindly, and without a reason."""
    return Outgoing(HISTORY_FRESH_NOTICE.format(name=escape(partner_name)))
