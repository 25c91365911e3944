"""The kill test: kill_driver.py calls the real `dialogstudio` binary in a loop (questions,
approvals, information requests, decisions, rundown takes) on one database and logs, fsync'd,
every command that reported success. This test kills the driver's whole process group with
SIGKILL at random moments, at least 50 times (and in about half of the rounds first kills just
the running `dialogstudio` child, mid-command), restarting the loop on the same database each
time. Afterwards:

- every record whose command reported success is in the database, with its journal row;
- `journal verify` exits 0, PRAGMA integrity_check is ok, no foreign key is dangling;
- registration numbers are unique and gap-free per year: the sequence is allocated in the same
  transaction as the request, so a killed command leaves no hole (RegistrationNumber.h), and a
  question marked as an information request always has its request (same transaction).

Seed: E2E_KILL_SEED=N reproduces a run; E2E_KILL_ROUNDS=N changes the number of kills.
"""
import collections
import os
import random
import re
import signal
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dstest  # noqa: E402
from kill_driver import read_log  # noqa: E402

DRIVER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "kill_driver.py")
ROUNDS = int(os.environ.get("E2E_KILL_ROUNDS", "60"))
# On a slow machine few commands finish between kills: keep killing (up to the time budget)
# until this many successes are logged, so the check has something to check.
WANT_SUCCESSES = 100
# The kill window and the time budget follow the measured time of one command (a debug build
# with sanitizers on a loaded machine takes seconds where an idle one takes 0.1 s), so every
# round gives the driver time to finish commands and the test never ends with 0 successes.
WINDOW_COMMANDS = 3.0  # a round's kill window: up to this many command times
BUDGET_COMMANDS = 120  # the time budget, in command times (at least BUDGET_S)
BUDGET_S = 150
SEGMENTS = 400
NUMBER = re.compile(r"^(\d{4,})/PPID-KIL/(I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII)/(\d{4})$")


def children(pid):
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(c) for c in f.read().split()]
    except OSError:
        return []


def is_dialogstudio(pid):
    try:
        return os.path.realpath(f"/proc/{pid}/exe") == os.path.realpath(dstest.BINARY)
    except OSError:
        return False


