"""Numbered schema migrations, applied in order by ``PRAGMA user_version``.

Append new migrations; never edit one that has shipped. All times are Unix seconds (UTC);
every column holding text a user wrote is an encrypted BLOB.
"""

MIGRATIONS: tuple[str, ...] = (
    # 1: users, pairing, reminders, prompts asked and answered, the outbox.
    """
    CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value BLOB NOT NULL
    );
    CREATE TABLE users (
        id INTEGER PRIMARY KEY,           -- Telegram user id, also their private chat id
        first_name BLOB NOT NULL,         -- encrypted
        timezone TEXT,
        paused_until INTEGER,
        created_at INTEGER NOT NULL
    );
    CREATE TABLE couples (
        id INTEGER PRIMARY KEY,
        inviter_id INTEGER NOT NULL REFERENCES users(id),
        joiner_id INTEGER NOT NULL REFERENCES users(id),
        created_at INTEGER NOT NULL,
        ended_at INTEGER
    );
    CREATE INDEX couples_inviter ON couples(inviter_id) WHERE ended_at IS NULL;
    CREATE INDEX couples_joiner ON couples(joiner_id) WHERE ended_at IS NULL;
    CREATE TABLE invites (
        id INTEGER PRIMARY KEY,
        code_hash BLOB NOT NULL UNIQUE,   -- sha256 of the code: a copy of the file cannot pair
        inviter_id INTEGER NOT NULL REFERENCES users(id),
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        used_by INTEGER,
        closed_at INTEGER                 -- used, or replaced by a newer invite
    );
    CREATE TABLE reminders (
        id INTEGER PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id),
        kind TEXT NOT NULL,
        hour INTEGER NOT NULL,
        minute INTEGER NOT NULL,
        days INTEGER NOT NULL,            -- weekday bitmask, Monday = bit 0
        next_due_at INTEGER NOT NULL,
        UNIQUE (user_id, kind)
    );
    CREATE INDEX reminders_due ON reminders(next_due_at);
    CREATE TABLE asks (
        id INTEGER PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id),
        couple_id INTEGER,
        kind TEXT NOT NULL,               -- checkin | gratitude
        prompt_id TEXT NOT NULL,
        answer TEXT NOT NULL,             -- scale | text | choice, as when asked
        day TEXT NOT NULL,                -- the user's local date when asked
        -- open | noting (score given, note optional) | done | skipped | draft | sent | kept
        status TEXT NOT NULL DEFAULT 'open',
        value INTEGER,                    -- scale score or choice index
        body BLOB,                        -- encrypted: the text answer, note or appreciation
        message_id INTEGER,
        remind_at INTEGER,
        created_at INTEGER NOT NULL,
        answered_at INTEGER,
        revealed_at INTEGER,
        shared_at INTEGER
    );
    CREATE INDEX asks_user ON asks(user_id, kind, day);
    CREATE INDEX asks_couple_day ON asks(couple_id, kind, day);
    CREATE INDEX asks_message ON asks(user_id, message_id);
    CREATE INDEX asks_remind ON asks(remind_at) WHERE remind_at IS NOT NULL;
    CREATE TABLE nudges (
        user_id INTEGER NOT NULL,
        day TEXT NOT NULL,
        PRIMARY KEY (user_id, day)
    );
    CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        chat_id INTEGER NOT NULL,
        kind TEXT NOT NULL,
        body BLOB,                        -- encrypted message; cleared once sent
        due_at INTEGER NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending',  -- pending | sent | blocked | failed | cancelled
        attempts INTEGER NOT NULL DEFAULT 0,
        couple_id INTEGER,                -- a relay between partners: cancelled if they unpair
        author_id INTEGER,                -- told when a relay cannot be delivered
        ask_id INTEGER,                   -- the prompt this message carries
        message_id INTEGER,
        created_at INTEGER NOT NULL,
        sent_at INTEGER
    );
    CREATE INDEX outbox_pending ON outbox(due_at, id) WHERE status = 'pending';
    """,
    # 2: disclosure agreements, the freely-agreeing check, disclosures and acknowledgements.
    """
    -- What the user's next plain message is for ("disclose:<id>", "ack:<id>", "topic",
    -- "change:<topic id>"), set by a button and cleared once used.
    ALTER TABLE users ADD COLUMN awaiting TEXT;
    ALTER TABLE users ADD COLUMN awaiting_at INTEGER;
    -- The user chose to tell their partner when they have nothing to share today.
    ALTER TABLE users ADD COLUMN share_nothing INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE topics (
        id INTEGER PRIMARY KEY,
        couple_id INTEGER NOT NULL REFERENCES couples(id),
        library_id TEXT,                  -- from agreements.yaml; NULL for the couple's own words
        title BLOB NOT NULL,              -- encrypted
        proposed_by INTEGER NOT NULL REFERENCES users(id),
        period_days INTEGER NOT NULL,
        -- draft | proposed | agreed (both accepted, waiting for the private check) | active
        -- | declined | changed (a new wording replaced it) | withdrawn | lapsed | ended (unpaired)
        status TEXT NOT NULL DEFAULT 'draft',
        replaces INTEGER REFERENCES topics(id),
        created_at INTEGER NOT NULL,
        proposed_at INTEGER,
        accepted_at INTEGER,
        started_at INTEGER,
        review_at INTEGER,                -- when both are asked whether to renew
        review_asked_at INTEGER,
        ended_at INTEGER,
        ended_by INTEGER
    );
    CREATE INDEX topics_couple ON topics(couple_id, status);
    CREATE INDEX topics_review ON topics(review_at) WHERE status = 'active';
    CREATE TABLE renewals (               -- a partner's Renew at one review
        topic_id INTEGER NOT NULL REFERENCES topics(id),
        user_id INTEGER NOT NULL,
        review_at INTEGER NOT NULL,
        PRIMARY KEY (topic_id, user_id, review_at)
    );
    CREATE TABLE consents (               -- the private freely-agreeing check; never shown
        couple_id INTEGER NOT NULL REFERENCES couples(id),
        user_id INTEGER NOT NULL,
        answer TEXT,                      -- yes | unsure | no; NULL until answered
        asked_at INTEGER NOT NULL,
        answered_at INTEGER,
        PRIMARY KEY (couple_id, user_id)
    );
    CREATE TABLE disclosures (
        id INTEGER PRIMARY KEY,
        couple_id INTEGER NOT NULL REFERENCES couples(id),
        author_id INTEGER NOT NULL REFERENCES users(id),
        topic_id INTEGER REFERENCES topics(id),  -- NULL for "nothing to share today"
        kind TEXT NOT NULL,               -- disclosure | nothing
        status TEXT NOT NULL,             -- writing | draft | sent | cancelled
        body BLOB,                        -- encrypted
        voice BLOB,                       -- encrypted Telegram file id of a voice note
        created_at INTEGER NOT NULL,
        written_at INTEGER,
        deliver_at INTEGER,               -- Send + the undo window
        outbox_id INTEGER,
        ack TEXT,                         -- thanks | talk | time
        ack_note BLOB,                    -- encrypted
        acked_at INTEGER,
        ack_sent_at INTEGER
    );
    CREATE INDEX disclosures_log ON disclosures(couple_id, deliver_at) WHERE status = 'sent';
    CREATE TABLE update_requests (        -- /ask, at most once in 24 hours
        id INTEGER PRIMARY KEY,
        couple_id INTEGER NOT NULL REFERENCES couples(id),
        asker_id INTEGER NOT NULL,
        created_at INTEGER NOT NULL
    );
    CREATE INDEX update_requests_asker ON update_requests(asker_id, created_at);
    """,
    # 3: promises, shared wins, timeouts, the repair plan, the journal, weekly reviews.
    """
    -- The user turned the weekly review off: setting a check-in time doesn't bring it back.
    ALTER TABLE users ADD COLUMN review_off INTEGER NOT NULL DEFAULT 0;
    -- A check-in score at or below this offers, privately, a past win to revisit.
    ALTER TABLE couples ADD COLUMN low_threshold INTEGER NOT NULL DEFAULT 3;
    CREATE TABLE promises (
        id INTEGER PRIMARY KEY,
        couple_id INTEGER NOT NULL REFERENCES couples(id),
        author_id INTEGER NOT NULL REFERENCES users(id),
        body BLOB,                        -- encrypted: what was promised
        due_at INTEGER,                   -- NULL: asked at the author's next check-in
        -- open | asking (both asked how it went) | kept | not_kept | cancelled
        status TEXT NOT NULL DEFAULT 'open',
        author_says TEXT,                 -- kept | not
        partner_says TEXT,                -- kept | talk
        created_at INTEGER NOT NULL,
        asked_at INTEGER,
        settled_at INTEGER
    );
    CREATE INDEX promises_couple ON promises(couple_id, status);
    CREATE INDEX promises_due ON promises(due_at) WHERE status = 'open' AND due_at IS NOT NULL;
    CREATE TABLE wins (
        id INTEGER PRIMARY KEY,
        couple_id INTEGER NOT NULL REFERENCES couples(id),
        author_id INTEGER NOT NULL REFERENCES users(id),
        body BLOB,                        -- encrypted
        status TEXT NOT NULL DEFAULT 'draft',  -- draft | shared | dropped
        created_at INTEGER NOT NULL,
        shared_at INTEGER
    );
    CREATE INDEX wins_couple ON wins(couple_id, status, shared_at);
    CREATE TABLE timeouts (
        id INTEGER PRIMARY KEY,
        couple_id INTEGER NOT NULL REFERENCES couples(id),
        asker_id INTEGER NOT NULL REFERENCES users(id),
        started_at INTEGER NOT NULL,
        ends_at INTEGER NOT NULL,
        status TEXT NOT NULL DEFAULT 'running'  -- running | ended
    );
    CREATE INDEX timeouts_running ON timeouts(ends_at) WHERE status = 'running';
    CREATE TABLE repair_steps (           -- the couple's plan, in order
        id INTEGER PRIMARY KEY,
        couple_id INTEGER NOT NULL REFERENCES couples(id),
        position INTEGER NOT NULL,
        body BLOB NOT NULL,               -- encrypted
        author_id INTEGER                 -- NULL: from the template
    );
    CREATE INDEX repair_steps_couple ON repair_steps(couple_id, position);
    CREATE TABLE repair_changes (         -- an edit one partner proposed, the other approves
        id INTEGER PRIMARY KEY,
        couple_id INTEGER NOT NULL REFERENCES couples(id),
        author_id INTEGER NOT NULL REFERENCES users(id),
        action TEXT NOT NULL,             -- add | edit | remove | template
        position INTEGER,
        body BLOB,                        -- encrypted
        status TEXT NOT NULL DEFAULT 'pending',  -- pending | approved | declined | withdrawn
        created_at INTEGER NOT NULL,
        decided_at INTEGER
    );
    CREATE INDEX repair_changes_couple ON repair_changes(couple_id, status);
    CREATE TABLE journal (                -- private notes: never relayed, never shown to others
        id INTEGER PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id),
        body BLOB NOT NULL,               -- encrypted
        created_at INTEGER NOT NULL
    );
    CREATE INDEX journal_user ON journal(user_id, id);
    CREATE TABLE review_requests (        -- a weekly review promised, rendered into the outbox
        id INTEGER PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id),
        weeks INTEGER NOT NULL,
        until_at INTEGER NOT NULL,        -- the review covers the weeks before this instant
        created_at INTEGER NOT NULL
    );
    """,
    # 4: the monthly reflection (its asks are the prompt pipeline's, kind 'monthly', with the
    # month together as their day); who turned it off.
    """
    CREATE TABLE monthly_off (
        user_id INTEGER PRIMARY KEY REFERENCES users(id)
    );
    """,
    # 5: the inbox: each update fetched from Telegram, stored before Telegram is told it was
    # received, and marked done once handled (bot/kernel/inbox.py).
    """
    CREATE TABLE inbox (
        update_id INTEGER PRIMARY KEY,    -- Telegram's: a re-delivered update is the same row
        body BLOB,                        -- encrypted update JSON; cleared once done
        received_at INTEGER NOT NULL,
        done_at INTEGER                   -- NULL until handled; done rows are kept about a day
    );
    CREATE INDEX inbox_pending ON inbox(update_id) WHERE done_at IS NULL;
    CREATE INDEX inbox_done ON inbox(done_at) WHERE done_at IS NOT NULL;
    """,
    # The private check's one neutral note a week after it was asked (the same to both,
    # whatever either answered), and the question to two people who pair again: bring back
    # their shared history?
    """
    ALTER TABLE consents ADD COLUMN noted_at INTEGER;  -- the week's note sent, or not needed
    -- Checks asked before this version get no note (it would arrive out of the blue).
    UPDATE consents SET noted_at = asked_at;
    CREATE INDEX consents_note_due ON consents(asked_at) WHERE noted_at IS NULL;
    CREATE TABLE restores (               -- "bring back your shared history?", one row each
        couple_id INTEGER NOT NULL REFERENCES couples(id),  -- the new couple
        user_id INTEGER NOT NULL REFERENCES users(id),
        answer TEXT,                      -- yes | no; NULL: asked, not answered yet
        asked_at INTEGER NOT NULL,
        answered_at INTEGER,
        PRIMARY KEY (couple_id, user_id)
    );
    -- Set on every couple of someone who used /delete: its history is never offered back.
    ALTER TABLE couples ADD COLUMN history_forgotten_at INTEGER;
    """,
    # (settings) quiet hours: each person's window of local time in which what their
    # partner's actions send them arrives silently or waits (bot/domain/quiet.py); an outbox
    # row caused by a partner's action inside it is sent with disable_notification.
    """
    CREATE TABLE quiet_hours (
        user_id INTEGER PRIMARY KEY REFERENCES users(id),
        start_minute INTEGER NOT NULL,    -- minutes after local midnight
        end_minute INTEGER NOT NULL,
        mode TEXT NOT NULL                -- silent | wait | off
    );
    ALTER TABLE outbox ADD COLUMN silent INTEGER NOT NULL DEFAULT 0;
    """,
    # Free text Mend did not expect, held briefly (encrypted) so that "Keep it in my journal"
    # can save exactly those words without putting them in callback data; forgotten after an
    # hour by the tick, at once when kept, and on /delete.
    """
    CREATE TABLE held_words (
        id INTEGER PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id),
        body BLOB NOT NULL,               -- encrypted
        created_at INTEGER NOT NULL
    );
    CREATE INDEX held_words_created ON held_words(created_at);
    """,
    # /ask's loop closed: when the partner answered the request (the asker then hears what
    # they chose to pass on, or a neutral "seen").
    """
    ALTER TABLE update_requests ADD COLUMN answered_at INTEGER;
    """,
    # Finding a time to talk (bot/features/talk): one partner proposes, the other accepts or
    # asks for another time.
    """
    CREATE TABLE talks (
        id INTEGER PRIMARY KEY,
        couple_id INTEGER NOT NULL REFERENCES couples(id),
        proposer_id INTEGER NOT NULL REFERENCES users(id),
        slot TEXT NOT NULL,               -- tonight | tomorrow | weekend | typed
        at INTEGER,                       -- the instant proposed (tonight, tomorrow)
        words BLOB,                       -- encrypted: a time in the proposer's words (typed)
        -- writing | draft | proposed | accepted | another | cancelled | ended (unpaired)
        status TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        answered_at INTEGER
    );
    CREATE INDEX talks_couple ON talks(couple_id, status);
    CREATE TABLE talk_reminders (         -- "Remind me an hour before" an agreed talk
        talk_id INTEGER NOT NULL REFERENCES talks(id),
        user_id INTEGER NOT NULL REFERENCES users(id),
        due_at INTEGER NOT NULL,
        sent_at INTEGER,
        PRIMARY KEY (talk_id, user_id)
    );
    CREATE INDEX talk_reminders_due ON talk_reminders(due_at) WHERE sent_at IS NULL;
    """,
    # Answers to what a partner shared (bot/features/reactions): a reveal, a gratitude, a win
    # can be answered with Thank you, Let's talk about it or a heart, and a short note.
    """
    CREATE TABLE reactions (
        id INTEGER PRIMARY KEY,
        couple_id INTEGER NOT NULL REFERENCES couples(id),
        from_id INTEGER NOT NULL REFERENCES users(id),  -- who may answer (the reader)
        to_id INTEGER NOT NULL REFERENCES users(id),    -- who shared it (the author)
        subject TEXT NOT NULL,            -- checkin | monthly | gratitude | win
        reaction TEXT,                    -- thanks | talk | heart
        note BLOB,                        -- encrypted
        status TEXT NOT NULL DEFAULT 'offered',  -- offered | chosen | draft | sent | ended
        created_at INTEGER NOT NULL,
        sent_at INTEGER
    );
    CREATE INDEX reactions_couple ON reactions(couple_id, status);
    CREATE INDEX reactions_from ON reactions(from_id);
    """,
    # Answered messages lose their buttons (bot/kernel/outbox.py). An outbox row of kind
    # 'edit' changes the message in its message_id; a row may follow another (after_id): it
    # waits ('waiting') until that one is sent, and is cancelled if that one never is. And the
    # messages (sent rows with a question, and direct replies) that carry buttons for a
    # question, so they can be changed once it is answered some other way. And the days
    # someone answered "anything to share today?".
    """
    ALTER TABLE outbox ADD COLUMN after_id INTEGER;
    ALTER TABLE outbox ADD COLUMN question TEXT;  -- its buttons answer this (shown_buttons)
    CREATE INDEX outbox_after ON outbox(after_id) WHERE status = 'waiting';
    CREATE INDEX outbox_question ON outbox(question) WHERE question IS NOT NULL;
    CREATE TABLE shown_buttons (
        chat_id INTEGER NOT NULL,
        message_id INTEGER NOT NULL,
        question TEXT NOT NULL,           -- the feature's key: 'ack:12', ...
        created_at INTEGER NOT NULL,
        PRIMARY KEY (chat_id, message_id)
    );
    CREATE INDEX shown_buttons_question ON shown_buttons(question);
    CREATE TABLE share_answered (         -- "anything to share today?" answered: not again
        user_id INTEGER NOT NULL REFERENCES users(id),
        day TEXT NOT NULL,                -- the user's local day
        PRIMARY KEY (user_id, day)
    );
    """,
    # Each person's own language (bot/kernel/i18n.py): taken from Telegram's language_code
    # at first contact, changed in /settings, kept when Telegram's changes. NULL for people
    # Mend met before it spoke several languages: their first update fills it in.
    """
    ALTER TABLE users ADD COLUMN language TEXT;
    """,
)
