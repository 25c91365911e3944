"""SOP 001 (Perbup Sintang 55/2018): a session's release through the correction chain, driven
through the real binary. The Kasubbag orders the release of an ended session (step 1, 60 min),
the staff draft it (step 2, 60 min), the Kasubbag corrects it and sends it back once with notes
(step 3, 5 min), the Kabag corrects and returns it (step 4, 5 min) and the Kasubbag puts it on
the website (step 5, 5 min). Hand-over times are given with --at, so every duration and every
over-standard verdict is known here in advance. Also: the draft's content (guests, messages,
answered questions with callers masked, Pasal 11 figures), every version kept, the nota dinas
PDF (one page per hand-over), the journal, and refusals that change nothing.
"""
import datetime
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dstest  # noqa: E402
import pubtest  # noqa: E402
from pubtest import as_actor, local  # noqa: E402

M = datetime.timedelta(minutes=1)


class ReleaseChainTest(dstest.StudioTestCase):

    def setUp(self):
        super().setUp()
        self.sid, self.ended = pubtest.ended_session(self)
        pubtest.add_officers(self)

    def draft(self, minutes=70):
        return as_actor(self, "kasub", "release", "draft", self.sid, "--at",
                        local(self.ended + minutes * M))

    def test_draft_content_from_the_session(self):
        r = self.draft()
        c = r["content"]
        self.assertEqual(r["state"], "drafting")
        self.assertEqual(r["version"], 1)
        self.assertIn("Kasat Lantas Polres Sintang", c["title"])
        self.assertIn("Layanan SIM Keliling", c["title"], "the topic in headline case")
        self.assertTrue(c["lead"].startswith("SINTANG \u2013 Pemkab Sintang menggelar Dialog "
                                             "Interaktif Sapa Warga"), c["lead"])
        self.assertIn("RRI Sintang", c["lead"])
        self.assertIn("WIB", c["lead"])
        self.assertEqual([(g["name"], g["position"]) for g in c["guests"]],
                         [("AKP Dedi Kurniawan", "Kasat Lantas Polres Sintang"),
                          ("Sri Wahyuni", "Kepala Dinas Perhubungan")])
        self.assertEqual(c["messages"], ["Syarat dan biaya pembuatan SIM baru. Biaya sesuai PP "
                                         "76/2020", "Layanan SIM keliling setiap Sabtu"])
        self.assertEqual([(q["caller"], q["origin"], q["text"]) for q in c["questions"]],
                         [("B. S.", "Kel. Tanjung Puri", "Berapa biaya membuat SIM A baru?"),
                          ("S. R.", "Kec. Sungai Tebelian", "Kapan SIM keliling datang ke desa?")],
                         "only answered questions, callers as initials")
        self.assertEqual(c["figures"]["requests"]["received"], 1)
        self.assertEqual(c["figures"]["requests"]["pending"], 1)
        self.assertEqual(c["figures"]["questions"], {"received": 4, "answered": 2})
        shown = self.studio.run("release", "show", r["id"])
        self.assertEqual(shown.code, 0, shown.describe())
        for private in ("Budi Santoso", "Siti Rahma", pubtest.PHONE, pubtest.EMAIL, "0812"):
            self.assertNotIn(private, shown.out, "no caller's name or contact in the release")
            self.assertNotIn(private, str(r))
        self.assertIn("1 permohonan informasi publik", shown.out, "Pasal 11 figures in the text")
        steps = r["steps"]
        self.assertEqual([(s["step"], s["holder"], s["open"]) for s in steps],
                         [(1, "kasub", False), (2, "staf1", True)])
        self.assertEqual((steps[0]["taken_s"], steps[0]["standard_s"], steps[0]["over_standard"]),
                         (70 * 60, 3600, True), "the order came 70 minutes after the session")

    def test_whole_chain_with_a_return(self):
        before = self.studio.journal_count()
        r = self.draft(70)
        rid = r["id"]
        photo = self.write("foto.png", pubtest.png_bytes(), mode="wb")
        v2 = as_actor(self, "staf1", "release", "edit", rid, "--title",
                      "Polres Sintang Buka Layanan SIM Keliling Setiap Sabtu", "--photo", photo,
                      "--caption", "Narasumber di studio RRI Sintang", "--clip", "question:1",
                      "--note", "judul diperbaiki")
        self.assertEqual(v2["version"], 2)
        self.assertEqual(len(v2["content"]["photos"]), 1)
        f = v2["files"][0]
        self.assertEqual((f["kind"], f["caption"]), ("photo", "Narasumber di studio RRI Sintang"))
        self.assertEqual(len(f["sha256"]), 64)
        as_actor(self, "staf1", "release", "submit", rid, "--at", local(self.ended + 100 * M))
        back = as_actor(self, "kasub", "release", "return", rid, "--note",
                        "Tambahkan jadwal SIM keliling", "--at", local(self.ended + 110 * M))
        self.assertEqual(back["state"], "drafting")
        as_actor(self, "staf1", "release", "edit", rid, "--add-message",
                 "SIM keliling hadir di Kecamatan Sungai Tebelian pada Sabtu pertama.")
        as_actor(self, "staf1", "release", "submit", rid, "--at", local(self.ended + 130 * M))
        as_actor(self, "kasub", "release", "approve", rid, "--at", local(self.ended + 133 * M))
        v4 = as_actor(self, "kabag", "release", "edit", rid, "--lead",
                      "SINTANG \u2013 Layanan SIM keliling kini hadir setiap Sabtu.")
        self.assertEqual(v4["version"], 4)
        up = as_actor(self, "kabag", "release", "approve", rid, "--note", "Setuju, unggah",
                      "--at", local(self.ended + 140 * M))
        self.assertEqual((up["state"], up["step"]), ("upload", 5))
        pub = as_actor(self, "kasub", "release", "publish", rid, "--url",
                       "https://sintang.go.id/sim-keliling", "--at", local(self.ended + 143 * M))
        self.assertEqual(pub["state"], "published")

        steps = pub["steps"]
        want = [  # step, holder, outcome, minutes taken, over the standard
            (1, "kasub", "passed", 70, True),
            (2, "staf1", "passed", 30, False),
            (3, "kasub", "returned", 10, True),
            (2, "staf1", "passed", 20, False),
            (3, "kasub", "passed", 3, False),
            (4, "kabag", "passed", 7, True),
            (5, "kasub", "passed", 3, False),
        ]
        self.assertEqual([(s["step"], s["holder"], s["outcome"], s["taken_s"] // 60,
                           s["over_standard"]) for s in steps], want)
        self.assertEqual([s["standard_s"] // 60 for s in steps], [60, 60, 5, 60, 5, 5, 5])
        self.assertEqual(steps[2]["note"], "Tambahkan jadwal SIM keliling")
        self.assertEqual(steps[2]["version"], 2, "the version that was sent back")

        versions = as_actor(self, "e2e", "release", "versions", rid)
        self.assertEqual([(v["version"], v["actor"], v["step"]) for v in versions],
                         [(1, "kasub", 1), (2, "staf1", 2), (3, "staf1", 2),
                          (4, "kabag", 4)])
        self.assertNotEqual(versions[0]["content"]["title"], versions[1]["content"]["title"],
                            "the first version keeps its own title")
        self.assertEqual(versions[3]["content"]["messages"][-1],
                         "SIM keliling hadir di Kecamatan Sungai Tebelian pada Sabtu pertama.")

        actions = [a for (a,) in self.studio.query(
            "SELECT action FROM journal WHERE subject = ? ORDER BY id", f"release:{rid}")]
        self.assertEqual(actions, ["release.draft", "release.edit", "release.pass",
                                   "release.return", "release.edit", "release.pass",
                                   "release.pass", "release.edit", "release.pass",
                                   "release.publish", "release.publish_by_hand"])
        self.assertGreater(self.studio.journal_count(), before)
        actors = [a for (a,) in self.studio.query(
            "SELECT actor FROM journal WHERE subject = ? ORDER BY id", f"release:{rid}")]
        self.assertEqual(actors[0], "kasub")
        self.assertEqual(actors[-1], "kasub")
        self.assertTrue(self.studio.ok(self, "journal", "verify")["ok"])

        pdf = os.path.join(self.tmpdir, "nota.pdf")
        doc = self.studio.ok(self, "release", "nota", rid, "--output", pdf)
        self.assertEqual([(h["from"], h["to"], h["outcome"]) for h in doc["handovers"]],
                         [("kasub", "staf1", "passed"), ("staf1", "kasub", "passed"),
                          ("kasub", "staf1", "returned"), ("staf1", "kasub", "passed"),
                          ("kasub", "kabag", "passed"), ("kabag", "kasub", "passed")])
        self.assertEqual(pubtest.pdf_pages(pdf), 6, "one nota dinas per hand-over")
        text = pubtest.pdf_flat(pdf)
        self.assertEqual(text.count("NOTA DINAS"), 6)
        self.assertIn("PEMERINTAH KABUPATEN SINTANG", text)
        self.assertIn("Kabag Humas dan Protokol", text)
        self.assertIn("Tambahkan jadwal SIM keliling", text)
        self.assertIn("Melebihi mutu baku 10 menit", text, "step 1: 70 of 60 minutes")
        self.assertIn("Melebihi mutu baku 5 menit", text, "step 3: 10 of 5 minutes")
        self.assertIn("Sesuai mutu baku", text)
        self.assertIn("196805051994031003", text, "the Kabag's NIP under the signature")
        one = os.path.join(self.tmpdir, "nota3.pdf")
        self.studio.ok(self, "release", "nota", rid, "--handover", "3", "--output", one)
        self.assertEqual(pubtest.pdf_pages(one), 1)
        self.assertIn("Pengembalian draft rilis versi 2", pubtest.pdf_flat(one))

    def test_refusals_change_nothing(self):
        s = self.studio
        s.fails(self, "--actor", "staf1", "release", "draft", self.sid, mentions=["kasubbag"])
        r = self.draft(20)
        rid = r["id"]
        checks = [
            (("--actor", "kasub", "release", "draft", self.sid), ["already has release"]),
            (("--actor", "kabag", "release", "edit", rid, "--title", "X"), ["only they may"]),
            (("--actor", "staf1", "release", "edit", rid, "--title", ""), ["--title"]),
            (("--actor", "staf1", "release", "edit", rid, "--title", "a\x01b"), ["control"]),
            (("--actor", "staf1", "release", "edit", rid, "--title", "x" * 500), ["too long"]),
            (("--actor", "staf1", "release", "edit", rid, "--clip", "answer:2"), ["--clip"]),
            (("--actor", "staf1", "release", "edit", rid, "--photo", __file__), ["JPEG"]),
            (("--actor", "staf1", "release", "edit", rid, "--drop-question", "9"), ["question 9"]),
            (("--actor", "staf1", "release", "approve", rid), ["submit"]),
            (("--actor", "staf1", "release", "return", rid, "--note", "x"), ["steps 3 and 4"]),
            (("--actor", "staf1", "release", "submit", rid, "--at",
              local(self.ended + 10 * M)), ["--at"]),
            (("--actor", "staf1", "release", "submit", rid, "--at",
              local(self.ended + datetime.timedelta(days=2))), ["future"]),
            (("--actor", "kasub", "release", "publish", rid, "--url", "https://x.id/a"),
             ["upload"]),
            (("release", "show", "999"), ["999"]),
        ]
        for args, mentions in checks:
            with self.subTest(args=args):
                before, journal = s.dump(), s.journal_count()
                r = s.fails(self, *args, mentions=mentions)
                self.assertEqual(len(r.err.strip().splitlines()), 1, r.describe())
                self.assertEqual(s.journal_count(), journal)
                self.assertEqual(s.dump(), before, "a refused command changes nothing")
        s.fails(self, "--actor", "kasub", "release", "return", rid, code=2, mentions=["--note"])

    def test_draft_refused_before_the_session_ends(self):
        s = self.studio
        sid = s.ok(self, "session", "create", "--programme", 1, "--topic", "Belum siaran",
                   "--start", local(self.ended + datetime.timedelta(days=1)))["id"]
        s.fails(self, "--actor", "kasub", "release", "draft", sid, mentions=["has not ended"])
        s.fails(self, "--actor", "kasub", "release", "draft", self.sid, "--at",
                local(self.ended - 5 * M), mentions=["before the session ended"])


if __name__ == "__main__":
    dstest.main()
