"""The journal through the real binary: rows sealed with the station key kept outside the
database, anchors kept outside it (`journal anchor`, the signed session record PDF) that catch
a journal cut back or emptied, a lost key that leaves the record readable, and append-only
triggers dropped by another tool put back on the next open with an alarm.

The tampering is done here with Python's sqlite3, as an attacker holding the database file
(but not the key) would. The full table of tamper variants is tests/studio/Journal_test.cpp;
docs/JOURNAL.md explains what each result proves.
"""
import os
import sqlite3
import stat
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dstest  # noqa: E402


def base_steps(folder):
    rundown = os.path.join(folder, "rundown.csv")
    return [
        ["station", "set", "--code", "BKL", "--name", "Polres Bengkulu", "--time-zone",
         "Asia/Jakarta"],
        ["programme", "create", "--title", "Dialog Interaktif"],
        ["session", "create", "--topic", "Lalu lintas", "--start", "2026-03-17 09:00",
         "--check", "personnel", "--check", "materials", "--check", "schedule",
         "--check", "guest_input"],
        ["rundown", "set", "1", rundown],
        ["request", "open", "--session", "1", "--details", "Data curanmor", "--name",
         "Dewi Lestari", "--received-at", "2026-03-17 09:10"],
        ["session", "start", "1"],
        ["session", "end", "1"],
        ["session", "sign", "1", "--name", "Hadi Prasetyo", "--nrp", "78030789"],
        ["session", "create", "--topic", "SKCK", "--start", "2026-03-25 09:00"],
        ["request", "open", "--session", "2", "--details", "Syarat SKCK", "--name", "Ani"],
    ]


BASE = dstest.BaseDatabase("ds-e2e-journal-", base_steps)


def tearDownModule():
    BASE.cleanup()


