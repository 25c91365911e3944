#!/usr/bin/env python3
"""The studio service's benchmarks (never part of the tests). Makes a demo database in a
temporary folder, starts `dialogstudio serve --quiet` on a free loopback port, then:

1. webhook intake: bench_service_webhook posts signed WhatsApp notifications from N concurrent
   keep-alive clients; committed questions/s, p50/p99 latency, service CPU per question;
2. approval -> guests' page: 20 guest and 8 screener Server-Sent Events streams open; a screener
   adds and approves questions one at a time; the time from sending the approval to each guest
   stream receiving a view that shows it (p50/p99 over all guests and approvals).

  bench/service/run_bench.py --build build/release [--clients 32] [--seconds 20] [--approvals 100]
"""
import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tests", "e2e"))
import dstest  # noqa: E402
import servicetest as st  # noqa: E402


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(p * len(values)))] if values else float("nan")


def approvals_bench(svc, studio, approvals):
    guests = [st.seat(studio, None, "guest", f"Tamu {i}") for i in range(20)]
    screeners = [st.seat(studio, None, "screener", f"Penyaring {i}") for i in range(8)]
    seen = {}  # (stream index, question text) -> monotonic time first shown
    lock = threading.Lock()
    stop = threading.Event()

    def reader(i, token, guest):
        s = st.EventStream(svc, token)
        while not stop.is_set():
            try:
                v = s.next_view(timeout=5)
            except AssertionError:
                continue
            if v is None:
                return
            t = time.monotonic()
            if guest:
                with lock:
                    for q in v["next"]:
                        seen.setdefault((i, q["text"]), t)
        s.close()

    threads = [threading.Thread(target=reader, args=(i, g, True), daemon=True)
               for i, g in enumerate(guests)]
    threads += [threading.Thread(target=reader, args=(100 + i, s, False), daemon=True)
                for i, s in enumerate(screeners)]
    for t in threads:
        t.start()
    time.sleep(2)
    lat = []
    for n in range(approvals):
        text = f"Pertanyaan latensi {n} {time.time_ns()}"
        status, _, body = svc.request("POST", "/api/questions", token=screeners[0],
                                      body={"text": text, "caller_name": "Uji"})
        qid = json.loads(body)["id"]
        t0 = time.monotonic()
        svc.request("POST", f"/api/questions/{qid}/approve", token=screeners[n % 8], body={})
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with lock:
                got = [seen.get((i, text)) for i in range(20)]
            if all(got):
                break
            time.sleep(0.002)
        lat += [(g - t0) * 1000 for g in got if g]
        # Keep the queue short so the guests' next-five list keeps showing new approvals.
        svc.request("POST", f"/api/questions/{qid}/reject", token=screeners[0],
                    body={"reason": "uji"})
    stop.set()
    return lat


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", required=True)
    ap.add_argument("--clients", type=int, default=32)
    ap.add_argument("--seconds", type=int, default=20)
    ap.add_argument("--approvals", type=int, default=100)
    a = ap.parse_args()
    dstest.BINARY = os.path.abspath(os.path.join(a.build, "app", "dialogstudio"))
    bench = os.path.abspath(os.path.join(a.build, "bench", "bench_service_webhook"))
    with tempfile.TemporaryDirectory(prefix="ds-svc-bench-") as tmp:
        studio = dstest.Studio(tmp)
        for args in (["demo"], ["channel", "whatsapp", "--verify-token", st.VERIFY_TOKEN,
                                "--app-secret", st.APP_SECRET]):
            r = studio.run(*args)
            assert r.code == 0, r.describe()

        class Quiet:  # st.seat wants a test case for its assertions
            def assertEqual(self, a, b, msg=None):
                assert a == b, msg
            def fail(self, msg):
                raise AssertionError(msg)
        q = Quiet()
        st_seat = st.seat
        st.seat = lambda s, _tc, role, name: st_seat(s, q, role, name)
        svc = st.Service(studio, "--quiet")
        try:
            print(f"service pid {svc.proc.pid} at {svc.url}")
            subprocess.run([bench, "--port", str(svc.port), "--secret", st.APP_SECRET,
                            "--clients", str(a.clients), "--seconds", str(a.seconds),
                            "--pid", str(svc.proc.pid)], check=False)
            n = studio.query("SELECT COUNT(*) FROM questions WHERE channel = 'whatsapp'")[0][0]
            print(f"questions from WhatsApp in the database: {n}")
            lat = approvals_bench(svc, studio, a.approvals)
            print(f"approval -> 20 guest pages: {len(lat)} deliveries, p50 {percentile(lat, .5):.1f} ms, "
                  f"p99 {percentile(lat, .99):.1f} ms, max {max(lat):.1f} ms")
        finally:
            svc.stop()


if __name__ == "__main__":
    main()
