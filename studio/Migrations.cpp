#include "studio/Migrations.h"

#include <array>

#include <fmt/format.h>

#include "studio/Database.h"
#include "studio/Errors.h"
#include "studio/JournalVerifier.h"
#include "studio/Transaction.h"

namespace ds {

namespace {

// 1: stations, programmes, sessions and their rundown, and the journal.
constexpr std::string_view kCore = R"SQL(
CREATE TABLE stations (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    letterhead TEXT NOT NULL DEFAULT '',
    holiday_file TEXT NOT NULL DEFAULT '',
    content_words_file TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE TABLE partner_media (
    id INTEGER PRIMARY KEY,
    station_id INTEGER NOT NULL REFERENCES stations(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    UNIQUE (station_id, name)
);
CREATE TABLE units (
    id INTEGER PRIMARY KEY,
    station_id INTEGER NOT NULL REFERENCES stations(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    UNIQUE (station_id, name)
);
CREATE TABLE programmes (
    id INTEGER PRIMARY KEY,
    station_id INTEGER NOT NULL REFERENCES stations(id),
    title TEXT NOT NULL,
    partner_media TEXT NOT NULL DEFAULT '',
    weekday INTEGER CHECK (weekday BETWEEN 1 AND 7),
    start_time TEXT,
    length_min INTEGER NOT NULL DEFAULT 60,
    rundown_template TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL
);
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    programme_id INTEGER NOT NULL REFERENCES programmes(id),
    topic TEXT NOT NULL,
    scheduled_start TEXT NOT NULL,
    planned_length_s INTEGER NOT NULL CHECK (planned_length_s > 0),
    sprin_number TEXT NOT NULL DEFAULT '',
    sprin_date TEXT,
    status TEXT NOT NULL DEFAULT 'planned'
        CHECK (status IN ('planned', 'live', 'ended', 'signed')),
    check_personnel INTEGER NOT NULL DEFAULT 0,
    check_materials INTEGER NOT NULL DEFAULT 0,
    check_schedule INTEGER NOT NULL DEFAULT 0,
    check_guest_input INTEGER NOT NULL DEFAULT 0,
    started_at TEXT,
    ended_at TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX sessions_start ON sessions(scheduled_start);
CREATE TABLE session_officers (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    name TEXT NOT NULL,
    rank TEXT NOT NULL DEFAULT '',
    nrp TEXT NOT NULL DEFAULT ''
);
CREATE TABLE session_guests (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    rank TEXT NOT NULL DEFAULT '',
    position TEXT NOT NULL DEFAULT ''
);
CREATE TABLE segments (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    planned_s INTEGER NOT NULL CHECK (planned_s >= 0),
    notes TEXT NOT NULL DEFAULT '',
    fixed_start TEXT,
    hard_out TEXT,
    actual_start TEXT,
    actual_end TEXT,
    held_ms INTEGER NOT NULL DEFAULT 0,
    hold_since TEXT,
    UNIQUE (session_id, ord)
);
CREATE TABLE journal (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    before TEXT,
    after TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX journal_subject ON journal(subject);
CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
)SQL";

// 2: listener questions and the history of who did each step.
constexpr std::string_view kQuestions = R"SQL(
CREATE TABLE questions (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id),
    number INTEGER NOT NULL,
    channel TEXT NOT NULL,
    received_at TEXT NOT NULL,
    caller_name TEXT NOT NULL DEFAULT '',
    origin TEXT NOT NULL DEFAULT '',
    contact TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL,
    written INTEGER NOT NULL DEFAULT 0,
    topic TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'new',
    queue_pos INTEGER,
    reason TEXT,
    merged_into INTEGER REFERENCES questions(id),
    flags TEXT NOT NULL DEFAULT '[]',
    info_request INTEGER NOT NULL DEFAULT 0,
    purpose TEXT NOT NULL DEFAULT '',
    UNIQUE (session_id, number)
);
CREATE INDEX questions_session_status ON questions(session_id, status);
CREATE INDEX questions_contact ON questions(contact) WHERE contact <> '';
CREATE TABLE question_steps (
    id INTEGER PRIMARY KEY,
    question_id INTEGER NOT NULL REFERENCES questions(id),
    status TEXT NOT NULL,
    actor TEXT NOT NULL,
    at TEXT NOT NULL,
    note TEXT
);
CREATE INDEX question_steps_question ON question_steps(question_id);
)SQL";

// 3: information requests (PPID.md fields) and their per-station, per-year numbering.
constexpr std::string_view kRequests = R"SQL(
CREATE TABLE registration_counters (
    station_id INTEGER NOT NULL REFERENCES stations(id),
    year INTEGER NOT NULL,
    last_seq INTEGER NOT NULL,
    PRIMARY KEY (station_id, year)
);
CREATE TABLE info_requests (
    id INTEGER PRIMARY KEY,
    station_id INTEGER NOT NULL REFERENCES stations(id),
    session_id INTEGER REFERENCES sessions(id),
    question_id INTEGER REFERENCES questions(id),
    reg_number TEXT NOT NULL UNIQUE,
    reg_year INTEGER NOT NULL,
    reg_seq INTEGER NOT NULL,
    received_at TEXT NOT NULL,
    written INTEGER NOT NULL,
    channel TEXT NOT NULL,
    requester_name TEXT NOT NULL,
    requester_address TEXT NOT NULL DEFAULT '',
    requester_occupation TEXT NOT NULL DEFAULT '',
    requester_phone TEXT NOT NULL DEFAULT '',
    requester_email TEXT NOT NULL DEFAULT '',
    requester_nik TEXT NOT NULL DEFAULT '',
    power_of_attorney TEXT NOT NULL DEFAULT '',
    details TEXT NOT NULL,
    purpose TEXT NOT NULL DEFAULT '',
    obtain_method TEXT NOT NULL DEFAULT 'view',
    delivery_method TEXT NOT NULL DEFAULT 'in_person',
    status TEXT NOT NULL DEFAULT 'pending',
    due_date TEXT NOT NULL,
    original_due_date TEXT NOT NULL,
    extended INTEGER NOT NULL DEFAULT 0,
    extension_reason TEXT,
    extended_at TEXT,
    extended_by TEXT,
    escalated INTEGER NOT NULL DEFAULT 0,
    escalated_at TEXT,
    escalated_by TEXT,
    escalation_reason TEXT,
    leadership_decided_by TEXT,
    leadership_decided_at TEXT,
    leadership_decision TEXT,
    leadership_note TEXT,
    holding TEXT,
    other_body TEXT,
    decision TEXT,
    refusal_ground TEXT,
    refusal_subground INTEGER,
    refusal_law TEXT,
    consequence_test TEXT,
    exemption_period TEXT,
    reason TEXT,
    material_given TEXT,
    redacted_parts TEXT,
    redaction_reason TEXT,
    medium TEXT,
    cost TEXT,
    notice_date TEXT,
    handover_date TEXT,
    decided_at TEXT,
    decided_by TEXT,
    logged_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (station_id, reg_year, reg_seq)
);
CREATE INDEX info_requests_session ON info_requests(session_id);
CREATE INDEX info_requests_received ON info_requests(received_at);
CREATE UNIQUE INDEX info_requests_question ON info_requests(question_id) WHERE question_id IS NOT NULL;
)SQL";

// 4: programme recordings, their markers, gaps and alarms, and the station's audio settings.
constexpr std::string_view kRecordings = R"SQL(
ALTER TABLE stations ADD COLUMN recordings_dir TEXT NOT NULL DEFAULT '';
ALTER TABLE stations ADD COLUMN audio_device TEXT NOT NULL DEFAULT '';
ALTER TABLE stations ADD COLUMN audio_settings TEXT NOT NULL DEFAULT '{}';
CREATE TABLE recordings (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id),
    path TEXT NOT NULL UNIQUE,
    format TEXT NOT NULL,
    sample_rate INTEGER NOT NULL,
    channels INTEGER NOT NULL,
    device TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'recording'
        CHECK (state IN ('recording', 'closed', 'interrupted', 'recovered')),
    pid INTEGER,
    host TEXT NOT NULL DEFAULT '',
    started_at TEXT NOT NULL,
    ended_at TEXT,
    frames INTEGER NOT NULL DEFAULT 0,
    heartbeat_at TEXT,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX recordings_session ON recordings(session_id);
CREATE TABLE markers (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES sessions(id),
    recording_id INTEGER REFERENCES recordings(id),
    kind TEXT NOT NULL CHECK (kind IN ('segment', 'question', 'manual')),
    label TEXT NOT NULL,
    sample_pos INTEGER,
    at TEXT NOT NULL,
    segment_id INTEGER REFERENCES segments(id),
    question_id INTEGER REFERENCES questions(id)
);
CREATE INDEX markers_session ON markers(session_id);
CREATE TABLE recording_gaps (
    id INTEGER PRIMARY KEY,
    recording_id INTEGER NOT NULL REFERENCES recordings(id),
    sample_pos INTEGER NOT NULL,
    started_at TEXT NOT NULL,
    length_ms INTEGER NOT NULL,
    reason TEXT NOT NULL DEFAULT ''
);
CREATE TABLE alarms (
    id INTEGER PRIMARY KEY,
    recording_id INTEGER REFERENCES recordings(id),
    kind TEXT NOT NULL,
    started_at TEXT NOT NULL,
    ended_at TEXT,
    detail TEXT NOT NULL DEFAULT ''
);
)SQL";

// 5: the PPID record: follow-ups to units, objections (keberatan) and disputes
// (sengketa), the signed session record and its amendments, the station's retention setting,
// and when expired personal data was erased.
constexpr std::string_view kPpid = R"SQL(
CREATE TABLE follow_ups (
    id INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL REFERENCES info_requests(id),
    unit_kind TEXT NOT NULL,
    unit_name TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    due_date TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    sent_by TEXT NOT NULL,
    answered_at TEXT,
    answer TEXT,
    answered_by TEXT
);
CREATE INDEX follow_ups_request ON follow_ups(request_id);
CREATE TABLE objections (
    id INTEGER PRIMARY KEY,
    station_id INTEGER NOT NULL REFERENCES stations(id),
    request_id INTEGER NOT NULL REFERENCES info_requests(id),
    number TEXT NOT NULL UNIQUE,
    reg_year INTEGER NOT NULL,
    reg_seq INTEGER NOT NULL,
    filed_at TEXT NOT NULL,
    ground TEXT NOT NULL,
    reason TEXT NOT NULL,
    objector TEXT NOT NULL DEFAULT '',
    superior TEXT NOT NULL DEFAULT '',
    due_date TEXT NOT NULL,
    logged_by TEXT NOT NULL,
    outcome TEXT,
    answer TEXT,
    answered_at TEXT,
    answered_by TEXT,
    dispute_filed_at TEXT,
    dispute_body TEXT,
    dispute_note TEXT,
    dispute_outcome TEXT,
    dispute_decided_at TEXT,
    UNIQUE (station_id, reg_year, reg_seq)
);
CREATE INDEX objections_request ON objections(request_id);
CREATE INDEX objections_filed ON objections(filed_at);
CREATE TABLE session_signatures (
    session_id INTEGER PRIMARY KEY REFERENCES sessions(id),
    name TEXT NOT NULL,
    nrp TEXT NOT NULL,
    position TEXT NOT NULL DEFAULT '',
    place TEXT NOT NULL DEFAULT '',
    signed_on TEXT NOT NULL,
    signed_at TEXT NOT NULL,
    actor TEXT NOT NULL,
    journal_id INTEGER NOT NULL,
    journal_hash TEXT NOT NULL
);
CREATE TABLE amendments (
    id INTEGER PRIMARY KEY,
    session_id INTEGER REFERENCES sessions(id),
    subject TEXT NOT NULL,
    label TEXT NOT NULL,
    reason TEXT NOT NULL,
    actor TEXT NOT NULL,
    at TEXT NOT NULL,
    after_signing INTEGER NOT NULL
);
CREATE INDEX amendments_session ON amendments(session_id);
CREATE TABLE amendment_changes (
    id INTEGER PRIMARY KEY,
    amendment_id INTEGER NOT NULL REFERENCES amendments(id),
    field TEXT NOT NULL,
    before TEXT NOT NULL,
    after TEXT NOT NULL
);
CREATE INDEX amendment_changes_amendment ON amendment_changes(amendment_id);
CREATE TABLE ppid_settings (
    station_id INTEGER PRIMARY KEY REFERENCES stations(id),
    retention_days INTEGER CHECK (retention_days IS NULL OR retention_days > 0)
);
ALTER TABLE info_requests ADD COLUMN personal_data_erased_at TEXT;
ALTER TABLE questions ADD COLUMN personal_data_erased_at TEXT;
CREATE INDEX info_requests_station_received ON info_requests(station_id, received_at);
)SQL";

