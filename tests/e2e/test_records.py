"""Records that hold up, through the real binary: outputs that refuse devices, FIFOs, folders
and symbolic links and are owner-only; a database found readable by others made owner-only;
a mistyped --db that creates nothing; failed recordings that leave no row and block nothing;
`recover --dry-run` that changes nothing; read-only databases (read-only mount, immutable file,
read-only file and folder) that serve reads and `journal verify`; clear messages for a full
disk, an altered schema version and out-of-range times; and backups taken while another
process writes, checked, restored with confirmation.

Mounts (tmpfs, read-only bind) are made in a private mount namespace (`unshare -m`) that ends
with the command; a case whose mechanism this machine lacks is skipped and says why.
"""
import math
import os
import shutil
import sqlite3
import stat
import struct
import subprocess
import sys
import time
import wave

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dstest  # noqa: E402

RATE = 48000


def write_tone(path, seconds=2.0):
    with wave.open(path, "wb") as w:
        w.setnchannels(2)
        w.setsampwidth(2)
        w.setframerate(RATE)
        frames = bytearray()
        for i in range(int(seconds * RATE)):
            v = int(16000 * math.sin(2 * math.pi * 1000 * i / RATE))
            frames += struct.pack("<hh", v, v)
        w.writeframes(bytes(frames))


def base_steps(folder):
    rundown = os.path.join(folder, "rundown.csv")
    return [
        ["station", "set", "--code", "REC", "--name", "Polres Uji", "--time-zone",
         "Asia/Jakarta"],
        ["programme", "create", "--title", "Dialog Interaktif"],
        ["session", "create", "--topic", "Rekaman", "--start", "2026-03-17 09:00",
         "--check", "personnel", "--check", "materials", "--check", "schedule",
         "--check", "guest_input"],
        ["rundown", "set", "1", rundown],
        ["request", "open", "--session", "1", "--details", "Data curanmor", "--name",
         "Dewi Lestari", "--phone", "081234567890", "--received-at", "2026-03-17 09:10"],
        ["question", "add", "1", "--text", "Pertanyaan awal", "--channel", "phone"],
    ]


BASE = dstest.BaseDatabase("ds-e2e-records-", base_steps)


def tearDownModule():
    BASE.cleanup()


def mode(path):
    return stat.S_IMODE(os.lstat(path).st_mode)


class RecordsTestCase(dstest.StudioTestCase):
    def setUp(self):
        super().setUp()
        BASE.copy_to(self.studio.db)
        os.chmod(self.studio.db, 0o600)

    def unshared(self, script, *args):
        """Runs a shell script as root in a private mount namespace; None if there is none."""
        r = subprocess.run(["unshare", "-m", "sh", "-ec", script, "sh", *args],
                           capture_output=True, text=True, env=self.studio.env, timeout=120)
        return r


