"""The loop that test_kill.py kills: it calls the real `dialogstudio` binary over and over on one
database (question add, question approve, request open, request decide, session next) and
appends one JSON line per command that reported success (exit 0) to a log file, with the id or
registration number the command printed, fsync'd before the next command starts.

It restarts from the log: what the log says was added or decided is what it builds on. A command
that succeeded but was killed before its line reached the log is unknown here; a later step on it
may then fail with a plain "wrong status" error (exit 1), which is expected. Anything else
(another exit code, an internal error, a sanitizer report) is logged as an anomaly for the test.

Usage: kill_driver.py --binary B --db DB --log LOG --session ID --seed N
"""
import argparse
import json
import os
import random
import subprocess
import sys

# Exit-1 messages that are expected after an unlogged success (see above).
EXPECTED_REFUSALS = ("it must be", "already decided", "is the last segment",
                     "already registered")


def read_log(path):
    records = []
    if not os.path.exists(path):
        return records
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError:
                pass  # a line cut by SIGKILL; test_kill.py counts these
    return records


class Log:
    def __init__(self, path):
        self.fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        # If the last run died inside a write, start on a fresh line.
        if os.fstat(self.fd).st_size:
            with open(path, "rb") as f:
                f.seek(-1, os.SEEK_END)
                if f.read(1) != b"\n":
                    os.write(self.fd, b"\n")

    def append(self, record):
        os.write(self.fd, (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"))
        os.fsync(self.fd)


class Driver:
    def __init__(self, args):
        self.args = args
        self.rng = random.Random(args.seed)
        self.log = Log(args.log)
        self.new_questions, self.pending = [], []
        self.restore(read_log(args.log))
        self.env = dict(os.environ, DIALOGSTUDIO_ACTOR="kill-driver",
                        DIALOGSTUDIO_DB=args.db + ".guard-never-used")
        self.env.setdefault("ASAN_OPTIONS", "detect_leaks=0")
        self.counter = len(read_log(args.log))

    def restore(self, records):
        approved = {r["id"] for r in records if r.get("op") == "approve"}
        decided = {r["key"] for r in records if r.get("op") == "decide"}
        for r in records:
            if r.get("op") == "question" and r["id"] not in approved:
                self.new_questions.append(r["id"])
            if r.get("op") in ("question", "request") and r.get("reg") and r["reg"] not in decided:
                self.pending.append(r["reg"])

    def run(self, *args):
        argv = [self.args.binary, "--db", self.args.db, "--json"] + [str(a) for a in args]
        p = subprocess.run(argv, capture_output=True, text=True, env=self.env, errors="replace")
        if p.returncode == 0:
            return json.loads(p.stdout)
        if p.returncode < 0:
            return None  # the test killed this one child: not a success, not an anomaly
        expected = (p.returncode == 1 and "internal error" not in p.stderr
                    and any(m in p.stderr for m in EXPECTED_REFUSALS))
        if not expected or "Sanitizer" in p.stderr:
            self.log.append({"op": "anomaly", "args": args, "code": p.returncode,
                             "stderr": p.stderr[-2000:]})
        return None

    def token(self):
        self.counter += 1
        return f"kill-{self.args.seed}-{self.counter}"

    def add_question(self):
        token = self.token()
        extra = ["--info-request", "--purpose", "uji"] if self.rng.random() < 0.3 else []
        doc = self.run("question", "add", self.args.session, "--text", f"Pertanyaan {token}",
                       "--contact", f"0812{self.rng.randrange(10**8):08d}", *extra)
        if doc:
            reg = doc.get("registration_number")
            self.log.append({"op": "question", "id": doc["id"], "token": token, "reg": reg,
                             "info": bool(extra)})
            self.new_questions.append(doc["id"])
            if reg:
                self.pending.append(reg)

    def approve(self):
        if not self.new_questions:
            return self.add_question()
        qid = self.new_questions.pop(self.rng.randrange(len(self.new_questions)))
        doc = self.run("question", "approve", qid)
        if doc:
            self.log.append({"op": "approve", "id": doc["id"], "status": doc["status"]})

    def open_request(self):
        token = self.token()
        doc = self.run("request", "open", "--session", self.args.session, "--channel", "letter",
                       "--name", "Pemohon Uji", "--details", f"Informasi {token}")
        if doc:
            self.log.append({"op": "request", "id": doc["id"], "token": token,
                             "reg": doc["registration_number"]})
            self.pending.append(doc["registration_number"])

    def decide(self):
        if not self.pending:
            return self.open_request()
        key = self.pending.pop(self.rng.randrange(len(self.pending)))
        choice = self.rng.choice([
            ["--decision", "granted_full"],
            ["--decision", "granted_partial", "--redacted", "nama", "--redaction-reason", "PDP"],
            ["--decision", "refused", "--ground", "P17a", "--subground", "1",
             "--consequence-test", "menghambat penyidikan", "--reason", "penyidikan"],
            ["--decision", "refused", "--ground", "not_held", "--reason", "tidak dikuasai"],
        ])
        doc = self.run("request", "decide", key, *choice)
        if doc:
            self.log.append({"op": "decide", "key": key, "id": doc["id"], "status": doc["status"],
                             "ground": doc["decision"]["ground"]})

    def next_segment(self):
        doc = self.run("session", "next", self.args.session)
        if doc:
            self.log.append({"op": "next", "current": doc["clock"]["current"]})

    def loop(self):
        ops = [self.add_question] * 4 + [self.approve] * 2 + [self.open_request] * 2 + \
              [self.decide] * 2 + [self.next_segment]
        while True:
            self.rng.choice(ops)()


def main():
    p = argparse.ArgumentParser()
    for name in ("--binary", "--db", "--log", "--session"):
        p.add_argument(name, required=True)
    p.add_argument("--seed", type=int, required=True)
    Driver(p.parse_args()).loop()


if __name__ == "__main__":
    sys.exit(main())
