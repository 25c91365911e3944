"""Compliance with the SOPs' time standards in a period, through the real binary: a release
through the whole SOP 001 chain and two coverages (one archived, one stuck at the Kadis's
disposition and late now), with every hand-over time given, so each step's count within and
over its standard and its median are known here; checked in --json, the PDF (table and chart)
and the XLSX workbook.
"""
import datetime
import os
import sys
from zoneinfo import ZoneInfo

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dstest  # noqa: E402
import pubtest  # noqa: E402
from pubtest import as_actor, local  # noqa: E402
from test_ppid_records import read_xlsx, sheet_table  # noqa: E402

M = datetime.timedelta(minutes=1)


class ComplianceTest(dstest.StudioTestCase):

    def test_figures_in_every_format(self):
        sid, ended = pubtest.ended_session(self, hours_ago=5)
        pubtest.add_officers(self, pubtest.OFFICERS + [
            ("kadis", "kadis", "Johansyah Syafri", "Drs.", ""),
            ("kabid", "kabid", "Zulkifli", "", ""), ("kasi", "kasi", "Nurhayati", "", "")])
        at = lambda m: local(ended + m * M)  # noqa: E731
        rid = as_actor(self, "kasub", "release", "draft", sid, "--at", at(30))["id"]  # 30 ok
        as_actor(self, "staf1", "release", "submit", rid, "--at", at(100))  # 70 over
        as_actor(self, "kasub", "release", "approve", rid, "--at", at(104))  # 4 ok
        as_actor(self, "kabag", "release", "approve", rid, "--at", at(110))  # 6 over
        as_actor(self, "kasub", "release", "publish", rid, "--url", "https://a.id/r", "--at",
                 at(112))  # 2 ok
        # Coverage 1: the session itself, to step 6 (kabid) and no further; its step 2 was slow.
        c1 = as_actor(self, "staf1", "coverage", "register", "--session", sid, "--received",
                      at(0), "--at", at(5))["id"]  # step 1: 5 ok
        as_actor(self, "kadis", "coverage", "next", c1, "--at", at(20))  # step 2: 15 over
        as_actor(self, "kabid", "coverage", "next", c1, "--at", at(23))  # step 3: 3 ok
        # Coverage 2: stuck with the Kadis since minute 40: late now.
        c2 = as_actor(self, "staf1", "coverage", "register", "--agenda", "--title", "Rapat",
                      "--place", "Kantor Bupati", "--event", at(200), "--received", at(30),
                      "--at", at(40))["id"]  # step 1: 10 ok (not over)
        day = ended.date().isoformat()
        pdf = os.path.join(self.tmpdir, "kepatuhan.pdf")
        xlsx = os.path.join(self.tmpdir, "kepatuhan.xlsx")
        doc = self.studio.ok(self, "sop", "compliance", "--from", day, "--to",
                             (ended + datetime.timedelta(days=1)).date().isoformat(),
                             "--pdf", pdf, "--xlsx", xlsx)
        by = {(s["sop"], s["step"]): s for s in doc["steps"]}
        self.assertEqual(len(doc["steps"]), 5 + 15)

        def fig(sop, step):
            s = by[(sop, step)]
            return (s["done"], s["within_standard"], s["over_standard"], s["open"],
                    None if s["median_s"] is None else round(s["median_s"] / 60))
        self.assertEqual(fig("001", 1), (1, 1, 0, 0, 30))
        self.assertEqual(fig("001", 2), (1, 0, 1, 0, 70))
        self.assertEqual(fig("001", 3), (1, 1, 0, 0, 4))
        self.assertEqual(fig("001", 4), (1, 0, 1, 0, 6))
        self.assertEqual(fig("001", 5), (1, 1, 0, 0, 2))
        self.assertEqual(fig("002", 1), (2, 2, 0, 0, 8), "5 and 10 minutes: median 7.5")
        self.assertEqual(fig("002", 2), (1, 0, 1, 1, 15))
        self.assertEqual(fig("002", 3), (1, 1, 0, 0, 3))
        self.assertEqual(fig("002", 4), (0, 0, 0, 1, None))
        late = [(l["item"], l["step"], l["holder"]) for l in doc["late_now"]]
        self.assertIn((f"Peliputan {c2}: Rapat", 2, "kadis"), late)
        self.assertTrue(any(l["step"] == 4 and l["sop"] == "002" for l in doc["late_now"]),
                        "the Kasi has held coverage 1 for hours")
        for l in doc["late_now"]:
            self.assertGreater(l["over_s"], 0)

        text = pubtest.pdf_flat(pdf)
        self.assertIn("LAPORAN KEPATUHAN MUTU BAKU WAKTU", text)
        self.assertIn("SOP Penyebarluasan Informasi", text)
        self.assertIn("Terlambat saat ini", text)
        self.assertIn(f"Peliputan {c2}: Rapat", text)
        self.assertIn("Batang penuh", text, "the chart's legend")
        book = read_xlsx(xlsx)
        header, rows = sheet_table(book["Mutu baku"])
        self.assertEqual(header[:2], ["SOP", "Langkah"])
        row = [r for r in rows if r[0] == "001" and r[1] == 2][0]
        self.assertEqual(row[4:9], [60, 1, 0, 1, 0])
        self.assertAlmostEqual(row[9], 70.0)
        _, late_rows = sheet_table(book["Terlambat"])
        self.assertEqual(len(late_rows), len(doc["late_now"]))

        text_out = self.studio.run("sop", "compliance", "--from", day, "--to", day)
        self.assertEqual(text_out.code, 0, text_out.describe())
        self.assertIn("kadis_dispose", text_out.out)
        self.studio.fails(self, "sop", "compliance", "--from", day, "--to", "2020-01-01",
                          mentions=["--to"])
        steps = self.studio.ok(self, "sop", "steps")
        self.assertEqual([s["standard_min"] for s in steps if s["sop"] == "001"],
                         [60, 60, 5, 5, 5])
        self.assertEqual([s["standard_min"] for s in steps if s["sop"] == "002"],
                         [10, 5, 5, 15, 5, 10, 10, 10, 15, None, 60, 15, 10, 10, 20])


if __name__ == "__main__":
    dstest.main()
