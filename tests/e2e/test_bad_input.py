"""Bad input through the real `dialogstudio` binary. Each case must get one clear line on stderr
naming what is wrong (the file, the line or row, the field or column where there is one), a
non-zero exit, and leave the database exactly as it was: every row of every table is dumped
with Python's sqlite3 before and after, and the journal is counted.

Also: SQL-like text is stored verbatim; a second process holding the write lock makes a write
command give up with exit 3 and a message that the database is in use, and the same command
succeeds once the lock is released; a file that is not a Dialog Studio database is refused and
left byte-for-byte as it was.
"""
import datetime
import os
import subprocess
import sys
import time
from zoneinfo import ZoneInfo

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dstest  # noqa: E402

SQLISH = "'); DROP TABLE questions; --"
SQLISH_NAME = 'Robert"); DELETE FROM journal; /* \\ %_ */'
LIMIT = 8 * 1024  # TextRules.h kMaxQuestionTextBytes

# Holds the write lock: BEGIN IMMEDIATE plus an insert, until a line arrives on stdin.
HOLDER = r"""
import sqlite3, sys
con = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=10)
con.execute("BEGIN IMMEDIATE")
con.execute("INSERT INTO units (station_id, kind, name) VALUES (1, 'other', 'held by a test')")
print("held", flush=True)
sys.stdin.readline()
con.execute("ROLLBACK")
con.close()
print("released", flush=True)
"""


# One prepared database (station, programme, a planned session with a rundown, a question, a
# request).
def base_steps(folder):
    rundown = os.path.join(folder, "rundown.csv")
    return [
        ["station", "set", "--code", "BKL", "--name", "Polres Bengkulu", "--time-zone", "Asia/Jakarta"],
        ["programme", "create", "--title", "Dialog Interaktif"],
        ["session", "create", "--topic", "Lalu lintas", "--start", "2026-11-25 09:00"],
        ["rundown", "set", "1", rundown],
        ["question", "add", "1", "--text", "Pertanyaan pertama", "--contact", "081234567890"],
        ["request", "open", "--session", "1", "--details", "Data curanmor", "--name", "Dewi"],
    ]


BASE = dstest.BaseDatabase("ds-e2e-base-", base_steps)


def tearDownModule():
    BASE.cleanup()


class BadInputTestCase(dstest.RejectingTestCase):
    base = BASE

    def question_count(self):
        return self.studio.query("SELECT COUNT(*) FROM questions")[0][0]


