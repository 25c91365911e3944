#include "studio/StationStore.h"

#include <fmt/format.h>

#include "studio/ContentRules.h"
#include "studio/Database.h"
#include "studio/Errors.h"
#include "studio/Journal.h"
#include "studio/RegistrationNumber.h"
#include "studio/Statement.h"
#include "studio/TextRules.h"
#include "studio/Time.h"
#include "studio/Transaction.h"
#include "studio/Vocabulary.h"

namespace ds {

namespace {

constexpr const char* kDefaultCode = "HUMAS";
constexpr const char* kDefaultName = "Humas (stasiun baru)";
constexpr const char* kDefaultZone = "Asia/Jakarta";

void validate(const Station& s) {
    if (!isValidStationCode(s.code)) {
        throw UserError(fmt::format(
            "field 'code': '{}' is not a station code (2 to 12 characters, A-Z and 0-9)", s.code));
    }
    requireText(s.name, "name", kMaxNameBytes, true);
    if (!isValidTimeZone(s.timeZone)) {
        throw UserError(fmt::format(
            "field 'time_zone': '{}' is not an IANA time zone (e.g. Asia/Jakarta, Asia/Makassar, "
            "Asia/Jayapura)",
            s.timeZone));
    }
    requireText(s.letterhead, "letterhead", kMaxNoteBytes, false);
    for (const std::string& p : s.partnerMedia) {
        requireText(p, "partner_media", kMaxNameBytes, true);
    }
    for (const Unit& u : s.units) {
        vocab::require(vocab::unitKinds(), u.kind, "unit kind");
        requireText(u.name, "unit name", kMaxNameBytes, true);
    }
    requireText(s.recordingsDir, "recordings_dir", kMaxNoteBytes, false);
    requireText(s.audioDevice, "audio_device", kMaxNoteBytes, false);
    if (!s.audioSettings.is_object())
        throw UserError("field 'audio_settings': must be a JSON object");
    // Loading proves the files exist and parse; the error names the file, line and field.
    StationStore::calendar(s);
    StationStore::contentFilter(s);
}

}  // namespace

Station StationStore::get(std::int64_t id) {
    Statement st = db_.prepare(
        "SELECT id, code, name, time_zone, letterhead, holiday_file, content_words_file, "
        "recordings_dir, audio_device, audio_settings FROM stations WHERE id = ?");
    st.bind(1, id);
    if (!st.step()) throw NotFoundError(fmt::format("no station with id {}", id));
    Station s;
    s.id = st.getInt(0);
    s.code = st.getText(1);
    s.name = st.getText(2);
    s.timeZone = st.getText(3);
    s.letterhead = st.getText(4);
    s.holidayFile = st.getText(5);
    s.contentWordsFile = st.getText(6);
    s.recordingsDir = st.getText(7);
    s.audioDevice = st.getText(8);
    s.audioSettings = nlohmann::json::parse(st.getText(9), nullptr, false);
    if (!s.audioSettings.is_object()) s.audioSettings = nlohmann::json::object();
    Statement pm = db_.prepare("SELECT name FROM partner_media WHERE station_id = ? ORDER BY id");
    pm.bind(1, id);
    while (pm.step())
        s.partnerMedia.push_back(pm.getText(0));
    Statement un = db_.prepare("SELECT kind, name FROM units WHERE station_id = ? ORDER BY id");
    un.bind(1, id);
    while (un.step())
        s.units.push_back({un.getText(0), un.getText(1)});
    return s;
}

Station StationStore::current(const std::string& actor) {
    {
        Statement st = db_.prepare("SELECT id FROM stations ORDER BY id LIMIT 1");
        if (st.step()) return get(st.getInt(0));
    }
    Transaction tx(db_);
    {
        // Another process may have created it between our read and our write lock.
        Statement again = db_.prepare("SELECT id FROM stations ORDER BY id LIMIT 1");
        if (again.step()) return get(again.getInt(0));
    }
    db_.prepare("INSERT INTO stations (code, name, time_zone, created_at) VALUES (?, ?, ?, ?)")
        .bindAll(kDefaultCode, kDefaultName, kDefaultZone, formatUtc(now()))
        .run();
    Station s = get(db_.lastInsertId());
    Journal::append(
        db_, {actor, "station.create", fmt::format("station:{}", s.id), nullptr, s.toJson()});
    tx.commit();
    return s;
}

Station StationStore::update(const Station& changed, const std::string& actor) {
    validate(changed);
    Transaction tx(db_);
    Station before = get(changed.id);
    db_.prepare(
           "UPDATE stations SET code = ?, name = ?, time_zone = ?, letterhead = ?, "
           "holiday_file = ?, content_words_file = ?, recordings_dir = ?, audio_device = ?, "
           "audio_settings = ? WHERE id = ?")
        .bindAll(changed.code, changed.name, changed.timeZone, changed.letterhead,
                 changed.holidayFile, changed.contentWordsFile, changed.recordingsDir,
                 changed.audioDevice, changed.audioSettings.dump(), changed.id)
        .run();
    db_.prepare("DELETE FROM partner_media WHERE station_id = ?").bind(1, changed.id).run();
    for (const std::string& p : changed.partnerMedia) {
        db_.prepare("INSERT OR IGNORE INTO partner_media (station_id, name) VALUES (?, ?)")
            .bindAll(changed.id, p)
            .run();
    }
    db_.prepare("DELETE FROM units WHERE station_id = ?").bind(1, changed.id).run();
    for (const Unit& u : changed.units) {
        db_.prepare("INSERT OR IGNORE INTO units (station_id, kind, name) VALUES (?, ?, ?)")
            .bindAll(changed.id, u.kind, u.name)
            .run();
    }
    Station after = get(changed.id);
    Journal::append(db_, {actor, "station.update", fmt::format("station:{}", after.id),
                          before.toJson(), after.toJson()});
    tx.commit();
    return after;
}

WorkingCalendar StationStore::calendar(const Station& station) {
    if (station.holidayFile.empty()) return WorkingCalendar::shipped();
    return WorkingCalendar::load(station.holidayFile);
}

ContentFilter StationStore::contentFilter(const Station& station) {
    return ContentRules::forStation(station.contentWordsFile);
}

}  // namespace ds