class OutputTest(RecordsTestCase):
    def assert_refused(self, target, mentions):
        r = self.studio.fails(self, "report", "register", "1", "--format", "csv", "--output",
                              target, mentions=mentions)
        self.assertNotIn("internal", r.err)
        self.assertFalse(os.path.exists(target + ".part"), "no .part left behind")
        return r

    def test_a_fifo_a_folder_and_a_symlink_are_refused(self):
        fifo = os.path.join(self.tmpdir, "pipe")
        os.mkfifo(fifo)
        self.assert_refused(fifo, ["FIFO"])
        self.assertTrue(stat.S_ISFIFO(os.lstat(fifo).st_mode), "the FIFO is still a FIFO")
        folder = os.path.join(self.tmpdir, "folder")
        os.mkdir(folder)
        self.assert_refused(folder, ["folder"])
        real = self.write("real.txt", "keep me\n")
        link = os.path.join(self.tmpdir, "link.csv")
        os.symlink(real, link)
        self.assert_refused(link, ["symbolic link"])
        self.assertTrue(os.path.islink(link))
        with open(real, encoding="utf-8") as f:
            self.assertEqual(f.read(), "keep me\n", "the link's target was not written")

    def test_a_device_is_refused_and_stays_a_device(self):
        dev = os.path.join(self.tmpdir, "full")
        try:
            os.mknod(dev, 0o600 | stat.S_IFCHR, os.makedev(1, 7))  # like /dev/full
        except PermissionError:
            self.skipTest("no permission to make a device node here")
        for cmd in (["report", "register", "1", "--format", "csv", "--output", dev],
                    ["report", "register", "1", "--format", "xlsx", "--output", dev],
                    ["report", "session", "1", "--format", "pdf", "--output", dev],
                    ["journal", "anchor", "--output", dev],
                    ["backup", "--to", dev]):
            with self.subTest(cmd=cmd[:2]):
                r = self.studio.fails(self, *cmd, mentions=["device"])
                self.assertNotIn("internal", r.err)
                self.assertTrue(stat.S_ISCHR(os.lstat(dev).st_mode), "still a device")

    def test_files_with_personal_data_are_owner_only(self):
        os.umask(0o022)
        reg = os.path.join(self.tmpdir, "register.csv")
        r = self.studio.run("report", "register", "1", "--unmasked", "--output", reg)
        self.assertEqual(r.code, 0, r.describe())
        self.assertEqual(mode(reg), 0o600)
        xlsx = os.path.join(self.tmpdir, "register.xlsx")
        self.studio.ok(self, "report", "register", "1", "--format", "xlsx", "--output", xlsx)
        self.assertEqual(mode(xlsx), 0o600)
        anchor = os.path.join(self.tmpdir, "head.anchor")
        self.studio.ok(self, "journal", "anchor", "--output", anchor)
        self.assertEqual(mode(anchor), 0o600)

    def test_a_database_readable_by_others_is_made_owner_only(self):
        os.chmod(self.studio.db, 0o644)
        r = self.studio.run("session", "list")
        self.assertEqual(r.code, 0, r.describe())
        self.assertIn("owner-only", r.err)
        self.assertEqual(mode(self.studio.db), 0o600)

    def test_a_mistyped_db_path_creates_nothing(self):
        typo = os.path.join(self.tmpdir, "studio.dbb")
        r = self.studio.run("session", "list", db=typo, create=False)
        self.assertEqual(r.code, 1, r.describe())
        self.assertIn("no database", r.err)
        self.assertIn("--create", r.err)
        self.assertFalse(os.path.exists(typo))
        self.assertEqual(len(r.err.strip().splitlines()), 1, r.describe())
        # Asked for, or setting a station up: made.
        self.assertEqual(self.studio.run("session", "list", db=typo, create=True).code, 0)
        other = os.path.join(self.tmpdir, "new-station.db")
        r = self.studio.run("station", "set", "--code", "NEW", db=other, create=False)
        self.assertEqual(r.code, 0, r.describe())
        self.assertEqual(mode(other), 0o600)


