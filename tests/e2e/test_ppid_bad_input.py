"""Bad input to the PPID commands through the real `dialogstudio` binary: a refusal
ground or objection ground that does not exist, a sub-ground missing or out of range, a
decision on a request already decided in a signed session, unknown requests and sessions,
invalid UTF-8 and oversized text in reasons, a signature with a malformed NRP or on a session
that has not ended, a follow-up to a unit the station does not have, a period that is no
period, and an --output that cannot be written (a missing folder, a folder, a read-only
folder), the unmasked register included.

Each case must get one clear line on stderr naming what is wrong, a non-zero exit, no output on
stdout, and leave the database exactly as it was (every row of every table compared, the journal
counted). A failed export leaves no file, and no half file, behind.
(tests/e2e/test_bad_input.py covers the general cases: unknown ids, dates, CSV files, locks.)
"""
import os
import stat
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dstest  # noqa: E402

LIMIT = 8 * 1024


# Station with a unit, a programme, session 1 (ended and signed) with a decided and an
# undecided request, and session 2 (planned) with an undecided request.
def base_steps(folder):
    rundown = os.path.join(folder, "rundown.csv")
    return [
        ["station", "set", "--code", "BKL", "--name", "Polres Bengkulu", "--time-zone",
         "Asia/Jakarta", "--unit", "polsek|Polsek Gading Cempaka"],
        ["programme", "create", "--title", "Dialog Interaktif"],
        ["session", "create", "--topic", "Lalu lintas", "--start", "2026-03-17 09:00",
         "--check", "personnel", "--check", "materials", "--check", "schedule",
         "--check", "guest_input"],
        ["rundown", "set", "1", rundown],
        ["request", "open", "--session", "1", "--details", "Data curanmor", "--name",
         "Dewi Lestari", "--phone", "081234567890", "--received-at", "2026-03-17 09:10"],
        ["request", "open", "--session", "1", "--details", "Data tilang", "--name", "Joko",
         "--received-at", "2026-03-17 09:20"],
        ["request", "decide", "1", "--decision", "granted_full"],
        ["session", "start", "1"],
        ["session", "end", "1"],
        ["session", "sign", "1", "--name", "Hadi Prasetyo", "--nrp", "78030789"],
        ["session", "create", "--topic", "SKCK", "--start", "2026-03-25 09:00"],
        ["request", "open", "--session", "2", "--details", "Syarat SKCK", "--name", "Ani"],
    ]


BASE = dstest.BaseDatabase("ds-e2e-ppid-bad-", base_steps)


def tearDownModule():
    BASE.cleanup()


class PpidBadInputTestCase(dstest.RejectingTestCase):
    base = BASE


