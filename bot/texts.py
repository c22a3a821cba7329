"""Every user-facing string Mend sends, in one place, so tone and language live together.

Messages are HTML (parse mode ``HTML``). Anything a user wrote must pass through
:func:`escape` before it is put into one of these strings.
"""

from html import escape as _html_escape


def escape(user_text: str) -> str:
    """Make user-written text safe to embed in an HTML message."""
    return _html_escape(user_text, quote=False)


# --- Times, days, pauses (used by bot.domain.schedule) -------------------------------------

BAD_TIME = (
    "I couldn't read “{given}” as a time. Try one of these: <code>21:00</code>, "
    "<code>21.00</code>, <code>2100</code>, <code>9pm</code> or <code>9:30 am</code>."
)
BAD_DAYS = (
    "I couldn't read “{given}” as days. Try <code>daily</code>, <code>weekdays</code>, "
    "<code>weekends</code>, <code>mon-fri</code> or <code>mon,wed,fri</code>."
)
BAD_PAUSE = (
    "I couldn't read “{given}” as a pause. Try <code>/pause 3d</code>, <code>/pause 1w</code>, "
    "<code>/pause 12h</code> or <code>/pause until 2026-12-01</code>."
)
PAUSE_TOO_LONG = "A pause can last up to {max_days} days. You can always pause again later."
PAUSE_IN_PAST = (
    "That date has already passed. Pick a day in the future, "
    "like <code>/pause until {example}</code>."
)


# --- Start, help, privacy --------------------------------------------------------------------

