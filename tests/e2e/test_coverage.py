"""SOP 002 (Diskominfotik Bengkalis, peliputan dan dokumentasi) through the real binary: a
coverage request by letter from registration through the Kadis's and Kabid's disposition, the
Kasi's schedule and team, the nota dinas, the SPT (coverage off the island), the coverage, the
report, publication on the website, social media and mass media, to the archive; every step
against its standard (10, 5, 5, 15, 5, 10, 10, 10, 15 min; report 1 h; 15, 10, 10; archive 20),
with times given by --at so the verdicts are known here. A Dialog Interaktif session as
coverage uses the session's own Sprin and officers (changed there, seen here), and skips the
SPT steps. The schedule book and the nota dinas as PDF.
"""
import datetime
import os
import sys
from zoneinfo import ZoneInfo

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dstest  # noqa: E402
import pubtest  # noqa: E402
from pubtest import as_actor, local  # noqa: E402

M = datetime.timedelta(minutes=1)
OFFICERS = [
    ("staf", "staf1", "Rahmat Hidayat", "", "199001012015031001"),
    ("kadis", "kadis", "Johansyah Syafri", "Drs.", "196804111993031009"),
    ("kabid", "kabid", "Zulkifli", "", "197502022000031002"),
    ("kasi", "kasi", "Nurhayati", "", "198003032005012003"),
]