class RecordingTest(RecordsTestCase):
    def record(self, device, seconds=1):
        return self.studio.run("record", "1", "--device", device, "--seconds", seconds,
                               timeout=180)

    def test_failed_records_leave_no_row_and_block_nothing(self):
        tone = os.path.join(self.tmpdir, "tone.wav")
        write_tone(tone)
        missing = self.record("file:" + os.path.join(self.tmpdir, "nothing.wav"))
        self.assertNotEqual(missing.code, 0, missing.describe())
        folder = self.record("file:" + self.tmpdir)
        self.assertNotEqual(folder.code, 0, folder.describe())
        for r in (missing, folder):
            self.assertNotIn("UNIQUE", r.err)
            self.assertNotIn("internal", r.err)
        self.assertEqual(self.studio.query("SELECT COUNT(*) FROM recordings"), [(0,)],
                         "no recording row without its file")
        withdrawn = self.studio.query(
            "SELECT COUNT(*) FROM journal WHERE action = 'recording.withdraw'")[0][0]
        self.assertEqual(withdrawn, 2, "the journal keeps the attempts and why")
        ok = self.record("file:" + tone)
        self.assertEqual(ok.code, 0, ok.describe())
        (path,), = self.studio.query("SELECT path FROM recordings")
        self.assertTrue(os.path.isfile(path))
        # The file is moved away: the next recording is not blocked by its name...
        os.rename(path, path + ".moved")
        again = self.record("file:" + tone)
        self.assertEqual(again.code, 0, again.describe())
        self.assertNotIn("UNIQUE", again.err)
        paths = [p for (p,) in self.studio.query("SELECT path FROM recordings ORDER BY id")]
        self.assertEqual(len(set(paths)), 2)
        # ...and the export names the missing file and what to do.
        out = os.path.join(self.tmpdir, "siaran.mp3")
        r = self.studio.fails(self, "export", "1", "--format", "mp3", "--output", out,
                              mentions=[path, "missing", "put the file back"])
        self.assertNotIn("internal", r.err)
        self.studio.ok(self, "journal", "verify")

    def test_recover_dry_run_changes_nothing(self):
        tone = os.path.join(self.tmpdir, "tone.wav")
        write_tone(tone)
        self.assertEqual(self.record("file:" + tone).code, 0)
        # A recorder that died: its row still says "recording", no lock held.
        con = sqlite3.connect(self.studio.db)
        con.execute("UPDATE recordings SET state = 'recording', pid = 999999")
        con.commit()
        con.close()
        before, rows = self.studio.dump(), self.studio.journal_count()
        doc = self.studio.ok(self, "recover", "--dry-run")
        self.assertEqual(len(doc), 1, doc)
        self.assertEqual(self.studio.journal_count(), rows, "a dry run journals nothing")
        self.assertEqual(self.studio.dump(), before, "a dry run changes nothing")
        self.studio.ok(self, "recover")
        self.assertEqual(self.studio.query("SELECT state FROM recordings"), [("recovered",)])


class ReadOnlyTest(RecordsTestCase):
    READS = [["session", "list"], ["session", "show", "1"], ["question", "list", "1"],
             ["report", "session", "1"], ["report", "register", "1"], ["journal", "verify"],
             ["station", "show"]]

    def assert_reads_work(self, runner):
        for cmd in self.READS:
            with self.subTest(cmd=cmd):
                r = runner(cmd)
                self.assertEqual(r.returncode, 0, f"{cmd}: {r.stdout[-300:]} {r.stderr}")
        r = runner(["question", "add", "1", "--text", "Tidak bisa", "--channel",
                    "sms"])
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn("read-only", r.stderr)
        self.assertNotIn("internal", r.stderr)

    def settle(self):
        # A clean close leaves a single file, as a copy to read-only media would be.
        con = sqlite3.connect(self.studio.db)
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.close()

    def test_read_only_mount(self):
        self.settle()
        folder = os.path.dirname(self.studio.db)
        probe = self.unshared(f"mount --bind {folder} {folder} && "
                              f"mount -o remount,ro,bind {folder} && touch {folder}/x")
        if "Read-only" not in probe.stderr:
            self.skipTest(f"no read-only bind mount here: {probe.stderr.strip()}")

        def runner(cmd):
            return self.unshared(
                'mount --bind "$1" "$1"; mount -o remount,ro,bind "$1"; shift; exec "$@"',
                folder, dstest.BINARY, "--db", self.studio.db, *cmd)
        self.assert_reads_work(runner)

    def test_immutable_file(self):
        self.settle()
        if subprocess.run(["chattr", "+i", self.studio.db], capture_output=True).returncode:
            self.skipTest("chattr +i does not work on this file system")
        try:
            self.assert_reads_work(
                lambda cmd: subprocess.run([dstest.BINARY, "--db", self.studio.db, *cmd],
                                           capture_output=True, text=True, env=self.studio.env))
        finally:
            subprocess.run(["chattr", "-i", self.studio.db])

    def test_read_only_file_and_folder_for_an_ordinary_user(self):
        self.settle()
        if os.geteuid() != 0:
            self.skipTest("needs root to run the binary as an ordinary user")
        folder = os.path.dirname(self.studio.db)
        key = self.studio.env["DIALOGSTUDIO_JOURNAL_KEY"]
        shutil.copy(key, os.path.join(folder, "journal.key"))
        env = dict(self.studio.env, DIALOGSTUDIO_JOURNAL_KEY=os.path.join(folder, "journal.key"),
                   HOME=folder)
        for p in (self.studio.db, os.path.join(folder, "journal.key")):
            os.chown(p, 65534, 65534)
        os.chmod(self.studio.db, 0o444)
        os.chmod(folder, 0o555)
        try:
            def runner(cmd):
                return subprocess.run(["setpriv", "--reuid", "65534", "--regid", "65534",
                                       "--clear-groups", dstest.BINARY, "--db", self.studio.db,
                                       *cmd], capture_output=True, text=True, env=env)
            self.assert_reads_work(runner)
        finally:
            os.chmod(folder, 0o700)


