#pragma once
// A real database with a station (Polres Bengkulu, WIB), a programme and one planned session
// with a three-segment rundown: the ground most store tests stand on.
#include "TempDatabase.h"
#include "studio/IntakeService.h"
#include "studio/ProgrammeStore.h"
#include "studio/QuestionStore.h"
#include "studio/RequestStore.h"
#include "studio/SessionStore.h"
#include "studio/Statement.h"
#include "studio/StationStore.h"
#include "studio/TextRules.h"

namespace ds::test {

class StudioFixture : public DatabaseTest {
  protected:
    void SetUp() override {
        StationStore stations(db);
        station = stations.current("test");
        station.code = "BKL";
        station.name = "Polres Bengkulu";
        station.timeZone = zone();
        station = stations.update(station, "test");
        Programme p;
        p.stationId = station.id;
        p.title = "Dialog Interaktif Kamtibmas";
        p.partnerMedia = "RRI Bengkulu";
        p.rundownTemplate = nlohmann::json::parse(R"([
            {"kind": "opening", "title": "Pembukaan", "planned": "3:00"},
            {"kind": "qa", "title": "Tanya jawab", "planned": "20"},
            {"kind": "closing", "title": "Penutup", "planned": 5}])");
        programme = ProgrammeStore(db).create(p, "test");
        Session s;
        s.programmeId = programme.id;
        s.topic = "Keselamatan lalu lintas";
        s.scheduledStart = now();
        s.plannedLength = std::chrono::minutes(60);
        s.checklist = {true, true, true, true};
        session = SessionStore(db).create(s, "test");
    }
    virtual std::string zone() const { return "Asia/Jakarta"; }

    RequestStore requests() { return RequestStore(db, station, StationStore::calendar(station)); }
    QuestionStore questions() { return QuestionStore(db); }
    IntakeService intake() { return IntakeService(db); }
    Question ask(const std::string& text, const std::string& channel = "phone") {
        Question q;
        q.sessionId = session.id;
        q.channel = channel;
        q.text = text;
        q.callerName = "Budi Santoso";
        q.contact = "081273451290";
        return intake().receive(q, "screener");
    }
    std::int64_t count(const std::string& sql) {
        Statement st = db.prepare(sql);
        st.step();
        return st.getInt(0);
    }

    Station station;
    Programme programme;
    Session session;
};

}  // namespace ds::test
