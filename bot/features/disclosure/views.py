"""What the disclosure feature says: results into text and buttons, and its words."""

from collections.abc import Sequence
from datetime import datetime

from bot.features.agreement import Topic
from bot.features.disclosure.buttons import (
    Acknowledge,
    Cancel,
    Edit,
    LogPage,
    NoNote,
    NothingToday,
    PickTopic,
    Send,
    ShareSomething,
    Undo,
)
from bot.features.disclosure.models import (
    Ack,
    AckChosen,
    AckSent,
    Asked,
    Disclosure,
    Kind,
    NothingNoted,
    Preview,
    Sending,
    SharedLog,
)
from bot.features.support import support_button
from bot.features.talk import talk_button
from bot.kernel import pages, when
from bot.kernel.i18n import N_
from bot.kernel.outgoing import Outgoing, buttons
from bot.storage.models import User
from bot.texts import BUTTON_SEND_TO, YOU, escape

LOG_PAGE = 5  # entries on a page of the shared log

DISCLOSE_NOTHING_IN_FORCE = N_(
    "There's no topic in force in your agreement right now, so there's nothing to disclose "
    "under it. /agreement shows your agreement and lets you propose a topic."
)
DISCLOSE_PICK = N_("Which topic is this about?")
DISCLOSE_WRITE = N_(
    "<b>{title}</b>\nWrite it now, in your own words, or send a voice note. You'll see it "
    "again before anything is sent."
)
DISCLOSE_PREVIEW = N_("Your disclosure on <b>{title}</b>:\n<i>{text}</i>")
DISCLOSE_PREVIEW_VOICE = N_("Your disclosure on <b>{title}</b>: a voice note.")
DISCLOSE_ASK_SEND = N_("Send it to {name}? Nothing goes until you press Send.")
BUTTON_EDIT = N_("Edit")
BUTTON_CANCEL = N_("Cancel")
BUTTON_UNDO = N_("Undo")
DISCLOSE_SENDING = N_("Sending to {name} in 30 seconds. Changed your mind? Press Undo.")
DISCLOSE_DELIVERED = N_("Delivered to {name} at {time}.")
DISCLOSE_SENDING_QUIET = N_(
    "Sending to {name} at {when}, when their quiet hours end. Changed your mind? "
    "Press Undo until then."
)
DISCLOSE_UNDONE = N_("Undone. Nothing was sent. It's still here as a draft:")
DISCLOSE_TOO_LATE = N_("It has already reached {name}, so it can't be undone.")
DISCLOSE_NOT_DELIVERED = N_(
    "It couldn't reach {name}, so there's nothing to undo: they never saw it. "
    "It's still in your shared log, marked as not delivered."
)
DISCLOSE_CANCELLED = N_("Cancelled. Nothing was sent, and what you wrote is erased.")
DISCLOSE_EDIT = N_("Send the new version now, in words or as a voice note.")
DISCLOSE_OFF_AGREEMENT = N_(
    "<b>{title}</b> isn't in force in your agreement any more, so I can't send this under it. "
    "Nothing was sent. /agreement shows what's in force and lets you propose a topic."
)
DISCLOSE_NOT_YET = N_(
    "Your agreement isn't in force yet, so there's nothing to disclose under it. "
    "/agreement shows where things stand."
)
DISCLOSE_CLOSED = N_("That disclosure has already been sent or cancelled.")
DISCLOSURE_RELAY = N_(
    "<b>A disclosure from {name}</b>\nTopic: {title}\nWritten {written}\n\n{text}"
)
DISCLOSURE_RELAY_VOICE = N_(
    "<b>A disclosure from {name}</b>, as a voice note\nTopic: {title}\nWritten {written}"
)
NOTHING_RELAY = N_("{name} has nothing to share under your agreement today.")
BUTTON_ACK_THANKS = N_("Thank you for telling me")
BUTTON_ACK_TALK = N_("I'd like to talk about this")
BUTTON_ACK_TIME = N_("I need some time")
ACK_LABELS = {
    Ack.THANKS: BUTTON_ACK_THANKS,
    Ack.TALK: BUTTON_ACK_TALK,
    Ack.TIME: BUTTON_ACK_TIME,
}
ACK_NOTE = N_(
    "You chose: <b>{ack}</b>.\nAdd a short note for {name} if you like (send it now), "
    "or send it as it is."
)
BUTTON_ACK_NO_NOTE = N_("Send without a note")
ACK_SENT = N_("You answered: <b>{ack}</b>. {name} has been told.")
ACK_RELAY = N_("<b>{name} answered your disclosure on {title}</b>\n{ack}")
ACK_RELAY_NOTE = "\n<i>{note}</i>"  # the note as written: no words of Mend's
# Under "I'd like to talk about this", for both: a way to agree when.
ACK_TALK_TIME = N_("If you like, propose a time to talk, and I'll ask whether it suits.")
# Under "I need some time", for the one who disclosed: a hard thing to read after telling.
ACK_TIME_HELP = N_(
    "Telling was the right thing, and it may still hurt to wait. Space isn't a verdict; "
    "it's time to take in what you shared. Look after yourself meanwhile, and if it's heavy, "
    "here is where to find support."
)
ACK_ALREADY = N_("You've already answered this one.")
ACK_NOT_YOURS = N_("That button belongs to someone else's message.")

