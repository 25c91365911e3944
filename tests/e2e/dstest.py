"""Shared helpers for the end-to-end tests: run the real `dialogstudio` binary on a throw-away
database, read the database back with Python's sqlite3, and compute the legal calendar
(working days, registration numbers) independently of the C++ code.

Every test file takes `--binary PATH` (CTest passes $<TARGET_FILE:dialogstudio>) and hands the
remaining arguments to unittest. Nothing here touches the user's default database: each run
points DIALOGSTUDIO_DB and XDG_DATA_HOME into its own temporary folder as a guard, and every
command gets an explicit --db.
"""
import argparse
import csv
import datetime
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import unittest
from zoneinfo import ZoneInfo

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_ROOT = os.path.dirname(os.path.dirname(HERE))
HOLIDAY_FILE = os.path.join(SOURCE_ROOT, "studio", "data", "holidays-id.csv")

BINARY = None  # set by main()

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


def main():
    """Parses --binary, then runs the unittest module that called us."""
    global BINARY
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--binary", required=True)
    args, rest = parser.parse_known_args()
    BINARY = os.path.abspath(args.binary)
    if not os.access(BINARY, os.X_OK):
        sys.exit(f"--binary {BINARY} is not an executable file")
    unittest.main(module="__main__", argv=[sys.argv[0]] + rest, verbosity=2)


# One journal key for the whole test run (unless CTest names one): databases prepared once and
# copied for each test (BaseDatabase) keep verifying with it.
_KEY_DIR = tempfile.TemporaryDirectory(prefix="ds-e2e-key-")


def guarded_env(tmpdir):
    """Environment for the binary: defaults point into tmpdir, never at the user's files."""
    env = dict(os.environ)
    env["DIALOGSTUDIO_DB"] = os.path.join(tmpdir, "guard-default-never-used.db")
    env["XDG_DATA_HOME"] = os.path.join(tmpdir, "xdg")
    env["XDG_CONFIG_HOME"] = os.path.join(tmpdir, "config")
    env.setdefault("DIALOGSTUDIO_JOURNAL_KEY", os.path.join(_KEY_DIR.name, "journal.key"))
    env["DIALOGSTUDIO_ACTOR"] = "e2e"
    env["DIALOGSTUDIO_LANG"] = "en"
    # Keep AddressSanitizer's own verdicts visible but do not let leak checks slow every call.
    env.setdefault("ASAN_OPTIONS", "detect_leaks=0")
    return env


class Result:
    def __init__(self, args, proc):
        self.args = args
        self.code = proc.returncode
        self.out = proc.stdout
        self.err = proc.stderr

    def json(self):
        return json.loads(self.out)

    def describe(self):
        shown = [a if len(a) < 120 else a[:60] + f"...({len(a)} chars)" for a in self.args]
        return (f"dialogstudio {' '.join(shown)}\n  exit {self.code}\n"
                f"  stdout: {self.out[:800]!r}\n  stderr: {self.err[:800]!r}")


