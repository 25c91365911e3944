"""`dialogstudio devices` and `dialogstudio record` through the real binary, on a temporary
database, against the JACK dummy server of the `audio_jack` CTest fixture (JACK_DEFAULT_SERVER
names it). A `jack-play` client playing a generated 1 kHz tone is the input device.

Covers: devices --json lists the player; a 5 s recording with one JSON line per second, the
file's length, level and frequency (sox), the closed row and a journal that verifies; a second
recorder on the same session refused; `session next` markers as cue points with labels near the
moment they were taken; SIGKILL mid-recording leaves a file sox, ffprobe and libsndfile read to
within 1 s, and the next start journals recording.interrupted; bad input (unknown device,
--rate 22050, an unwritable recordings folder) fails clearly with the database intact.

Run: python3 test_record_command.py --binary build/.../app/dialogstudio
"""
import argparse
import datetime
import json
import os
import re
import signal
import sqlite3
import struct
import subprocess
import sys
import tempfile
import time
import unittest

BINARY = None
RATE = 48000


def sox_stat(path):
    r = subprocess.run(["sox", path, "-n", "remix", "1", "stat"], capture_output=True, text=True)
    values = {}
    for line in r.stderr.splitlines():
        if ":" in line:
            k, v = line.rsplit(":", 1)
            try:
                values[k.strip()] = float(v)
            except ValueError:
                pass
    return r.returncode, values, r.stderr


def wav_cues(path):
    """The cue points of a RIFF/WAVE file with their labl names: [(position, label)]."""
    with open(path, "rb") as f:
        data = f.read()
    assert data[:4] in (b"RIFF", b"RF64") and data[8:12] == b"WAVE", "a WAVE file"
    pos, cues, labels = 12, {}, {}
    while pos + 8 <= len(data):
        cid, size = data[pos:pos + 4], struct.unpack("<I", data[pos + 4:pos + 8])[0]
        body = data[pos + 8:pos + 8 + size]
        if cid == b"cue ":
            n = struct.unpack("<I", body[:4])[0]
            for i in range(n):
                ident, _, _, _, _, offset = struct.unpack("<IIIIII", body[4 + 24 * i:28 + 24 * i])
                cues[ident] = offset
        elif cid == b"LIST" and body[:4] == b"adtl":
            p = 4
            while p + 8 <= len(body):
                sid, ssize = body[p:p + 4], struct.unpack("<I", body[p + 4:p + 8])[0]
                if sid == b"labl":
                    ident = struct.unpack("<I", body[p + 8:p + 12])[0]
                    labels[ident] = body[p + 12:p + 8 + ssize].split(b"\0")[0].decode()
                p += 8 + ssize + (ssize & 1)
        pos += 8 + size + (size & 1)
    return sorted((cues[i], labels.get(i, "")) for i in cues)