WELCOME = (
    "Hello {name}. I'm Mend.\n"
    "I help two partners rebuild trust with a small daily practice: a short check-in and a "
    "moment of gratitude, at times you choose.\n"
    "Your answers stay yours. Nothing reaches your partner unless you decide to send it, and "
    "check-in answers are shown to each other only once you have both answered.\n"
    "I'm not therapy, just a steady habit to keep between you."
)
ASK_TIMEZONE = (
    "First, which timezone are you in? Send <code>/timezone</code> with your city or zone, "
    "for example <code>/timezone Berlin</code> or <code>/timezone America/New_York</code>."
)
START_NEXT = (
    "Next steps: <code>/pair</code> to invite your partner, "
    "<code>/remind checkin 21:00</code> to choose when I ask, and <code>/help</code> for the rest."
)
NEED_START = "We haven't met yet. Send /start and I'll explain how this works."
NEED_TIMEZONE = (
    "I need your timezone before I can do that, so I ask at your own times. "
    "Try <code>/timezone Berlin</code> or <code>/timezone America/New_York</code>."
)
HELP = (
    "<b>What I can do</b>\n"
    "/start: how Mend works\n"
    "/timezone Berlin: set your timezone (city or zone name)\n"
    "/pair: make a one-time invite link for your partner\n"
    "/unpair: end the pairing (you can always do this alone)\n"
    "/remind checkin 21:00: when to ask your check-in (add days: <code>mon-fri</code>, "
    "<code>weekends</code>, <code>daily</code>)\n"
    "/remind gratitude 8:30: when to ask for gratitude; "
    "<code>/remind gratitude off</code> stops it\n"
    "/remind disclosure 20:00: a daily “anything to share?” under your agreement\n"
    "/reminders: your times and when each comes next\n"
    "/checkin: today's check-in, right now\n"
    "/gratitude: write an appreciation, right now\n"
    "/agreement: your disclosure agreement; propose, accept or withdraw topics\n"
    "/disclose: share something under the agreement (words or a voice note)\n"
    "/disclosures: the log of what you've both shared\n"
    "/ask: gently ask your partner whether there's anything to share (once a day)\n"
    "/promise call if I'm late by 18:00: a promise your partner is told about; you're both "
    "asked later whether it was kept\n"
    "/promises: open promises and how many were kept\n"
    "/win we laughed at dinner: a moment worth remembering, sent when you choose\n"
    "/wins: your wins together (<code>/wins threshold 3</code>: when one is offered back)\n"
    "/timeout 20: ask for a calm pause in a hard conversation (5 to 120 minutes)\n"
    "/repair: your repair plan for hard moments (<code>/repair add ...</code> to change it)\n"
    "/journal a private note: for you alone, never sent (<code>/journal list</code>)\n"
    "/pause 3d: no prompts for a while (<code>1w</code>, <code>until 2026-12-01</code>)\n"
    "/resume: prompts start again\n"
    "/review: a look back at your week together, with a chart (<code>/review 4w</code> for "
    "four weeks)\n"
    "/remind review sun 19:00: when your weekly review comes "
    "(<code>/remind review off</code> stops it)\n"
    "/export: a file of everything you wrote, and what was shared with you\n"
    "/delete: erase everything you wrote (you'll be asked to confirm)\n"
    "/privacy: what is stored and who sees what\n"
    "/help: this list\n\n"
    "To answer a prompt, reply to it or just send your next message."
)
COMMANDS: tuple[tuple[str, str], ...] = (
    ("checkin", "Today's check-in"),
    ("gratitude", "Write an appreciation"),
    ("agreement", "Your disclosure agreement"),
    ("disclose", "Share something under the agreement"),
    ("disclosures", "What you've both shared"),
    ("ask", "Ask gently for an update (once a day)"),
    ("promise", "Make a promise: /promise call by 18:00"),
    ("promises", "Promises and how many were kept"),
    ("win", "Remember a win: /win we laughed"),
    ("wins", "Your wins together"),
    ("timeout", "A calm pause: /timeout 20"),
    ("repair", "Your repair plan"),
    ("journal", "A private note, for you alone"),
    ("reminders", "Your reminder times"),
    ("remind", "Set a reminder: /remind checkin 21:00"),
    ("timezone", "Set your timezone: /timezone Berlin"),
    ("pair", "Invite your partner"),
    ("unpair", "End the pairing"),
    ("pause", "Pause prompts: /pause 3d"),
    ("resume", "Resume prompts"),
    ("review", "Your week together, with a chart"),
    ("export", "Download your data"),
    ("delete", "Erase your data"),
    ("privacy", "What is stored and who sees what"),
    ("help", "Every command with an example"),
    ("start", "How Mend works"),
)
PRIVACY = (
    "<b>Privacy, plainly</b>\n\n"
    "<b>What I store</b>\n"
    "Your first name, timezone and reminder times; the prompts I sent you and your answers; "
    "your appreciations; your disclosure agreement and what you disclose under it; your "
    "promises, wins, repair plan steps and private journal. Everything you write is encrypted "
    "in my database, and I never log it.\n\n"
    "<b>Who sees what</b>\n"
    "Your partner sees a check-in answer only after you have both answered that day; an "
    "appreciation, a disclosure or a win only if you press Send (a disclosure after its "
    "30-second Undo); your promises, the repair plan you share, and that you asked for a "
    "timeout. Your weekly review shows counts and check-in scores you have both already seen. "
    "Your journal, your drafts, what you keep private, and your answer to the private question "
    "before an agreement starts are never shown to anyone. I never read, track or forward "
    "anything on my own.\n\n"
    "<b>What I can't promise</b>\n"
    "Telegram bots are not end-to-end encrypted. Whoever runs this bot could technically read "
    "messages sent to it.\n\n"
    "<b>Your data, your choice</b>\n"
    "/export sends you a file of everything you wrote and everything your partner chose to "
    "share with you.\n"
    "/delete erases everything you wrote and ends the pairing; your partner is told only that "
    "it ended. What they already received stays in their chat, and their own entries stay "
    "theirs.\n"
    "/unpair ends the pairing at any time, without your partner's consent."
)
UNKNOWN_COMMAND = "I don't know that command. /help lists everything I can do."
UNSUPPORTED_CONTENT = (
    "I can only read text messages, so I couldn't use that. Please type your answer instead."
)
GROUPS_NOT_SUPPORTED = (
    "I only work in private chats, so that what you write stays between you and me. "
    "Message me directly to start. I haven't stored anything from this group."
)
SOMETHING_WRONG = (
    "Something went wrong on my side. Nothing you sent was shared. Please try again in a moment."
)
STALE_BUTTON = "That button isn't active any more. /help shows what you can do now."

# --- Timezone --------------------------------------------------------------------------------

TIMEZONE_USAGE = (
    "Tell me your city or timezone, for example <code>/timezone Berlin</code>, "
    "<code>/timezone new york</code> or <code>/timezone Europe/Lisbon</code>."
)
TIMEZONE_UNKNOWN = (
    "I couldn't find a timezone for “{given}”. Try a nearby big city, or a zone name like "
    "<code>Europe/Berlin</code>."
)
TIMEZONE_TOO_MANY = (
    "“{given}” matches many timezones. Could you be more specific, for example with a city?"
)
TIMEZONE_PICK = "A few timezones match. Which one is yours?"
TIMEZONE_SET = "Your timezone is now {zone}. It's {time} there."
TIMEZONE_NEXT = "Now choose when I ask, for example <code>/remind checkin 21:00</code>."

# --- Pairing ---------------------------------------------------------------------------------

INVITE = (
    "Here is your invite. Send this link to your partner:\n{link}\n\n"
    "Or they can send me <code>/start {code}</code>.\n"
    "It works once, for 48 hours. Making a new one cancels this one."
)
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
    "Your own entries stay yours, and anything not yet delivered between you is dropped."
)
BUTTON_UNPAIR = "Yes, end the pairing"
BUTTON_KEEP_PAIRED = "No, keep it"
KEPT_PAIRED = "Nothing has changed. You're still paired."
UNPAIRED = "The pairing has ended. Your own entries are still yours. /pair makes a new invite."
PARTNER_UNPAIRED = "Your pairing on Mend has ended. Your own entries are still yours."
YOUR_PARTNER = "Your partner"
PARTNER_UNREACHABLE = (
    "{name} can't be reached right now (they may have stopped or blocked the bot), so what "
    "you sent wasn't delivered. It is still saved on your side."
)

