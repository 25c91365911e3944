#include "studio/ProgrammeStore.h"

#include <fmt/format.h>

#include "studio/Database.h"
#include "studio/Errors.h"
#include "studio/Journal.h"
#include "studio/RundownFile.h"
#include "studio/Statement.h"
#include "studio/TextRules.h"
#include "studio/Time.h"
#include "studio/Transaction.h"

namespace ds {

namespace {

bool isClockTime(const std::string& t) {
    if (t.size() != 5 || t[2] != ':') return false;
    if (!std::isdigit(static_cast<unsigned char>(t[0])) ||
        !std::isdigit(static_cast<unsigned char>(t[1])) ||
        !std::isdigit(static_cast<unsigned char>(t[3])) ||
        !std::isdigit(static_cast<unsigned char>(t[4]))) {
        return false;
    }
    return std::stoi(t.substr(0, 2)) < 24 && std::stoi(t.substr(3, 2)) < 60;
}

Programme read(Statement& st) {
    Programme p;
    p.id = st.getInt(0);
    p.stationId = st.getInt(1);
    p.title = st.getText(2);
    p.partnerMedia = st.getText(3);
    if (auto w = st.getOptInt(4)) p.weekday = static_cast<int>(*w);
    p.startTime = st.getText(5);
    p.lengthMinutes = static_cast<int>(st.getInt(6));
    p.rundownTemplate = nlohmann::json::parse(st.getText(7));
    return p;
}

constexpr const char* kSelect =
    "SELECT id, station_id, title, partner_media, weekday, COALESCE(start_time, ''), length_min, "
    "rundown_template FROM programmes ";

}  // namespace

Programme ProgrammeStore::create(const Programme& p, const std::string& actor) {
    requireText(p.title, "title", kMaxNameBytes, true);
    requireText(p.partnerMedia, "partner_media", kMaxNameBytes, false);
    if (p.weekday && (*p.weekday < 1 || *p.weekday > 7)) {
        throw UserError(
            fmt::format("field 'weekday': {} is not 1 (Monday) to 7 (Sunday)", *p.weekday));
    }
    if (!p.startTime.empty() && !isClockTime(p.startTime)) {
        throw UserError(fmt::format("field 'start_time': '{}' is not HH:MM", p.startTime));
    }
    if (p.lengthMinutes < 1 || p.lengthMinutes > 600) {
        throw UserError(
            fmt::format("field 'length': {} minutes is not between 1 and 600", p.lengthMinutes));
    }
    // The template is the JSON rundown format; parsing it proves it is usable later.
    RundownFile::parseJsonTemplate(p.rundownTemplate, "rundown template");
    Transaction tx(db_);
    db_.prepare(
           "INSERT INTO programmes (station_id, title, partner_media, weekday, start_time, "
           "length_min, rundown_template, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .bindAll(p.stationId, p.title, p.partnerMedia, p.weekday,
                 p.startTime.empty() ? std::optional<std::string>() : p.startTime, p.lengthMinutes,
                 p.rundownTemplate.dump(), formatUtc(now()))
        .run();
    Programme stored = get(db_.lastInsertId());
    Journal::append(db_, {actor, "programme.create", fmt::format("programme:{}", stored.id),
                          nullptr, stored.toJson()});
    tx.commit();
    return stored;
}

Programme ProgrammeStore::get(std::int64_t id) {
    Statement st = db_.prepare(std::string(kSelect) + "WHERE id = ?");
    st.bind(1, id);
    if (!st.step()) throw NotFoundError(fmt::format("no programme with id {}", id));
    return read(st);
}

std::vector<Programme> ProgrammeStore::list(std::int64_t stationId) {
    Statement st = db_.prepare(std::string(kSelect) + "WHERE station_id = ? ORDER BY id");
    st.bind(1, stationId);
    std::vector<Programme> out;
    while (st.step())
        out.push_back(read(st));
    return out;
}

}  // namespace ds
