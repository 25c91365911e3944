#pragma once
// The PPID record's tests stand on StudioFixture plus follow-up units, helpers that open and
// decide requests, and a way to put decisions at known instants (decide() stamps "now"; the
// tests move the stamp with SQL so that times to fulfil are known exactly).
#include <fmt/format.h>

#include "StudioFixture.h"
#include "studio/Journal.h"
#include "studio/Statement.h"
#include "studio/WorkingCalendar.h"

namespace ds::test {

class PpidFixture : public StudioFixture {
  protected:
    void SetUp() override {
        StudioFixture::SetUp();
        station.units = {{"satfung", "Sat Reskrim"},
                         {"polsek", "Polsek Teluk Segara"},
                         {"bhabinkamtibmas", "Bhabinkamtibmas Kel. Pasar Melintang"}};
        station.letterhead =
            "KEPOLISIAN NEGARA REPUBLIK INDONESIA\nDAERAH BENGKULU\nRESOR BENGKULU";
        station = StationStore(db).update(station, "test");
    }

    WorkingCalendar calendar() { return StationStore::calendar(station); }

    InfoRequest letter(TimePoint received, std::optional<std::int64_t> sessionId,
                       const std::string& name = "Dewi Anggraini") {
        InfoRequest r;
        r.sessionId = sessionId;
        r.channel = "letter";
        r.requester.name = name;
        r.requester.phone = "081234567890";
        r.requester.address = "Jl. Melati No. 3, Kel. Sawah Lebar, Kec. Ratu Agung, Kota Bengkulu";
        r.requester.nik = "1771012345678901";
        r.details = "Data laporan curanmor 2026";
        r.receivedAt = received;
        return requests().open(r, "ppid");
    }

    static Decision decision(const std::string& what, const std::string& ground = "",
                             std::optional<int> sub = std::nullopt) {
        Decision d;
        d.decision = what;
        d.ground = ground;
        d.subground = sub;
        if (ground == "P17a" || ground == "P17h") {
            if (!d.subground) d.subground = 1;
        }
        if (ground.rfind("P17", 0) == 0) d.consequenceTest = "Uji konsekuensi Pasal 19";
        if (ground == "P17j") d.law = "UU 8/1981 Pasal 1";
        if (what == "refused") d.reason = "Alasan penolakan";
        if (what == "granted_partial") {
            d.redactedParts = "Nama tersangka";
            d.redactionReason = "Rahasia pribadi";
        }
        return d;
    }

    InfoRequest decide(const InfoRequest& r, const Decision& d) {
        return requests().decide(r.id, d, "ppid");
    }

    // Moves a decision's time stamp (and its notice date) to `at`.
    void decidedAt(const InfoRequest& r, TimePoint at) {
        db.prepare("UPDATE info_requests SET decided_at = ?, notice_date = ? WHERE id = ?")
            .bindAll(formatUtc(at), formatDay(localDay(at, station.timeZone)), r.id)
            .run();
    }

    void endSession() {
        SessionStore(db).start(session.id, false, "producer");
        SessionStore(db).end(session.id, "producer");
    }

    static TimePoint utc(const char* text) { return *parseUtc(text); }
};

}  // namespace ds::test
