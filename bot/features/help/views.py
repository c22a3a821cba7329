"""What /help and /privacy say, the topics, and the commands menu Telegram shows."""

from bot.features.help.buttons import ShowTopic, Topic
from bot.kernel.i18n import N_, Text
from bot.kernel.outgoing import Outgoing, buttons
from bot.kernel.screens import Open

# /help fits one phone screen: the daily things, then a button per topic. A line naming a
# command no feature handles is left out (``lines``).
HELP_TITLE = N_("<b>What I can do</b>")
HELP_INTRO = N_(
    "Each day I ask a short check-in and a moment of gratitude, at times you choose. "
    "Nothing reaches your partner unless you send it."
)
HELP_LINES: tuple[tuple[str, Text], ...] = (
    ("menu", N_("/menu: everything, with buttons")),
    ("checkin", N_("/checkin: today's check-in, now")),
    ("gratitude", N_("/gratitude: write an appreciation")),
    ("journal", N_("/journal: a private note, for you alone")),
    ("timeout", N_("/timeout: a calm pause in a hard conversation")),
    ("review", N_("/review: a look back at your week together")),
    ("settings", N_("/settings: timezone, reminders, pause, quiet hours, all by buttons")),
    ("support", N_("/support: for the hard moments")),
)
HELP_FOOTER = N_("Every other command is under a topic below.")

TOPIC_STARTING = N_(
    "<b>Getting started</b>\n"
    "/start leads you through it with buttons: your timezone, when I ask, and an invite "
    "for your partner. You can also type it all:\n"
    "/timezone Berlin: set your timezone (a city, a country or a zone name)\n"
    "/remind checkin 21:00: when to ask your check-in (add days: <code>mon-fri</code>, "
    "<code>weekends</code>, <code>daily</code>)\n"
    "/remind gratitude 8:30: when to ask for gratitude; "
    "<code>/remind gratitude off</code> stops it\n"
    "/menu: where things stand, and everything by buttons\n"
    "/help: the daily commands, and these topics\n\n"
    "To answer a prompt, reply to it or just send your next message."
)
TOPIC_PAIRING = N_(
    "<b>Pairing</b>\n"
    "/pair: a one-time invite link for your partner (it works for 48 hours)\n"
    "<code>/start</code> with the invite's code: how your partner joins if the link "
    "doesn't open\n"
    "/unpair: end the pairing (you can always do this alone)"
)
TOPIC_CHECKINS = N_(
    "<b>Check-ins and reminders</b>\n"
    "/checkin: today's check-in, right now\n"
    "/gratitude: write an appreciation, right now\n"
    "/remind disclosure 20:00: a daily “anything to share?” under your agreement\n"
    "/reminders: your times and when each comes next\n"
    "/pause 3d: no prompts for a while (<code>1w</code>, <code>until 2026-12-01</code>)\n"
    "/resume: prompts start again\n"
    "/review: a look back at your week together, with a chart (<code>/review 4w</code> for "
    "four weeks)\n"
    "/remind review sun 19:00: when your weekly review comes "
    "(<code>/remind review off</code> stops it)\n"
    "/remind monthly off: no monthly reflection (once a month, on the day of the month you "
    "paired, at your check-in time; <code>/remind monthly on</code> brings it back)"
)
TOPIC_TOGETHER = N_(
    "<b>Together</b>\n"
    "/agreement: your disclosure agreement; propose, accept or withdraw topics\n"
    "/disclose: share something under the agreement (words or a voice note)\n"
    "/disclosures: the log of what you've both shared\n"
    "/ask: gently ask your partner whether there's anything to share (once a day)\n"
    "/talk: find a time to talk with your partner\n"
    "/promise call if I'm late by 18:00: a promise your partner is told about; you're both "
    "asked later whether it was kept\n"
    "/promises: open promises and how many were kept\n"
    "/win we laughed at dinner: a moment worth remembering, sent when you choose\n"
    "/wins: your wins together (<code>/wins threshold 3</code>: when one is offered back)\n"
    "/timeout 20: ask for a calm pause in a hard conversation (5 to 120 minutes)\n"
    "/repair: your repair plan for hard moments (<code>/repair add ...</code> to change it)"
)
TOPIC_PRIVACY = N_(
    "<b>Privacy and your data</b>\n"
    "/journal a private note: for you alone, never sent (<code>/journal list</code>)\n"
    "/privacy: what is stored and who sees what\n"
    "/export: a file of everything you wrote, and what was shared with you\n"
    "/delete: erase everything you wrote (you'll be asked to confirm)"
)
TOPICS: dict[Topic, Text] = {
    Topic.STARTING: TOPIC_STARTING,
    Topic.PAIRING: TOPIC_PAIRING,
    Topic.CHECKINS: TOPIC_CHECKINS,
    Topic.TOGETHER: TOPIC_TOGETHER,
    Topic.PRIVACY: TOPIC_PRIVACY,
}
BUTTON_STARTING = N_("Getting started")
BUTTON_PAIRING = N_("Pairing")
BUTTON_CHECKINS = N_("Check-ins")
BUTTON_TOGETHER = N_("Together")
BUTTON_PRIVACY = N_("Privacy and data")
BUTTON_BACK = N_("Back")

