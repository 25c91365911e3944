"""Complaints from the air followed up to the end (SOP 003 community policing, SOP 004
Bhabinkamtibmas), through the real binary: mark a question, forward it to a unit (due date in
the station's working days on the shipped holiday calendar, computed here independently), the
unit's follow-up with the three pillars, closing with the caller informed, overdue follow-ups,
the forwarding letter (PDF: masked contacts unless shared, journalled), the statistics and early
detection in the session and period reports (JSON, CSV, XLSX with numbers as numbers, PDF with
the chart), and bad input refused without changing anything.
"""
import datetime
import os
import re
import shutil
import subprocess
import unittest
import zipfile
from zoneinfo import ZoneInfo

import dstest

TZ = "Asia/Jakarta"
UNITS = {"bhabin": "Bhabinkamtibmas Kel. Pantai Panjang", "polsek": "Polsek Ratu Samban",
         "lantas": "Sat Lantas"}
PHONE = "081234567890"
DUE_DAYS = 3


def today():
    return datetime.datetime.now(ZoneInfo(TZ)).date()


def day_text(d, hhmm):
    return f"{d.isoformat()} {hhmm}"


# Session days: about ten weeks ago, five weeks ago and nine days ago, so the problems recur
# across sessions and months whatever the date the test runs.
def session_days():
    t = today()
    return [t - datetime.timedelta(days=70), t - datetime.timedelta(days=35),
            t - datetime.timedelta(days=9)]


def months_between(a, b):
    return (b.year - a.year) * 12 + b.month - a.month + 1


def setup_steps(folder):
    """Station with units, a programme and three sessions with questions; complaint 1 marked."""
    steps = [("station", "set", "--code", "BKL", "--name", "Polres Bengkulu", "--time-zone", TZ,
              "--letterhead", "KEPOLISIAN NEGARA REPUBLIK INDONESIA\\nRESOR BENGKULU",
              "--unit", f"bhabinkamtibmas|{UNITS['bhabin']}", "--unit", f"polsek|{UNITS['polsek']}",
              "--unit", f"satfung|{UNITS['lantas']}", "--complaint-due-days", str(DUE_DAYS)),
             ("programme", "create", "--title", "Dialog Interaktif Kamtibmas")]
    return steps


