// The signed session record: signing freezes the session, the request lifecycle
// goes on for what was undecided, corrections are amendments shown in the history and
// journalled, and the journal still verifies with the signature anchored in it.
#include "PpidFixture.h"
#include "studio/AmendmentStore.h"
#include "studio/Errors.h"
#include "studio/SessionRecord.h"
#include "studio/SignedSummary.h"

namespace ds {
namespace {

class SessionSigningTest : public test::PpidFixture {
  protected:
    Signature signature() {
        Signature s;
        s.name = "Hadi Prasetyo";
        s.nrp = "78030789";
        s.signedOn = localDay(now(), station.timeZone);
        return s;
    }
    Signature sign() {
        return SessionStore(db).sign(session.id, signature(), station, calendar(), "ppid");
    }
    AmendmentStore amendments() { return AmendmentStore(db, station, calendar()); }
};

TEST_F(SessionSigningTest, OnlyAnEndedSessionIsSignedAndThenItIsFrozen) {
    EXPECT_THROW(sign(), UserError);  // planned
    Question q = ask("Berapa jumlah curanmor?");
    InfoRequest decided =
        decide(letter(now() - std::chrono::hours(30), session.id), decision("granted_full"));
    InfoRequest pending = letter(now() - std::chrono::hours(2), session.id);
    endSession();
    Signature bad = signature();
    bad.nrp = "1234";
    EXPECT_THROW(SessionStore(db).sign(session.id, bad, station, calendar(), "ppid"), UserError);
    bad = signature();
    bad.signedOn = localDay(now(), station.timeZone) + date::days{1};
    EXPECT_THROW(SessionStore(db).sign(session.id, bad, station, calendar(), "ppid"), UserError);

    Signature s = sign();
    EXPECT_EQ(SessionStore(db).get(session.id).status, "signed");
    EXPECT_THROW(sign(), UserError);  // once
    // The signature names the journal row that records it, and that row holds the summary.
    Statement row = db.prepare("SELECT action, subject, hash, after FROM journal WHERE id = ?");
    row.bind(1, s.journalId);
    ASSERT_TRUE(row.step());
    EXPECT_EQ(row.getText(0), "session.sign");
    EXPECT_EQ(row.getText(1), fmt::format("session:{}", session.id));
    EXPECT_EQ(row.getText(2), s.journalHash);
    EXPECT_EQ(nlohmann::json::parse(row.getText(3))["record"]["requests"]["received"], 2)
        << "the summary the store built of the two requests";
    row.reset();
    ASSERT_TRUE(SessionStore(db).signature(session.id).has_value());
    EXPECT_EQ(SessionStore(db).signature(session.id)->journalHash, s.journalHash);

    // Frozen for the normal commands.
    Session changed = SessionStore(db).get(session.id);
    changed.topic = "Diubah";
    EXPECT_THROW(SessionStore(db).update(changed, "producer"), UserError);
    EXPECT_THROW(ask("Pertanyaan baru"), UserError);
    EXPECT_THROW(questions().approve(q.id, "screener"), UserError);
    EXPECT_THROW(letter(now(), session.id), UserError);  // no new registrations
    EXPECT_THROW(decide(decided, decision("refused", "P17c")), UserError);
    // A decided request's written-notice date is corrected only by amendment.
    EXPECT_THROW(requests().setNoticeDate(decided.id,
                                          localDay(decided.receivedAt, station.timeZone), "ppid"),
                 UserError);
    // The law's clock runs on for what was undecided at signing.
    EXPECT_NO_THROW(requests().extend(pending.id, "Menunggu data Sat Reskrim", "ppid"));
    InfoRequest later = decide(pending, decision("granted_partial"));
    EXPECT_EQ(later.status, "granted_partial");
    SessionRecord record = SessionRecord::build(db, station, calendar(), session.id, now(), false);
    ASSERT_EQ(record.afterSigning.size(), 2u);
    EXPECT_EQ(record.afterSigning[0].action, "request.extend");
    EXPECT_EQ(record.afterSigning[1].action, "request.decide");
    EXPECT_EQ(record.afterSigning[1].subject, pending.registrationNumber);
    EXPECT_TRUE(Journal::verify(db).ok);
}

TEST_F(SessionSigningTest, AmendmentsCorrectTheSignedRecordAndTheJournalStillVerifies) {
    InfoRequest r =
        decide(letter(now() - std::chrono::hours(3), session.id), decision("refused", "P17a", 1));
    Question q = ask("Pertanyaan dengan salah ketik");
    endSession();
    sign();
    std::int64_t rowsBefore = count("SELECT COUNT(*) FROM journal");

    // A decision corrected: the refusal was under sub-ground 3, with another reason.
    Amendment a = amendments().amendRequest(
        r.id, {{"subground", "3"}, {"reason", "Mengungkap data intelijen kriminal"}},
        "Salah angka pada keputusan", "ppid");
    EXPECT_TRUE(a.afterSigning);
    ASSERT_EQ(a.changes.size(), 2u);
    EXPECT_EQ(a.changes[0].field, "subground");
    EXPECT_EQ(a.changes[0].before, "1");
    EXPECT_EQ(a.changes[0].after, "3");
    EXPECT_EQ(requests().get(r.id).decision.subground, 3);
    // A grant now: the ground must go with it, or the rules of a decision refuse it.
    EXPECT_THROW(amendments().amendRequest(r.id, {{"decision", "granted_full"}}, "x", "ppid"),
                 UserError);
    Amendment g = amendments().amendRequest(
        r.id,
        {{"decision", "granted_full"}, {"ground", ""}, {"subground", ""}, {"consequence_test", ""}},
        "Keputusan pimpinan: informasi dibuka", "ppid");
    EXPECT_EQ(requests().get(r.id).status, "granted_full");
    EXPECT_EQ(g.changes.size(), 4u);
    // A question's text and the session's topic.
    amendments().amendQuestion(q.id, {{"text", "Pertanyaan tanpa salah ketik"}}, "Ejaan", "ppid");
    amendments().amendSession(session.id, {{"topic", "Keselamatan berlalu lintas"}}, "Sesuai Sprin",
                              "ppid");
    EXPECT_THROW(amendments().amendSession(session.id, {{"guest.1.name", "x"}}, "x", "ppid"),
                 UserError);  // the session lists no guest
    EXPECT_EQ(SessionStore(db).get(session.id).topic, "Keselamatan berlalu lintas");
    EXPECT_EQ(SessionStore(db).get(session.id).status, "signed");
    // Nothing changes, no reason, unknown fields: refused, nothing written.
    EXPECT_THROW(amendments().amendSession(session.id, {{"topic", "Keselamatan berlalu lintas"}},
                                           "x", "ppid"),
                 UserError);
    EXPECT_THROW(amendments().amendRequest(r.id, {{"details", "y"}}, "", "ppid"), UserError);
    EXPECT_THROW(amendments().amendRequest(r.id, {{"colour", "y"}}, "x", "ppid"), UserError);
    EXPECT_THROW(AmendmentStore::parseSet("noequals"), UserError);

    EXPECT_EQ(count("SELECT COUNT(*) FROM amendments"), 4);
    EXPECT_EQ(count("SELECT COUNT(*) FROM journal") - rowsBefore, 4);
    EXPECT_EQ(count("SELECT COUNT(*) FROM journal WHERE action = 'request.amend'"), 2);
    JournalCheck check = Journal::verify(db);
    EXPECT_TRUE(check.ok) << check.problem;
    SessionRecord record = SessionRecord::build(db, station, calendar(), session.id, now(), false);
    ASSERT_EQ(record.amendments.size(), 4u);
    EXPECT_EQ(record.amendments[0].label, r.registrationNumber);
    EXPECT_EQ(record.amendments[2].label, "Pertanyaan 1");
    EXPECT_EQ(record.amendments[3].label, "Sesi");
    EXPECT_TRUE(record.afterSigning.empty());  // amendments are listed as amendments
}

// The control room signs through SessionStore with signedSummary(), no CLI in between: the
// journal row holds the Pasal 11 counts and each request's state as signed.
TEST_F(SessionSigningTest, SignedSummaryRecordsTheCountsAndEachRequestAsSigned) {
    InfoRequest granted =
        decide(letter(now() - std::chrono::hours(5), session.id), decision("granted_full"));
    InfoRequest refused =
        decide(letter(now() - std::chrono::hours(4), session.id), decision("refused", "P17a", 2));
    InfoRequest pending = letter(now() - std::chrono::hours(3), session.id);
    ask("Pertanyaan pendengar");
    endSession();
    EXPECT_THROW(signedSummary(db, station, calendar(), 999), NotFoundError);

    nlohmann::json summary = signedSummary(db, station, calendar(), session.id);
    EXPECT_EQ(summary["questions_received"], 1);
    EXPECT_EQ(summary["requests"]["received"], 3);
    EXPECT_EQ(summary["requests"]["granted_full"], 1);
    EXPECT_EQ(summary["requests"]["refused"], 1);
    EXPECT_EQ(summary["requests"]["pending"], 1);
    EXPECT_EQ(summary["requests"]["refused_by_ground"]["P17a"], 1);
    EXPECT_FALSE(summary["requests"].contains("time_to_decision"))
        << "per-request timings change with time; the summary holds the state";
    ASSERT_EQ(summary["register"].size(), 3u);
    EXPECT_EQ(summary["register"][0]["registration_number"], granted.registrationNumber);
    EXPECT_EQ(summary["register"][1]["ground"], "P17a");
    EXPECT_EQ(summary["register"][2]["status"], "pending");
    EXPECT_EQ(summary["register"][2]["due_date"], formatDay(pending.dueDate));
    // No personal data in the signed row: it outlives the retention period.
    EXPECT_EQ(summary.dump().find("Dewi"), std::string::npos);
    (void)refused;

    Signature s = SessionStore(db).sign(session.id, signature(), station, calendar(), "ui");
    Statement row = db.prepare("SELECT after FROM journal WHERE id = ?");
    row.bind(1, s.journalId);
    ASSERT_TRUE(row.step());
    EXPECT_EQ(nlohmann::json::parse(row.getText(0))["record"], summary);
    row.reset();
    EXPECT_TRUE(Journal::verify(db).ok);
}

TEST_F(SessionSigningTest, AmendedPersonalDataIsMaskedInTheRecord) {
    InfoRequest r =
        decide(letter(now() - std::chrono::hours(3), session.id), decision("granted_full"));
    amendments().amendRequest(
        r.id, {{"requester.name", "Dewi Anggraeni"}, {"requester.nik", "1771012345678902"}},
        "Ejaan nama", "ppid");
    SessionRecord masked = SessionRecord::build(db, station, calendar(), session.id, now(), false);
    ASSERT_EQ(masked.amendments.size(), 1u);
    EXPECT_EQ(masked.amendments[0].changes[0].before, "D. A.");
    EXPECT_EQ(masked.amendments[0].changes[1].after, "***");
    SessionRecord full = SessionRecord::build(db, station, calendar(), session.id, now(), true);
    EXPECT_EQ(full.amendments[0].changes[0].after, "Dewi Anggraeni");
    EXPECT_EQ(full.amendments[0].changes[1].after, "***");  // NIK never
}

}  // namespace
}  // namespace ds