class MessageTest(RecordsTestCase):
    def test_a_full_disk_is_named_with_what_to_do(self):
        self.studio.run("session", "list")  # the journal key exists before the disk fills
        folder = os.path.join(self.tmpdir, "small")
        os.mkdir(folder)
        r = self.unshared(
            'mount -t tmpfs -o size=512k tmpfs "$1"; cp "$2" "$1/studio.db"; '
            'dd if=/dev/zero of="$1/fill" bs=4k 2>/dev/null || true; shift 2; exec "$@"',
            folder, self.studio.db, dstest.BINARY, "--db", os.path.join(folder, "studio.db"),
            "question", "add", "1", "--text", "Disk penuh " + "x" * 3000,
            "--channel", "sms")
        if "mount:" in r.stderr:
            self.skipTest(f"no tmpfs mount here: {r.stderr.strip()}")
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn("full", r.stderr)
        self.assertIn("free", r.stderr.lower())
        self.assertNotIn("internal", r.stderr)
        self.assertNotIn("sqlite_master", r.stderr)

    def test_an_altered_schema_version_is_named(self):
        con = sqlite3.connect(self.studio.db)
        con.execute("PRAGMA user_version = 1")
        con.commit()
        con.close()
        r = self.studio.fails(self, "session", "list", mentions=["user_version", "backup"])
        self.assertNotIn("internal", r.err)

    def test_a_number_out_of_range_in_a_rundown_names_the_file(self):
        path = self.write("rundown.json", '[{"kind":"qa","title":"a","planned":1e400}]')
        r = self.studio.fails(self, "rundown", "set", "1", path,
                              mentions=["rundown.json", "1e400"])
        self.assertNotIn("internal", r.err)

    def test_an_hour_out_of_range_is_named_as_such(self):
        r = self.studio.fails(self, "session", "create", "--topic", "Jam", "--start",
                              "2026-03-18 25:00", mentions=["hour 25"])
        self.assertNotIn("YYYY-MM-DD", r.err)

    def test_a_huge_id_is_refused_not_clamped(self):
        r = self.studio.run("session", "show", "99999999999999999999")
        self.assertNotEqual(r.code, 0, r.describe())
        self.assertIn("99999999999999999999", r.err)
        self.assertNotIn("9223372036854775807", r.err)