def parse_utc(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


class RecordCommandTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="ds-record-")
        cls.dir = cls.tmp.name
        cls.db = os.path.join(cls.dir, "studio.db")
        cls.env = dict(os.environ)
        cls.env["DIALOGSTUDIO_DB"] = os.path.join(cls.dir, "guard-never-used.db")
        cls.env["XDG_DATA_HOME"] = os.path.join(cls.dir, "xdg")
        cls.env["DIALOGSTUDIO_ACTOR"] = "test"
        cls.env["DIALOGSTUDIO_LANG"] = "en"
        cls.env.setdefault("ASAN_OPTIONS", "detect_leaks=0")
        cls.env["JACK_NO_START_SERVER"] = "1"
        tone = os.path.join(cls.dir, "tone.wav")
        # 1 kHz at half scale (-6.02 dBFS peak), long enough for every recording here.
        subprocess.run(["sox", "-n", "-r", str(RATE), "-b", "16", "-c", "2", tone, "synth", "120",
                        "sine", "1000", "vol", "0.5"], check=True)
        cls.player_name = f"ds-tone-{os.getpid()}"
        cls.player = subprocess.Popen(["jack-play", "-u", "-c", "3", "-b", "65536", "-n",
                                       cls.player_name, tone], env=cls.env,
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        demo = cls.run_ds("demo", "--json")
        assert demo.returncode == 0, demo.stderr
        cls.session = json.loads(demo.stdout)["session_id"]

    @classmethod
    def tearDownClass(cls):
        cls.player.kill()
        cls.player.wait()
        cls.tmp.cleanup()

    @classmethod
    def run_ds(cls, *args, env=None, timeout=120):
        return subprocess.run([BINARY, "--db", cls.db, *map(str, args)], capture_output=True,
                              text=True, env=env or cls.env, timeout=timeout)

    def start_ds(self, *args):
        return subprocess.Popen([BINARY, "--db", self.db, *map(str, args)], env=self.env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def query(self, sql, *params):
        con = sqlite3.connect(self.db)
        try:
            return con.execute(sql, params).fetchall()
        finally:
            con.close()

    def assert_database_intact(self):
        self.assertEqual(self.query("PRAGMA integrity_check"), [("ok",)])
        self.assertEqual(self.query("SELECT COUNT(*) FROM recordings WHERE state = 'recording'"),
                         [(0,)], "no recording is left registered as running")
        v = self.run_ds("journal", "verify")
        self.assertEqual(v.returncode, 0, v.stdout + v.stderr)

    def test_1_devices_lists_the_player(self):
        for _ in range(50):
            r = self.run_ds("devices", "--json")
            self.assertEqual(r.returncode, 0, r.stderr)
            devices = json.loads(r.stdout)["devices"]
            if any(d["name"] == self.player_name for d in devices):
                break
            time.sleep(0.2)
        d = next(d for d in devices if d["name"] == self.player_name)
        self.assertEqual(d["channels"], 2)
        self.assertEqual(d["default_rate"], RATE)
        self.assertIn("JACK", d["host_api"])

    def test_2_record_five_seconds(self):
        rec = self.start_ds("record", self.session, "--device", self.player_name, "--seconds", 5,
                            "--json")
        lines = []  # (arrival time, document)
        marks = []
        second = None
        while True:
            line = rec.stdout.readline()
            if not line:
                break
            lines.append((time.time(), json.loads(line)))
            if len(lines) == 1:
                # A second recorder on the same session is refused, clearly.
                second = self.run_ds("record", self.session, "--device", self.player_name,
                                     "--seconds", 2)
            if len(lines) in (2, 3):
                r = self.run_ds("session", "next", self.session)
                self.assertEqual(r.returncode, 0, r.stderr)
                marks.append(len(lines))
        rec.wait(timeout=60)
        err = rec.stderr.read()
        self.assertEqual(rec.returncode, 0, err)
        self.assertNotEqual(second.returncode, 0)
        self.assertIn("already being recorded", second.stderr)
        self.assertEqual(second.stderr.count("\n"), 1, "one clear line: " + second.stderr)

        self.assertGreaterEqual(len(lines), 4, lines)
        self.assertLessEqual(len(lines), 6, lines)
        for _, doc in lines:
            self.assertEqual(len(doc["channels"]), 2)
            for key in ("elapsed", "frames", "lufs", "alarms", "state"):
                self.assertIn(key, doc)
        last = lines[-1][1]
        self.assertAlmostEqual(last["channels"][0]["peak_dbfs"], -6.02, delta=0.2)
        self.assertAlmostEqual(last["channels"][0]["true_peak_dbtp"], -6.02, delta=0.3)
        self.assertAlmostEqual(last["channels"][0]["rms_dbfs"], -9.03, delta=0.2)

        (rid, path, state, frames), = self.query(
            "SELECT id, path, state, frames FROM recordings WHERE session_id = ? AND "
            "note = '' ORDER BY id DESC LIMIT 1", self.session)
        self.assertEqual(state, "closed")
        self.assertEqual(frames, 5 * RATE)
        self.assertTrue(os.path.isfile(path))
        self.assertFalse(os.path.exists(path + ".lock") and
                         self.query("SELECT 1 FROM recordings WHERE state='recording'"))
        code, stat, text = sox_stat(path)
        self.assertEqual(code, 0, text)
        self.assertAlmostEqual(stat["Length (seconds)"], 5.0, delta=0.005)
        self.assertAlmostEqual(stat["Maximum amplitude"], 0.5, delta=0.005)
        self.assertAlmostEqual(stat["RMS     amplitude"], 0.3536, delta=0.004)
        self.assertAlmostEqual(stat["Rough   frequency"], 1000, delta=10)

        # Markers of `session next` are cue points with labels, near the moment they were taken.
        db_marks = self.query("SELECT label, sample_pos, at FROM markers WHERE recording_id = ? "
                              "ORDER BY id", rid)
        self.assertEqual(len(db_marks), 2, db_marks)
        cues = wav_cues(path)
        self.assertEqual([(p, l) for l, p, _ in db_marks], cues)
        # Order first: the markers follow each other, and each `session next` ran after status
        # line k had been read, so its marker lies after that line's position (within the
        # jitter measured below: a marker's position is extrapolated from the last heartbeat).
        self.assertLess(db_marks[0][1], db_marks[1][1])
        # Then nearness. Wall clock -> recording position, from the JSON lines (printed right
        # after a poll, so the earliest arrival relative to its position is the closest to the
        # truth). The audio clock is the dummy server's, which drifts from the wall clock when
        # the machine is loaded, and a loaded reader receives lines late: the bound is 100 ms
        # plus the jitter measured on the lines around the marker (on an idle machine a few ms,
        # so the check is as strict as ever there).
        for label, pos, at in db_marks:
            near = [t - doc["elapsed"] for t, doc in lines if abs(t - parse_utc(at)) < 1.5]
            self.assertTrue(near, f"no status line near marker {label}")
            expected = parse_utc(at) - min(near)
            jitter = max(near) - min(near)
            error = pos / RATE - expected
            print(f"marker {label!r}: at {pos / RATE:.3f} s, expected {expected:.3f} s, "
                  f"error {error * 1000:+.0f} ms, line jitter {jitter * 1000:.0f} ms")
            self.assertLess(abs(error), 0.1 + jitter,
                            f"marker {label} {error * 1000:+.0f} ms off (jitter "
                            f"{jitter * 1000:.0f} ms)")
        for (label, pos, _), k in zip(db_marks, marks):
            before = lines[k - 1][1]["elapsed"]
            near = [t - doc["elapsed"] for t, doc in lines if abs(t - lines[k - 1][0]) < 1.5]
            self.assertGreaterEqual(pos / RATE, before - 0.1 - (max(near) - min(near)),
                                    f"marker {label} lies before the status line read before it")
        self.assert_database_intact()

    def test_3_sigkill_then_next_start_journals_interrupted(self):
        rec = self.start_ds("record", self.session, "--device", self.player_name, "--seconds", 60,
                            "--json")
        elapsed = 0.0
        for _ in range(3):
            elapsed = json.loads(rec.stdout.readline())["elapsed"]
        rec.send_signal(signal.SIGKILL)
        rec.wait()
        killed_at = elapsed + 0.15  # the kill follows the last line by a poll or so
        (rid, path), = self.query("SELECT id, path FROM recordings WHERE state = 'recording'")
        code, stat, text = sox_stat(path)
        self.assertEqual(code, 0, text)
        self.assertGreaterEqual(stat["Length (seconds)"], killed_at - 1.0)
        self.assertLessEqual(stat["Length (seconds)"], killed_at + 0.5)
        probe = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration",
                                "-of", "csv=p=0", path], capture_output=True, text=True)
        self.assertEqual(probe.returncode, 0, probe.stderr)
        self.assertGreaterEqual(float(probe.stdout), killed_at - 1.0)
        info = subprocess.run(["sndfile-info", path], capture_output=True, text=True)
        self.assertEqual(info.returncode, 0, info.stdout)
        self.assertRegex(info.stdout, r"Frames\s*:\s*[1-9]")

        r = self.run_ds("record", self.session, "--device", self.player_name, "--seconds", 1)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(self.query("SELECT state FROM recordings WHERE id = ?", rid),
                         [("interrupted",)])
        self.assertTrue(self.query("SELECT 1 FROM journal WHERE action = 'recording.interrupted' "
                                   "AND subject = ?", f"recording:{rid}"))
        self.assert_database_intact()

    def test_4_bad_input(self):
        before = self.query("SELECT COUNT(*) FROM journal")[0][0]
        r = self.run_ds("record", self.session, "--device", "no-such-device-xyz", "--seconds", 1)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("no-such-device-xyz", r.stderr)
        self.assertNotIn("internal error", r.stderr)
        self.assert_database_intact()

        r = self.run_ds("record", self.session, "--device", self.player_name, "--rate", 22050)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("22050", r.stderr)
        self.assertEqual(r.stderr.count("\n"), 1, r.stderr)
        r = self.run_ds("record", self.session, "--device", self.player_name, "--channels", 3)
        self.assertNotEqual(r.returncode, 0)

        blocker = os.path.join(self.dir, "a-file")
        open(blocker, "w").close()
        env = dict(self.env, XDG_DATA_HOME=blocker)  # recordings would go under a regular file
        r = self.run_ds("record", self.session, "--device", self.player_name, "--seconds", 1,
                        env=env)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("recordings folder", r.stderr)
        self.assertEqual(r.stderr.count("\n"), 1, r.stderr)
        self.assert_database_intact()
        self.assertGreaterEqual(self.query("SELECT COUNT(*) FROM journal")[0][0], before)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--binary", required=True)
    args, rest = parser.parse_known_args()
    BINARY = os.path.abspath(args.binary)
    unittest.main(argv=[sys.argv[0]] + rest, verbosity=2)