CHECK_TITLE = N_("<b>Anything to share today?</b>")
CHECK_BODY = N_("Is there anything under your agreement with {name} to share today?")
CHECK_ASKED = N_("{name} asked, gently, whether there's anything under your agreement to share.")
CHECK_TELLS = N_("If there's nothing, {name} will be told that.")
CHECK_KEEPS = N_("If there's nothing, {name} isn't told (change this in /agreement).")
CHECK_KEEPS_ASKED = N_("If there's nothing, {name} is told only that you've seen the question.")
BUTTON_SHARE_SOMETHING = N_("Share something")
BUTTON_NOTHING_TODAY = N_("Nothing to share today")
NOTHING_NOTED_TOLD = N_("Noted. {name} has been told there's nothing to share today.")
NOTHING_NOTED = N_("Noted. Nothing was sent to {name}.")
NOTHING_NOTED_SEEN = N_("Noted. {name} is told only that you've seen their question.")
SEEN_RELAY = N_("{name} has seen your question about anything to share today.")
NOTHING_ALREADY = N_("You've already told {name} there's nothing to share today.")

ASK_SENT = N_(
    "I've asked {name} whether there's anything to share. You can ask again after {when}."
)
ASK_TOO_SOON = N_(
    "You asked {name} at {asked}. To keep this gentle, /ask works once a day: "
    "you can ask again after {when}."
)

LOG_TITLE = N_("<b>Your shared log</b> ({first} to {last} of {total}, newest first)")
LOG_EMPTY = N_("Nothing has been shared under your agreement yet.")
LOG_ENTRY = N_("<b>{when}</b> · {who} · {title}\n{text}")
LOG_VOICE = N_("(a voice note)")
LOG_NOTHING = N_("nothing to share today")
LOG_ACK = N_("↳ {who}: {ack}")
LOG_UNDELIVERED = N_("(couldn't be delivered)")

# The agreement's own words for a topic that has gone (kept here too, so this feature does not
# reach into the agreement's views).
TOPIC_GONE = N_("That topic is no longer part of your agreement.")


# --- Disclosing ------------------------------------------------------------------------------


def pick(topics: Sequence[Topic]) -> Outgoing:
    """The topics in force, as buttons."""
    return Outgoing(
        str(DISCLOSE_PICK),
        buttons(*[[(topic.title[:60], PickTopic(topic.id).pack())] for topic in topics]),
    )


def writing(topic: Topic) -> Outgoing:
    return Outgoing(DISCLOSE_WRITE.format(title=escape(topic.title)))


def off_agreement(topic: Topic) -> str:
    return DISCLOSE_OFF_AGREEMENT.format(title=escape(topic.title))


def _shown(disclosure: Disclosure, topic: Topic) -> str:
    title = escape(topic.title)
    if disclosure.voice is not None:
        return DISCLOSE_PREVIEW_VOICE.format(title=title)
    return DISCLOSE_PREVIEW.format(title=title, text=escape(disclosure.body or ""))


