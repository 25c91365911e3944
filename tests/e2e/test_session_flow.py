"""A whole session, from an empty database to the signed-off statistics, as a newcomer would
drive it through the real `dialogstudio` binary: station, programme, session with officers,
guests, Sprin and checklist, a rundown from a CSV file, the live rundown controls, listener
questions through every screening step, information requests through every decision, and
finally `report session` in JSON and CSV, checked against figures known in advance.

The expected figures are computed here, not read back from the program: working-day deadlines
from the shipped holiday file (studio/data/holidays-id.csv) in the station's time zone,
registration numbers from the documented format (RegistrationNumber.h), the statistics from
the decisions this test made (SessionReport.h definitions).
"""
import datetime
import json
import os
import statistics
import sys
from zoneinfo import ZoneInfo

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dstest  # noqa: E402

TZ = "Asia/Makassar"  # WITA: deliberately not WIB
CODE = "SMD"
GROUNDS = ["P17a", "P17b", "P17c", "P17d", "P17e", "P17f", "P17g", "P17h", "P17i", "P17j",
           "P6", "not_documented", "not_held"]

RUNDOWN_CSV = (
    "kind,title,planned,notes,fixed_start,hard_out\r\n"
    "opening,Pembukaan dan perkenalan narasumber,3,,,\r\n"
    "material,\"Materi: keselamatan berlalu lintas, SIM dan SKCK\",2.5,Bahan dari Sat Lantas,,\r\n"
    "qa,Tanya jawab sesi 1,4:30,,,\r\n"
    "break,Jeda lagu daerah,2,,,\r\n"
    "closing,Penutup,5,,,\r\n")
PLANNED_S = [180, 150, 270, 120, 300]
KINDS = ["opening", "material", "qa", "break", "closing"]

PHONE = "081234567890"


def local_now():
    return datetime.datetime.now(ZoneInfo(TZ))


def local_text(dt):
    return dt.strftime("%Y-%m-%d %H:%M")