class Studio:
    """One database in a temporary folder and a way to run commands on it."""

    def __init__(self, tmpdir, name="studio.db"):
        self.tmpdir = tmpdir
        self.db = os.path.join(tmpdir, name)
        self.env = guarded_env(tmpdir)

    def run(self, *args, json_out=False, timeout=60, db=None, text_input=True, create=None):
        argv = [BINARY, "--db", db or self.db]
        # A script starting a database names --create (a mistyped --db makes none).
        if create or (create is None and not os.path.exists(db or self.db)):
            argv.append("--create")
        if json_out:
            argv.append("--json")
        argv += [a if isinstance(a, bytes) else str(a) for a in args]
        proc = subprocess.run(argv, capture_output=True, env=self.env, timeout=timeout,
                              text=text_input, errors="replace" if text_input else None)
        return Result([a.decode("utf-8", "replace") if isinstance(a, bytes) else str(a)
                       for a in args], proc)

    def ok(self, testcase, *args, **kw):
        """Runs with --json and returns the parsed document; fails the test on a non-zero exit."""
        r = self.run(*args, json_out=True, **kw)
        testcase.assertEqual(r.code, 0, "command should succeed:\n" + r.describe())
        try:
            return r.json()
        except json.JSONDecodeError as e:
            testcase.fail(f"--json output is not one JSON document ({e}):\n" + r.describe())

    def fails(self, testcase, *args, code=1, mentions=(), **kw):
        """Runs a command that must fail with `code`; stderr must name each of `mentions`."""
        r = self.run(*args, **kw)
        testcase.assertEqual(r.code, code, "command should fail with exit %d:\n%s" % (code, r.describe()))
        testcase.assertTrue(r.err.strip(), "a failing command must say why on stderr:\n" + r.describe())
        for m in mentions:
            testcase.assertIn(m.lower(), r.err.lower(),
                              f"the error message should mention {m!r}:\n" + r.describe())
        return r

    # --- reading the database back, independently of the binary --------------------------
    def connect(self):
        return sqlite3.connect(f"file:{self.db}?mode=ro", uri=True, timeout=10)

    def query(self, sql, *params):
        con = self.connect()
        try:
            return con.execute(sql, params).fetchall()
        finally:
            con.close()

    def dump(self):
        """Every row of every table (and the schema), for before/after comparisons."""
        con = self.connect()
        try:
            tables = [r[0] for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
            out = {"__schema__": con.execute(
                "SELECT type, name, sql FROM sqlite_master ORDER BY type, name").fetchall()}
            for t in tables:
                out[t] = con.execute(f'SELECT * FROM "{t}" ORDER BY rowid').fetchall()
            out["__user_version__"] = con.execute("PRAGMA user_version").fetchone()[0]
            return out
        finally:
            con.close()

    def journal_count(self):
        return self.query("SELECT COUNT(*) FROM journal")[0][0]


class StudioTestCase(unittest.TestCase):
    """A fresh temporary folder (and Studio) per test."""

    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory(prefix="ds-e2e-")
        self.tmpdir = self._tmp.name
        self.studio = Studio(self.tmpdir)

    def tearDown(self):
        self._tmp.cleanup()

    def write(self, name, content, mode="w"):
        path = os.path.join(self.tmpdir, name)
        if mode == "w":
            with open(path, "w", encoding="utf-8", newline="") as f:
                f.write(content)
        else:
            with open(path, "wb") as f:
                f.write(content)
        return path

    def write_csv(self, name, rows):
        path = os.path.join(self.tmpdir, name)
        with open(path, "w", encoding="utf-8", newline="") as f:
            csv.writer(f).writerows(rows)
        return path


class BaseDatabase:
    """A database prepared once by a list of commands and copied for each test, so that every
    bad-input case starts from the same rows. `steps(folder)` returns the commands; the folder
    holds a three-segment rundown CSV named rundown.csv."""

    RUNDOWN = "kind,title,planned\nopening,Pembukaan,3\nqa,Tanya jawab,10\nclosing,Penutup,2\n"

    def __init__(self, prefix, steps):
        self.prefix, self.steps, self.path, self.tmp = prefix, steps, None, None

    def build(self):
        if self.path:
            return self.path
        self.tmp = tempfile.TemporaryDirectory(prefix=self.prefix)
        studio = Studio(self.tmp.name, "base.db")
        with open(os.path.join(self.tmp.name, "rundown.csv"), "w", encoding="utf-8") as f:
            f.write(self.RUNDOWN)
        for args in self.steps(self.tmp.name):
            r = studio.run(*args)
            if r.code != 0:
                raise RuntimeError("setting up the base database failed:\n" + r.describe())
        self.path = studio.db
        return self.path

    def copy_to(self, db):
        base = self.build()
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(base + suffix):
                shutil.copyfile(base + suffix, db + suffix)
                # Owner-only like the original: a readable copy is tightened with a notice.
                os.chmod(db + suffix, 0o600)

    def cleanup(self):
        if self.tmp:
            self.tmp.cleanup()


class RejectingTestCase(StudioTestCase):
    """Each test starts from a copy of `base` (a BaseDatabase) and checks that bad input is
    refused cleanly."""
    base = None

    def setUp(self):
        super().setUp()
        self.base.copy_to(self.studio.db)

    def assert_rejected(self, *args, mentions=(), code=1):
        """Runs a command that must fail cleanly and change nothing."""
        before, journal = self.studio.dump(), self.studio.journal_count()
        r = self.studio.fails(self, *args, code=code, mentions=mentions)
        self.assertNotIn("internal error", r.err, "bad input is the user's error:\n" + r.describe())
        self.assertNotIn("AddressSanitizer", r.err, r.describe())
        self.assertEqual(len(r.err.strip().splitlines()), 1,
                         "one clear line on stderr:\n" + r.describe())
        self.assertEqual(r.out, "", "a failed command prints no half result:\n" + r.describe())
        self.assertEqual(self.studio.journal_count(), journal,
                         "a refused command writes no journal row:\n" + r.describe())
        after = self.studio.dump()
        for table in before:
            self.assertEqual(after.get(table), before[table],
                             f"table {table} changed although the command failed:\n" + r.describe())
        self.assertEqual(set(after), set(before))
        return r


# --- the legal calendar, computed here from the shipped data file ---------------------------
def load_holidays(path=HOLIDAY_FILE):
    days = set()
    with open(path, encoding="utf-8") as f:
        lines = [l for l in f if not l.startswith("#")]
    for row in csv.DictReader(lines):
        days.add(datetime.date.fromisoformat(row["date"].strip()))
    return days


class Calendar:
    def __init__(self, holidays=None):
        self.holidays = load_holidays() if holidays is None else holidays

    def is_working(self, d):
        return d.weekday() < 5 and d not in self.holidays

    def add_working_days(self, d, n):
        counted = 0
        while counted < n:
            d += datetime.timedelta(days=1)
            if self.is_working(d):
                counted += 1
        return d

    def working_days_between(self, a, b):
        """Working days in (a, b]."""
        n, d = 0, a + datetime.timedelta(days=1)
        while d <= b:
            n += self.is_working(d)
            d += datetime.timedelta(days=1)
        return n


def parse_utc(text):
    """'2026-11-25T03:19:20.042Z' -> aware datetime."""
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


def local_day(utc_text, tz):
    return parse_utc(utc_text).astimezone(ZoneInfo(tz)).date()


def registration_number(seq, code, day):
    return f"{seq:04d}/PPID-{code}/{ROMAN[day.month - 1]}/{day.year}"


def read_report_csv(text):
    """The CSV report as {(section, key): value}; asserts the BOM and header itself."""
    assert text.startswith("\ufeff"), "the CSV report must start with a UTF-8 byte-order mark"
    rows = list(csv.reader(text[1:].splitlines()))
    assert rows[0] == ["section", "key", "value"], f"CSV header is {rows[0]}"
    out = {}
    for r in rows[1:]:
        assert len(r) == 3, f"CSV row {r} does not have 3 fields"
        out[(r[0], r[1])] = r[2]
    return out