def preview(draft: Preview) -> Outgoing:
    """The draft with Send / Edit / Cancel."""
    disclosure, partner = draft.disclosure, draft.partner
    text = (
        _shown(disclosure, draft.topic)
        + "\n\n"
        + DISCLOSE_ASK_SEND.format(name=escape(partner.first_name))
    )
    return Outgoing(
        (str(DISCLOSE_UNDONE) + "\n\n" if draft.undone else "") + text,
        buttons(
            [(BUTTON_SEND_TO.format(name=partner.first_name), Send(disclosure.id).pack())],
            [
                (str(BUTTON_EDIT), Edit(disclosure.id).pack()),
                (str(BUTTON_CANCEL), Cancel(disclosure.id).pack()),
            ],
        ),
    )


def sending(sent: Sending) -> Outgoing:
    name = escape(sent.partner.first_name)
    if sent.waits_until is None:
        status = DISCLOSE_SENDING.format(name=name)
    else:
        moment = when.moment(sent.waits_until, sent.me.tz if sent.me else None)
        status = DISCLOSE_SENDING_QUIET.format(name=name, when=moment)
    return Outgoing(
        _shown(sent.disclosure, sent.topic) + "\n\n" + status,
        buttons([(str(BUTTON_UNDO), Undo(sent.disclosure.id).pack())]),
    )


def delivered(sent: Sending, author: User, at: datetime) -> Outgoing:
    """The Sending message once the undo window has passed and it reached the partner (the
    day too, when their quiet hours held it)."""
    at_time = (
        when.clock_of(at, author.tz) if sent.waits_until is None else when.moment(at, author.tz)
    )
    return Outgoing(
        _shown(sent.disclosure, sent.topic)
        + "\n\n"
        + DISCLOSE_DELIVERED.format(name=escape(sent.partner.first_name), time=at_time)
    )


def relay(disclosure: Disclosure, topic: Topic, author: User, reader: User) -> Outgoing:
    """What the partner receives: clearly marked, with the acknowledgement buttons."""
    assert disclosure.written_at is not None
    fields = {
        "name": escape(author.first_name),
        "title": escape(topic.title),
        "written": when.moment(disclosure.written_at, reader.tz),
    }
    keyboard = buttons(
        *[[(str(ACK_LABELS[ack]), Acknowledge(disclosure.id, ack).pack())] for ack in Ack]
    )
    if disclosure.voice is not None:
        return Outgoing(DISCLOSURE_RELAY_VOICE.format(**fields), keyboard, disclosure.voice)
    text = DISCLOSURE_RELAY.format(text=escape(disclosure.body or ""), **fields)
    return Outgoing(text, keyboard)


def too_late(partner: User, reached: bool = True) -> str:
    """Undo after the window: it reached the partner, or it could not (never "it reached")."""
    template = DISCLOSE_TOO_LATE if reached else DISCLOSE_NOT_DELIVERED
    return template.format(name=escape(partner.first_name))


def editing() -> Outgoing:
    return Outgoing(str(DISCLOSE_EDIT))


def cancelled() -> Outgoing:
    return Outgoing(str(DISCLOSE_CANCELLED))


# --- Acknowledgements ------------------------------------------------------------------------


def ack_chosen(chosen: AckChosen) -> Outgoing:
    """Add a note, or send the answer as it is."""
    return Outgoing(
        ACK_NOTE.format(ack=str(ACK_LABELS[chosen.ack]), name=escape(chosen.partner.first_name)),
        buttons([(str(BUTTON_ACK_NO_NOTE), NoNote(chosen.disclosure_id).pack())]),
    )


def ack_relay(reader: User, topic: Topic | None, ack: Ack, note: str | None) -> Outgoing:
    """What the author receives: the answer, and the note if there is one."""
    title = escape(topic.title) if topic else ""
    text = ACK_RELAY.format(name=escape(reader.first_name), title=title, ack=str(ACK_LABELS[ack]))
    if note is not None:
        text += ACK_RELAY_NOTE.format(note=escape(note))
    if ack == Ack.TIME:
        return Outgoing(text + "\n\n" + str(ACK_TIME_HELP), ((support_button(),),))
    if ack == Ack.TALK:
        return Outgoing(text + "\n\n" + str(ACK_TALK_TIME), ((talk_button(),),))
    return Outgoing(text)