class CoverageTest(dstest.StudioTestCase):

    def setUp(self):
        super().setUp()
        self.t0 = (datetime.datetime.now(ZoneInfo(pubtest.TZ)) - datetime.timedelta(hours=6)
                   ).replace(second=0, microsecond=0)
        self.studio.ok(self, "station", "set", "--code", "BKS", "--name",
                       "Diskominfotik Bengkalis", "--time-zone", pubtest.TZ, "--letterhead",
                       "PEMERINTAH KABUPATEN BENGKALIS\\nDINAS KOMUNIKASI, INFORMATIKA DAN "
                       "STATISTIK")
        pubtest.add_officers(self, OFFICERS)

    def at(self, minutes):
        return local(self.t0 + minutes * M)

    def next(self, actor, cid, minutes, *extra):
        return as_actor(self, actor, "coverage", "next", cid, "--at", self.at(minutes), *extra)

    def test_letter_to_archive(self):
        c = as_actor(self, "staf1", "coverage", "register", "--letter", "005/DISDIK/XII/2026",
                     "--from", "Dinas Pendidikan", "--title", "Peresmian SMPN 5 Bantan",
                     "--place", "Bantan, Pulau Bengkalis", "--event",
                     local(self.t0 + datetime.timedelta(hours=2)), "--spt",
                     "--received", self.at(0), "--at", self.at(8))
        cid = c["id"]
        self.assertEqual(c["step"], 2)
        self.next("kadis", cid, 20, "--note", "Liput dan publikasikan")
        self.next("kabid", cid, 24)
        self.studio.fails(self, "--actor", "kasi", "coverage", "next", cid, "--at", self.at(40),
                          mentions=["--team"])
        self.next("kasi", cid, 40, "--team", "Rahmat Hidayat||199001012015031001|foto",
                  "--team", "Siti Aisyah|||berita")
        self.next("kasi", cid, 43)
        self.next("kabid", cid, 50)
        self.next("kabid", cid, 55)
        self.studio.fails(self, "--actor", "staf1", "coverage", "next", cid, "--at", self.at(70),
                          mentions=["--spt-number"])
        self.next("staf1", cid, 70, "--spt-number", "094/SPT/DKIS/XII/2026")
        self.next("kadis", cid, 80)
        self.next("staf1", cid, 200, "--note", "Foto dan video terkumpul")
        self.next("staf1", cid, 250)
        self.studio.fails(self, "--actor", "staf1", "coverage", "next", cid, "--at", self.at(260),
                          mentions=["--url"])
        self.next("staf1", cid, 260, "--url", "https://diskominfotik.bengkaliskab.go.id/b/1")
        self.next("staf1", cid, 275, "--url", "https://facebook.com/diskominfotik/posts/1")
        self.next("staf1", cid, 280, "--url", "https://riaupos.co/berita/1")
        done = self.next("staf1", cid, 290, "--note", "Arsip: NAS/peliputan/2026-12")
        self.assertTrue(done["done"])
        self.assertEqual(done["spt_number"], "094/SPT/DKIS/XII/2026")
        self.assertEqual([(m["name"], m["task"]) for m in done["team"]],
                         [("Rahmat Hidayat", "foto"), ("Siti Aisyah", "berita")])
        want = [  # step, holder, minutes, standard, over
            (1, "staf1", 8, 10, False), (2, "kadis", 12, 5, True), (3, "kabid", 4, 5, False),
            (4, "kasi", 16, 15, True), (5, "kasi", 3, 5, False), (6, "kabid", 7, 10, False),
            (7, "kabid", 5, 10, False), (8, "staf1", 15, 10, True), (9, "kadis", 10, 15, False),
            (10, "staf1", 120, None, False), (11, "staf1", 50, 60, False),
            (12, "staf1", 10, 15, False), (13, "staf1", 15, 10, True),
            (14, "staf1", 5, 10, False), (15, "staf1", 10, 20, False)]
        got = [(s["step"], s["holder"], s["taken_s"] // 60,
                None if s["standard_s"] is None else s["standard_s"] // 60, s["over_standard"])
               for s in done["steps"]]
        self.assertEqual(got, want)
        rows = self.studio.query("SELECT channel, url, by_hand FROM publication_log WHERE "
                                 "coverage_id = ? ORDER BY id", cid)
        self.assertEqual([r[0] for r in rows], ["website", "social", "mass_media"])
        actions = [a for (a,) in self.studio.query(
            "SELECT action FROM journal WHERE subject = ? ORDER BY id", f"coverage:{cid}")]
        self.assertEqual(actions, ["coverage.register"] + ["coverage.step"] * 14)

        nota = os.path.join(self.tmpdir, "nota.pdf")
        doc = self.studio.ok(self, "coverage", "nota", cid, "--output", nota)
        self.assertEqual(doc["handovers"], 14)
        self.assertEqual(pubtest.pdf_pages(nota), 14)
        text = pubtest.pdf_flat(nota)
        self.assertIn("Kepala Bidang", text)
        self.assertIn("Melebihi mutu baku 7 menit", text, "step 2: 12 of 5 minutes")
        book = os.path.join(self.tmpdir, "buku.pdf")
        day = (self.t0 + datetime.timedelta(hours=2)).date().isoformat()
        listed = self.studio.ok(self, "coverage", "book", "--from", day, "--to", day,
                                "--output", book)
        self.assertEqual([c["id"] for c in listed["coverages"]], [cid])
        text = pubtest.pdf_flat(book)
        # Pango may break a long letter number after a slash inside a narrow column.
        for want_text in ("BUKU JADWAL PELIPUTAN", "Peresmian SMPN 5 Bantan", "Surat 005/DISDIK/",
                          "Dinas Pendidikan", "Siti Aisyah (berita)", "SPT 094/SPT/DKIS/",
                          "Selesai, diarsipkan"):
            self.assertIn(want_text, text)

    def test_session_is_coverage_with_its_own_sprin_and_team(self):
        sid, ended = pubtest.ended_session(self)
        c = as_actor(self, "staf1", "coverage", "register", "--session", sid)
        cid = c["id"]
        self.assertEqual(c["source"], "session")
        self.assertEqual(c["title"], "Dialog Interaktif Sapa Warga: layanan SIM keliling")
        self.assertEqual(c["spt_number"], "Sprin/12/XII/HUM/2026")
        self.assertEqual([m["name"] for m in c["team"]], ["Andi Saputra", "Rina Oktaviani"])
        self.studio.fails(self, "--actor", "staf1", "coverage", "register", "--session", sid,
                          mentions=["already registered"])
        self.assertEqual(self.studio.query("SELECT COUNT(*) FROM coverage_team")[0][0], 0,
                         "the team is not copied")
        as_actor(self, "kadis", "coverage", "next", cid)
        as_actor(self, "kabid", "coverage", "next", cid)
        self.studio.fails(self, "--actor", "kasi", "coverage", "next", cid, "--team", "X|||",
                          mentions=["session set --officer"])
        self.studio.ok(self, "session", "set", sid, "--officer", "producer|Andi Saputra||",
                       "--officer", "screener|Dewi Lestari||")
        after = as_actor(self, "kasi", "coverage", "next", cid)
        self.assertEqual([m["name"] for m in after["team"]], ["Andi Saputra", "Dewi Lestari"],
                         "a change to the session's officers is the coverage's team")
        as_actor(self, "kasi", "coverage", "next", cid)
        skipped = as_actor(self, "kabid", "coverage", "next", cid)
        self.assertEqual([(s["step"], s["outcome"]) for s in skipped["steps"][-4:]],
                         [(7, "skipped"), (8, "skipped"), (9, "skipped"), (10, None)],
                         "no SPT for a session: its Sprin is the order")
        self.assertEqual(skipped["steps"][-1]["holder"], "staf1")

    def test_refusals_change_nothing(self):
        s = self.studio
        ok = as_actor(self, "staf1", "coverage", "register", "--agenda", "--title",
                      "Kunjungan Bupati", "--place", "Duri", "--event", self.at(300))
        cid = ok["id"]
        cases = [
            (("--actor", "kadis", "coverage", "register", "--agenda", "--title", "X", "--place",
              "Y", "--event", self.at(10)), ["staf"]),
            (("--actor", "staf1", "coverage", "register", "--agenda", "--letter", "1", "--title",
              "X", "--place", "Y", "--event", self.at(10)), ["exactly one"]),
            (("--actor", "staf1", "coverage", "register", "--agenda", "--title", "X", "--place",
              "Y"), ["--event"]),
            (("--actor", "staf1", "coverage", "register", "--letter", "1", "--title", "X",
              "--place", "Y", "--event", self.at(10)), ["--from"]),
            (("--actor", "staf1", "coverage", "register", "--agenda", "--title", "X\x07",
              "--place", "Y", "--event", self.at(10)), ["control"]),
            (("--actor", "kabid", "coverage", "next", cid), ["only they"]),
            (("--actor", "kadis", "coverage", "next", cid, "--url", "https://a.id"), ["--url"]),
            (("--actor", "kadis", "coverage", "next", cid, "--to", "nobody"), ["nobody"]),
            (("coverage", "show", "404"), ["404"]),
        ]
        for args, mentions in cases:
            with self.subTest(args=args):
                before, journal = s.dump(), s.journal_count()
                r = s.fails(self, *args, mentions=mentions)
                self.assertEqual(len(r.err.strip().splitlines()), 1, r.describe())
                self.assertEqual(s.journal_count(), journal)
                self.assertEqual(s.dump(), before)


if __name__ == "__main__":
    dstest.main()
