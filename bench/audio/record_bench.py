#!/usr/bin/env python3
"""Recording benchmarks through the real `dialogstudio record` and a JACK dummy server of its
own (tests/audio/jack-server.sh), with `jack-play` playing a generated tone as the source.

  cpu        CPU time (user + system, getrusage of each whole process tree, the capture host
             included) while recording 48 kHz stereo 24-bit for --seconds (default 60), side by
             side with `jack_capture` recording the same JACK source at the same time.
             Goal: dialogstudio uses no more than jack_capture.
  overruns   One --seconds (default 600) recording while `stress-ng --cpu 2` keeps both cores
             busy; reads the last JSON line's ring overruns ("dropped") and gaps, and checks the
             file's length. Goal: zero overruns.

Usage: bench/audio/record_bench.py --binary build/release/app/dialogstudio [--realtime] cpu|overruns
(--realtime: the JACK server runs with real-time scheduling, as on a studio machine; without it,
a server starved by the load reports xruns, which PortAudio passes on as input overflows.)
Not run in CI (it takes minutes and wants a quiet machine).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
JACK_SCRIPT = os.path.join(HERE, "..", "..", "tests", "audio", "jack-server.sh")
RATE = 48000

# Runs argv and prints the CPU seconds of its whole process tree (RUSAGE_CHILDREN of this
# wrapper covers the child and every descendant it waited for, e.g. the capture host).
TREE_CPU = ("import resource, subprocess, sys\n"
            "code = subprocess.run(sys.argv[1:]).returncode\n"
            "r = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
            "sys.stderr.write('CPU %.3f %.3f\\n' % (r.ru_utime, r.ru_stime))\n"
            "sys.exit(code)\n")


def tree_cpu(stderr_text):
    for line in stderr_text.splitlines():
        if line.startswith("CPU "):
            _, user, system = line.split()
            return float(user), float(system)
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--seconds", type=float)
    parser.add_argument("--realtime", action="store_true",
                        help="run the JACK server real-time (-R), as a studio machine does")
    parser.add_argument("mode", choices=["cpu", "overruns"])
    a = parser.parse_args()
    seconds = a.seconds or (60 if a.mode == "cpu" else 600)
    tmp = tempfile.mkdtemp(prefix="ds-record-bench-")
    server = f"ds-bench-{os.getpid()}"
    env = dict(os.environ, JACK_NO_START_SERVER="1", JACK_DEFAULT_SERVER=server,
               XDG_DATA_HOME=os.path.join(tmp, "xdg"), DIALOGSTUDIO_ACTOR="bench",
               DIALOGSTUDIO_LANG="en")
    env.setdefault("ASAN_OPTIONS", "detect_leaks=0")
    if a.realtime:
        env["DS_JACK_REALTIME"] = "1"
    db = os.path.join(tmp, "bench.db")
    subprocess.run(["sh", JACK_SCRIPT, "start", server, tmp], env=env, check=True)
    player = stress = None
    try:
        tone = os.path.join(tmp, "tone.wav")
        subprocess.run(["sox", "-n", "-r", str(RATE), "-b", "16", "-c", "2", tone, "synth",
                        str(seconds + 20), "sine", "1000", "vol", "0.5"], check=True)
        name = "bench-tone"
        player = subprocess.Popen(["jack-play", "-u", "-c", "3", "-b", "65536", "-n", name,
                                   tone], env=env, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
        time.sleep(1.0)
        demo = subprocess.run([a.binary, "--db", db, "demo", "--json"], env=env,
                              capture_output=True, text=True, check=True)
        session = str(json.loads(demo.stdout)["session_id"])
        record = [sys.executable, "-c", TREE_CPU, a.binary, "--db", db, "record", session,
                  "--device", name, "--seconds", str(seconds), "--json"]
        if a.mode == "cpu":
            out = os.path.join(tmp, "jack_capture.wav")
            capture = subprocess.Popen(
                [sys.executable, "-c", TREE_CPU, "jack_capture", "--daemon", "-d",
                 str(seconds), "-b", "24", "-c", "2", "-f", "wav", "-p", f"{name}:out_1",
                 "-p", f"{name}:out_2", out], env=env, stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE, text=True)
            ours = subprocess.run(record, env=env, capture_output=True, text=True)
            theirs_err = capture.communicate()[1]
            u1, s1 = tree_cpu(ours.stderr)
            u2, s2 = tree_cpu(theirs_err)
            print(f"dialogstudio record: exit {ours.returncode}, user {u1:.2f} s, system "
                  f"{s1:.2f} s, {100 * (u1 + s1) / seconds:.2f} % of one core")
            print(f"jack_capture:        exit {capture.returncode}, user {u2:.2f} s, system "
                  f"{s2:.2f} s, {100 * (u2 + s2) / seconds:.2f} % of one core")
        else:
            stress = subprocess.Popen(["stress-ng", "--cpu", "2", "--timeout",
                                       str(int(seconds + 30)), "--quiet"])
            ours = subprocess.run(record, env=env, capture_output=True, text=True)
            lines = [json.loads(l) for l in ours.stdout.splitlines() if l.startswith("{")]
            last = lines[-1] if lines else {}
            u1, s1 = tree_cpu(ours.stderr)
            overrun_seconds = sum(1 for l in lines if "ring_overrun" in l["alarms"])
            print(f"dialogstudio record under stress-ng --cpu 2: exit {ours.returncode}, "
                  f"{len(lines)} status lines, dropped frames {last.get('dropped')}, gaps "
                  f"{last.get('gaps')}, seconds with a ring_overrun alarm {overrun_seconds}, "
                  f"CPU {u1 + s1:.1f} s")
            con_path = db
            import sqlite3
            con = sqlite3.connect(con_path)
            path, frames = con.execute(
                "SELECT path, frames FROM recordings ORDER BY id DESC LIMIT 1").fetchone()
            alarms = con.execute("SELECT kind, COUNT(*) FROM alarms GROUP BY kind").fetchall()
            print(f"file {path}: {frames} frames = {frames / RATE:.3f} s; alarms {alarms}")
        if ours.returncode != 0:
            print(ours.stderr, file=sys.stderr)
    finally:
        for p in (player, stress):
            if p and p.poll() is None:
                p.terminate()
                p.wait()
        subprocess.run(["sh", JACK_SCRIPT, "stop", server, tmp], env=env)
        print(f"(scratch folder {tmp})")


if __name__ == "__main__":
    main()