# --- Reminders -------------------------------------------------------------------------------

REMIND_USAGE = (
    "Tell me what and when, for example:\n"
    "<code>/remind checkin 21:00</code>\n"
    "<code>/remind gratitude 8:30 weekdays</code>\n"
    "<code>/remind checkin 9pm mon,wed,fri</code>\n"
    "<code>/remind disclosure 20:00</code>\n"
    "<code>/remind review sun 19:00</code>\n"
    "<code>/remind gratitude off</code>"
)
REMIND_BAD_KIND = (
    "I can remind you about <code>checkin</code>, <code>gratitude</code>, "
    "<code>disclosure</code> or <code>review</code>, not “{given}”. "
    "For example <code>/remind checkin 21:00</code>."
)
REMINDER_SET = "Your {kind} reminder is set for {time}, {days}. Next: {next}."
REMINDER_OFF = "Your {kind} reminder is off. Set it again any time with /remind."
REMINDER_WAS_OFF = "You had no {kind} reminder, so nothing changed."
REMINDERS_HEADER = "<b>Your reminders</b>"
REMINDER_LINE = "• {kind}: {time}, {days}. Next: {next}"
REMINDERS_FOOTER = "Change one with /remind, for example <code>/remind checkin 20:30</code>."
REMINDERS_PAUSED = "Prompts are paused for now. /resume starts them again."
NO_REMINDERS = (
    "You have no reminders yet. Try <code>/remind checkin 21:00</code> or "
    "<code>/remind gratitude 8:30</code>."
)

# --- Pause -----------------------------------------------------------------------------------

PAUSE_USAGE = (
    "How long should I pause? For example <code>/pause 3d</code>, <code>/pause 1w</code> or "
    "<code>/pause until 2026-12-01</code>."
)
PAUSED = "Prompts are paused until {when}. /resume starts them sooner."
RESUMED = "Prompts are back on. The next one comes at your usual time."
NOT_PAUSED = "Prompts weren't paused, so nothing changed."

# --- Answers, shared by several features ----------------------------------------------------

YOU = "You"
EMPTY_ANSWER = "That message looks empty. Type a few words, or tap a button on the prompt."
TOO_LONG = (
    "That's {length} characters, and I can keep up to {limit} here. Could you shorten it and "
    "send it again? Nothing has been saved or sent yet."
)
BUTTON_SEND_TO = "Send to {name}"

# --- The disclosure agreement ----------------------------------------------------------------

AGREEMENT_NOT_PAIRED = (
    "A disclosure agreement is made between two partners, and you're not paired right now. "
    "/pair makes an invite."
)
AGREEMENT_TITLE = "<b>Your disclosure agreement with {name}</b>"
AGREEMENT_EMPTY = (
    "There's nothing in it yet. An agreement is a short list of things one of you will share "
    "openly, without being asked, for a limited time. Either of you can propose a topic; it "
    "starts only once you both accept, and either of you can withdraw it at any time."
)
AGREEMENT_IN_FORCE = "<b>In force</b>"
AGREEMENT_ACTIVE_LINE = "• {title}: proposed by {who}, agreed {agreed}, review on {review}"
AGREEMENT_WAITING = "<b>Agreed, not started yet</b>"
AGREEMENT_WAITING_LINE = "• {title}: proposed by {who}, {period}"
AGREEMENT_CHECK_PENDING = (
    "Before the first topic starts, I ask each of you one private question. It starts once "
    "you've both answered."
)
AGREEMENT_CHECK_NOT_NOW = "Not now: disclosures are off for the moment."
AGREEMENT_PROPOSED = "<b>Proposed</b>"
AGREEMENT_PROPOSED_LINE = "• {title} ({period}): proposed by {who}, waiting for {whom}"
AGREEMENT_REMINDERS = "“Anything to share?” reminders: {mine} for you, {theirs} for {name}."
AGREEMENT_REMINDER_ON = "on ({time})"
AGREEMENT_REMINDER_OFF = "off"
AGREEMENT_NOTHING_ON = "When you answer “Nothing to share today”, {name} is told."
AGREEMENT_NOTHING_OFF = "When you answer “Nothing to share today”, {name} isn't told."
AGREEMENT_HELP = (
    "/disclose shares something under the agreement, /disclosures shows your shared log, and "
    "<code>/remind disclosure 20:00</code> sets a daily “anything to share?” reminder."
)
BUTTON_PROPOSE = "Propose a topic"
BUTTON_WITHDRAW = "Withdraw a topic"
BUTTON_HISTORY = "History"
BUTTON_NOTHING_ON = "Tell {name} when I've nothing to share"
BUTTON_NOTHING_OFF = "Don't tell {name} when I've nothing to share"
BUTTON_ANSWER_CHECK = "Answer the private question again"
BUTTON_OWN_TOPIC = "Write my own"
BUTTON_ANSWER_PROPOSAL = "Answer: {title}"
NOTHING_SHARED_ON = "Done. When you answer “Nothing to share today”, {name} will be told."
NOTHING_SHARED_OFF = "Done. When you answer “Nothing to share today”, {name} won't be told."