class TextTest(BadInputTestCase):

    def test_invalid_utf8_in_text_is_refused(self):
        r = self.assert_rejected("question", "add", "1", "--text", b"Halo \xff\xfe Pak",
                                 mentions=["'text'", "UTF-8"])
        self.assertIn("byte 6", r.err, "the message says where in the field (1-based)")

    def test_overlong_utf8_and_surrogates_are_refused(self):
        for bad in (b"\xc0\xaf", b"\xed\xa0\x80", b"\xf4\x90\x80\x80"):
            with self.subTest(bytes=bad):
                self.assert_rejected("question", "add", "1", "--text", b"x" + bad,
                                     mentions=["'text'", "UTF-8"])

    def test_invalid_utf8_in_a_name_is_refused(self):
        self.assert_rejected("question", "add", "1", "--text", "ok", "--name", b"Bu\xffdi",
                             mentions=["caller_name", "UTF-8"])

    def test_text_at_the_limit_is_accepted_one_byte_more_is_refused(self):
        self.assert_rejected("question", "add", "1", "--text", "a" * (LIMIT + 1),
                             mentions=["'text'", str(LIMIT)])
        q = self.studio.ok(self, "question", "add", "1", "--text", "a" * LIMIT)
        self.assertEqual(len(q["text"]), LIMIT, "exactly 8 KiB is within the documented limit")

    def test_a_100_kb_question_is_refused(self):
        # A single command-line argument cannot exceed 128 KiB on Linux: the 1 MB case is
        # the CSV import below.
        self.assert_rejected("question", "add", "1", "--text", "Tolong " * 15000,
                             mentions=["'text'", "too long", str(LIMIT)])

    def test_a_1_mb_question_in_an_import_is_refused(self):
        path = self.write_csv("big-text.csv", [["text", "channel"], ["x" * (1 << 20), "sms"]])
        self.assert_rejected("question", "import", "1", path,
                             mentions=["big-text.csv", "line 2", "'text'", str(LIMIT)])

    def test_control_characters_are_refused(self):
        self.assert_rejected("question", "add", "1", "--text", "bell \x07 here",
                             mentions=["'text'"])

    def test_empty_text_is_refused(self):
        self.assert_rejected("question", "add", "1", "--text", "   ", mentions=["'text'"])

    def test_sql_like_text_is_stored_verbatim(self):
        q = self.studio.ok(self, "question", "add", "1", "--text", SQLISH, "--name", SQLISH_NAME,
                           "--topic", "a'b\"c;--")
        shown = self.studio.ok(self, "question", "show", q["id"])
        self.assertEqual((shown["text"], shown["caller_name"], shown["topic"]),
                         (SQLISH, SQLISH_NAME, "a'b\"c;--"), "read back through the binary")
        stored = self.studio.query("SELECT text, caller_name FROM questions WHERE id = ?", q["id"])
        self.assertEqual(stored, [(SQLISH, SQLISH_NAME)], "stored verbatim in the database")
        tables = {r[0] for r in self.studio.query("SELECT name FROM sqlite_master WHERE type='table'")}
        self.assertTrue({"questions", "journal"} <= tables, "no table was dropped")
        self.assertEqual(self.studio.run("journal", "verify").code, 0)

    def test_sql_like_text_in_an_import_is_stored_verbatim(self):
        tricky = [SQLISH, 'kutip "ganda", koma', "baris\nbaru", "Rp 5.000 %_\\"]
        path = self.write_csv("tricky.csv", [["text"]] + [[t] for t in tricky])
        doc = self.studio.ok(self, "question", "import", "1", path)
        got = [self.studio.ok(self, "question", "show", i)["text"] for i in doc["ids"]]
        self.assertEqual(got, tricky, "quotes, commas and newlines survive the import")


class CsvImportTest(BadInputTestCase):

    def test_missing_required_column(self):
        path = self.write_csv("missing.csv", [["channel", "caller_name"], ["sms", "Budi"]])
        self.assert_rejected("question", "import", "1", path,
                             mentions=["missing.csv", "missing column", "'text'"])

    def test_unknown_column(self):
        path = self.write_csv("unknown.csv", [["text", "colour"], ["Halo", "merah"]])
        self.assert_rejected("question", "import", "1", path,
                             mentions=["unknown.csv", "unknown column", "'colour'"])

    def test_wrong_field_count_on_a_row(self):
        rows = [["text", "channel"]] + [[f"q{i}", "sms"] for i in range(1, 6)]
        rows[4] = ["q4", "sms", "extra"]
        path = self.write_csv("count.csv", rows)
        self.assert_rejected("question", "import", "1", path,
                             mentions=["count.csv", "line 5", "expected 2", "found 3"])

    def test_empty_file(self):
        path = self.write("empty.csv", "")
        self.assert_rejected("question", "import", "1", path, mentions=["empty.csv", "empty"])

    def test_header_only(self):
        path = self.write("header.csv", "text,channel\r\n")
        self.assert_rejected("question", "import", "1", path, mentions=["header.csv", "no questions"])

    def test_invalid_utf8_in_a_field(self):
        path = self.write("utf.csv", b"text,caller_name\nHalo,Budi\nApa kabar,Bu\xffdi\n", mode="wb")
        self.assert_rejected("question", "import", "1", path,
                             mentions=["utf.csv", "line 3", "caller_name", "UTF-8"])

    def test_unterminated_quote(self):
        path = self.write("quote.csv", 'text,channel\n"Halo,sms\nlagi,sms\n')
        self.assert_rejected("question", "import", "1", path, mentions=["quote.csv", "line 2"])

    def test_bad_value_on_row_900_of_1000_imports_nothing(self):
        rows = [["text", "channel", "written"]]
        rows += [[f"Pertanyaan {i}", "fax" if i == 900 else "sms", "ya"] for i in range(1, 1001)]
        path = self.write_csv("thousand.csv", rows)
        before = self.question_count()
        self.assert_rejected("question", "import", "1", path,
                             mentions=["thousand.csv", "line 901", "'channel'", "fax"])
        self.assertEqual(self.question_count(), before, "nothing is half-imported")

    def test_bad_yes_no_on_the_last_row_imports_nothing(self):
        rows = [["text", "info_request"]] + [[f"q{i}", "ya"] for i in range(1, 50)] + [["q50", "mungkin"]]
        path = self.write_csv("yesno.csv", rows)
        self.assert_rejected("question", "import", "1", path,
                             mentions=["yesno.csv", "line 51", "info_request", "mungkin"])

    def test_a_good_import_of_1000_rows_works(self):
        rows = [["text", "channel"]] + [[f"Pertanyaan {i}", "sms"] for i in range(1, 1001)]
        doc = self.studio.ok(self, "question", "import", "1", self.write_csv("ok.csv", rows))
        self.assertEqual(doc["imported"], 1000, "the control case: the same file without the bad row")

    def test_missing_file(self):
        self.assert_rejected("question", "import", "1", os.path.join(self.tmpdir, "nope.csv"),
                             mentions=["nope.csv"])


