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
from bot.kernel.i18n import N_
from bot.kernel.outgoing import Outgoing, buttons, link
from bot.texts import escape

INVITE = N_(
    "Here is your invite. Tap the button to send it to your partner in any chat, or send "
    "them this link:\n{link}\n\n"
    "Or they can send me <code>/start {code}</code>.\n"
    "It works once, for 48 hours. Making a new one cancels this one."
)
BUTTON_SHARE = N_("Send it to my partner")
SHARE_TEXT = N_("Would you try this with me? A few quiet minutes a day, for the two of us.")
INVITE_PREVIEW = N_(
    "{name} has invited you to pair on Mend.\n"
    "Once paired, you each answer your own check-ins. You'll see each other's answers only "
    "after you've both answered, and nothing else is shared unless its author sends it.\n"
    "Either of you can unpair at any time."
)
BUTTON_PAIR = N_("Pair with {name}")
BUTTON_NOT_NOW = N_("Not now")
PAIR_DECLINED = N_("All right, nothing has changed. The invite stays valid until it expires.")
PAIRED = N_("You're paired with {name}.")
INVITE_UNKNOWN = N_(
    "I don't recognise that invite code. Check it was copied in full, or ask your partner "
    "to send a new one with /pair."
)
INVITE_OWN = N_("That's your own invite. Send the link to your partner so they can join.")
INVITE_USED = N_("That invite has already been used. Ask your partner for a new one with /pair.")
INVITE_REPLACED = N_(
    "That invite was replaced by a newer one. Ask your partner for the latest link."
)
INVITE_EXPIRED = N_("That invite has expired (they last 48 hours). Ask for a new one with /pair.")
ALREADY_PAIRED = N_("You're already paired with {name}. To pair with someone else, /unpair first.")
INVITER_PAIRED = N_("{name} is already paired, so this invite can't be used.")
NOT_PAIRED = N_("You're not paired with anyone right now. /pair makes an invite.")
UNPAIR_CONFIRM = N_(
    "End your pairing with {name}? They'll get a short notice that it ended, nothing more. "
    "Your own entries stay yours, and anything not yet delivered between you is dropped.\n"
    "What you shared (your agreement's history, disclosures, wins, repair plan and promises) "
    "is kept for both of you but out of sight; /export still includes it. If you two pair "
    "again, it can come back if you both agree."
)
BUTTON_UNPAIR = N_("Yes, end the pairing")
BUTTON_KEEP_PAIRED = N_("No, keep it")
KEPT_PAIRED = N_("Nothing has changed. You're still paired.")
UNPAIRED = N_("The pairing has ended. Your own entries are still yours. /pair makes a new invite.")
HISTORY_QUESTION = N_(
    "<b>You and {name} were paired on Mend before</b>\n"
    "Would you like your shared history back: your agreement's history, disclosures, wins, "
    "repair plan and promises? It comes back only if you both say yes. Until then you start "
    "fresh, and a no from either of you keeps it out of sight."
)
BUTTON_HISTORY_YES = N_("Yes, bring it back")
BUTTON_HISTORY_NO = N_("No, start fresh")
HISTORY_WAITING = N_("Noted. It comes back only if {name} says yes too, and I'll tell you if so.")
HISTORY_BACK = N_(
    "Your shared history with {name} is back: /agreement, /disclosures, /wins, /repair and "
    "/promises show it again."
)
HISTORY_FRESH = N_(
    "All right, you two start fresh. Your earlier history stays kept, out of sight, and "
    "nothing of it is shown."
)
HISTORY_FRESH_NOTICE = N_(
    "You and {name} are starting fresh: your earlier shared history stays kept, out of sight. "
    "What you build from here counts just the same."
)
HISTORY_FRESH_ALREADY = N_("This question has closed: you two are starting fresh.")
HISTORY_ANSWERED = N_("You've answered this already.")
HISTORY_CLOSED = N_("That question was about an earlier pairing, and it has closed.")
PARTNER_UNPAIRED = N_(
    "Your pairing on Mend has ended. Your own entries are still yours.\n\n"
    "News like this can land hard, even when it was expected. Be gentle with yourself "
    "tonight, and if you can, reach out to someone you trust. If it would help, here is "
    "where to find support."
)


def invite(result: InviteMade, bot_username: str) -> Outgoing:
    """The link and the bare code, and a button that opens Telegram's share sheet."""
    address = f"https://t.me/{bot_username}?start={result.code}"
    share = "https://t.me/share/url?" + urlencode({"url": address, "text": str(SHARE_TEXT)})
    return Outgoing(
        INVITE.format(link=address, code=result.code), ((link(str(BUTTON_SHARE), share),),)
    )


def invite_preview(result: InvitePreview) -> Outgoing:
    return Outgoing(
        INVITE_PREVIEW.format(name=escape(result.inviter_name)),
        buttons(
            [(BUTTON_PAIR.format(name=result.inviter_name), Join(result.code).pack())],
            [(str(BUTTON_NOT_NOW), Decline().pack())],
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
    return Outgoing(str(PAIR_DECLINED))


def already_paired(partner_name: str) -> str:
    return ALREADY_PAIRED.format(name=escape(partner_name))


def inviter_paired(inviter_name: str) -> str:
    return INVITER_PAIRED.format(name=escape(inviter_name))


def unpair_question(result: UnpairQuestion) -> Outgoing:
    return Outgoing(
        UNPAIR_CONFIRM.format(name=escape(result.partner_name)),
        buttons(
            [(str(BUTTON_UNPAIR), ConfirmUnpair(result.couple_id).pack())],
            [(str(BUTTON_KEEP_PAIRED), KeepPaired().pack())],
        ),
    )


def unpaired() -> Outgoing:
    return Outgoing(str(UNPAIRED))


def kept_paired() -> Outgoing:
    return Outgoing(str(KEPT_PAIRED))


def partner_unpaired() -> Outgoing:
    """The notice the partner gets (through the outbox): kind words, and where support is."""
    return Outgoing(str(PARTNER_UNPAIRED), ((support_button(),),))


def history_question(couple_id: int, partner_name: str) -> Outgoing:
    """Asked of both when the same two pair again."""
    return Outgoing(
        HISTORY_QUESTION.format(name=escape(partner_name)),
        buttons(
            [(str(BUTTON_HISTORY_YES), BringBack(couple_id, HistoryAnswer.YES).pack())],
            [(str(BUTTON_HISTORY_NO), BringBack(couple_id, HistoryAnswer.NO).pack())],
        ),
    )


def history_answered(result: HistoryAnswered) -> Outgoing:
    """The presser's question, answered."""
    name = escape(result.partner_name)
    if result.outcome is HistoryOutcome.WAITING:
        return Outgoing(HISTORY_WAITING.format(name=name))
    if result.outcome is HistoryOutcome.BROUGHT_BACK:
        return Outgoing(HISTORY_BACK.format(name=name))
    return Outgoing(str(HISTORY_FRESH))


def history_back(partner_name: str) -> Outgoing:
    """To the one who said yes first, once the other said yes too."""
    return Outgoing(HISTORY_BACK.format(name=escape(partner_name)))


def history_fresh_notice(partner_name: str) -> Outgoing:
    """To the other, when one said no: kindly, and without a reason."""
    return Outgoing(HISTORY_FRESH_NOTICE.format(name=escape(partner_name)))