PRIVACY = N_(
    "<b>Privacy, plainly</b>\n\n"
    "<b>What I store</b>\n"
    "Your first name, timezone and reminder times; the prompts I sent you and your answers; "
    "your appreciations; your disclosure agreement and what you disclose under it; your "
    "promises, wins, repair plan steps and private journal; your answers to what your partner "
    "shared; words you send when no question is open, for an hour, in case you keep them in "
    "your journal. Everything you write is encrypted "
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

# The commands menu: at most eight, the ones used daily; the rest are typed, and in /help.
# One a feature does not handle is left out when the menu is set.
COMMANDS: tuple[tuple[str, Text], ...] = (  # (command, description)
    ("menu", N_("Where things stand, and everything else")),
    ("checkin", N_("Today's check-in")),
    ("gratitude", N_("Write an appreciation")),
    ("journal", N_("A private note, for you alone")),
    ("timeout", N_("A calm pause in a hard conversation")),
    ("settings", N_("Timezone, reminders, quiet hours and more")),
    ("support", N_("For the hard moments")),
    ("help", N_("How Mend works, and every command")),
)

# Each command as someone would type it in their own language (/hilfe, /ayuda, /ajuda,
# /помощь), so a command typed in any of Mend's languages still finds its way.
COMMAND_WORDS: dict[str, Text] = {
    # Translators: the next 30 are commands as a speaker of your language would type them:
    # "/" and one lowercase word, e.g. /hilfe for /help. Where your language is written in
    # Latin letters, use a-z, digits and _ only (no accents: Telegram's rule for commands).
    "menu": N_("/menu"),
    "checkin": N_("/checkin"),
    "gratitude": N_("/gratitude"),
    "journal": N_("/journal"),
    "timeout": N_("/timeout"),
    "settings": N_("/settings"),
    "support": N_("/support"),
    "help": N_("/help"),
    "review": N_("/review"),
    "promise": N_("/promise"),
    "promises": N_("/promises"),
    "win": N_("/win"),
    "wins": N_("/wins"),
    "repair": N_("/repair"),
    "agreement": N_("/agreement"),
    "disclose": N_("/disclose"),
    "disclosures": N_("/disclosures"),
    "ask": N_("/ask"),
    "talk": N_("/talk"),
    "remind": N_("/remind"),
    "reminders": N_("/reminders"),
    "pause": N_("/pause"),
    "resume": N_("/resume"),
    "timezone": N_("/timezone"),
    "pair": N_("/pair"),
    "unpair": N_("/unpair"),
    "privacy": N_("/privacy"),
    "export": N_("/export"),
    "delete": N_("/delete"),
    "start": N_("/start"),
}

# What the empty chat says before /start (setMyDescription, setMyShortDescription).
DESCRIPTION = N_(
    "Mend helps two partners rebuild trust after a betrayal, with a small daily practice in "
    "this chat: a short check-in and a moment of gratitude at times you choose, promises "
    "kept, and an agreement about what you share.\n\n"
    "Nothing reaches your partner unless you send it, and check-in answers are shown only "
    "once you have both answered. Mend is not therapy; it is the daily habit therapy asks "
    "for.\n\n"
    "Press Start to set up in a minute."
)
SHORT_DESCRIPTION = N_(
    "A small daily practice for two partners rebuilding trust: check-ins, gratitude, "
    "promises kept."
)


def help_message(commands: frozenset[str]) -> Outgoing:
    """/help: the daily commands the features handle, then a button per topic."""
    lines = [str(line) for command, line in HELP_LINES if command in commands]
    text = "\n".join([str(HELP_TITLE), str(HELP_INTRO), "", *lines, "", str(HELP_FOOTER)])
    return Outgoing(
        text,
        buttons(
            [
                (str(BUTTON_STARTING), ShowTopic(Topic.STARTING).pack()),
                (str(BUTTON_PAIRING), ShowTopic(Topic.PAIRING).pack()),
            ],
            [
                (str(BUTTON_CHECKINS), ShowTopic(Topic.CHECKINS).pack()),
                (str(BUTTON_TOGETHER), ShowTopic(Topic.TOGETHER).pack()),
            ],
            [(str(BUTTON_PRIVACY), ShowTopic(Topic.PRIVACY).pack())],
        ),
    )


def topic(shown: Topic) -> Outgoing:
    """One topic, with a way back to /help's first page."""
    return Outgoing(str(TOPICS[shown]), buttons([(str(BUTTON_BACK), Open("help", here=1).pack())]))