PROPOSE_PICK = (
    "Which topic would you like to propose? Each is a suggestion; choose one to see what it "
    "means, or write your own."
)
PROPOSE_OWN = (
    "Write the topic in a few words, as you'd like {name} to read it, for example "
    "“Messages from my ex”. Up to {limit} characters."
)
PROPOSE_DETAILS = "<b>{title}</b>\n{description}\n<i>For example: “{example}”</i>"
PROPOSE_PERIOD = "For how long? At the end you'll both be asked whether to renew it."
PROPOSE_OWN_DETAILS = "<b>{title}</b>"
BUTTON_PERIOD = "{period}"
BUTTON_PERIOD_DEFAULT = "{period} (suggested)"
PROPOSAL_SENT = (
    "Proposed to {name}: <b>{title}</b>, for {period}. It starts only if {name} accepts."
)
PROPOSAL = (
    "<b>{name} proposes a topic for your disclosure agreement</b>\n"
    "{title}\n{details}"
    "For {period}, then you'll both be asked whether to renew it.\n"
    "It starts only if you accept. You can also decline, or suggest other words."
)
PROPOSAL_CHANGED = (
    "<b>{name} suggests a change to a topic you proposed</b>\n"
    "Your words: {old}\nTheir words: {title}\n"
    "For {period}. It starts only if you accept."
)
BUTTON_ACCEPT = "Accept"
BUTTON_DECLINE = "Decline"
BUTTON_SUGGEST_CHANGE = "Suggest a change"
TOPIC_DUPLICATE = "“{title}” is already part of your agreement, or waiting for an answer."
TOPIC_EMPTY = "That looks empty. Write the topic in a few words, for example “Late nights out”."
TOPIC_TOO_LONG = (
    "That's {length} characters; a topic can be up to {limit}. A short name works best, "
    "like “Messages from my ex”. Nothing has been saved yet."
)
ACCEPTED_STARTS = "You've both agreed: <b>{title}</b>, for {period}. It's in force until {review}."
ACCEPTED_WAITING = (
    "You've both agreed: <b>{title}</b>. Before it starts, I'll ask each of you one private "
    "question."
)
PARTNER_ACCEPTED = "{name} accepted <b>{title}</b>."
DECLINED = "Declined. {name} will be told, nothing more."
PARTNER_DECLINED = "{name} declined <b>{title}</b> for now."
SUGGEST_CHANGE = (
    "How would you put it? Write the topic in your own words (up to {limit} characters), and "
    "I'll send it to {name} to accept."
)
CHANGE_SENT = "Sent to {name}: <b>{title}</b>. It starts only if they accept."
PROPOSAL_CLOSED = "That proposal has already been answered or withdrawn."
OWN_PROPOSAL = "That's your own proposal; {name} answers it."

CHECK_QUESTION = (
    "<b>A private question, just for you</b>\n"
    "Before your agreement starts: are you agreeing to it freely, without feeling pressured?\n"
    "Your answer is never shown to {name}. If it's anything but Yes, disclosures stay off and "
    "{name} only sees “not now”."
)
BUTTON_CHECK_YES = "Yes"
BUTTON_CHECK_UNSURE = "I'm not sure"
BUTTON_CHECK_NO = "No"
CHECK_YES_WAITING = "Thank you. It starts once {name} has answered their own private question."
CHECK_YES_STARTS = "Thank you. Your agreement is now in force."
CHECK_HESITANT = (
    "Thank you for saying so. Disclosures stay off, and {name} only sees “not now”.\n"
    "You can change your answer later from /agreement, or withdraw any topic there."
)
CHECK_ALREADY = "You've answered this already. /agreement shows where things stand."
AGREEMENT_STARTED = (
    "<b>Your disclosure agreement is in force</b>\n{topics}\n"
    "/disclose shares something under it; /agreement shows it."
)
PARTNER_NOT_NOW = (
    "Not now: your disclosure agreement with {name} isn't starting for the moment. There's "
    "nothing you need to do."
)
SUPPORT_TITLE = "<b>Some support, privately</b>"