// Keys for the journal's seals of personal data (PersonalSeal): one per request and question,
// erased with the data by the retention rule. Rows whose data is already erased get none.
constexpr const char* kPersonalKeys = R"SQL(
ALTER TABLE info_requests ADD COLUMN personal_key TEXT NOT NULL DEFAULT '';
ALTER TABLE questions ADD COLUMN personal_key TEXT NOT NULL DEFAULT '';
UPDATE info_requests SET personal_key = lower(hex(randomblob(32)))
    WHERE personal_data_erased_at IS NULL;
UPDATE questions SET personal_key = lower(hex(randomblob(32)))
    WHERE personal_data_erased_at IS NULL;
)SQL";

// Journal rows sealed with the station's key (Journal, JournalKeyring); rows before keep their
// plain SHA-256 links. The first sealed row is written right after (JournalVerifier::startSealing).
// The station's backup folder (a backup after each session).
constexpr const char* kJournalSeal = R"SQL(
ALTER TABLE journal ADD COLUMN key_id TEXT NOT NULL DEFAULT '';
ALTER TABLE stations ADD COLUMN backup_dir TEXT NOT NULL DEFAULT '';
)SQL";

// Complaints and problem reports asked on air, followed up by the station's units (SOP 003,
// SOP 004), the forwarding letters to the units, and the station's due time for a unit.
constexpr const char* kComplaints = R"SQL(
CREATE TABLE complaint_letters (
    id INTEGER PRIMARY KEY,
    station_id INTEGER NOT NULL REFERENCES stations(id),
    number TEXT NOT NULL UNIQUE,
    reg_year INTEGER NOT NULL,
    reg_seq INTEGER NOT NULL,
    unit_name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    UNIQUE (station_id, reg_year, reg_seq)
);
CREATE TABLE complaints (
    id INTEGER PRIMARY KEY,
    question_id INTEGER NOT NULL UNIQUE REFERENCES questions(id),
    kind TEXT NOT NULL CHECK (kind IN ('keluhan', 'pengaduan', 'laporan_kamtibmas')),
    topic TEXT NOT NULL,
    kelurahan TEXT NOT NULL DEFAULT '',
    kecamatan TEXT NOT NULL DEFAULT '',
    marked_at TEXT NOT NULL,
    marked_by TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'dicatat'
        CHECK (status IN ('dicatat', 'diteruskan', 'ditindaklanjuti', 'selesai')),
    unit_kind TEXT NOT NULL DEFAULT '',
    unit_name TEXT NOT NULL DEFAULT '',
    forwarded_at TEXT,
    forwarded_by TEXT NOT NULL DEFAULT '',
    due_date TEXT,
    contact_shared INTEGER NOT NULL DEFAULT 0,
    forward_note TEXT NOT NULL DEFAULT '',
    answer TEXT NOT NULL DEFAULT '',
    action TEXT NOT NULL DEFAULT '',
    pillars TEXT NOT NULL DEFAULT '',
    followed_up_at TEXT,
    followed_up_by TEXT NOT NULL DEFAULT '',
    closed_at TEXT,
    closed_by TEXT NOT NULL DEFAULT '',
    caller_informed TEXT CHECK (caller_informed IS NULL OR
        caller_informed IN ('telepon', 'siaran', 'surat', 'tanpa_kontak')),
    caller_informed_on TEXT,
    letter_id INTEGER REFERENCES complaint_letters(id)
);
CREATE INDEX complaints_status ON complaints(status, due_date);
CREATE INDEX complaints_unit ON complaints(unit_name);
CREATE TABLE complaint_settings (
    station_id INTEGER PRIMARY KEY REFERENCES stations(id),
    due_working_days INTEGER NOT NULL CHECK (due_working_days BETWEEN 1 AND 60)
);
)SQL";