class ComplaintFlow(dstest.StudioTestCase):
    def setUp(self):
        super().setUp()
        for args in setup_steps(self.tmpdir):
            self.studio.ok(self, *args)
        self.calendar = dstest.Calendar()
        self.sessions = []
        for d in session_days():
            s = self.studio.ok(self, "session", "create", "--topic", f"Kamtibmas {d}",
                               "--start", day_text(d, "09:00"))
            self.sessions.append((s["id"], d))

    def question(self, n, text, minute=10, contact=PHONE, name="Budi Santoso", *extra):
        sid, d = self.sessions[n]
        return self.studio.ok(self, "question", "add", sid, "--text", text, "--name", name,
                              "--contact", contact, "--received-at",
                              day_text(d, f"09:{minute:02}"), *extra)

    def mark(self, qid, topic, kelurahan="", kecamatan="", kind="keluhan"):
        args = ["complaint", "mark", qid, "--kind", kind, "--topic", topic]
        if kelurahan:
            args += ["--kelurahan", kelurahan]
        if kecamatan:
            args += ["--kecamatan", kecamatan]
        return self.studio.ok(self, *args)

    def test_a_complaint_from_mark_to_close(self):
        q = self.question(0, "Balap liar tiap malam Minggu di Jl. Pariwisata, tolong ditertibkan")
        c = self.mark(q["id"], "balap liar", "Pantai Panjang", "Ratu Samban",
                      kind="laporan_kamtibmas")
        self.assertEqual((c["status"], c["kind"], c["kelurahan"]),
                         ("dicatat", "laporan_kamtibmas", "Pantai Panjang"))
        self.assertEqual(c["contact"], "0812****7890", "contacts are masked in the JSON")
        # Marking again corrects it while it is not yet forwarded.
        c = self.mark(q["id"], "Balap liar", "Pantai Panjang", "Ratu Samban",
                      kind="laporan_kamtibmas")
        self.assertEqual(c["topic"], "Balap liar")

        _, d = self.sessions[0]
        f = self.studio.ok(self, "complaint", "forward", c["id"], "--unit", UNITS["bhabin"],
                           "--at", day_text(d, "11:00"), "--note", "mohon patroli")
        self.assertEqual(f["status"], "diteruskan")
        self.assertEqual(f["unit_name"], UNITS["bhabin"])
        self.assertEqual(f["unit_kind"], "bhabinkamtibmas")
        self.assertEqual(f["due_date"], self.calendar.add_working_days(d, DUE_DAYS).isoformat())
        self.assertEqual(f["forwarded_by"], "e2e")

        u = self.studio.ok(self, "complaint", "follow-up", c["id"], "--answer",
                           "Patroli gabungan tiap malam Minggu", "--action", "patroli dan mediasi",
                           "--pillar", "bhabinkamtibmas", "--pillar", "lurah", "--pillar",
                           "babinsa", "--pillar", "lurah", "--at", day_text(d, "15:00"))
        self.assertEqual(u["status"], "ditindaklanjuti")
        self.assertEqual(u["pillars"], ["lurah", "bhabinkamtibmas", "babinsa"])

        closed = self.studio.ok(self, "complaint", "close", c["id"], "--informed", "siaran",
                                "--at", day_text(d + datetime.timedelta(days=1), "10:00"))
        self.assertEqual(closed["status"], "selesai")
        self.assertEqual(closed["caller_informed"], "siaran")
        self.assertEqual(closed["caller_informed_on"],
                         (d + datetime.timedelta(days=1)).isoformat())

        shown = self.studio.ok(self, "complaint", "show", c["id"])
        self.assertEqual(shown["caller_name"], "B. S.")
        shown = self.studio.ok(self, "complaint", "show", c["id"], "--unmasked")
        self.assertEqual((shown["caller_name"], shown["contact"]), ("Budi Santoso", PHONE))
        actions = self.studio.query(
            "SELECT action, actor FROM journal WHERE subject = ? ORDER BY id", f"complaint:{c['id']}")
        self.assertEqual([a for a, _ in actions],
                         ["complaint.mark", "complaint.mark", "complaint.forward",
                          "complaint.follow_up", "complaint.close", "complaint.show_unmasked"])
        self.assertEqual({actor for _, actor in actions}, {"e2e"})
        listed = self.studio.ok(self, "complaint", "list", "--status", "selesai")
        self.assertEqual([x["id"] for x in listed], [c["id"]])
        # Text output is Indonesian by default.
        self.studio.env["DIALOGSTUDIO_LANG"] = "id"
        text = self.studio.run("complaint", "show", c["id"]).out
        self.assertIn("Diteruskan ke: " + UNITS["bhabin"], text)
        self.assertIn("Tiga pilar: Lurah/Kepala Desa, Bhabinkamtibmas, Babinsa", text)

    def test_overdue_follow_ups(self):
        _, d = self.sessions[1]
        late = self.mark(self.question(1, "Pelayanan SKCK lama sekali")["id"], "pelayanan SKCK",
                         kecamatan="Ratu Agung")
        self.studio.ok(self, "complaint", "forward", late["id"], "--unit", UNITS["polsek"],
                       "--at", day_text(d, "10:00"))
        fresh = self.mark(self.question(2, "Lampu jalan mati")["id"], "lampu jalan",
                          "Sawah Lebar")
        self.studio.ok(self, "complaint", "forward", fresh["id"], "--unit", UNITS["lantas"],
                       "--due", (today() + datetime.timedelta(days=30)).isoformat())
        due = self.calendar.add_working_days(d, DUE_DAYS)
        overdue = self.studio.ok(self, "complaint", "overdue")
        self.assertEqual([x["id"] for x in overdue], [late["id"]])
        self.assertEqual(overdue[0]["due_date"], due.isoformat())
        on_due_day = self.studio.ok(self, "complaint", "overdue", "--as-of", day_text(due, "23:00"))
        self.assertEqual(on_due_day, [], "due on the day itself is not yet late")
        # Once the unit acts, it is no longer overdue.
        self.studio.ok(self, "complaint", "follow-up", late["id"], "--answer", "sudah ditegur")
        self.assertEqual(self.studio.ok(self, "complaint", "overdue"), [])

    def test_forwarding_letter_masks_unless_the_contact_is_shared(self):
        if not shutil.which("pdftotext"):
            self.skipTest("pdftotext (poppler-utils) is needed to read the letter")
        a = self.mark(self.question(0, "Balap liar lagi", name="Siti Rahma")["id"], "balap liar",
                      "Pantai Panjang")
        b = self.mark(self.question(1, "Ada pencurian helm", contact="081298765432",
                                    name="Joko Widodo")["id"], "pencurian helm", "Pantai Panjang")
        self.studio.ok(self, "complaint", "forward", a["id"], "--unit", UNITS["bhabin"])
        self.studio.ok(self, "complaint", "forward", b["id"], "--unit", UNITS["bhabin"],
                       "--share-contact")
        out = os.path.join(self.tmpdir, "surat.pdf")
        doc = self.studio.ok(self, "complaint", "letter", "--unit", UNITS["bhabin"],
                             "--output", out)
        self.assertRegex(doc["number"], r"^B/0001/KLH-BKL/[IVX]+/\d{4}$")
        self.assertEqual(sorted(doc["complaints"]), sorted([a["id"], b["id"]]))
        text = subprocess.run(["pdftotext", "-layout", out, "-"], capture_output=True,
                              text=True, check=True).stdout
        flat = re.sub(r"\s+", " ", text)
        self.assertIn(doc["number"], flat)
        self.assertIn("RESOR BENGKULU", flat)
        self.assertIn("Kel. Pantai Panjang", flat)
        self.assertIn("081298765432", flat, "the shared contact is in full")
        self.assertIn("Joko Widodo", flat)
        self.assertNotIn(PHONE, flat, "the other contact is masked")
        self.assertIn("0812****7890", flat)
        self.assertNotIn("Siti Rahma", flat)
        row = self.studio.query("SELECT actor, after FROM journal WHERE action = "
                                "'complaint.letter'")
        self.assertEqual(len(row), 1)
        self.assertEqual(row[0][0], "e2e")
        self.assertIn(f'"contact_shared":[{b["id"]}]', row[0][1].replace(" ", ""))
        # A second letter has nothing new to carry; the first can be printed again.
        self.studio.fails(self, "complaint", "letter", "--unit", UNITS["bhabin"], "--output",
                          out, mentions=["without a letter"])
        again = self.studio.ok(self, "complaint", "letter", "--number", doc["number"],
                               "--output", os.path.join(self.tmpdir, "lagi.pdf"))
        self.assertEqual(again["number"], doc["number"])

    def seed_recurring(self):
        """balap liar in Kel. Pantai Panjang in all three sessions (twice in the last), pelayanan
        SKCK in Kec. Ratu Agung twice; every complaint forwarded, some finished."""
        ids = []
        for n, minute in ((0, 10), (1, 10), (2, 10), (2, 20)):
            q = self.question(n, "balap liar lagi pak", minute=minute)
            ids.append(self.mark(q["id"], "balap liar", "Pantai Panjang")["id"])
        for n in (1, 2):
            q = self.question(n, "SKCK lama", minute=30)
            ids.append(self.mark(q["id"], "Pelayanan  SKCK", kecamatan="Ratu Agung")["id"])
        for cid, (sid, d) in zip(ids, [self.sessions[i] for i in (0, 1, 2, 2, 1, 2)]):
            self.studio.ok(self, "complaint", "forward", cid, "--unit", UNITS["polsek"], "--at",
                           day_text(d, "12:00"))
        first_day = self.sessions[0][1]
        self.studio.ok(self, "complaint", "follow-up", ids[0], "--answer", "patroli", "--at",
                       day_text(first_day, "15:00"))
        self.studio.ok(self, "complaint", "close", ids[0], "--informed", "telepon", "--at",
                       day_text(first_day + datetime.timedelta(days=2), "09:10"))
        return ids

    def test_statistics_and_early_detection_in_the_reports(self):
        self.seed_recurring()
        first, last = self.sessions[0][1], self.sessions[2][1]
        span = months_between(first, last)
        args = ["--from", first.isoformat(), "--to", today().isoformat()]
        doc = self.studio.ok(self, "report", "period", *args, "--format", "json")
        c = doc["complaints"]
        self.assertEqual(c["total"], 6)
        self.assertEqual(c["by_status"]["selesai"], 1)
        self.assertEqual(c["by_status"]["diteruskan"], 5)
        self.assertEqual(c["by_unit"], {UNITS["polsek"]: 6})
        self.assertEqual(c["by_area"], {"Kel. Pantai Panjang": 4, "Kec. Ratu Agung": 2})
        self.assertEqual(c["time_to_forward_days"]["count"], 6)
        # Received 09:10..09:30, forwarded 12:00 the same day: under a day each.
        self.assertLess(c["time_to_forward_days"]["p90"], 0.2)
        self.assertAlmostEqual(c["time_to_finish_days"]["median"], 2.0, places=3)
        top = c["recurring"][0]
        self.assertEqual((top["topic"], top["area"], top["count"], top["sessions"]),
                         ("balap liar", "Kel. Pantai Panjang", 4, 3))
        self.assertEqual(top["text"],
                         f"balap liar, Kel. Pantai Panjang: 4 kali dalam {span} bulan")
        self.assertEqual(c["recurring"][1]["topic"], "Pelayanan  SKCK",
                         "topics group ignoring case and spacing; the first spelling is shown")
        months = c["by_area_month"]["months"]
        self.assertEqual(months[0], f"{first.year:04}-{first.month:02}")
        pantai = next(a for a in c["by_area_month"]["areas"] if a["area"] == "Kel. Pantai Panjang")
        self.assertEqual(sum(pantai["counts"]), 4)
        balap_days = [self.sessions[i][1] for i in (0, 1, 2, 2)]
        in_last_month = sum(1 for x in balap_days if (x.year, x.month) == (last.year, last.month))
        self.assertEqual(pantai["counts"][months.index(f"{last.year:04}-{last.month:02}")],
                         in_last_month)

        csv = self.studio.run("report", "period", *args, "--format", "csv").out
        self.assertIn("complaints_recurring,balap liar | Kel. Pantai Panjang,4", csv)
        self.assertIn("complaints,total,6", csv)

        sid = self.sessions[2][0]
        srep = self.studio.ok(self, "report", "session", sid, "--format", "json")
        self.assertEqual(srep["complaints"]["total"], 3)
        self.assertEqual(srep["complaints"]["by_topic"], {"balap liar": 2, "Pelayanan  SKCK": 1})
        scsv = self.studio.run("report", "session", sid, "--format", "csv").out
        self.assertIn("complaints_by_area,Kel. Pantai Panjang,2", scsv)

        xlsx = os.path.join(self.tmpdir, "periode.xlsx")
        self.studio.ok(self, "report", "period", *args, "--format", "xlsx", "--output", xlsx)
        with zipfile.ZipFile(xlsx) as z:
            book = z.read("xl/workbook.xml").decode()
            names = re.findall(r'<sheet name="([^"]+)" sheetId="\d+" r:id="rId(\d+)"', book)
            index = [i for name, i in names if name == "Keluhan per wilayah"]
            self.assertEqual(len(index), 1, names)
            sheet = z.read(f"xl/worksheets/sheet{index[0]}.xml").decode()
        # Row 2 is the busiest area; its month cells and total are numbers, not text.
        row2 = re.search(r'<row r="2"[^>]*>(.*?)</row>', sheet).group(1)
        numbers = re.findall(r'<c r="[A-Z]+2"(?: s="\d+")?><v>(\d+)</v></c>', row2)
        self.assertEqual(int(numbers[-1]), 4, row2)
        self.assertEqual(sum(int(v) for v in numbers[:-1]), 4, row2)

        if not shutil.which("pdftotext"):
            self.skipTest("pdftotext (poppler-utils) is needed to read the PDF")
        pdf = os.path.join(self.tmpdir, "periode.pdf")
        self.studio.ok(self, "report", "period", *args, "--format", "pdf", "--output", pdf)
        keep = os.environ.get("DS_COMPLAINT_PAGES")
        if keep:
            os.makedirs(keep, exist_ok=True)
            shutil.copyfile(pdf, os.path.join(keep, "periode.pdf"))
        text = re.sub(r"\s+", " ", subprocess.run(["pdftotext", pdf, "-"], capture_output=True,
                                                   text=True, check=True).stdout)
        self.assertIn("KELUHAN MASYARAKAT DAN DETEKSI DINI", text)
        self.assertIn("Jumlah keluhan per wilayah per bulan", text)
        self.assertIn("Kel. Pantai Panjang (4)", text, "the chart's legend")
        self.assertIn("balap liar", text)