WITHDRAW_PICK = "Which topic do you want to withdraw? {name} will be told."
WITHDRAW_NONE = "There's nothing to withdraw: no topic is in force or waiting."
WITHDRAWN = "Withdrawn: <b>{title}</b>. {name} has been told."
PARTNER_WITHDREW = "{name} withdrew <b>{title}</b> from your disclosure agreement."
TOPIC_GONE = "That topic is no longer part of your agreement."

HISTORY_TITLE = "<b>Agreement history</b>"
HISTORY_EMPTY = "Nothing has been proposed yet."
HISTORY_LINE = "• {title}: {what}"
HISTORY_STATES = {
    "proposed": "proposed by {who} on {proposed}",
    "agreed": "agreed on {accepted}, not started yet",
    "active": "in force since {started}",
    "declined": "proposed by {who} on {proposed}, declined on {ended}",
    "changed": "proposed by {who} on {proposed}, replaced by other words on {ended}",
    "withdrawn": "in force {started} to {ended}, withdrawn",
    "lapsed": "in force {started} to {ended}, ended at its review",
    "ended": "ended with the pairing on {ended}",
}
HISTORY_WITHDRAWN_EARLY = "proposed by {who} on {proposed}, withdrawn on {ended}"

REVIEW_QUESTION = (
    "<b>Time to review a topic</b>\n"
    "{title}: agreed for {period}, in force since {started}.\n"
    "Renew it for another {period}? It continues only if you both renew by {deadline}. "
    "Your answer is yours; {name} isn't told which one you chose."
)
BUTTON_RENEW = "Renew"
BUTTON_LET_END = "Let it end"
RENEW_WAITING = "Noted. It continues if {name} renews too by {deadline}."
RENEWED = "<b>{title}</b> is renewed until {review}."
LAPSED = "<b>{title}</b> has ended at its review, as you didn't both renew it."
LET_END = "<b>{title}</b> has ended. {name} has been told it ended at its review."
REVIEW_CLOSED = "That review is over. /agreement shows where things stand."

# --- Disclosing ------------------------------------------------------------------------------

DISCLOSE_NOTHING_IN_FORCE = (
    "There's no topic in force in your agreement right now, so there's nothing to disclose "
    "under it. /agreement shows your agreement and lets you propose a topic."
)
DISCLOSE_PICK = "Which topic is this about?"
DISCLOSE_WRITE = (
    "<b>{title}</b>\nWrite it now, in your own words, or send a voice note. You'll see it "
    "again before anything is sent."
)
DISCLOSE_PREVIEW = "Your disclosure on <b>{title}</b>:\n<i>{text}</i>"
DISCLOSE_PREVIEW_VOICE = "Your disclosure on <b>{title}</b>: a voice note."
DISCLOSE_ASK_SEND = "Send it to {name}? Nothing goes until you press Send."
BUTTON_EDIT = "Edit"
BUTTON_CANCEL = "Cancel"
BUTTON_UNDO = "Undo"
DISCLOSE_SENDING = "Sending to {name} in 30 seconds. Changed your mind? Press Undo."
DISCLOSE_UNDONE = "Undone. Nothing was sent. It's still here as a draft:"
DISCLOSE_TOO_LATE = "It has already reached {name}, so it can't be undone."
DISCLOSE_CANCELLED = "Cancelled. Nothing was sent, and what you wrote is erased."
DISCLOSE_EDIT = "Send the new version now, in words or as a voice note."
DISCLOSE_OFF_AGREEMENT = (
    "<b>{title}</b> isn't in force in your agreement any more, so I can't send this under it. "
    "Nothing was sent. /agreement shows what's in force and lets you propose a topic."
)
DISCLOSE_NOT_YET = (
    "Your agreement isn't in force yet, so there's nothing to disclose under it. "
    "/agreement shows where things stand."
)
DISCLOSE_CLOSED = "That disclosure has already been sent or cancelled."
DISCLOSURE_RELAY = "<b>A disclosure from {name}</b>\nTopic: {title}\nWritten {written}\n\n{text}"
DISCLOSURE_RELAY_VOICE = (
    "<b>A disclosure from {name}</b>, as a voice note\nTopic: {title}\nWritten {written}"
)
NOTHING_RELAY = "{name} has nothing to share under your agreement today."
BUTTON_ACK_THANKS = "Thank you for telling me"
BUTTON_ACK_TALK = "I'd like to talk about this"
BUTTON_ACK_TIME = "I need some time"
ACK_LABELS = {
    "thanks": BUTTON_ACK_THANKS,
    "talk": BUTTON_ACK_TALK,
    "time": BUTTON_ACK_TIME,
}
ACK_NOTE = (
    "You chose: <b>{ack}</b>.\nAdd a short note for {name} if you like (send it now), "
    "or send it as it is."
)
BUTTON_ACK_NO_NOTE = "Send without a note"
ACK_SENT = "You answered: <b>{ack}</b>. {name} has been told."
ACK_RELAY = "<b>{name} answered your disclosure on {title}</b>\n{ack}"
ACK_RELAY_NOTE = "\n<i>{note}</i>"
ACK_ALREADY = "You've already answered this one."
ACK_NOT_YOURS = "That button belongs to someone else's message."