// The studio service (service/): the station's consent to listen beyond loopback, browser seats
// with hashed tokens, the channels' secrets, and every channel message by its own id, so a
// retried delivery is recognised; a message waits here (question_id NULL) until a session
// takes it.
constexpr const char* kService = R"SQL(
ALTER TABLE stations ADD COLUMN allow_lan INTEGER NOT NULL DEFAULT 0;
CREATE TABLE seats (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL CHECK (role IN ('guest', 'screener')),
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    revoked_at TEXT
);
CREATE TABLE channel_secrets (
    channel TEXT PRIMARY KEY,
    settings TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE channel_messages (
    id INTEGER PRIMARY KEY,
    channel TEXT NOT NULL,
    message_id TEXT NOT NULL,
    received_at TEXT NOT NULL,
    arrived_at TEXT NOT NULL,
    sender_name TEXT NOT NULL DEFAULT '',
    contact TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    question_id INTEGER REFERENCES questions(id),
    UNIQUE (channel, message_id)
);
CREATE INDEX channel_messages_waiting ON channel_messages(question_id);
CREATE TABLE service_settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
)SQL";

// 10: after the programme, by the users' SOPs 001 and 002 (publication/): the office's officers
// and their posts, releases with every version and their files, the SOP steps with who held
// them and for how long, the publication log, the station's publishing settings, and coverage
// requests with their team.
constexpr const char* kPublication = R"SQL(
CREATE TABLE office_officers (
    id INTEGER PRIMARY KEY,
    station_id INTEGER NOT NULL REFERENCES stations(id),
    role TEXT NOT NULL,
    login TEXT NOT NULL,
    name TEXT NOT NULL,
    rank TEXT NOT NULL DEFAULT '',
    nip TEXT NOT NULL DEFAULT '',
    UNIQUE (station_id, role, login)
);
CREATE TABLE releases (
    id INTEGER PRIMARY KEY,
    station_id INTEGER NOT NULL REFERENCES stations(id),
    session_id INTEGER NOT NULL UNIQUE REFERENCES sessions(id),
    state TEXT NOT NULL
        CHECK (state IN ('drafting', 'kasubbag_review', 'kabag_review', 'upload', 'published')),
    version INTEGER NOT NULL,
    staff TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    published_at TEXT
);
CREATE TABLE release_versions (
    id INTEGER PRIMARY KEY,
    release_id INTEGER NOT NULL REFERENCES releases(id),
    version INTEGER NOT NULL,
    step INTEGER NOT NULL,
    content TEXT NOT NULL,
    actor TEXT NOT NULL,
    at TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    UNIQUE (release_id, version)
);
CREATE TABLE release_files (
    id INTEGER PRIMARY KEY,
    release_id INTEGER NOT NULL REFERENCES releases(id),
    kind TEXT NOT NULL CHECK (kind IN ('photo', 'clip', 'audiogram', 'document')),
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    caption TEXT NOT NULL DEFAULT '',
    added_at TEXT NOT NULL,
    added_by TEXT NOT NULL
);
CREATE INDEX release_files_release ON release_files(release_id);
CREATE TABLE sop_steps (
    id INTEGER PRIMARY KEY,
    sop TEXT NOT NULL CHECK (sop IN ('001', '002')),
    item_id INTEGER NOT NULL,
    step INTEGER NOT NULL,
    role TEXT NOT NULL,
    holder TEXT NOT NULL,
    holder_name TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    finished_by TEXT,
    outcome TEXT CHECK (outcome IS NULL OR outcome IN ('passed', 'returned', 'skipped')),
    note TEXT NOT NULL DEFAULT '',
    standard_s INTEGER,
    version INTEGER
);
CREATE INDEX sop_steps_item ON sop_steps(sop, item_id);
CREATE INDEX sop_steps_started ON sop_steps(started_at);
CREATE TABLE publication_log (
    id INTEGER PRIMARY KEY,
    release_id INTEGER REFERENCES releases(id),
    coverage_id INTEGER,
    channel TEXT NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE,
    state TEXT NOT NULL CHECK (state IN ('started', 'published')),
    by_hand INTEGER NOT NULL DEFAULT 0,
    url TEXT NOT NULL DEFAULT '',
    remote_id TEXT NOT NULL DEFAULT '',
    actor TEXT NOT NULL,
    started_at TEXT NOT NULL,
    published_at TEXT
);
CREATE TABLE publication_settings (
    station_id INTEGER PRIMARY KEY REFERENCES stations(id),
    hashtags TEXT NOT NULL DEFAULT '[]',
    wordpress_url TEXT NOT NULL DEFAULT '',
    wordpress_user TEXT NOT NULL DEFAULT '',
    wordpress_password_file TEXT NOT NULL DEFAULT ''
);
CREATE TABLE coverages (
    id INTEGER PRIMARY KEY,
    station_id INTEGER NOT NULL REFERENCES stations(id),
    session_id INTEGER UNIQUE REFERENCES sessions(id),
    source TEXT NOT NULL CHECK (source IN ('letter', 'agenda', 'session')),
    letter_number TEXT NOT NULL DEFAULT '',
    requester TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL,
    place TEXT NOT NULL DEFAULT '',
    event_start TEXT NOT NULL,
    needs_spt INTEGER NOT NULL DEFAULT 0,
    spt_number TEXT NOT NULL DEFAULT '',
    step INTEGER NOT NULL,
    done INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
);
CREATE INDEX coverages_event ON coverages(event_start);
CREATE TABLE coverage_team (
    id INTEGER PRIMARY KEY,
    coverage_id INTEGER NOT NULL REFERENCES coverages(id),
    name TEXT NOT NULL,
    rank TEXT NOT NULL DEFAULT '',
    nip TEXT NOT NULL DEFAULT '',
    task TEXT NOT NULL DEFAULT ''
);
)SQL";

