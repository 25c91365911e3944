"""kill -9 of the studio service in the middle of a webhook flood: every WhatsApp message that
was answered 2xx is in the database as a question (the service answers only after the commit),
nothing is half-written, and the journal verifies. Several rounds on the same database, the
service restarted each time; the kill comes at a random moment once answers are flowing."""
import json
import os
import random
import signal
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dstest  # noqa: E402
import servicetest as st  # noqa: E402

ROUNDS = int(os.environ.get("E2E_SERVICE_KILL_ROUNDS", "4"))
CLIENTS = 8


class ServiceKillTest(dstest.StudioTestCase):

    def flood(self, svc, round_no, acked, stop):
        def client(n):
            i = 0
            while not stop.is_set():
                mid = f"wamid.kill-{round_no}-{n}-{i}"
                i += 1
                try:
                    status, _, body = svc.whatsapp(st.whatsapp_text(
                        mid, f"Pertanyaan banjir {round_no}/{n}/{i}", wa_id=f"62812{n:04d}{i:05d}"))
                except OSError:
                    return  # the service is gone
                if 200 <= status < 300:
                    out = json.loads(body)["messages"][0]["outcome"]
                    with lock:
                        acked.append((mid, out))
        lock = threading.Lock()
        threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(CLIENTS)]
        for t in threads:
            t.start()
        return threads

    def test_every_acknowledged_webhook_survives_kill_9(self):
        self.studio.ok(self, "demo")
        self.studio.ok(self, "channel", "whatsapp", "--verify-token", st.VERIFY_TOKEN,
                       "--app-secret", st.APP_SECRET)
        rng = random.Random(int(os.environ.get("E2E_KILL_SEED", str(time.time_ns()))))
        acked = []
        for round_no in range(ROUNDS):
            svc = st.Service(self.studio, "--quiet")
            stop = threading.Event()
            start = len(acked)
            threads = self.flood(svc, round_no, acked, stop)
            st.wait_for(lambda: len(acked) - start >= 20, 120, "answers to the flood")
            time.sleep(rng.uniform(0.0, 1.5))
            svc.proc.send_signal(signal.SIGKILL)
            svc.proc.wait(30)
            stop.set()
            for t in threads:
                t.join(60)
            svc.proc.stdout.close()
            svc.log.close()
        self.assertGreater(len(acked), ROUNDS * 20)
        stored = dict(self.studio.query(
            "SELECT m.message_id, q.id FROM channel_messages m JOIN questions q "
            "ON q.id = m.question_id WHERE m.channel = 'whatsapp'"))
        missing = [mid for mid, outcome in acked if mid not in stored]
        self.assertEqual(missing, [], f"{len(missing)} acknowledged messages were lost")
        self.assertTrue(all(outcome == "question" for _, outcome in acked))
        orphans = self.studio.query(
            "SELECT COUNT(*) FROM channel_messages WHERE question_id IS NULL")[0][0]
        self.assertEqual(orphans, 0, "a message without its question")
        r = self.studio.run("journal", "verify")
        self.assertEqual(r.code, 0, r.describe())
        self.assertEqual(self.studio.query("PRAGMA integrity_check")[0][0], "ok")


if __name__ == "__main__":
    dstest.main()
