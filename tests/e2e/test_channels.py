"""Channels that hand messages in by files: SMS through a real gammu-smsd (files backend) on
Gammu's dummy phone driver, whose RunOnReceive hook calls `dialogstudio channel sms-receive`;
and e-mail from a Maildir of real-looking messages (multipart/alternative, quoted-printable,
base64, encoded UTF-8 subjects, HTML only, attachments, no Message-ID). Each message becomes
one question in the live session, marked written, with the time from the message; a rescan
never makes a second question."""
import email.message
import email.policy
import email.utils
import os
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dstest  # noqa: E402
import servicetest as st  # noqa: E402


class SmsTest(dstest.StudioTestCase):

    def setUp(self):
        super().setUp()
        for tool in ("gammu", "gammu-smsd"):
            if not shutil.which(tool):
                self.fail(f"{tool} is needed (Debian packages gammu, gammu-smsd)")
        self.studio.ok(self, "demo")
        self.tz = self.studio.ok(self, "station", "show")["time_zone"]

    def test_gammu_smsd_hands_each_sms_in_once(self):
        root = os.path.join(self.tmpdir, "gammu")
        dummy = os.path.join(root, "dummy")
        for d in ["inbox", "outbox", "sent", "error"] + [f"dummy/sms/{i}" for i in range(1, 6)]:
            os.makedirs(os.path.join(root, d))
        inbox = os.path.join(root, "inbox")
        hook = os.path.join(root, "hook.sh")
        with open(hook, "w") as f:
            # What a station puts in RunOnReceive: the hook appends the inbox file names.
            f.write("#!/bin/sh\nexec " + " ".join([
                dstest.BINARY, "--db", self.studio.db, "channel", "sms-receive", "--dir", inbox,
                '"$@"']) + " >> " + os.path.join(root, "hook.log") + " 2>&1\n")
        os.chmod(hook, 0o755)
        config = os.path.join(root, "smsdrc")
        with open(config, "w") as f:
            f.write(f"""[gammu]
model = dummy
connection = none
device = {dummy}
[smsd]
service = files
inboxpath = {inbox}/
outboxpath = {root}/outbox/
sentsmspath = {root}/sent/
errorsmspath = {root}/error/
inboxformat = unicode
commtimeout = 1
receivefrequency = 1
statusfrequency = 0
logfile = {root}/smsd.log
debuglevel = 1
runonreceive = {hook}
""")
        env = dict(self.studio.env, TZ=self.tz)  # inbox file names are in the smsd's local time
        # One SMS each (70 UCS-2 characters at most: the dash makes it Unicode).
        texts = ["Jalan berlubang di Kelurahan Sukamerindu — mohon ditindaklanjuti",
                 "Kapan ada SIM keliling di Kecamatan Selebar? Terima kasih"]
        senders = ["+6281234500011", "+6285298760022"]
        before = self.studio.query("SELECT COUNT(*) FROM questions")[0][0]
        smsd = subprocess.Popen(["gammu-smsd", "-c", config], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            for text, sender in zip(texts, senders):
                subprocess.run(["gammu", "-c", config, "savesms", "TEXT", "-folder", "1",
                                "-unread", "-sender", sender, "-unicode", "-text", text],
                               check=True, capture_output=True, env=env)
            st.wait_for(lambda: self.studio.query(
                "SELECT COUNT(*) FROM questions WHERE channel = 'sms' AND contact IN (?, ?)",
                *senders)[0][0] >= 2, 120, "two SMS questions")
        finally:
            smsd.terminate()
            smsd.wait(60)
        rows = self.studio.query(
            "SELECT contact, text, written, session_id, received_at FROM questions "
            "WHERE channel = 'sms' AND contact IN (?, ?) ORDER BY contact", *senders)
        live = self.studio.query("SELECT id FROM sessions WHERE status = 'live'")[0][0]
        self.assertEqual([(r[0], r[1], r[2], r[3]) for r in rows],
                         [(senders[0], texts[0], 1, live), (senders[1], texts[1], 1, live)])
        for r in rows:  # the network's time, within the test's run
            sent = time.mktime(time.strptime(r[4], "%Y-%m-%dT%H:%M:%S.000Z")) - time.timezone
            self.assertLess(abs(sent - time.time()), 600, r[4])
        # A rescan of the whole inbox folder (or gammu running the hook again) adds nothing.
        out = self.studio.ok(self, "channel", "sms-receive", "--dir", inbox)
        self.assertEqual([o["outcome"] for o in out], ["duplicate", "duplicate"])
        self.assertEqual(self.studio.query("SELECT COUNT(*) FROM questions")[0][0], before + 2)
        r = self.studio.run("journal", "verify")
        self.assertEqual(r.code, 0, r.describe())

    def test_bad_sms_files_are_refused_by_name(self):
        inbox = os.path.join(self.tmpdir, "inbox")
        os.makedirs(inbox)
        with open(os.path.join(inbox, "IN20261203_090000_00_+628111_00.txt"), "wb") as f:
            f.write(b"\xfe\xff\xd8\x00")  # a lone UTF-16 surrogate
        before = self.studio.dump()
        self.studio.fails(self, "channel", "sms-receive", "--dir", inbox,
                          "IN20261203_090000_00_+628111_00.txt", mentions=["surrogate"])
        self.studio.fails(self, "channel", "sms-receive", "--dir", inbox, "../../etc/passwd",
                          mentions=["not a path"])
        with open(os.path.join(inbox, "notes.txt"), "w") as f:
            f.write("x")
        self.studio.fails(self, "channel", "sms-receive", "--dir", inbox, "notes.txt",
                          mentions=["gammu-smsd inbox file name"])
        self.assertEqual(before, self.studio.dump())


def mail(subject, sender, date, body=None, html=None, attach=None, msgid=True, cte=None):
    m = email.message.EmailMessage(policy=email.policy.SMTP)
    m["From"] = sender
    m["To"] = "humas@polres.example.id"
    m["Subject"] = subject
    m["Date"] = email.utils.format_datetime(date)
    if msgid:
        m["Message-ID"] = email.utils.make_msgid(domain="mail.example.id")
    if body is not None:
        m.set_content(body, cte=cte) if cte else m.set_content(body)
        if html is not None:
            m.add_alternative(html, subtype="html")
    elif html is not None:
        m.set_content(html, subtype="html", cte=cte or "quoted-printable")
    if attach:
        m.add_attachment(attach[1], maintype="application", subtype="pdf", filename=attach[0])
    return m.as_bytes()


class MaildirTest(dstest.StudioTestCase):

    def setUp(self):
        super().setUp()
        self.studio.ok(self, "demo")
        self.maildir = os.path.join(self.tmpdir, "Maildir")
        for d in ("new", "cur", "tmp"):
            os.makedirs(os.path.join(self.maildir, d))

    def put(self, name, data, sub="new"):
        with open(os.path.join(self.maildir, sub, name), "wb") as f:
            f.write(data)

    def test_a_maildir_of_real_looking_messages(self):
        import datetime
        wib = datetime.timezone(datetime.timedelta(hours=7))
        t = datetime.datetime.now(wib).replace(microsecond=0) - datetime.timedelta(hours=1)
        self.put("1764730000.M1P1.host", mail(
            "Pertanyaan soal SIM keliling", '"Rudi Hartono" <rudi.hartono@mail.example.id>', t,
            body="Selamat pagi Bapak/Ibu,\n\nKapan jadwal SIM keliling di Kecamatan Muara Bangkahulu?\n"
                 "Terima kasih. Ini baris yang sangat panjang agar dipecah oleh quoted-printable "
                 "dengan tanda sama dengan di ujungnya.",
            html="<p>Selamat pagi Bapak/Ibu,</p><p>Kapan jadwal SIM keliling?</p>",
            cte="quoted-printable"))
        self.put("1764730001.M2P1.host", mail(
            "Laporan jalan rusak — Kelurahan Sawah Lebar ✓", "Sri Wahyuni <sri@mail.example.id>",
            t + datetime.timedelta(minutes=5),
            body="Jalan di depan SD 12 berlubang besar, sudah tiga bulan. Mohon ditindaklanjuti.",
            cte="base64", attach=("foto-jalan.pdf", b"%PDF-1.4 fake")))
        self.put("1764730002.M3P1.host", mail(
            "Informasi", "warga@mail.example.id", t + datetime.timedelta(minutes=9),
            html="<html><head><style>p{color:red}</style><script>alert(1)</script></head><body>"
                 "<p>Mohon informasi anggaran patroli &amp; jumlah personel tahun 2026.</p>"
                 "<p>Untuk keperluan tugas kuliah.</p></body></html>", msgid=False))
        out = self.studio.ok(self, "channel", "maildir-scan", self.maildir)
        self.assertEqual([o["outcome"] for o in out], ["question"] * 3)
        rows = self.studio.query(
            "SELECT caller_name, contact, text, written, received_at FROM questions "
            "WHERE channel = 'email' AND contact LIKE '%@mail.example.id' ORDER BY received_at")
        self.assertEqual(len(rows), 3)
        self.assertEqual(rows[0][:2], ("Rudi Hartono", "rudi.hartono@mail.example.id"))
        self.assertTrue(rows[0][2].startswith("Pertanyaan soal SIM keliling\nSelamat pagi"))
        self.assertIn("quoted-printable dengan tanda sama dengan di ujungnya.", rows[0][2])
        self.assertNotIn("=\n", rows[0][2])
        self.assertNotIn("<p>", rows[0][2])
        self.assertEqual(rows[1][:2], ("Sri Wahyuni", "sri@mail.example.id"))
        self.assertTrue(rows[1][2].startswith("Laporan jalan rusak — Kelurahan Sawah Lebar ✓\n"
                                              "Jalan di depan SD 12"), rows[1][2])
        self.assertIn("foto-jalan.pdf", rows[1][2])
        self.assertEqual(rows[2][1], "warga@mail.example.id")
        self.assertIn("Mohon informasi anggaran patroli & jumlah personel tahun 2026.", rows[2][2])
        self.assertNotIn("alert", rows[2][2])
        self.assertNotIn("color", rows[2][2])
        self.assertTrue(all(r[3] == 1 for r in rows))
        utc = t.astimezone(datetime.timezone.utc)
        self.assertEqual(rows[0][4], utc.strftime("%Y-%m-%dT%H:%M:%S.000Z"))
        # Scanned mail moved to cur/ (seen); a rescan of new/ and cur/ adds nothing.
        self.assertEqual(os.listdir(os.path.join(self.maildir, "new")), [])
        again = self.studio.ok(self, "channel", "maildir-scan", self.maildir)
        self.assertEqual([o["outcome"] for o in again], ["duplicate"] * 3)
        self.assertEqual(self.studio.query(
            "SELECT COUNT(*) FROM questions WHERE contact LIKE '%@mail.example.id'")[0][0], 3)

    def test_a_broken_message_is_named_and_the_others_still_go_in(self):
        import datetime
        t = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(minutes=3)
        self.put("a.host", mail("Halo", "a@mail.example.id", t, body="Pertanyaan yang baik"))
        self.put("b.host", b"this is not a mail message at all\n")
        self.put("c.host", mail("Panjang", "c@mail.example.id", t, body="x" * 10000))
        r = self.studio.run("channel", "maildir-scan", self.maildir)
        self.assertEqual(r.code, 1, r.describe())
        self.assertIn("b.host", r.err)
        self.assertIn("text", r.err)
        self.assertEqual(self.studio.query(
            "SELECT COUNT(*) FROM questions WHERE contact LIKE '%@mail.example.id'")[0][0], 1)
        self.studio.fails(self, "channel", "maildir-scan", self.tmpdir, mentions=["not a Maildir"])


if __name__ == "__main__":
    dstest.main()