CHECK_TITLE = "<b>Anything to share today?</b>"
CHECK_BODY = "Is there anything under your agreement with {name} to share today?"
CHECK_ASKED = "{name} asked, gently, whether there's anything under your agreement to share."
CHECK_TELLS = "If there's nothing, {name} will be told that."
CHECK_KEEPS = "If there's nothing, {name} isn't told (change this in /agreement)."
BUTTON_SHARE_SOMETHING = "Share something"
BUTTON_NOTHING_TODAY = "Nothing to share today"
NOTHING_NOTED_TOLD = "Noted. {name} has been told there's nothing to share today."
NOTHING_NOTED = "Noted. Nothing was sent to {name}."
NOTHING_ALREADY = "You've already told {name} there's nothing to share today."

ASK_SENT = "I've asked {name} whether there's anything to share. You can ask again after {when}."
ASK_TOO_SOON = (
    "You asked {name} at {asked}. To keep this gentle, /ask works once a day: "
    "you can ask again after {when}."
)

LOG_TITLE = "<b>Your shared log</b> ({first} to {last} of {total}, newest first)"
LOG_EMPTY = "Nothing has been shared under your agreement yet."
LOG_ENTRY = "<b>{when}</b> · {who} · {title}\n{text}"
LOG_VOICE = "(a voice note)"
LOG_NOTHING = "nothing to share today"
LOG_ACK = "↳ {who}: {ack}"
LOG_UNDELIVERED = "(couldn't be delivered)"
BUTTON_NEWER = "« Newer"
BUTTON_OLDER = "Older »"

# --- The weekly review, export and delete ------------------------------------------------------

REVIEW_USAGE = (
    "I couldn't read “{given}” as a number of weeks. Try <code>/review</code> for the last "
    "week, or <code>/review 4w</code> for the last four (1 to {most} weeks)."
)
REVIEW_RANGE = (
    "A review can look back 1 to {most} weeks. Try <code>/review</code> for the last week, "
    "or <code>/review 4w</code> for the last four."
)
REVIEW_NOT_PAIRED = (
    "The review looks back on what the two of you did together, so it starts once you're "
    "paired. /pair makes an invite."
)
REVIEW_NOTHING_YET = (
    "There's nothing to look back on yet for {period}. Once you've both checked in on a day, "
    "it shows up here, with a chart of your answers. Try again after a few check-ins."
)
REVIEW_TITLE_WEEK = "<b>Your week with {name}</b>"
REVIEW_TITLE_WEEKS = "<b>Your last {weeks} weeks with {name}</b>"
REVIEW_PERIOD = "{first} to {last}"
REVIEW_CHART_TITLE = "Check-in scores, {period}"
REVIEW_CHART_AXIS = "Score, 1 to 10"
REVIEW_CHART_CAPTION = (
    "Your check-in scores, {period}. Only days you both answered with a number are shown."
)
REVIEW_DAYS_BOTH = "Days you both checked in: {count}"
REVIEW_STREAK = "Days in a row you've both checked in, up to now: {count}"
REVIEW_GRATITUDE = "Appreciations: you sent {sent}, {name} sent you {received}"
REVIEW_DISCLOSURES = "Shared under your agreement: {mine} by you, {theirs} by {name}"
REVIEW_PROMISES = "Promises kept: {mine} of yours, {theirs} of {name}'s"
REVIEW_WINS = "Wins shared: {count}"
REVIEW_QUIET = (
    "A quiet stretch here. Nothing needs catching up; the next check-in is simply the next one."
)
REVIEW_NO_CHART = "<i>No chart this time: it shows the days you both answered a 1-10 check-in.</i>"
REVIEW_SCHEDULED_FOOTER = (
    "<i>Your weekly review. Change its time with <code>/remind review sun 19:00</code>, or "
    "stop it with <code>/remind review off</code>.</i>"
)
REVIEW_DEFAULT_SET = (
    "Your weekly review comes on Sundays at {time}: a look back at your week together. "
    "<code>/remind review off</code> stops it."
)
REVIEW_DEFAULT_NAME = "You"
REVIEW_PARTNER_NAME = "Your partner"

EXPORT_CAPTION = (
    "Your Mend data: everything you wrote, and what a partner chose to share with you. "
    "The file isn't encrypted, so keep it somewhere safe."
)