constexpr std::array kMigrations{
    Migration{1, "core: stations, programmes, sessions, rundown, journal", kCore},
    Migration{2, "questions", kQuestions},
    Migration{3, "information requests", kRequests},
    Migration{4, "recordings, markers, gaps, alarms", kRecordings},
    Migration{5, "PPID record: follow-ups, objections, signatures, amendments, retention", kPpid},
    Migration{6, "keys for the journal's seals of personal data", kPersonalKeys},
    Migration{7, "journal rows sealed with the station key; backup folder", kJournalSeal},
    Migration{8, "complaints followed up by units, forwarding letters", kComplaints},
    Migration{9, "studio service: seats, channel secrets, channel messages", kService},
    Migration{10, "publication and coverage by SOPs 001 and 002", kPublication},
};

}  // namespace

std::span<const Migration> Migrations::all() {
    return kMigrations;
}

int Migrations::latest() {
    return kMigrations.back().version;
}

void Migrations::apply(Database& db, int upTo) {
    if (upTo < 0) upTo = latest();
    int current = db.schemaVersion();
    if (current > latest()) {
        throw UserError(fmt::format(
            "the database {} has schema version {}, newer than this Dialog Studio knows ({}); "
            "use a newer Dialog Studio",
            db.path().string(), current, latest()));
    }
    for (const Migration& m : kMigrations) {
        if (m.version <= current || m.version > upTo) continue;
        Transaction tx(db);
        // Re-read inside the write lock: another process may have migrated meanwhile.
        if (db.schemaVersion() >= m.version) continue;
        try {
            db.exec(m.sql);
        } catch (const std::exception& e) {
            std::string what = e.what();
            if (what.find("already exists") != std::string::npos ||
                what.find("duplicate column") != std::string::npos) {
                throw UserError(fmt::format(
                    "the database {} says it has schema version {} but already holds what "
                    "version {} adds ({}): its version number (PRAGMA user_version) was changed "
                    "by another tool. Nothing was changed; restore it from a backup "
                    "(dialogstudio restore) or set user_version back",
                    db.path().string(), db.schemaVersion(), m.version,
                    what.substr(0, what.find(" [")).substr(0, 120)));
            }
            throw;
        }
        if (m.version == 7) JournalVerifier::startSealing(db);
        db.exec(fmt::format("PRAGMA user_version = {}", m.version));
        tx.commit();
    }
}

}  // namespace ds