class KillTest(dstest.StudioTestCase):

    def prepare(self):
        rundown = self.write("rundown.csv", "kind,title,planned\n" +
                             "".join(f"qa,Segmen {i},1\n" for i in range(SEGMENTS)))
        self.studio.ok(self, "station", "set", "--code", "KIL", "--time-zone", "Asia/Jayapura")
        self.studio.ok(self, "programme", "create", "--title", "Dialog Uji Ketahanan")
        sid = self.studio.ok(self, "session", "create", "--topic", "Uji", "--start", "2026-01-05 09:00",
                             "--check", "personnel", "--check", "materials", "--check", "schedule",
                             "--check", "guest_input")["id"]
        self.studio.ok(self, "rundown", "set", sid, rundown)
        self.studio.ok(self, "session", "start", sid)
        self.command_s = self.measure_command_time(sid)
        return sid

    def measure_command_time(self, sid):
        """The median wall time of a command like the driver's, through a Python child as the
        driver runs them: what one round must leave time for."""
        times = []
        for _ in range(3):
            t = time.monotonic()
            self.studio.ok(self, "question", "list", sid)
            times.append(time.monotonic() - t)
        median = sorted(times)[1]
        print(f"\none command takes {median:.2f} s here", file=sys.stderr)
        return median

    # ------------------------------------------------------------------ killing
    def one_round(self, rng, sid, log, seed):
        driver = subprocess.Popen(
            [sys.executable, DRIVER, "--binary", dstest.BINARY, "--db", self.studio.db,
             "--log", log, "--session", str(sid), "--seed", str(seed)],
            env=self.studio.env, start_new_session=True,
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        child_killed = False
        # The driver's own start (Python) and its first command come before anything can be
        # logged, so the window starts after a command time and spans a few more.
        window = max(1.2, WINDOW_COMMANDS * self.command_s)
        if rng.random() < 0.5:
            time.sleep(rng.uniform(0.1, max(0.6, self.command_s)))
            child_killed = self.kill_child_mid_command(rng, driver, max(2.0, 4 * self.command_s))
        time.sleep(rng.uniform(0.05, window) + self.command_s)
        mid_command = any(is_dialogstudio(c) for c in children(driver.pid))
        os.killpg(driver.pid, signal.SIGKILL)
        driver.wait(timeout=30)
        err = driver.stderr.read().decode("utf-8", "replace")
        driver.stderr.close()
        self.assertNotIn("Traceback", err, "the driver itself must not crash:\n" + err)
        return mid_command, child_killed

    @staticmethod
    def kill_child_mid_command(rng, driver, wait_s):
        """Kills the running dialogstudio child (not the driver) at a random point of its run."""
        deadline = time.monotonic() + wait_s
        while time.monotonic() < deadline:
            for c in children(driver.pid):
                if is_dialogstudio(c):
                    time.sleep(rng.uniform(0.0, 0.03 * wait_s))
                    try:
                        os.kill(c, signal.SIGKILL)
                        return True
                    except ProcessLookupError:
                        pass
            time.sleep(0.002)
        return False

    # ------------------------------------------------------------------ checking
    def check_records(self, records):
        con = self.studio.connect()
        try:
            for r in records:
                with self.subTest(record=r):
                    self.check_record(con, r)
        finally:
            con.close()

    def check_record(self, con, r):
        one = lambda sql, *p: con.execute(sql, p).fetchone()  # noqa: E731
        if r["op"] == "question":
            row = one("SELECT text, info_request FROM questions WHERE id = ?", r["id"])
            self.assertIsNotNone(row, f"question {r['id']} reported added is missing")
            self.assertEqual(row[0], f"Pertanyaan {r['token']}")
            self.assertTrue(one("SELECT 1 FROM journal WHERE action = 'question.add' AND subject = ?",
                                f"question:{r['id']}"), "its journal row is there")
            if r["info"]:
                self.assertEqual(one("SELECT reg_number FROM info_requests WHERE question_id = ?",
                                     r["id"]), (r["reg"],), "registered with the question")
        elif r["op"] == "approve":
            self.assertEqual(one("SELECT status FROM questions WHERE id = ?", r["id"]), ("approved",))
        elif r["op"] == "request":
            row = one("SELECT reg_number, details FROM info_requests WHERE id = ?", r["id"])
            self.assertEqual(row, (r["reg"], f"Informasi {r['token']}"),
                             f"request {r['reg']} reported opened")
        elif r["op"] == "decide":
            row = one("SELECT status, decided_at IS NOT NULL FROM info_requests WHERE reg_number = ?",
                      r["key"])
            self.assertEqual(row, (r["status"], 1), f"decision on {r['key']} reported made")
            self.assertTrue(one("SELECT 1 FROM journal WHERE action = 'request.decide' AND subject = ?",
                                f"request:{r['id']}"))
        elif r["op"] == "next":
            started = one("SELECT MAX(ord) FROM segments WHERE session_id = 1 AND actual_start IS NOT NULL")
            self.assertGreaterEqual(started[0], r["current"], "a reported take is kept")

    def check_registration_numbers(self):
        rows = self.studio.query("SELECT reg_number, reg_year, reg_seq FROM info_requests")
        by_year = collections.defaultdict(list)
        for number, year, seq in rows:
            m = NUMBER.match(number)
            self.assertIsNotNone(m, f"{number!r} is not in the documented format")
            self.assertEqual((int(m.group(1)), int(m.group(3))), (seq, year), number)
            by_year[year].append(seq)
        self.assertEqual(len({r[0] for r in rows}), len(rows), "registration numbers are unique")
        counters = dict(self.studio.query("SELECT year, last_seq FROM registration_counters"))
        for year, seqs in by_year.items():
            self.assertEqual(sorted(seqs), list(range(1, len(seqs) + 1)),
                             f"{year}: the sequence has no gaps and no repeats")
            self.assertEqual(counters.get(year), len(seqs),
                             f"{year}: the counter was not advanced by a killed command")

    def check_whole_database(self):
        self.assertEqual(self.studio.query("PRAGMA integrity_check"), [("ok",)])
        self.assertEqual(self.studio.query("PRAGMA foreign_key_check"), [])
        r = self.studio.run("journal", "verify", json_out=True)
        self.assertEqual(r.code, 0, "the journal verifies after the kills:\n" + r.describe())
        self.assertTrue(r.json()["ok"])
        q = self.studio.query
        self.assertEqual(q("SELECT COUNT(*) FROM questions")[0][0],
                         q("SELECT COUNT(*) FROM journal WHERE action = 'question.add'")[0][0],
                         "every stored question has its journal row and no journal row is orphaned")
        self.assertEqual(q("SELECT COUNT(*) FROM info_requests")[0][0],
                         q("SELECT COUNT(*) FROM journal WHERE action = 'request.open'")[0][0])
        self.assertEqual(q("SELECT COUNT(*) FROM questions q WHERE info_request = 1 AND NOT EXISTS "
                           "(SELECT 1 FROM info_requests r WHERE r.question_id = q.id)")[0][0], 0,
                         "an information-request question always has its request")
        self.assertEqual(q("SELECT COUNT(*) FROM info_requests WHERE decided_at IS NOT NULL")[0][0],
                         q("SELECT COUNT(DISTINCT subject) FROM journal WHERE action = 'request.decide'")[0][0])

    # ------------------------------------------------------------------ the test
    def test_sigkill_at_random_moments_loses_nothing_reported(self):
        seed = int(os.environ.get("E2E_KILL_SEED", random.randrange(1 << 30)))
        print(f"\nkill test seed: {seed} (E2E_KILL_SEED={seed} to repeat)", file=sys.stderr)
        rng = random.Random(seed)
        sid = self.prepare()
        log = os.path.join(self.tmpdir, "successes.jsonl")
        mid, child_kills, n, t0 = 0, 0, 0, time.monotonic()
        budget = min(600, max(BUDGET_S, BUDGET_COMMANDS * self.command_s))
        while n < ROUNDS or (len(read_log(log)) < WANT_SUCCESSES and time.monotonic() - t0 < budget):
            n += 1
            m, c = self.one_round(rng, sid, log, seed + n)
            mid, child_kills = mid + m, child_kills + c
        records = read_log(log)
        anomalies = [r for r in records if r.get("op") == "anomaly"]
        self.assertEqual(anomalies, [], "every failure was a clean, expected refusal")
        ops = collections.Counter(r["op"] for r in records)
        print(f"{n} group kills ({mid} during a dialogstudio command), {child_kills} child-only "
              f"kills; successes logged: {dict(ops)}", file=sys.stderr)
        self.assertGreaterEqual(n, 50)
        self.assertGreaterEqual(mid, n // 3, "enough kills landed mid-command")
        self.assertGreaterEqual(len(records), 30, "the loop did real work between kills")
        self.assertTrue(ops["question"] and ops["request"], dict(ops))
        if len(records) >= 50:
            self.assertTrue(ops["decide"] and ops["approve"], dict(ops))
        self.check_records(records)
        self.check_whole_database()
        self.check_registration_numbers()


if __name__ == "__main__":
    dstest.main()