DELETE_CONFIRM = (
    "<b>Delete your data?</b>\n"
    "This erases everything you've written in Mend: check-in answers and notes, appreciations, "
    "disclosures and your answers to them, topics, promises, wins, your journal, your "
    "reminders and your settings.\n"
    "{pairing}"
    "It can't be undone. For a copy first, send /export.\n\n"
    "To confirm, type <code>DELETE</code> in capital letters. Anything else cancels."
)
DELETE_ENDS_PAIRING = (
    "Your pairing with {name} ends too. They're told only that it ended; what they already "
    "received stays in their chat, and their own entries stay theirs.\n"
)
DELETE_CANCELLED = "Nothing was deleted. Everything is just as it was."
DELETE_DONE = (
    "Done. Everything you wrote in Mend is erased, and your settings with it.{ended} "
    "Messages already delivered stay in each chat, as Telegram keeps them. "
    "If you ever want to start again, send /start."
)
DELETE_DONE_ENDED = " Your pairing has ended; {name} was told only that it ended."

# (end of the weekly review, export and delete section)

# --- Promises, wins, timeouts, the repair plan, the journal ------------------------------------

TOGETHER_NOT_PAIRED = (
    "That's something for the two of you, and you're not paired right now. /pair makes an "
    "invite. Your private /journal works on your own."
)
PROMISE_USAGE = (
    "Tell me what you promise, and if you like by when, for example:\n"
    "<code>/promise call if I'm running late by 18:00</code>\n"
    "<code>/promise plan Saturday together by fri</code>\n"
    "<code>/promise put my phone away at dinner</code>"
)
PROMISE_BAD_WHEN = (
    "I couldn't read “{given}” as a time. Try <code>by 18:00</code>, <code>by fri</code>, "
    "<code>by tomorrow 9am</code> or <code>by 2026-12-01</code>. Nothing was saved yet."
)
PROMISE_PAST = (
    "That time has already passed. Pick a time still ahead, like <code>by tomorrow</code>."
)
PROMISE_TOO_FAR = "A promise can be up to {days} days ahead. Something sooner works best."
PROMISE_NO_TIME = "I'll ask how it went at your next check-in"
PROMISE_BY = "by {when}"
PROMISE_MADE = "Promise noted: <b>{what}</b>, {when}. {name} has been told."
PROMISE_TOLD = "{name} made you a promise: <b>{what}</b>, {when}."
PROMISE_ASK_AUTHOR = "<b>How did it go?</b>\nYou promised: {what}"
PROMISE_ASK_PARTNER = (
    "<b>{name} promised: {what}</b>\nWas it kept? {name} sees your answer once you've both "
    "answered."
)
BUTTON_KEPT = "Kept"
BUTTON_NOT_THIS_TIME = "Not this time"
BUTTON_LETS_TALK = "Let's talk"
PROMISE_ANSWERS = {"kept": "Kept", "not": "Not this time", "talk": "Let's talk"}
PROMISE_NOTED = (
    "Noted: <b>{answer}</b> for “{what}”. You'll see {name}'s answer once they've answered too."
)
PROMISE_ANSWERED = "You've already answered about this promise."
PROMISE_OUTCOME = "<b>{what}</b>\n{author}: {author_says}\n{other}: {other_says}\n{verdict}"
PROMISE_KEPT = "You both say it was kept."
PROMISE_NOT_KEPT = "Not counted as kept this time. It may be worth a calm talk."
PROMISES_TITLE = "<b>Promises</b>"
PROMISES_OPEN = "<b>Open</b>"
PROMISES_NONE_OPEN = (
    "No open promises. <code>/promise call if I'm running late by 18:00</code> makes one."
)
PROMISE_LINE = "• {who}: {what} ({state})"
PROMISE_WAITING = "waiting for both answers"
PROMISES_RECORD = "<b>Kept, as both of you said</b>"
PROMISES_COUNT = "{kept} of {total}"
PROMISES_RECORD_LINE = "• {who}: {week} in the last 7 days, {month} in the last 30"

WIN_USAGE = (
    "What would you like to remember? For example:\n"
    "<code>/win We talked about Sunday without raising our voices</code>"
)
WIN_PREVIEW = (
    "A win to remember:\n<i>{text}</i>\n\nSend it to {name}? You'll both see it in /wins."
)
BUTTON_DONT_SEND = "Don't send"
WIN_SENT = "A win to remember:\n<i>{text}</i>\n\nSent to {name}. /wins shows them all."
WIN_DROPPED = "Not sent, and not kept."
WIN_CLOSED = "That one has already been sent or dropped."
WIN_RELAY = "<b>A win to remember, from {name}</b>\n{text}"
WINS_NONE = (
    "No wins yet. When something goes well between you, "
    "<code>/win what happened</code> keeps it for you both."
)
WINS_TITLE = "<b>Your wins</b> ({first} to {last} of {total}, newest first)"
WIN_LINE = "<b>{when}</b> · {who}\n{text}"
WINS_THRESHOLD = (
    "After a check-in of {threshold} or less, I offer you a past win to revisit, privately. "
    "Change it with <code>/wins threshold 4</code> or <code>/wins threshold off</code>."
)
WINS_THRESHOLD_OFF = (
    "Past wins aren't offered after hard check-ins. <code>/wins threshold 3</code> turns it on."
)
WINS_THRESHOLD_USAGE = (
    "Give a number from 1 to 9, or off: <code>/wins threshold 3</code>, "
    "<code>/wins threshold off</code>."
)
WIN_OFFER = (
    "That sounds like a hard day. Would you like to revisit a moment you two marked as a win?"
)
BUTTON_SHOW_WIN = "Show me one"
WIN_REVISIT = "<b>A win from {when}</b> · {who}\n{text}"