def bad_input_steps(folder):
    steps = setup_steps(folder)
    d = today() - datetime.timedelta(days=3)
    steps += [("session", "create", "--topic", "T", "--start", day_text(d, "09:00")),
              ("question", "add", "1", "--text", "Balap liar", "--contact", PHONE,
               "--received-at", day_text(d, "09:10")),
              ("question", "add", "1", "--text", "Tanpa kontak", "--received-at",
               day_text(d, "09:20")),
              ("complaint", "mark", "1", "--kind", "keluhan", "--topic", "balap liar",
               "--kelurahan", "Pantai Panjang"),
              ("complaint", "mark", "2", "--kind", "pengaduan", "--topic", "lain",
               "--kelurahan", "Sawah Lebar"),
              ("complaint", "forward", "2", "--unit", UNITS["polsek"])]
    return steps


BASE = dstest.BaseDatabase("ds-e2e-complaint-", bad_input_steps)


class ComplaintBadInput(dstest.RejectingTestCase):
    base = BASE

    def test_refused_cleanly(self):
        r = self.assert_rejected
        r("complaint", "mark", "1", "--kind", "curhat", "--topic", "x", "--kelurahan", "A",
          mentions=["--kind", "keluhan, pengaduan, laporan_kamtibmas"])
        r("complaint", "mark", "99", "--kind", "keluhan", "--topic", "x", "--kelurahan", "A",
          mentions=["no question with id 99"])
        r("complaint", "mark", "1", "--kind", "keluhan", "--topic", "x",
          mentions=["--kelurahan"])
        r("complaint", "mark", "1", "--kind", "keluhan", "--topic", b"ba\xff",
          mentions=["topic", "UTF-8"])
        r("complaint", "mark", "2", "--kind", "keluhan", "--topic", "x", "--kelurahan", "A",
          mentions=["already diteruskan"])
        r("complaint", "forward", "1", "--unit", "Polsek Entah", mentions=["Polsek Entah",
                                                                           UNITS["polsek"]])
        r("complaint", "forward", "1", "--unit", UNITS["polsek"], "--due", "2020-01-01",
          mentions=["--due"])
        r("complaint", "forward", "1", "--unit", UNITS["polsek"], "--at", "2999-01-01 10:00",
          mentions=["future"])
        r("complaint", "forward", "2", "--unit", UNITS["lantas"], mentions=["forwarded once"])
        r("complaint", "follow-up", "1", "--answer", "x", mentions=["after forwarding"])
        r("complaint", "follow-up", "2", "--answer", "x", "--pillar", "camat",
          mentions=["--pillar", "lurah, bhabinkamtibmas, babinsa"])
        r("complaint", "close", "2", "--informed", "siaran", mentions=["follow-up"])
        r("complaint", "show", "77", mentions=["no complaint with id 77"])
        r("complaint", "letter", "--unit", UNITS["lantas"], "--output",
          os.path.join(self.tmpdir, "x.pdf"), mentions=["without a letter"])
        r("station", "set", "--complaint-due-days", "0", mentions=["1 to 60"])

    @classmethod
    def tearDownClass(cls):
        BASE.cleanup()


if __name__ == "__main__":
    dstest.main()