class SessionFlowTest(dstest.StudioTestCase):

    def setUp(self):
        super().setUp()
        self.cal = dstest.Calendar()
        self.requests = {}   # name -> request JSON as last returned by the binary
        self.questions = {}  # name -> question JSON
        self.numbers = []    # registration numbers in the order they were issued

    # ------------------------------------------------------------------ set-up steps
    def station_and_programme(self):
        st = self.studio.ok(self, "station", "set", "--code", CODE, "--name", "Polres Samarinda",
                            "--time-zone", TZ, "--partner", "RRI Samarinda Pro 1")
        self.assertEqual((st["code"], st["name"], st["time_zone"]), (CODE, "Polres Samarinda", TZ),
                         "station set must store code, name and time zone")
        shown = self.studio.ok(self, "station", "show")
        self.assertEqual(shown["code"], CODE, "station show must read back the new code")
        self.assertEqual(shown["time_zone"], TZ)
        prog = self.studio.ok(self, "programme", "create", "--title", "Dialog Interaktif Kamtibmas",
                              "--partner", "RRI Samarinda Pro 1", "--weekday", "3", "--time", "09:00",
                              "--length", "30")
        self.assertEqual(prog["title"], "Dialog Interaktif Kamtibmas")
        return prog["id"]

    def create_session(self, programme_id):
        start = local_now().replace(hour=9, minute=0)
        s = self.studio.ok(
            self, "session", "create", "--programme", programme_id,
            "--topic", "Keselamatan berlalu lintas", "--start", local_text(start),
            "--sprin", "Sprin/77/XI/HUM.1.1./2026", "--sprin-date", start.date().isoformat(),
            "--officer", "producer|Andi Saputra|Bripka|87050123",
            "--officer", "screener|Rina Oktaviani|Brigpol|93100456",
            "--officer", "ppid|Hadi Prasetyo|AKP|78030789",
            "--officer", "host|Melati Puspita||",
            "--guest", "Dedi Kurniawan|AKP|Kasat Lantas",
            "--guest", "Sugeng Riyadi|Iptu|Kanit Regident",
            "--check", "personnel", "--check", "materials", "--check", "schedule")
        self.assertEqual(s["status"], "planned")
        self.assertEqual(s["planned_length_s"], 30 * 60, "length defaults to the programme's")
        self.assertEqual(s["sprin_number"], "Sprin/77/XI/HUM.1.1./2026")
        self.assertEqual([o["role"] for o in s["officers"]], ["producer", "screener", "ppid", "host"])
        self.assertEqual([g["name"] for g in s["guests"]], ["Dedi Kurniawan", "Sugeng Riyadi"])
        self.assertEqual(s["checklist"], {"personnel": True, "materials": True, "schedule": True,
                                          "guest_input": False})
        return s["id"]

    def set_rundown(self, sid):
        path = self.write("rundown.csv", RUNDOWN_CSV)
        doc = self.studio.ok(self, "rundown", "set", sid, path)
        segs = doc["session"]["segments"]
        self.assertEqual([s["kind"] for s in segs], KINDS, "segments in file order")
        self.assertEqual([s["planned_s"] for s in segs], PLANNED_S,
                         "planned lengths: 3 -> 180 s, 2.5 -> 150 s, 4:30 -> 270 s")
        self.assertEqual(segs[1]["title"], "Materi: keselamatan berlalu lintas, SIM dan SKCK",
                         "a quoted CSV field keeps its comma")
        self.assertEqual(segs[1]["notes"], "Bahan dari Sat Lantas")
        clock = self.rundown(sid)
        self.assertEqual((clock["current"], clock["next"]), (-1, 0), "nothing runs before start")
        self.assertEqual(self.states(clock), ["pending"] * 5)

    # ------------------------------------------------------------------ live rundown
    def rundown(self, sid):
        doc = self.studio.ok(self, "rundown", "show", sid)
        self.check_clock_consistency(doc)
        return doc["clock"]

    @staticmethod
    def states(clock):
        return [s["state"] for s in clock["segments"]]

    def check_clock_consistency(self, doc):
        clock, segs = doc["clock"], doc["session"]["segments"]
        self.assertEqual(len(clock["segments"]), len(segs))
        self.assertEqual([s["planned_s"] for s in clock["segments"]], [float(p) for p in PLANNED_S])
        total = sum(s["over_under_s"] for s in clock["segments"])
        self.assertAlmostEqual(clock["cumulative_over_under_s"], total, places=2,
                               msg="cumulative over/under is the sum over segments")
        for fig, seg in zip(clock["segments"], segs):
            started, ended = seg["actual_start"] is not None, seg["actual_end"] is not None
            want = "done" if (started and ended) else "current" if started else "pending"
            self.assertEqual(fig["state"], want, f"segment {seg['title']!r} state vs its times")
            if fig["state"] == "pending":
                self.assertEqual(fig["actual_s"], 0.0)
        current = [i for i, s in enumerate(clock["segments"]) if s["state"] == "current"]
        self.assertEqual(current, [clock["current"]] if clock["current"] >= 0 else [],
                         "clock.current names the one current segment")
        for a, b in zip(clock["segments"], clock["segments"][1:]):
            if b["state"] == "pending":
                self.assertLessEqual(dstest.parse_utc(a["expected_end"]),
                                     dstest.parse_utc(b["expected_start"]),
                                     "a pending segment is back-timed after the one before")

    def live_step(self, sid, action, want_current, want_states, want_held=False):
        doc = self.studio.ok(self, "session", action, sid)
        self.assertEqual(doc["clock"]["current"], want_current, f"after `session {action}`")
        self.assertEqual(self.states(doc["clock"]), want_states, f"after `session {action}`")
        self.assertEqual(doc["clock"]["held"], want_held, f"held after `session {action}`")
        shown = self.rundown(sid)
        self.assertEqual((shown["current"], self.states(shown), shown["held"]),
                         (want_current, want_states, want_held),
                         f"`rundown show` agrees with `session {action}`")
        return doc

    def start_session(self, sid):
        self.studio.fails(self, "session", "start", sid, mentions=["guest_input"])
        self.studio.ok(self, "session", "set", sid, "--check", "guest_input")
        P = "pending"
        doc = self.live_step(sid, "start", 0, ["current", P, P, P, P])
        self.assertEqual(doc["session"]["status"], "live")
        self.live_step(sid, "next", 1, ["done", "current", P, P, P])
        back = self.live_step(sid, "back", 0, ["current", P, P, P, P])
        self.assertIsNone(back["session"]["segments"][1]["actual_start"], "back undoes the take")
        self.assertIsNone(back["session"]["segments"][0]["actual_end"])
        self.live_step(sid, "hold", 0, ["current", P, P, P, P], want_held=True)
        self.live_step(sid, "next", 1, ["done", "current", P, P, P], want_held=False)
        self.live_step(sid, "next", 2, ["done", "done", "current", P, P])

    def end_session(self, sid):
        doc = self.studio.ok(self, "session", "end", sid)
        self.assertEqual(doc["session"]["status"], "ended")
        clock = self.rundown(sid)
        self.assertEqual(clock["current"], -1, "nothing runs after the end")
        self.assertEqual(self.states(clock)[:3], ["done"] * 3)
        self.studio.fails(self, "session", "next", sid)

    # ------------------------------------------------------------------ questions
    def add_question(self, name, sid, channel, text, *extra):
        q = self.studio.ok(self, "question", "add", sid, "--channel", channel,
                           "--text", text, *extra)
        self.assertEqual((q["status"], q["channel"], q["text"]), ("new", channel, text))
        self.questions[name] = q
        return q

    def step(self, verb, name, *extra, want=None):
        q = self.studio.ok(self, "question", verb, self.questions[name]["id"], *extra)
        if want:
            self.assertEqual(q["status"], want, f"question {name} after `{verb}`")
        self.questions[name] = q
        return q

    def take_questions(self, sid):
        self.add_question("caller", sid, "phone", "Bagaimana cara mengurus SIM yang hilang?",
                          "--name", "Budi Santoso", "--origin", "Kel. Sidodadi", "--contact", PHONE)
        self.add_question("sms", sid, "sms", "Syarat SKCK untuk kerja apa saja?",
                          "--name", "Ahmad Fauzi", "--contact", "0821-1122-4455")
        self.add_question("dupe", sid, "whatsapp", "Pak, syarat SKCK itu apa ya?",
                          "--name", "Hendra", "--contact", "085311112222")
        self.add_question("mail", sid, "email", "Mohon data kecelakaan lalu lintas 2026 per bulan.",
                          "--name", "Dewi Anggraini", "--contact", "dewi@contoh.id",
                          "--purpose", "Penelitian skripsi")
        flagged = self.add_question("social", sid, "social",
                                    "Pilih paslon nomor urut 2 supaya aman!", "--name", "Yuliana")
        self.assertTrue(flagged["flags"], "a campaign term is flagged for the screener")
        info = self.add_question("letter", sid, "letter",
                                 "Mohon salinan SOP pelayanan SIM keliling.", "--name", "Lina",
                                 "--info-request", "--purpose", "Informasi warga")
        self.record_number("R1", info.get("registration_number"))
        self.add_question("studio", sid, "studio", "Terima kasih atas patroli malam.",
                          "--name", "Ibu Marlina")
        self.add_question("late", sid, "phone", "Kapan SIM keliling ke Loa Janan?",
                          "--name", "Joko", "--contact", "081399998888")

    def screen_questions(self):
        self.step("screen", "caller", "--note", "jelas", want="screened")
        self.step("approve", "caller", want="approved")
        self.step("approve", "sms", want="approved")
        late = self.step("approve", "late", want="approved")
        self.assertEqual(late["queue_pos"], 3, "approval joins the end of the queue")
        moved = self.step("move", "late", "--position", "1")
        self.assertEqual(moved["queue_pos"], 1, "move puts it first")
        order = [q["id"] for q in self.studio.ok(self, "question", "list",
                                                  self.questions["caller"]["session_id"],
                                                  "--status", "approved")]
        self.assertEqual(order, [self.questions[n]["id"] for n in ("late", "caller", "sms")],
                         "approved questions are listed in the producer's order")
        merged = self.step("merge", "dupe", "--into", self.questions["sms"]["id"], want="merged")
        self.assertEqual(merged["merged_into"], self.questions["sms"]["id"])
        self.studio.fails(self, "question", "reject", self.questions["social"]["id"], code=2,
                          mentions=["--reason"])
        self.studio.fails(self, "question", "reject", self.questions["social"]["id"],
                          "--reason", "   ", mentions=["reason"])
        self.step("reject", "social", "--reason", "Kampanye politik (SOP 004)", want="rejected")
        self.step("defer", "mail", "--reason", "Dijawab tertulis oleh PPID", want="deferred")
        self.step("screen", "letter", want="screened")

    def air_questions(self):
        self.step("on-air", "late", want="on_air")
        self.studio.fails(self, "question", "on-air", self.questions["caller"]["id"],
                          mentions=["on air"])
        self.step("answered", "late", want="answered")
        self.step("on-air", "caller", want="on_air")
        self.step("answered", "caller", want="answered")
        self.step("on-air", "sms", want="on_air")  # still on air when the session ends

    # ------------------------------------------------------------------ requests
    def record_number(self, name, number):
        self.assertIsNotNone(number, f"{name} must get a registration number at receipt")
        self.numbers.append(number)

    def open_letter(self, name, sid, received, *extra):
        r = self.studio.ok(self, "request", "open", "--session", sid, "--channel", "letter",
                           "--name", f"Pemohon {name}", "--address", "Jl. Pahlawan 1",
                           "--phone", "081255556666", "--details", f"Informasi untuk {name}",
                           "--purpose", "Kajian", "--received-at", local_text(received), *extra)
        self.assertEqual(r["status"], "pending")
        self.assertTrue(r["written"], "a letter is a written request")
        self.requests[name] = r
        self.record_number(name, r["registration_number"])
        return r

    def decide(self, name, *args, want):
        r = self.studio.ok(self, "request", "decide", self.requests[name]["registration_number"],
                           *args)
        self.assertEqual(r["status"], want, f"{name} after decide")
        self.requests[name] = r
        return r

    def open_requests(self, sid):
        now = local_now()
        self.requests["R1"] = self.studio.ok(self, "request", "show", self.numbers[0])
        r2 = self.studio.ok(self, "request", "open", "--question", self.questions["mail"]["id"],
                            "--address", "Jl. Juanda 5")
        self.assertEqual(r2["requester"]["email"], "dewi@contoh.id", "requester from the question")
        self.assertEqual(r2["question_id"], self.questions["mail"]["id"])
        self.requests["R2"] = r2
        self.record_number("R2", r2["registration_number"])
        self.open_letter("R3", sid, now - datetime.timedelta(days=2, hours=1))
        self.open_letter("R4", sid, now - datetime.timedelta(days=1, hours=3))
        self.open_letter("R5", sid, now - datetime.timedelta(minutes=5))
        self.open_letter("R6", sid, now - datetime.timedelta(days=4))
        self.open_letter("R7", sid, now - datetime.timedelta(days=6))
        self.open_letter("R8", sid, now - datetime.timedelta(minutes=2))

    def check_registration(self):
        counters = {}
        for number in self.numbers:
            r = self.studio.ok(self, "request", "show", number)
            day = dstest.local_day(r["received_at"], TZ)
            counters[day.year] = counters.get(day.year, 0) + 1
            self.assertEqual(number, dstest.registration_number(counters[day.year], CODE, day),
                             "numbers are SSSS/PPID-CODE/ROMAN-MONTH/YEAR, sequential per year")
            due = self.cal.add_working_days(day, 10)
            self.assertEqual(r["original_due_date"], due.isoformat(),
                             f"{number}: due 10 working days after receipt ({day})")

    def decide_requests(self):
        self.decide("R1", "--decision", "granted_full", "--material", "Salinan SOP",
                    want="granted_full")
        self.studio.fails(self, "request", "decide", self.requests["R2"]["id"],
                          "--decision", "granted_partial", mentions=["--redacted"])
        self.decide("R2", "--decision", "granted_partial", "--redacted", "Nama korban",
                    "--redaction-reason", "Rahasia pribadi", want="granted_partial")
        self.refuse_with_p17a()
        self.decide("R4", "--decision", "refused", "--ground", "not_held",
                    "--other-body", "Dinas Perhubungan", "--reason", "Tidak dikuasai",
                    want="refused")
        self.extend_r5()
        self.escalation_r6()
        self.studio.ok(self, "request", "escalate", self.requests["R8"]["id"],
                       "--reason", "Informasi dikecualikan?")

    def refuse_with_p17a(self):
        rid = self.requests["R3"]["id"]
        self.studio.fails(self, "request", "decide", rid, "--decision", "refused",
                          mentions=["--ground"])
        self.studio.fails(self, "request", "decide", rid, "--decision", "refused",
                          "--ground", "P17a", "--consequence-test", "x", "--reason", "x",
                          mentions=["--subground"])
        self.studio.fails(self, "request", "decide", rid, "--decision", "refused",
                          "--ground", "P17a", "--subground", "1", "--reason", "x",
                          mentions=["--consequence-test"])
        self.studio.fails(self, "request", "decide", rid, "--decision", "refused",
                          "--ground", "P17a", "--subground", "1", "--consequence-test", "x",
                          mentions=["--reason"])
        r = self.decide("R3", "--decision", "refused", "--ground", "P17a", "--subground", "1",
                        "--consequence-test", "Membuka isi berkas menghambat penyidikan",
                        "--reason", "Penyidikan berjalan", want="refused")
        self.assertEqual((r["decision"]["ground"], r["decision"]["subground"]), ("P17a", 1))
        self.studio.fails(self, "request", "decide", rid, "--decision", "granted_full",
                          mentions=["already decided"])

    def extend_r5(self):
        before = self.requests["R5"]
        self.studio.fails(self, "request", "extend", before["id"], code=2, mentions=["--reason"])
        r = self.studio.ok(self, "request", "extend", before["id"], "--reason", "Data di Polsek")
        want = self.cal.add_working_days(datetime.date.fromisoformat(before["due_date"]), 7)
        self.assertEqual(r["due_date"], want.isoformat(), "extension adds 7 working days")
        self.assertEqual(r["original_due_date"], before["due_date"])
        self.assertEqual(r["status"], "extended")
        self.studio.fails(self, "request", "extend", before["id"], "--reason", "lagi",
                          mentions=["already extended"])
        self.requests["R5"] = r

    def escalation_r6(self):
        rid = self.requests["R6"]["id"]
        r = self.studio.ok(self, "request", "escalate", rid, "--reason", "Dokumen intelijen")
        self.assertEqual(r["status"], "escalated_to_leadership")
        self.studio.fails(self, "request", "decide", rid, "--decision", "refused",
                          "--ground", "P17c", "--consequence-test", "x", "--reason", "x",
                          mentions=["leadership"])
        r = self.studio.ok(self, "request", "leadership", rid,
                           "--decided-by", "AKBP Budi Santoso, Kapolres", "--decision", "withhold")
        self.assertEqual(r["leadership"]["decided_by"], "AKBP Budi Santoso, Kapolres")
        self.assertEqual(r["status"], "pending", "back to the PPID officer after leadership")
        self.decide("R6", "--decision", "refused", "--ground", "P17c",
                    "--consequence-test", "Membahayakan pertahanan dan keamanan",
                    "--reason", "Dikecualikan", want="refused")

    # ------------------------------------------------------------------ the report
    def expected_requests(self, as_of_day):
        decided = ["R1", "R2", "R3", "R4", "R6"]
        undecided = ["R5", "R7", "R8"]
        times = {}
        for n in decided:
            r = self.requests[n]
            secs = (dstest.parse_utc(r["decided_at"]) - dstest.parse_utc(r["received_at"])).total_seconds()
            wd = self.cal.working_days_between(dstest.local_day(r["received_at"], TZ),
                                               dstest.local_day(r["decided_at"], TZ))
            times[r["registration_number"]] = (r["status"], secs, wd)
        overdue = sum(1 for n in undecided
                      if as_of_day > datetime.date.fromisoformat(self.requests[n]["due_date"]))
        by_ground = {g: 0 for g in GROUNDS}
        by_ground.update({"P17a": 1, "P17c": 1, "not_held": 1})
        counts = {"received": 8, "granted_full": 1, "granted_partial": 1, "refused": 3,
                  "not_held": 1, "pending": 3, "extended": 1, "escalated": 2, "overdue": overdue}
        return counts, by_ground, times

    def check_report(self, sid, as_of):
        rep = self.studio.ok(self, "report", "session", sid, "--as-of", local_text(as_of))
        counts, by_ground, times = self.expected_requests(as_of.date())
        got = rep["requests"]
        self.assertEqual({k: got[k] for k in counts}, counts, f"request counts as of {as_of}")
        self.assertEqual(got["refused_by_ground"], by_ground)
        self.assertEqual(len(got["time_to_decision"]), len(times))
        for t in got["time_to_decision"]:
            status, secs, wd = times[t["registration_number"]]
            self.assertEqual(t["decision"], status)
            self.assertAlmostEqual(t["seconds"], secs, delta=0.002, msg=t["registration_number"])
            self.assertEqual(t["working_days"], wd, t["registration_number"])
        self.assertAlmostEqual(got["median_time_to_decision_seconds"],
                               statistics.median(v[1] for v in times.values()), delta=0.002)
        self.check_question_counts(rep["questions"])
        return rep

    def check_question_counts(self, q):
        self.assertEqual(q["received"], 8)
        self.assertEqual(q["flagged"], 1)
        self.assertEqual(q["by_channel"], {"phone": 2, "sms": 1, "whatsapp": 1, "email": 1,
                                           "social": 1, "letter": 1, "studio": 1})
        self.assertEqual(q["by_status"], {"new": 1, "screened": 1, "approved": 0, "on_air": 1,
                                          "answered": 2, "rejected": 1, "merged": 1,
                                          "deferred": 1})

    def check_csv(self, sid, as_of, rep):
        out = os.path.join(self.tmpdir, "report.csv")
        r = self.studio.run("report", "session", sid, "--format", "csv", "--as-of",
                            local_text(as_of), "--output", out)
        self.assertEqual(r.code, 0, r.describe())
        stdout = self.studio.run("report", "session", sid, "--format", "csv", "--as-of",
                                 local_text(as_of))
        self.assertEqual(stdout.code, 0, stdout.describe())
        with open(out, "rb") as f:
            raw = f.read()
        self.assertTrue(raw.startswith(b"\xef\xbb\xbf"), "the CSV starts with a UTF-8 BOM")
        rows = dstest.read_report_csv(raw.decode("utf-8"))
        self.assertEqual(dstest.read_report_csv(stdout.out), rows,
                         "--output and standard output carry the same CSV")
        req = rep["requests"]
        for key in ("received", "granted_full", "granted_partial", "refused", "not_held",
                    "pending", "extended", "escalated", "overdue"):
            self.assertEqual(rows[("requests", key)], str(req[key]), f"CSV requests,{key}")
        self.assertAlmostEqual(float(rows[("requests", "median_time_to_decision_seconds")]),
                               req["median_time_to_decision_seconds"], delta=0.002)
        for g, n in req["refused_by_ground"].items():
            self.assertEqual(rows[("refused_by_ground", g)], str(n), f"CSV ground {g}")
        for t in req["time_to_decision"]:
            self.assertAlmostEqual(float(rows[("time_to_decision_seconds",
                                               t["registration_number"])]), t["seconds"], delta=0.002)
        for ch, n in rep["questions"]["by_channel"].items():
            self.assertEqual(rows[("questions_by_channel", ch)], str(n))
        for st, n in rep["questions"]["by_status"].items():
            self.assertEqual(rows[("questions_by_status", st)], str(n))
        self.assertEqual(rows[("station", "code")], CODE)

    def check_overdue(self, sid):
        due = {n: datetime.date.fromisoformat(self.requests[n]["due_date"]) for n in ("R5", "R7", "R8")}
        self.assertLess(due["R8"], due["R5"], "the extended request is due last")
        for day in (local_now().date(), due["R8"] + datetime.timedelta(days=1),
                    due["R5"] + datetime.timedelta(days=1)):
            rep = self.check_report(sid, datetime.datetime.combine(day, datetime.time(12, 0)))
        self.assertEqual(rep["requests"]["overdue"], 3, "past every due date all 3 are overdue")
        middle = datetime.datetime.combine(due["R8"] + datetime.timedelta(days=1), datetime.time(12))
        listed = self.studio.ok(self, "request", "list", "--session", sid, "--overdue",
                                "--as-of", local_text(middle))
        self.assertEqual(sorted(r["registration_number"] for r in listed),
                         sorted(self.requests[n]["registration_number"] for n in ("R7", "R8")),
                         "after R8's due date, R7 and R8 are overdue, the extended R5 is not")
        for r in listed:
            self.assertEqual(r["requester"]["phone"], "0812****6666", "request list masks phones")
            self.assertNotIn("Pemohon", r["requester"]["name"], "request list shows initials")

    # ------------------------------------------------------------------ the test
    def test_whole_session_from_creation_to_report(self):
        sid = self.create_session(self.station_and_programme())
        self.set_rundown(sid)
        self.take_questions(sid)
        self.start_session(sid)
        self.screen_questions()
        self.air_questions()
        self.open_requests(sid)
        self.check_registration()
        self.decide_requests()
        self.end_session(sid)
        rep = self.check_report(sid, local_now())
        self.check_csv(sid, local_now(), rep)
        self.check_overdue(sid)
        verify = self.studio.ok(self, "journal", "verify")
        self.assertTrue(verify["ok"], f"journal verify: {verify}")
        plain = self.studio.run("journal", "verify")
        self.assertEqual(plain.code, 0, plain.describe())

    def test_contacts_are_masked_unless_asked(self):
        self.station_and_programme()
        sid = self.studio.ok(self, "session", "create", "--topic", "T",
                             "--start", local_text(local_now()))["id"]
        self.studio.ok(self, "question", "add", sid, "--text", "Halo", "--contact", PHONE)
        self.studio.ok(self, "question", "add", sid, "--text", "Surat", "--contact",
                       "budi.santoso@mail.id", "--channel", "email")
        listed = self.studio.ok(self, "question", "list", sid)
        self.assertEqual([q["contact"] for q in listed], ["0812****7890", "b***@mail.id"],
                         "question list masks contacts by default (Masking.h examples)")
        text = self.studio.run("question", "list", sid)
        self.assertEqual(text.code, 0, text.describe())
        self.assertNotIn(PHONE, text.out, "the text table must not show the full number")
        self.assertNotIn("budi.santoso", text.out)
        self.assertIn("0812****7890", text.out)
        full = self.studio.ok(self, "question", "list", sid, "--unmasked")
        self.assertEqual([q["contact"] for q in full], [PHONE, "budi.santoso@mail.id"])
        text = self.studio.run("question", "list", sid, "--unmasked")
        self.assertIn(PHONE, text.out, "--unmasked shows the number in full")

    def test_officer_views_mask_by_default_and_unmasked_is_journalled(self):
        self.station_and_programme()
        sid = self.studio.ok(self, "session", "create", "--topic", "T",
                             "--start", local_text(local_now()))["id"]
        added = self.studio.ok(self, "question", "add", sid, "--text", "Halo", "--name",
                               "Budi Santoso", "--contact", PHONE)
        self.assertEqual(added["contact"], "0812****7890", "question add's echo masks")
        shown = self.studio.ok(self, "question", "show", added["id"])
        self.assertEqual(shown["contact"], "0812****7890", "question show masks by default")
        self.assertEqual(shown["caller_name"], "Budi Santoso")
        text = self.studio.run("question", "show", added["id"])
        self.assertNotIn(PHONE, text.out)
        nik = "1771010101010001"
        req = self.studio.ok(self, "request", "open", "--session", sid, "--details", "Data",
                             "--name", "Budi Santoso Wijaya", "--phone", PHONE, "--nik", nik,
                             "--address", "Jl. Merdeka No. 12, Kec. Gading Cempaka")
        number = req["registration_number"]
        journal = "SELECT action, subject FROM journal WHERE action LIKE '%unmasked' ORDER BY id"
        before = self.studio.query(journal)
        for args in (["request", "show", number], ["--json", "request", "show", number]):
            out = self.studio.run(*args)
            self.assertEqual(out.code, 0, out.describe())
            for secret in (nik, PHONE, "Budi Santoso Wijaya", "Jl. Merdeka"):
                self.assertNotIn(secret, out.out, f"request show masks {secret} by default")
        self.assertEqual(self.studio.query(journal), before, "a masked view is no access")
        full = self.studio.ok(self, "request", "show", number, "--unmasked")
        self.assertEqual(full["requester"]["phone"], PHONE)
        self.assertEqual(full["requester"]["name"], "Budi Santoso Wijaya")
        self.assertNotIn(nik, json.dumps(full), "the NIK never leaves the record")
        shown = self.studio.ok(self, "question", "show", added["id"], "--unmasked")
        self.assertEqual(shown["contact"], PHONE)
        self.studio.ok(self, "question", "list", sid, "--unmasked")
        self.assertEqual(self.studio.query(journal)[len(before):],
                         [("request.show_unmasked", f"request:{req['id']}"),
                          ("question.show_unmasked", f"question:{added['id']}"),
                          ("question.list_unmasked", f"session:{sid}")],
                         "every --unmasked view is journalled, in every command alike")


if __name__ == "__main__":
    dstest.main()