TIMEOUT_BAD = (
    "I couldn't read “{given}” as minutes. Try <code>/timeout</code> (20 minutes), "
    "<code>/timeout 30</code> or <code>/timeout 1h</code>."
)
TIMEOUT_RANGE_TEXT = (
    "A timeout can last {low} to {high} minutes, for example <code>/timeout 30</code>."
)
TIMEOUT_STARTED = (
    "Timeout until {time}. {name} has been told that you asked for a pause and when you'll "
    "come back to it. I'll remind you then."
)
TIMEOUT_EXTENDED = "The timeout now runs until {time}. {name} has been told."
TIMEOUT_TOLD = (
    "{name} asked for a pause, to come back to the conversation calmer. "
    "It can pick up again at {time}. Take the time for yourself too."
)
TIMEOUT_EXTENDED_TOLD = (
    "{name} asked for a little more time. The conversation can pick up again at {time}."
)
TIMEOUT_OVER = (
    "<b>The timeout is over.</b> When you're ready, {name} is there to come back to the "
    "conversation."
)
BUTTON_READY = "I'm ready"
BUTTON_MORE_TIME = "10 more minutes"
TIMEOUT_READY = "Good. {name} has been told you're ready to talk again."
TIMEOUT_READY_TOLD = "{name} is ready to come back to the conversation, whenever you are."
TIMEOUT_CLOSED = "That timeout has already been answered or is still running."

REPAIR_USAGE = (
    "To change the plan, propose one of these; it applies once your partner approves:\n"
    "<code>/repair add We text a heart when we're ready to talk</code>\n"
    "<code>/repair edit 3 We come back within the hour</code>\n"
    "<code>/repair remove 4</code>\n"
    "<code>/repair reset</code> (back to the template)"
)
REPAIR_HOW = (
    "Either of you can propose a change (<code>/repair add</code>, <code>/repair edit 3</code>, "
    "<code>/repair remove 4</code>, <code>/repair reset</code>); it applies once {name} approves."
)
REPAIR_ACTIONS = {
    "add": "add a step: “{text}”",
    "edit": "change step {n} to “{text}”",
    "remove": "remove step {n}",
    "reset": "go back to the template",
}
REPAIR_WAITING_TITLE = "<b>Waiting for approval</b>"
REPAIR_WAITING_LINE = "• {who}: {change}"
BUTTON_APPROVE = "Approve"
REPAIR_BAD_NUMBER = "Give a step number from 1 to {count}, as shown in /repair."
REPAIR_FULL = "The plan has {limit} steps, the most it can hold. Remove one first."
REPAIR_LAST_STEP = "That's the only step left; a plan needs at least one. Edit it instead."
REPAIR_PROPOSED = "Proposed: {change}. It applies once {name} approves."
REPAIR_PROPOSED_TOLD = "<b>{name} proposes a change to your repair plan</b>\n{change}"
REPAIR_OWN_CHANGE = "That's your own proposal; {name} approves it."
REPAIR_DECIDED = "That change has already been approved or declined."
REPAIR_PLAN_CHANGED = "The plan has changed since this was proposed. /repair shows it now."
REPAIR_APPROVED = "Approved: {change}. /repair shows the plan."
REPAIR_DECLINED = "Declined: {change}. The plan stays as it was."
REPAIR_APPROVED_TOLD = "{name} approved your change to the repair plan: {change}."
REPAIR_DECLINED_TOLD = "{name} declined your change to the repair plan: {change}."

JOURNAL_WRITE = (
    "Write your entry now. It's for you alone: never sent, never shown to your partner."
)
JOURNAL_SAVED = "Saved in your private journal. /journal list shows your entries."
JOURNAL_EMPTY = (
    "Your journal is empty. <code>/journal what's on your mind</code> writes an entry only "
    "you can read."
)
JOURNAL_TITLE = "<b>Your private journal</b> ({first} to {last} of {total}, newest first)"
JOURNAL_ENTRY = "<b>{n}.</b> {when}\n{text}"
BUTTON_DELETE_ENTRY = "Delete {n}"
JOURNAL_DELETED = "Deleted."
JOURNAL_GONE = "That entry is already gone."

# (end of the promises, wins, timeouts, repair plan and journal section)