class UnknownIdTest(BadInputTestCase):

    def test_unknown_ids_are_named(self):
        cases = [
            (["question", "add", "999", "--text", "Halo"], "session with id 999"),
            (["question", "import", "999", self.write_csv("q.csv", [["text"], ["Halo"]])],
             "session with id 999"),
            (["question", "show", "999"], "question with id 999"),
            (["question", "approve", "999"], "question with id 999"),
            (["question", "reject", "999", "--reason", "x"], "question with id 999"),
            (["question", "merge", "1", "--into", "999"], "question with id 999"),
            (["session", "show", "999"], "session with id 999"),
            (["session", "start", "999"], "session with id 999"),
            (["session", "next", "999"], "session with id 999"),
            (["rundown", "show", "999"], "session with id 999"),
            (["report", "session", "999"], "session with id 999"),
            (["request", "show", "999"], "request with id 999"),
            (["request", "decide", "999", "--decision", "granted_full"], "request with id 999"),
            (["request", "decide", "nonsense", "--decision", "granted_full"], "'nonsense'"),
            (["request", "extend", "9999/PPID-BKL/XI/2026", "--reason", "x"], "9999/PPID-BKL/XI/2026"),
            (["request", "open", "--question", "999"], "question with id 999"),
            (["request", "open", "--session", "999", "--details", "x"], "session with id 999"),
            (["session", "create", "--programme", "999", "--topic", "x", "--start", "2026-11-25 09:00"],
             "programme"),
        ]
        for args, mention in cases:
            with self.subTest(command=" ".join(args[:3])):
                self.assert_rejected(*args, mentions=[mention])

    def test_listing_an_unknown_session_says_so(self):
        # An empty list for a session that does not exist hides a typo in the id.
        self.assert_rejected("question", "list", "999", mentions=["session", "999"])

    def test_listing_requests_of_an_unknown_session_says_so(self):
        self.assert_rejected("request", "list", "--session", "999", mentions=["session", "999"])