def ack_sent(sent: AckSent) -> Outgoing:
    text = ACK_SENT.format(ack=str(ACK_LABELS[sent.ack]), name=escape(sent.partner.first_name))
    if sent.ack == Ack.TALK:
        return Outgoing(text + "\n\n" + str(ACK_TALK_TIME), ((talk_button(),),))
    return Outgoing(text)


# --- "Anything to share today?" --------------------------------------------------------------


def check(partner: User, tells: bool, asked: bool = False) -> Outgoing:
    """The transparency check: Share something / Nothing to share today."""
    name = escape(partner.first_name)
    lines = [str(CHECK_TITLE)]
    if asked:
        lines.append(CHECK_ASKED.format(name=name))
    lines.append(CHECK_BODY.format(name=name))
    keeps = CHECK_KEEPS_ASKED if asked else CHECK_KEEPS
    lines.append((CHECK_TELLS if tells else keeps).format(name=name))
    return Outgoing(
        "\n".join(lines),
        buttons(
            [(str(BUTTON_SHARE_SOMETHING), ShareSomething().pack())],
            [(str(BUTTON_NOTHING_TODAY), NothingToday().pack())],
        ),
    )


def nothing_relay(author: User) -> Outgoing:
    return Outgoing(NOTHING_RELAY.format(name=escape(author.first_name)))


def nothing_already(partner: User) -> str:
    return NOTHING_ALREADY.format(name=escape(partner.first_name))


def nothing_noted(noted: NothingNoted) -> Outgoing:
    if noted.told:
        template = NOTHING_NOTED_TOLD
    else:
        template = NOTHING_NOTED_SEEN if noted.seen else NOTHING_NOTED
    return Outgoing(template.format(name=escape(noted.partner.first_name)))


def seen_relay(author: User) -> Outgoing:
    """To the one who used /ask: the question was seen, and nothing more is said."""
    return Outgoing(SEEN_RELAY.format(name=escape(author.first_name)))


def ask_too_soon(me: User, partner: User, last: datetime, again_at: datetime) -> str:
    return ASK_TOO_SOON.format(
        name=escape(partner.first_name),
        asked=when.moment(last, me.tz),
        when=when.moment(again_at, me.tz),
    )


def asked(done: Asked) -> Outgoing:
    return Outgoing(
        ASK_SENT.format(
            name=escape(done.partner.first_name),
            when=when.moment(done.again_at, done.me.tz),
        )
    )


# --- The shared log --------------------------------------------------------------------------


def shared_log(log: SharedLog) -> Outgoing:
    """A page of what was shared under the agreement, newest first."""
    if log.total == 0:
        return Outgoing(str(LOG_EMPTY))
    me, partner = log.me, log.partner
    first, last = log.offset + 1, log.offset + len(log.entries)
    parts = [LOG_TITLE.format(first=first, last=last, total=log.total)]
    for item in log.entries:
        entry = item.disclosure
        assert entry.deliver_at is not None
        author, reader = (me, partner) if item.by_me else (partner, me)
        who = str(YOU) if author is me else escape(author.first_name)
        if entry.kind == Kind.NOTHING:
            title, text = str(LOG_NOTHING), ""
        else:
            title = escape(item.title)
            text = str(LOG_VOICE) if entry.voice else escape(entry.body or "")
        if item.undelivered:
            text = (text + " " + str(LOG_UNDELIVERED)).strip()
        block = LOG_ENTRY.format(
            when=when.moment(entry.deliver_at, me.tz), who=who, title=title, text=text
        ).rstrip()
        if entry.ack is not None and entry.ack_sent_at is not None:
            answer = str(ACK_LABELS[entry.ack])
            if entry.ack_note:
                answer += f": <i>{escape(entry.ack_note)}</i>"
            replier = str(YOU) if reader is me else escape(reader.first_name)
            block += "\n" + LOG_ACK.format(who=replier, ack=answer)
        parts.append(block)
    row = pages.nav(log.offset, log.total, LOG_PAGE, LogPage.prefix)
    return Outgoing("\n\n".join(parts), buttons(row) if row else ())