class BackupTest(RecordsTestCase):
    def test_backup_while_another_process_writes_is_consistent_and_checked(self):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, dstest.BINARY, self.studio.db, "40"],
            env=self.studio.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        backups = []
        try:
            while writer.poll() is None and len(backups) < 6:
                target = os.path.join(self.tmpdir, f"backup-{len(backups)}.db")
                doc = self.studio.ok(self, "backup", "--to", target, timeout=180)
                self.assertEqual(doc["file"], target)
                backups.append(target)
        finally:
            out, err = writer.communicate(timeout=600)
        self.assertEqual(writer.returncode, 0, err)
        self.assertGreaterEqual(len(backups), 2)
        for b in backups:
            with self.subTest(backup=b):
                self.assertEqual(mode(b), 0o600)
                self.assertFalse(os.path.exists(b + "-wal"))
                con = sqlite3.connect(f"file:{b}?mode=ro", uri=True)
                try:
                    self.assertEqual(con.execute("PRAGMA integrity_check").fetchall(), [("ok",)])
                    ids = [i for (i,) in con.execute("SELECT number FROM questions WHERE "
                                                     "text LIKE 'Tulis %' ORDER BY id")]
                    journalled = con.execute(
                        "SELECT COUNT(*) FROM journal WHERE action = 'question.add'").fetchone()[0]
                    total = con.execute("SELECT COUNT(*) FROM questions").fetchone()[0]
                finally:
                    con.close()
                self.assertEqual(journalled, total, "each question with its journal row")
                r = self.studio.run("journal", "verify", db=b)
                self.assertEqual(r.code, 0, r.describe())

    def test_backup_folder_after_session_end_and_restore_mid_session(self):
        usb = os.path.join(self.tmpdir, "usb")
        os.mkdir(usb)
        self.studio.ok(self, "station", "set", "--backup-dir", usb)
        self.studio.ok(self, "session", "start", "1")
        for i in range(3):
            self.studio.ok(self, "question", "add", "1", "--text", f"Sebelum {i}",
                           "--channel", "sms")
        mid = os.path.join(self.tmpdir, "mid.db")
        self.studio.ok(self, "backup", "--to", mid)
        committed = self.studio.query("SELECT id, text FROM questions ORDER BY id")
        self.studio.ok(self, "question", "add", "1", "--text", "Sesudah",
                       "--channel", "sms")
        end = self.studio.ok(self, "session", "end", "1")
        self.assertIsNotNone(end.get("backup"), end)
        self.assertEqual(os.path.dirname(end["backup"]["file"]), usb)
        self.assertEqual(mode(end["backup"]["file"]), 0o600)

        # Without a terminal and without --yes nothing is replaced.
        before = self.studio.dump()
        r = self.studio.fails(self, "restore", mid, mentions=["--yes"])
        self.assertNotIn("internal", r.err)
        self.assertEqual(self.studio.dump(), before)

        doc = self.studio.ok(self, "restore", mid, "--yes")
        self.assertTrue(os.path.exists(doc["replaced_kept_as"]))
        self.assertEqual(self.studio.query("SELECT id, text FROM questions ORDER BY id"),
                         committed, "every record committed before the backup, nothing after")
        self.assertEqual(self.studio.query("SELECT status FROM sessions WHERE id = 1"),
                         [("live",)])
        self.assertEqual(mode(self.studio.db), 0o600)
        self.studio.ok(self, "journal", "verify")
        last = self.studio.query("SELECT action FROM journal ORDER BY id DESC LIMIT 1")
        self.assertEqual(last, [("database.restore",)])

    def test_restore_of_something_that_is_not_a_backup_is_refused(self):
        junk = self.write("junk.db", "not a database at all\n" * 100)
        before = self.studio.dump()
        r = self.studio.fails(self, "restore", junk, "--yes", mentions=["junk.db"])
        self.assertNotIn("internal", r.err)
        self.assertEqual(self.studio.dump(), before)


# A second process adding questions in a loop (each its own committed transaction).
WRITER = r"""
import subprocess, sys
binary, db, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
for i in range(n):
    r = subprocess.run([binary, "--db", db, "question", "add", "1", "--text",
                        f"Tulis {i}", "--channel", "sms"], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(r.stderr)
"""


if __name__ == "__main__":
    dstest.main()