class SettingsAndFilesTest(BadInputTestCase):

    def test_bad_time_zone(self):
        for tz in ("Mars/Olympus", "WIB", "", "UTC+7 "):
            with self.subTest(tz=tz):
                self.assert_rejected("station", "set", "--time-zone", tz,
                                     mentions=["time_zone", "IANA"])

    def test_bad_station_code(self):
        for code in ("X", "bad code", "bkl", "ABCDEFGHIJKLM", "BK/L", "ÄBC"):
            with self.subTest(code=code):
                self.assert_rejected("station", "set", "--code", code, mentions=["'code'"])

    def test_bad_rundown_kind(self):
        path = self.write("kind.csv", "kind,title,planned\nopening,Buka,3\nbanana,X,5\n")
        self.assert_rejected("rundown", "set", "1", path,
                             mentions=["kind.csv", "line 3", "'kind'", "banana"])

    def test_bad_rundown_planned_length(self):
        for value in ("lama", "-3", "5:75", "1e3", "601"):
            with self.subTest(planned=value):
                path = self.write("planned.csv", f"kind,title,planned\nopening,Buka,3\nqa,X,{value}\n")
                self.assert_rejected("rundown", "set", "1", path,
                                     mentions=["planned.csv", "line 3", "'planned'"])

    def test_bad_rundown_columns_and_json(self):
        path = self.write("cols.csv", "kind,title\nopening,Buka\n")
        self.assert_rejected("rundown", "set", "1", path, mentions=["cols.csv", "planned"])
        path = self.write("bad.json", '[{"kind": "opening", "title": "a", "planned": "x"}]')
        self.assert_rejected("rundown", "set", "1", path, mentions=["bad.json", "segment 1", "'planned'"])
        path = self.write("broken.json", '[{"kind": "opening",')
        self.assert_rejected("rundown", "set", "1", path, mentions=["broken.json", "JSON"])

    def test_invalid_dates(self):
        cases = [
            (["session", "create", "--topic", "x", "--start", "2026-02-30 09:00"], "--start"),
            (["session", "create", "--topic", "x", "--start", "2026-11-25 25:00"], "--start"),
            (["session", "create", "--topic", "x", "--start", "besok"], "--start"),
            (["session", "set", "1", "--sprin-date", "2026-13-01"], "--sprin-date"),
            (["request", "open", "--details", "x", "--received-at", "2026-11-31 10:00"], "--received-at"),
            (["question", "add", "1", "--text", "x", "--received-at", "kemarin"], "--received-at"),
            (["request", "decide", "1", "--decision", "granted_full", "--notice-date", "2026-02-29"],
             "--notice-date"),
            (["report", "session", "1", "--as-of", "2026-99-01 10:00"], "--as-of"),
            (["request", "list", "--as-of", "2026-11-25T99:00Z"], "--as-of"),
        ]
        for args, mention in cases:
            with self.subTest(command=" ".join(args)):
                self.assert_rejected(*args, mentions=[mention])

    def test_bad_import_time(self):
        path = self.write_csv("when.csv", [["text", "received_at"], ["Halo", "2026-02-30 10:00"]])
        self.assert_rejected("question", "import", "1", path,
                             mentions=["when.csv", "line 2", "received_at"])

    def test_bad_command_line_exits_2(self):
        self.assert_rejected("--lang", "fr", "station", "show", code=2)
        self.assert_rejected("question", "add", "1", code=2, mentions=["--text"])
        self.assert_rejected("question", "add", "satu", "--text", "x", code=2)


def future_local(days=400):
    return (datetime.datetime.now(ZoneInfo("Asia/Jakarta")) +
            datetime.timedelta(days=days)).strftime("%Y-%m-%d %H:%M")


class RuleTest(BadInputTestCase):

    def test_request_received_in_the_future_is_refused(self):
        # The control case: `request open` already refuses a receipt in the future.
        self.assert_rejected("request", "open", "--details", "x", "--received-at", future_local(),
                             mentions=["received_at", "future"])

    def test_question_received_in_the_future_is_refused(self):
        # Otherwise an information-request question registers a request "received" next year,
        # with a number from next year's sequence (RegistrationNumber.h: issued at receipt).
        self.assert_rejected("question", "add", "1", "--text", "Kapan?", "--info-request",
                             "--received-at", future_local(), mentions=["received_at", "future"])

    def test_imported_question_received_in_the_future_is_refused(self):
        path = self.write_csv("future.csv", [["text", "received_at", "info_request"],
                                             ["Halo", "2026-11-20 10:00", "tidak"],
                                             ["Data?", future_local(), "ya"]])
        self.assert_rejected("question", "import", "1", path,
                             mentions=["future.csv", "line 3", "received_at", "future"])

    def test_no_grant_after_the_leadership_withholds(self):
        # SOP 000 Pasal 12(2): exempted information is released only when the leadership decides
        # so; after "withhold" the PPID officer may refuse, not grant.
        for grant in (["--decision", "granted_full"],
                      ["--decision", "granted_partial", "--redacted", "x", "--redaction-reason", "y"]):
            with self.subTest(grant=grant[1]):
                rid = self.studio.ok(self, "request", "open", "--details", "Laporan intelijen")["id"]
                self.studio.ok(self, "request", "escalate", rid, "--reason", "Dikecualikan?")
                self.studio.ok(self, "request", "leadership", rid, "--decided-by",
                               "AKBP Budi, Kapolres", "--decision", "withhold")
                self.assert_rejected("request", "decide", rid, *grant, mentions=["leadership"])