class JournalTest(dstest.StudioTestCase):
    def setUp(self):
        super().setUp()
        BASE.copy_to(self.studio.db)

    def tamper(self, *statements):
        con = sqlite3.connect(self.studio.db)
        try:
            con.execute("DROP TRIGGER journal_no_update")
            con.execute("DROP TRIGGER journal_no_delete")
            for sql in statements:
                con.execute(sql)
            con.execute("CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal\n"
                        "BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END")
            con.execute("CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal\n"
                        "BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END")
            con.commit()
        finally:
            con.close()

    def test_every_row_is_sealed_and_verifies(self):
        doc = self.studio.ok(self, "journal", "verify")
        self.assertEqual(doc["status"], "intact")
        self.assertEqual(doc["rows"], self.studio.journal_count())
        keys = self.studio.query("SELECT DISTINCT key_id FROM journal")
        self.assertEqual(len(keys), 1)
        self.assertEqual(len(keys[0][0]), 16)
        key = self.studio.env["DIALOGSTUDIO_JOURNAL_KEY"]
        self.assertEqual(stat.S_IMODE(os.stat(key).st_mode), 0o600)

    def test_anchor_file_and_signed_pdf_catch_a_journal_cut_back(self):
        pdf = os.path.join(self.tmpdir, "catatan.pdf")
        anchor = os.path.join(self.tmpdir, "head.anchor")
        self.studio.ok(self, "report", "session", "1", "--format", "pdf", "--output", pdf)
        written = self.studio.ok(self, "journal", "anchor", "--output", anchor)
        head = self.studio.query("SELECT id, hash FROM journal ORDER BY id DESC LIMIT 1")[0]
        self.assertEqual((written["row"], written["hash"]), head)
        with open(anchor, encoding="utf-8") as f:
            self.assertIn(f"row={head[0]} hash={head[1]}", f.read())
        doc = self.studio.ok(self, "journal", "verify", "--anchor", pdf, "--anchor", anchor)
        self.assertEqual(doc["status"], "intact")
        # The PDF carries the head at signing and the head when printed.
        self.assertGreaterEqual(doc["anchors_checked"], 3)

        signed_row = self.studio.query("SELECT journal_id FROM session_signatures")[0][0]
        # Cut everything after the signing row and lower the sequence to match: inside the
        # file, a shorter journal looks whole...
        self.tamper(f"DELETE FROM journal WHERE id > {signed_row}",
                    f"UPDATE sqlite_sequence SET seq = {signed_row} WHERE name = 'journal'")
        self.studio.ok(self, "journal", "verify")
        # ...but not against the anchors kept outside it.
        self.studio.fails(self, "journal", "verify", "--anchor", anchor,
                          mentions=[f"ends at row {signed_row}", "cut off"])
        self.studio.fails(self, "journal", "verify", "--anchor", pdf,
                          mentions=[f"ends at row {signed_row}"])

    def test_a_pdf_rewritten_journal_differs_from_its_anchor(self):
        pdf = os.path.join(self.tmpdir, "catatan.pdf")
        self.studio.ok(self, "report", "session", "1", "--format", "pdf", "--output", pdf)
        # Replace the whole journal with a plain-hash chain of invented rows of the same length.
        n = self.studio.journal_count()
        statements = ["DELETE FROM journal"]
        import hashlib
        prev = "0" * 64
        for i in range(1, n + 1):
            fields = [str(i), "2026-03-17T02:00:00.000Z", "forger", "x.y", "s", "", "{}", prev]
            buf = "".join(f"{len(f.encode())}:{f}\n" for f in fields)
            h = hashlib.sha256(buf.encode()).hexdigest()
            statements.append(
                "INSERT INTO journal (id, at, actor, action, subject, before, after, prev_hash, "
                f"hash, key_id) VALUES ({i}, '{fields[1]}', 'forger', 'x.y', 's', NULL, '{{}}', "
                f"'{prev}', '{h}', '')")
            prev = h
        statements.append("UPDATE session_signatures SET journal_hash = "
                          "(SELECT hash FROM journal WHERE id = journal_id)")
        self.tamper(*statements)
        self.studio.fails(self, "journal", "verify", mentions=["no row is sealed"])
        self.studio.fails(self, "journal", "verify", "--anchor", pdf,
                          mentions=["differs from the anchor"])

    def test_an_emptied_journal_is_named(self):
        self.tamper("DELETE FROM journal", "DELETE FROM sqlite_sequence WHERE name = 'journal'")
        self.studio.fails(self, "journal", "verify", mentions=["emptied"])

    def test_a_file_without_an_anchor_is_refused_clearly(self):
        other = self.write("notes.txt", "nothing here\n")
        r = self.studio.fails(self, "journal", "verify", "--anchor", other,
                              mentions=["no journal anchor", "notes.txt"])
        self.assertNotIn("internal", r.err)

    def test_a_lost_key_leaves_the_record_readable_and_verify_says_it_cannot_verify(self):
        self.studio.env["DIALOGSTUDIO_JOURNAL_KEY"] = os.path.join(self.tmpdir, "gone.key")
        r = self.studio.fails(self, "journal", "verify",
                              mentions=["cannot verify rows 1 to", "no key file", "gone.key"])
        self.assertNotIn("internal", r.err)
        self.assertFalse(os.path.exists(os.path.join(self.tmpdir, "gone.key")),
                         "verifying must not make a new key")
        sessions = self.studio.ok(self, "session", "list")
        self.assertEqual(len(sessions), 2)

    def test_dropped_triggers_are_restored_on_open_with_an_alarm(self):
        con = sqlite3.connect(self.studio.db)
        con.execute("DROP TRIGGER journal_no_delete")
        con.commit()
        con.close()
        r = self.studio.run("journal", "verify", json_out=True)
        self.assertEqual(r.code, 0, r.describe())
        self.assertIn("ALARM", r.err)
        doc = r.json()
        self.assertEqual(len(doc["alarms"]), 1, doc)
        self.assertIn("journal_no_delete is missing", doc["alarms"][0])
        names = {n for (n,) in self.studio.query(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        self.assertIn("journal_no_delete", names)
        last = self.studio.query("SELECT action FROM journal ORDER BY id DESC LIMIT 1")[0][0]
        self.assertEqual(last, "journal.alarm")


if __name__ == "__main__":
    dstest.main()