class DecisionTest(PpidBadInputTestCase):

    def test_unknown_refusal_ground(self):
        r = self.assert_rejected("request", "decide", "2", "--decision", "refused", "--ground",
                                 "P17z", "--reason", "x", mentions=["P17z"])
        self.assertIn("P17a", r.err, "the message lists the grounds there are")

    def test_unknown_decision(self):
        self.assert_rejected("request", "decide", "2", "--decision", "rejected",
                             mentions=["rejected", "granted_full"])

    def test_refusal_without_ground(self):
        self.assert_rejected("request", "decide", "2", "--decision", "refused", "--reason", "x",
                             mentions=["ground"])

    def test_subground_missing_or_out_of_range(self):
        self.assert_rejected("request", "decide", "2", "--decision", "refused", "--ground", "P17a",
                             "--consequence-test", "x", "--reason", "x", mentions=["subground"])
        self.assert_rejected("request", "decide", "2", "--decision", "refused", "--ground", "P17a",
                             "--subground", "7", "--consequence-test", "x", "--reason", "x",
                             mentions=["7"])

    def test_decision_on_a_request_already_decided_in_a_signed_session(self):
        self.assert_rejected("request", "decide", "1", "--decision", "refused", "--ground", "P17c",
                             "--consequence-test", "x", "--reason", "x",
                             mentions=["0001/PPID-BKL/III/2026", "already decided"])

    def test_unknown_requests(self):
        for args in (["request", "follow-up", "999", "--unit", "Polsek Gading Cempaka"],
                     ["request", "objection", "999", "--ground", "P35a", "--reason", "x"],
                     ["request", "notice", "999", "--date", "2026-03-20"],
                     ["request", "amend", "999", "--set", "details=x", "--reason", "x"],
                     ["request", "decide", "0099/PPID-BKL/III/2026", "--decision", "granted_full"]):
            with self.subTest(args=args):
                self.assert_rejected(*args, mentions=[args[2]])

    def test_invalid_utf8_in_a_reason(self):
        self.assert_rejected("request", "decide", "2", "--decision", "refused", "--ground", "P6",
                             "--reason", b"Tidak lengkap \xff\xfe", mentions=["UTF-8"])
        self.assert_rejected("request", "extend", "2", "--reason", b"Data di Polsek \xc3",
                             mentions=["UTF-8"])

    def test_huge_reason(self):
        huge = "Alasan panjang. " * (LIMIT // 8)  # twice the limit
        r = self.assert_rejected("request", "extend", "2", "--reason", huge, mentions=["reason"])
        self.assertLess(len(r.err), 400, "the message does not echo the whole text")
        self.assert_rejected("request", "decide", "2", "--decision", "refused", "--ground", "P6",
                             "--reason", huge, mentions=["reason"])

    def test_follow_up_to_an_unknown_unit(self):
        self.assert_rejected("request", "follow-up", "2", "--unit", "Polsek Antah Berantah",
                             mentions=["Polsek Antah Berantah"])

    def test_unknown_objection_ground(self):
        self.assert_rejected("request", "objection", "1", "--ground", "P35z", "--reason", "x",
                             mentions=["P35z"])


class SigningTest(PpidBadInputTestCase):

    def test_sign_unknown_session(self):
        self.assert_rejected("session", "sign", "999", "--name", "Hadi", "--nrp", "78030789",
                             mentions=["999"])

    def test_sign_a_session_that_has_not_ended(self):
        self.assert_rejected("session", "sign", "2", "--name", "Hadi", "--nrp", "78030789",
                             mentions=["ended"])

    def test_sign_with_a_malformed_nrp(self):
        # Session 1 is signed already; an unsigned ended copy of it is not needed for this: the
        # NRP is checked for its form whatever the session.
        r = self.assert_rejected("session", "sign", "1", "--name", "Hadi", "--nrp", "12ab",
                                 mentions=[])
        self.assertTrue("nrp" in r.err.lower() or "signed" in r.err.lower(), r.describe())

    def test_sign_twice(self):
        self.assert_rejected("session", "sign", "1", "--name", "Hadi", "--nrp", "78030789",
                             mentions=["signed"])

    def test_edits_after_signing(self):
        self.assert_rejected("session", "set", "1", "--topic", "Baru", mentions=["signed"])
        self.assert_rejected("request", "open", "--session", "1", "--details", "x",
                             mentions=["signed"])

    def test_amendment_without_change_or_of_unknown_field(self):
        self.assert_rejected("session", "amend", "1", "--set", "colour=merah", "--reason", "x",
                             mentions=["colour"])
        self.assert_rejected("session", "amend", "1", "--request", "3", "--set", "details=x",
                             "--reason", "x", mentions=["session 1"])
        self.assert_rejected("session", "amend", "999", "--set", "topic=x", "--reason", "x",
                             mentions=["999"])


class ReportTest(PpidBadInputTestCase):

    def test_unknown_session(self):
        out = os.path.join(self.tmpdir, "x.pdf")
        for args in (["report", "session", "999", "--format", "pdf", "--output", out],
                     ["report", "session", "999", "--format", "xlsx", "--output", out],
                     ["report", "register", "999"],
                     ["report", "register", "999", "--unmasked"],
                     ["session", "history", "999"]):
            with self.subTest(args=args):
                self.assert_rejected(*args, mentions=["999"])
                self.assertFalse(os.path.exists(out))

    def test_period_that_is_no_period(self):
        for args, mention in ((["--month", "2026-13"], "2026-13"),
                              (["--quarter", "2026Q5"], "2026Q5"),
                              (["--year", "2026", "--month", "2026-03"], "one period"),
                              (["--from", "2026-04-01", "--to", "2026-03-01"], "2026-03-01"),
                              (["--from", "2026-04-01"], "--to")):
            with self.subTest(args=args):
                self.assert_rejected("report", "period", *args, "--format", "json",
                                     mentions=[mention])

    def test_binary_format_needs_an_output_file(self):
        self.assert_rejected("report", "session", "1", "--format", "pdf", mentions=["--output"])
        self.assert_rejected("report", "period", "--year", "2026", "--format", "xlsx",
                             mentions=["--output"])

    def unwritable_outputs(self):
        ro = os.path.join(self.tmpdir, "read-only")
        os.mkdir(ro)
        os.chmod(ro, stat.S_IRUSR | stat.S_IXUSR)  # empty, so the clean-up still removes it
        outs = [os.path.join(self.tmpdir, "no-such-folder", "laporan.pdf"),
                self.tmpdir]  # a folder, not a file
        if os.geteuid() != 0:  # root writes into a read-only folder anyway
            outs.append(os.path.join(ro, "laporan.pdf"))
        return outs

    def files(self):
        """Every file under the test's folder but the database's own."""
        out = []
        for folder, _, names in os.walk(self.tmpdir):
            out += [os.path.join(folder, n) for n in names if not n.startswith("studio.db")]
        return sorted(out)

    def test_unwritable_output(self):
        for out in self.unwritable_outputs():
            for args in (["report", "session", "1", "--format", "pdf"],
                         ["report", "session", "1", "--format", "xlsx"],
                         ["report", "period", "--year", "2026", "--format", "pdf"],
                         ["report", "period", "--year", "2026", "--format", "xlsx"],
                         ["report", "period", "--year", "2026", "--format", "csv"],
                         ["report", "register", "1", "--format", "csv"]):
                with self.subTest(args=args, out=out):
                    listing = self.files()
                    self.assert_rejected(*args, "--output", out, mentions=[os.path.basename(out)])
                    self.assertEqual(self.files(), listing, "no file and no .part file left behind")

    def test_unmasked_export_that_fails_is_not_journalled(self):
        # The journal records an access to personal data; an export that wrote nothing gave
        # none, and "database unchanged" includes the journal.
        for out in self.unwritable_outputs():
            for args in (["report", "session", "1", "--format", "pdf", "--unmasked"],
                         ["report", "register", "1", "--format", "xlsx", "--unmasked"],
                         ["report", "register", "1", "--format", "csv", "--unmasked"]):
                with self.subTest(args=args, out=out):
                    self.assert_rejected(*args, "--output", out, mentions=[os.path.basename(out)])

    def test_retention_needs_a_sensible_period(self):
        self.assert_rejected("retention", "set", "--days", "-5", mentions=["days"])
        self.assert_rejected("retention", "set", mentions=["--days"])


class LifecycleOrderTest(PpidBadInputTestCase):
    """Steps out of order or on the wrong request: each named, refused, nothing written.
    Request 1 is decided (session 1, signed), request 2 undecided in the same session."""

    def test_steps_on_a_decided_request(self):
        for args in (["request", "extend", "1", "--reason", "Data belum lengkap"],
                     ["request", "escalate", "1", "--reason", "Informasi dikecualikan"],
                     ["request", "follow-up", "1", "--unit", "Polsek Gading Cempaka"]):
            with self.subTest(args=args):
                self.assert_rejected(*args, mentions=["0001/PPID-BKL/III/2026", "decided"])

    def test_leadership_decision_needs_an_escalation(self):
        self.assert_rejected("request", "leadership", "2", "--decided-by", "AKBP Budi, Kapolres",
                             "--decision", "release", mentions=["0002/PPID-BKL/III/2026",
                                                                "escalate"])
        self.assert_rejected("request", "leadership", "2", "--decided-by", "AKBP Budi",
                             "--decision", "mungkin", mentions=["mungkin"])

    def test_second_extension(self):
        self.studio.ok(self, "request", "extend", "2", "--reason", "Data masih dihimpun")
        self.assert_rejected("request", "extend", "2", "--reason", "Lagi",
                             mentions=["0002/PPID-BKL/III/2026", "once"])

    def test_dates_that_do_not_fit(self):
        self.assert_rejected("request", "notice", "2", "--date", "2026-03-20",
                             mentions=["not decided"])
        self.assert_rejected("request", "handover", "1", "--date", "2099-01-01",
                             mentions=["2099-01-01"])
        self.assert_rejected("request", "notice", "1", "--date", "20-03-2026",
                             mentions=["20-03-2026"])

    def test_objection_steps_without_an_objection(self):
        for args in (["request", "objection-answer", "2", "--outcome", "rejected", "--answer",
                      "x", "--by", "Kabag Ops"],
                     ["request", "dispute", "2", "--body", "Komisi Informasi Provinsi Bengkulu"],
                     ["request", "dispute-outcome", "2", "--outcome", "mediated"]):
            with self.subTest(args=args):
                self.assert_rejected(*args, mentions=["0002/PPID-BKL/III/2026"])

    def test_follow_up_reply_without_a_follow_up(self):
        self.assert_rejected("request", "follow-up-reply", "2", "--answer", "x",
                             mentions=["0002/PPID-BKL/III/2026", "follow-up"])
        self.assert_rejected("request", "follow-up", "2", "--unit", "Polsek Gading Cempaka",
                             "--within", "0", mentions=["--within"])

    def test_deadline_lists_with_a_look_ahead_that_is_no_number_of_days(self):
        self.assert_rejected("request", "due", "--within", "-1", mentions=["--within", "-1"])
        self.assert_rejected("request", "list", "--due-within", "100000",
                             mentions=["--due-within", "100000"])

    def test_unmasked_listing_that_fails_is_not_journalled(self):
        # The journal row records an access to personal data; a listing refused for an unknown
        # session or status showed nothing.
        self.assert_rejected("request", "list", "--session", "999", "--unmasked",
                             mentions=["999"])
        self.assert_rejected("request", "list", "--status", "lupa", "--unmasked",
                             mentions=["lupa"])

    def test_period_report_signatory_with_a_malformed_nrp(self):
        out = os.path.join(self.tmpdir, "tahunan.pdf")
        self.assert_rejected("report", "period", "--year", "2026", "--format", "pdf", "--output",
                             out, "--name", "Hadi Prasetyo", "--nrp", "12ab", mentions=["12ab"])
        self.assertFalse(os.path.exists(out))
        self.assertFalse(os.path.exists(out + ".part"))


if __name__ == "__main__":
    dstest.main()