class SecondProcessTest(BadInputTestCase):

    def hold_lock(self):
        holder = subprocess.Popen([sys.executable, "-c", HOLDER, self.studio.db], text=True,
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.addCleanup(self.stop_holder, holder)
        self.assertEqual(holder.stdout.readline().strip(), "held", "the holder got the lock")
        return holder

    @staticmethod
    def stop_holder(holder):
        if holder.poll() is None:
            holder.kill()
            holder.wait()
        holder.stdin.close()
        holder.stdout.close()

    def release(self, holder):
        holder.stdin.write("go\n")
        holder.stdin.flush()
        self.assertEqual(holder.stdout.readline().strip(), "released")
        self.assertEqual(holder.wait(timeout=10), 0)

    def test_write_while_another_process_holds_the_database(self):
        before, journal = self.studio.dump(), self.studio.journal_count()
        holder = self.hold_lock()
        t0 = time.monotonic()
        r = self.studio.run("question", "add", "1", "--text", "Menunggu kunci")
        waited = time.monotonic() - t0
        self.assertEqual(r.code, 3, "busy database: exit 3\n" + r.describe())
        self.assertLess(waited, 8.0, "gives up within a few seconds, not a hang")
        self.assertIn("in use", r.err, "the message says the database is in use")
        self.assertIn(self.studio.db, r.err, "the message names the database")
        reader = self.studio.run("question", "list", "1")
        self.assertEqual(reader.code, 0, "reading still works while a writer holds the lock\n"
                         + reader.describe())
        self.release(holder)
        self.assertEqual(self.studio.dump(), before, "nothing changed: neither the holder's "
                         "rolled-back insert nor the refused command")
        self.assertEqual(self.studio.journal_count(), journal)
        again = self.studio.ok(self, "question", "add", "1", "--text", "Menunggu kunci")
        self.assertEqual(again["text"], "Menunggu kunci", "the same command succeeds afterwards")
        self.assertEqual(self.studio.run("journal", "verify").code, 0)

    def test_request_decision_while_held(self):
        holder = self.hold_lock()
        r = self.studio.run("request", "decide", "1", "--decision", "granted_full")
        self.assertEqual(r.code, 3, r.describe())
        self.release(holder)
        self.studio.ok(self, "request", "decide", "1", "--decision", "granted_full")


class NotADatabaseTest(dstest.StudioTestCase):

    def assert_untouched(self, path, *args):
        with open(path, "rb") as f:
            original = f.read()
        r = self.studio.run(*args, db=path)
        self.assertEqual(r.code, 1, r.describe())
        self.assertIn("not a readable Dialog Studio database", r.err, r.describe())
        self.assertIn(os.path.basename(path), r.err, "the message names the file")
        with open(path, "rb") as f:
            self.assertEqual(f.read(), original, f"{path} must not be modified")
        for suffix in ("-wal", "-shm", "-journal"):
            self.assertFalse(os.path.exists(path + suffix), f"no {suffix} file left beside it")

    def test_random_bytes(self):
        path = self.write("random.bin", os.urandom(8192), mode="wb")
        self.assert_untouched(path, "question", "add", "1", "--text", "Halo")

    def test_a_text_file(self):
        path = self.write("notes.txt", "Catatan rapat, bukan basis data.\n" * 200)
        self.assert_untouched(path, "station", "show")

    def test_another_programs_sqlite_database_is_not_converted(self):
        import sqlite3
        path = os.path.join(self.tmpdir, "contacts.sqlite")
        con = sqlite3.connect(path)
        con.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
        con.execute("INSERT INTO contacts VALUES ('Budi', '0812')")
        con.commit()
        con.close()
        with open(path, "rb") as f:
            original = f.read()
        r = self.studio.run("station", "show", db=path)
        self.assertNotEqual(r.code, 0, "a database of another program is not ours to migrate:\n"
                            + r.describe())
        with open(path, "rb") as f:
            self.assertEqual(f.read(), original, "another program's database must not be modified")


if __name__ == "__main__":
    dstest.main()
