"""The studio service end to end: `serve` on a free loopback port of a demo database (a live
session with questions), seats and their tokens, the guests' view (no personal data in the JSON
itself), the screener's actions, live updates by Server-Sent Events, revoking a seat (its open
stream is cut off), the listening rule, the WhatsApp Cloud API and generic webhooks (signed,
unsigned, retried, malformed, oversized), the inbox while no session is live, page paths, and
a clean stop on SIGTERM. Every refused request changes nothing in the database."""
import json
import os
import signal
import socket
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dstest  # noqa: E402
import servicetest as st  # noqa: E402

GUEST_KEYS = {"number", "text", "name", "area"}


def base_steps(folder):
    return [
        ["demo"],
        ["channel", "whatsapp", "--verify-token", st.VERIFY_TOKEN, "--app-secret", st.APP_SECRET],
        ["channel", "webhook", "--secret", st.WEBHOOK_SECRET],
    ]


BASE = dstest.BaseDatabase("ds-service-", base_steps)


def tearDownModule():
    BASE.cleanup()


class ServiceTest(dstest.StudioTestCase):

    def setUp(self):
        super().setUp()
        BASE.copy_to(self.studio.db)
        self.guest = st.seat(self.studio, self, "guest", "Tablet narasumber")
        self.screener = st.seat(self.studio, self, "screener", "HP penyaring 1")
        self.svc = st.Service(self.studio)

    def tearDown(self):
        self.svc.stop()
        super().tearDown()

    def live_session(self):
        return self.studio.query("SELECT id FROM sessions WHERE status = 'live'")[0][0]

    def questions(self):
        return self.studio.query("SELECT COUNT(*) FROM questions")[0][0]

    def assert_unchanged(self, before, what):
        after = self.studio.dump()
        for table in before:
            self.assertEqual(before[table], after[table], f"{what} changed table {table}")

    # --- seats ------------------------------------------------------------------------------
    def test_pairing_sets_a_cookie_and_opens_the_seats_page(self):
        status, headers, _ = self.svc.request("GET", "/pair?t=" + self.screener)
        self.assertEqual(status, 303)
        self.assertEqual(headers["location"], "/screener")
        cookie = headers["set-cookie"]
        self.assertIn("ds_seat=" + self.screener, cookie)
        self.assertIn("HttpOnly", cookie)
        self.assertIn("SameSite=Strict", cookie)
        # The cookie alone is enough for the API.
        status, _, body = self.svc.request("GET", "/api/me",
                                           headers={"Cookie": "ds_seat=" + self.screener})
        self.assertEqual(status, 200, body)
        self.assertEqual(json.loads(body), {"name": "HP penyaring 1", "role": "screener"})
        status, headers, _ = self.svc.request("GET", "/pair?t=" + self.guest)
        self.assertEqual(headers["location"], "/guest")
        status, _, body = self.svc.request("GET", "/pair?t=" + "0" * 64)
        self.assertEqual(status, 401)
        self.assertIn(b"unknown or was revoked", body)

    def test_tokens_are_stored_hashed_and_seat_list_shows_no_token(self):
        rows = self.studio.query("SELECT token_hash FROM seats")
        for (h,) in rows:
            self.assertNotIn(h, (self.guest, self.screener))
        listing = self.studio.run("seat", "list")
        self.assertEqual(listing.code, 0)
        self.assertNotIn(self.guest, listing.out)
        self.assertIn("Tablet narasumber", listing.out)
        self.studio.fails(self, "seat", "add", "--role", "producer", "--name", "X",
                          mentions=["role", "producer"])
        self.studio.fails(self, "seat", "add", "--role", "guest", "--name", "Tablet narasumber",
                          mentions=["already exists"])

    def test_a_guest_seat_may_not_read_the_screeners_view_or_act(self):
        status, _, _ = self.svc.request("GET", "/api/screener", token=self.guest)
        self.assertEqual(status, 403)
        before = self.studio.dump()
        status, _, body = self.svc.request("POST", "/api/questions", token=self.guest,
                                           body={"text": "Pertanyaan dari tablet"})
        self.assertEqual(status, 403, body)
        qid = self.studio.query("SELECT id FROM questions WHERE status = 'new' LIMIT 1")[0][0]
        status, _, _ = self.svc.request("POST", f"/api/questions/{qid}/approve",
                                        token=self.guest, body={})
        self.assertEqual(status, 403)
        status, _, _ = self.svc.request("GET", "/api/guest")
        self.assertEqual(status, 401)
        self.assert_unchanged(before, "a guest seat's attempts")

    def test_revoking_a_seat_refuses_it_at_once_and_closes_its_open_stream(self):
        stream = st.EventStream(self.svc, self.guest)
        self.assertEqual(stream.status, 200)
        self.assertIsNotNone(stream.next_view())
        other = st.EventStream(self.svc, self.screener)
        self.assertIsNotNone(other.next_view())
        self.studio.ok(self, "seat", "revoke", "Tablet narasumber")
        status, _, _ = self.svc.request("GET", "/api/guest", token=self.guest)
        self.assertEqual(status, 401)
        self.assertTrue(stream.wait_closed(60), "the revoked seat's stream stayed open")
        # The other seat's stream is untouched: it still gets updates.
        self.svc.request("POST", "/api/questions", token=self.screener,
                         body={"text": "Masih tersambung?", "caller_name": "Rina"})
        other.wait_view(lambda v: any(q["text"] == "Masih tersambung?" for q in v["questions"]))
        again = st.EventStream(self.svc, self.guest)
        self.assertEqual(again.status, 401)
        for s in (stream, other, again):
            s.close()
        actors = self.studio.query("SELECT actor, action FROM journal WHERE action = 'seat.revoke'")
        self.assertEqual(len(actors), 1)
        self.studio.fails(self, "seat", "revoke", "Tablet narasumber", mentions=["already revoked"])

    # --- the guests' view -------------------------------------------------------------------
    def test_the_guests_json_holds_no_personal_data(self):
        status, _, body = self.svc.request("POST", "/api/questions", token=self.screener, body={
            "text": "Kapan SIM keliling ada di kecamatan kami?", "caller_name": "Siti Rahmawati",
            "origin": "Kecamatan Teluk Segara", "contact": "081299887766", "channel": "phone"})
        self.assertEqual(status, 201, body)
        qid = json.loads(body)["id"]
        status, _, body = self.svc.request("POST", f"/api/questions/{qid}/approve",
                                           token=self.screener, body={})
        self.assertEqual(status, 200, body)
        status, _, raw = self.svc.request("GET", "/api/guest", token=self.guest)
        self.assertEqual(status, 200)
        view = json.loads(raw)
        shown = [view["on_air"]] if view["on_air"] else []
        shown += view["next"]
        self.assertTrue(any(q["text"].startswith("Kapan SIM keliling") for q in shown), view)
        for q in shown:
            self.assertEqual(set(q), GUEST_KEYS, q)
        text = raw.decode()
        contacts = self.studio.query(
            "SELECT contact, caller_name FROM questions WHERE contact != ''")
        self.assertTrue(contacts)
        for contact, name in contacts:
            self.assertNotIn(contact, text)
            digits = "".join(c for c in contact if c.isdigit())
            if len(digits) >= 6:
                self.assertNotIn(digits, text)
            if " " in name:  # the full name never; the first name may be read out
                self.assertNotIn(name, text)
        self.assertIn("Siti", text)
        self.assertNotIn("Rahmawati", text)
        # The stream carries the same view.
        stream = st.EventStream(self.svc, self.guest)
        v = stream.next_view()
        stream.close()
        self.assertNotIn("081299887766", json.dumps(v))

    def test_screener_adds_approves_and_the_guest_stream_shows_it(self):
        stream = st.EventStream(self.svc, self.guest)
        stream.next_view()
        status, _, body = self.svc.request("POST", "/api/questions", token=self.screener, body={
            "text": "Bagaimana cara melapor kehilangan STNK?", "caller_name": "Agus Salim",
            "origin": "Ratu Agung", "contact": "085266554433"})
        self.assertEqual(status, 201, body)
        q = json.loads(body)
        self.assertEqual(q["status"], "new")
        for action in ("screen", "approve"):
            status, _, body = self.svc.request("POST", f"/api/questions/{q['id']}/{action}",
                                               token=self.screener, body={"note": "jelas"})
            self.assertEqual(status, 200, body)
        v = stream.wait_view(lambda v: any(n["text"].startswith("Bagaimana cara melapor")
                                           for n in v["next"]))
        entry = [n for n in v["next"] if n["text"].startswith("Bagaimana")][0]
        self.assertEqual(entry["name"], "Agus")
        self.assertEqual(entry["area"], "Ratu Agung")
        stream.close()
        steps = self.studio.query(
            "SELECT status, actor FROM question_steps WHERE question_id = ? ORDER BY id", q["id"])
        self.assertEqual(steps, [("new", "HP penyaring 1"), ("screened", "HP penyaring 1"),
                                 ("approved", "HP penyaring 1")])
        journal = self.studio.query(
            "SELECT actor FROM journal WHERE subject = ?", f"question:{q['id']}")
        self.assertTrue(journal and all(a == "HP penyaring 1" for (a,) in journal), journal)

    def test_reject_merge_defer_and_earlier_questions(self):
        add = lambda text: json.loads(self.svc.request(  # noqa: E731
            "POST", "/api/questions", token=self.screener,
            body={"text": text, "caller_name": "Dewi", "contact": "081311112222"})[2])
        a, b, c = add("Pertanyaan A tentang patroli"), add("Pertanyaan B sama"), add("Pertanyaan C")
        status, _, body = self.svc.request("POST", f"/api/questions/{a['id']}/reject",
                                           token=self.screener, body={"reason": "di luar topik"})
        self.assertEqual(status, 200, body)
        self.assertEqual(json.loads(body)["status"], "rejected")
        status, _, body = self.svc.request("POST", f"/api/questions/{b['id']}/merge",
                                           token=self.screener, body={"into": c["id"]})
        self.assertEqual(status, 200, body)
        status, _, body = self.svc.request("POST", f"/api/questions/{c['id']}/defer",
                                           token=self.screener, body={"reason": "dijawab tertulis"})
        self.assertEqual(status, 200, body)
        earlier = self.svc.get_json(f"/api/questions/{c['id']}/earlier", self.screener)
        self.assertEqual({e["id"] for e in earlier}, {a["id"], b["id"]})
        # Rejecting without a reason, or a rejected question again: refused, nothing changes.
        before = self.studio.dump()
        status, _, body = self.svc.request("POST", f"/api/questions/{a['id']}/approve",
                                           token=self.screener, body={})
        self.assertEqual(status, 409, body)
        status, _, body = self.svc.request("POST", "/api/questions/999999/approve",
                                           token=self.screener, body={})
        self.assertEqual(status, 404, body)
        status, _, body = self.svc.request("POST", f"/api/questions/{c['id']}/merge",
                                           token=self.screener, body={"into": "x"})
        self.assertEqual(status, 422, body)
        self.assert_unchanged(before, "refused screening steps")

    def test_bad_form_input_is_refused_and_changes_nothing(self):
        before = self.studio.dump()
        cases = [
            (b"{not json", {"Content-Type": "application/json"}, 422, b"not a JSON object"),
            (json.dumps({"text": ""}).encode(), {"Content-Type": "application/json"}, 422, b"text"),
            (json.dumps({"text": "x" * 10000}).encode(), {"Content-Type": "application/json"}, 422,
             b"text"),
            (b'{"text": "\xff\xfe bad"}', {"Content-Type": "application/json"}, 422, b"UTF-8"),
            (json.dumps({"text": "ok", "channel": "pigeon"}).encode(),
             {"Content-Type": "application/json"}, (409, 422), b"channel"),
            (json.dumps({"text": "form"}).encode(), {"Content-Type": "text/plain"}, 422,
             b"Content-Type"),
            (json.dumps({"text": 5}).encode(), {"Content-Type": "application/json"}, 422,
             b"not a string"),
        ]
        for body, headers, want, mention in cases:
            status, _, out = self.svc.request("POST", "/api/questions", body=body,
                                              headers=headers, token=self.screener)
            self.assertIn(status, want if isinstance(want, tuple) else (want,), (body[:60], out))
            self.assertIn(mention.lower(), out.lower(), (body[:60], out))
        status, _, out = self.svc.request("POST", "/api/questions", body=b"x" * (200 * 1024),
                                          headers={"Content-Type": "application/json"},
                                          token=self.screener)
        self.assertEqual(status, 413, out)
        self.assert_unchanged(before, "refused form input")

    def test_page_paths_never_leave_the_embedded_pages(self):
        for path in ("/static/../../../../etc/passwd", "/static/%2e%2e/%2e%2e/etc/passwd",
                     "/static/..%2fguest.html", "/static/guest.html", "/static/",
                     "/../etc/passwd", "/static/app.css/../../x", "/guest/../../etc/passwd"):
            status, _, body = self.svc.request("GET", path)
            self.assertIn(status, (400, 404), path)
            self.assertNotIn(b"root:", body)
        for path, kind in (("/guest", "text/html"), ("/screener", "text/html"),
                           ("/static/app.css", "text/css"), ("/static/guest.js", "javascript")):
            status, headers, body = self.svc.request("GET", path)
            self.assertEqual(status, 200, path)
            self.assertIn(kind, headers["content-type"])
        # Nothing from elsewhere: no page names another host.
        for path in ("/guest", "/screener", "/"):
            _, _, body = self.svc.request("GET", path)
            self.assertNotIn(b"http://", body)
            self.assertNotIn(b"https://", body)
            self.assertIn(b'lang="id"', body)

    def test_a_slow_client_does_not_hold_up_others(self):
        slow = socket.create_connection((self.svc.host, self.svc.port), timeout=60)
        slow.sendall(b"POST /webhooks/whatsapp HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{")
        status, _, _ = self.svc.request("GET", "/healthz")
        self.assertEqual(status, 200)
        # The service gives up on the slow one by itself (read timeout) and changed nothing.
        slow.settimeout(60)
        data = b""
        try:
            while True:
                chunk = slow.recv(4096)
                if not chunk:
                    break
                data += chunk
        except (socket.timeout, ConnectionResetError):
            self.fail("the service kept a stalled connection open")
        slow.close()
        self.assertEqual(self.studio.query("SELECT COUNT(*) FROM channel_messages")[0][0], 0)

    # --- WhatsApp ---------------------------------------------------------------------------
    def test_whatsapp_verification_handshake(self):
        ok = (f"/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token={st.VERIFY_TOKEN}"
              "&hub.challenge=1158201444")
        status, _, body = self.svc.request("GET", ok)
        self.assertEqual((status, body), (200, b"1158201444"))
        status, _, _ = self.svc.request(
            "GET", "/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1")
        self.assertEqual(status, 403)
        status, _, _ = self.svc.request(
            "GET", f"/webhooks/whatsapp?hub.mode=unsubscribe&hub.verify_token={st.VERIFY_TOKEN}"
                   "&hub.challenge=1")
        self.assertEqual(status, 403)

    def test_signed_whatsapp_text_becomes_one_question_even_when_retried(self):
        sent = int(time.time()) - 120
        payload = st.whatsapp_text("wamid.HBgLNjI4MTIzNDU2Nzg5MBUCABIYFjNFQjA", "Selamat pagi, "
                                   "apakah ada razia di Jalan Sudirman?", ts=sent)
        before = self.questions()
        for _ in range(3):  # Meta retries until it gets a 200
            status, _, body = self.svc.whatsapp(payload)
            self.assertEqual(status, 200, body)
        self.assertEqual(self.questions(), before + 1)
        row = self.studio.query(
            "SELECT channel, caller_name, contact, text, written, received_at, session_id "
            "FROM questions ORDER BY id DESC LIMIT 1")[0]
        self.assertEqual(row[:5], ("whatsapp", "Budi Santoso", "6281234567890",
                                   "Selamat pagi, apakah ada razia di Jalan Sudirman?", 1))
        self.assertEqual(row[5], time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(sent)))
        self.assertEqual(row[6], self.live_session())
        outcomes = json.loads(body)["messages"]
        self.assertEqual(outcomes[0]["outcome"], "duplicate")
        actors = self.studio.query("SELECT DISTINCT actor FROM journal WHERE action = 'question.add' "
                                   "AND subject = ?", f"question:{self.studio.query('SELECT MAX(id) FROM questions')[0][0]}")
        self.assertEqual(actors, [("channel:whatsapp",)])

    def test_unsigned_or_wrongly_signed_whatsapp_is_refused_and_changes_nothing(self):
        payload = st.whatsapp_text("wamid.bad1", "Pesan palsu")
        body = json.dumps(payload).encode()
        before = self.studio.dump()
        for sig in (None, "sha256=" + "0" * 64, st.sign("another-secret-xxxxxxx", body),
                    "sha1=abc", st.sign(st.APP_SECRET, body + b" ")):
            status, _, out = self.svc.whatsapp(body, signature=sig, secret=None)
            self.assertEqual(status, 401, (sig, out))
            self.assertIn(b"X-Hub-Signature-256", out)
        self.assert_unchanged(before, "unsigned WhatsApp payloads")

    def test_whatsapp_statuses_reactions_and_media_are_answered_and_ignored(self):
        value = {"messaging_product": "whatsapp", "metadata": {"phone_number_id": "1"},
                 "statuses": [{"id": "wamid.out1", "status": "delivered", "timestamp": "1",
                               "recipient_id": "628"}]}
        payload = {"object": "whatsapp_business_account",
                   "entry": [{"id": "1", "changes": [{"field": "messages", "value": value}]}]}
        ts = str(int(time.time()) - 10)
        media = st.whatsapp_text("wamid.img1", "x", ts=int(ts))
        msg = media["entry"][0]["changes"][0]["value"]["messages"][0]
        del msg["text"]
        msg["type"] = "image"
        msg["image"] = {"id": "1234", "mime_type": "image/jpeg"}
        reaction = st.whatsapp_text("wamid.re1", "x")
        rmsg = reaction["entry"][0]["changes"][0]["value"]["messages"][0]
        del rmsg["text"]
        rmsg["type"] = "reaction"
        rmsg["reaction"] = {"message_id": "wamid.out1", "emoji": "👍"}
        before = self.studio.dump()
        for p, key in ((payload, "statuses"), (media, "media"), (reaction, "reactions")):
            status, _, body = self.svc.whatsapp(p)
            self.assertEqual(status, 200, body)
            self.assertEqual(json.loads(body)[key], 1, body)
        self.assert_unchanged(before, "statuses, reactions and media")
        self.assertIn("media message(s) without text noted", self.svc.stderr())
        # Media with a caption is a question, the media noted on it.
        captioned = st.whatsapp_text("wamid.img2", "x")
        cmsg = captioned["entry"][0]["changes"][0]["value"]["messages"][0]
        del cmsg["text"]
        cmsg["type"] = "image"
        cmsg["image"] = {"id": "99", "caption": "Foto jalan rusak di Gading Cempaka"}
        status, _, body = self.svc.whatsapp(captioned)
        self.assertEqual(status, 200, body)
        text = self.studio.query("SELECT text FROM questions ORDER BY id DESC LIMIT 1")[0][0]
        self.assertTrue(text.startswith("Foto jalan rusak"), text)
        self.assertIn("lampiran WhatsApp: image", text)

    def test_malformed_whatsapp_payloads_are_refused_and_change_nothing(self):
        before = self.studio.dump()
        long = st.whatsapp_text("wamid.long", "x" * 10000)
        bad_ts = st.whatsapp_text("wamid.ts", "halo")
        bad_ts["entry"][0]["changes"][0]["value"]["messages"][0]["timestamp"] = "kemarin"
        future = st.whatsapp_text("wamid.fut", "halo", ts=int(time.time()) + 86400)
        cases = [
            (b"{not json", 422, b"not valid JSON"),
            (b'{"object": "page", "entry": []}', 422, b"whatsapp_business_account"),
            (b'{"object": "whatsapp_business_account"}', 422, b"entry"),
            (b'{"object": "whatsapp_business_account", "entry": [{"changes": 5}]}', 422,
             b"changes"),
            (json.dumps(long).encode(), 422, b"text"),
            (json.dumps(bad_ts).encode(), 422, b"timestamp"),
            (json.dumps(future).encode(), 422, b"future"),
            (json.dumps(st.whatsapp_text("wamid.u", "ok")).encode().replace(b'"ok"',
                                                                          b'"\xff\xfe"'), 422,
             b"not valid JSON"),
        ]
        for body, want, mention in cases:
            status, _, out = self.svc.whatsapp(body)
            self.assertEqual(status, want, (body[:80], out))
            self.assertIn(mention.lower(), out.lower(), (body[:80], out))
        big = b'{"object": "whatsapp_business_account", "pad": "' + b"x" * (100 * 1024) + b'"}'
        status, _, out = self.svc.whatsapp(big)
        self.assertEqual(status, 413, out)
        self.assert_unchanged(before, "malformed WhatsApp payloads")

    # --- generic webhook and the inbox ------------------------------------------------------
    def test_generic_webhook(self):
        msgs = {"messages": [
            {"id": "gw-1", "channel": "sms", "from": "+6281377788899", "name": "Yanti",
             "text": "Mohon info jadwal SIM keliling", "timestamp": "2026-12-03T08:15:00+07:00"},
            {"id": "gw-2", "from": "6281200000001", "text": "Terima kasih Pak Kapolres",
             "timestamp": int(time.time()) - 60},
        ]}
        status, _, body = self.svc.generic(msgs)
        self.assertEqual(status, 200, body)
        self.assertEqual([m["outcome"] for m in json.loads(body)["messages"]],
                         ["question", "question"])
        status, _, body = self.svc.generic(msgs)
        self.assertEqual([m["outcome"] for m in json.loads(body)["messages"]],
                         ["duplicate", "duplicate"])
        rows = self.studio.query(
            "SELECT channel, written, contact, received_at FROM questions WHERE contact IN "
            "('+6281377788899', '6281200000001') ORDER BY id")
        self.assertEqual([r[:3] for r in rows], [("sms", 1, "+6281377788899"),
                                                 ("whatsapp", 1, "6281200000001")])
        self.assertEqual(rows[0][3], "2026-12-03T01:15:00.000Z")
        before = self.studio.dump()
        status, _, _ = self.svc.generic({"id": "gw-3", "text": "x", "timestamp": 1},
                                        secret="wrong-secret-0000000")
        self.assertEqual(status, 401)
        status, _, out = self.svc.generic({"id": "gw-4", "text": "x"})
        self.assertEqual(status, 422)
        self.assertIn(b"timestamp", out)
        self.assert_unchanged(before, "refused generic webhooks")

    def test_secrets_are_never_printed_back(self):
        shown = self.studio.run("--json", "channel", "whatsapp", "--verify-token",
                                "another-verify-token-1", "--app-secret", "another-app-secret-1")
        self.assertEqual(shown.code, 0, shown.describe())
        self.assertNotIn("another-app-secret-1", shown.out + shown.err)
        journal = json.dumps(self.studio.query("SELECT before, after FROM journal"))
        for secret in (st.APP_SECRET, st.VERIFY_TOKEN, st.WEBHOOK_SECRET, "another-app-secret-1"):
            self.assertNotIn(secret, journal)
        self.studio.fails(self, "channel", "webhook", "--secret", "short",
                          mentions=["at least 16"])

    def test_sigterm_stops_cleanly_and_journal_verifies(self):
        stream = st.EventStream(self.svc, self.guest)
        stream.next_view()
        log = self.svc.stderr()
        self.assertEqual(self.svc.stop(signal.SIGTERM), 0, log)
        self.assertTrue(stream.wait_closed(30))
        stream.close()
        r = self.studio.run("journal", "verify")
        self.assertEqual(r.code, 0, r.describe())


class ListenRuleTest(dstest.StudioTestCase):

    def test_beyond_loopback_needs_the_station_and_a_secret(self):
        self.studio.ok(self, "demo")
        r = self.studio.run("serve", "--listen", "0.0.0.0:0")
        self.assertEqual(r.code, 1, r.describe())
        self.assertIn("--allow-lan", r.err)
        self.studio.ok(self, "station", "set", "--allow-lan")
        r = self.studio.run("serve", "--listen", "0.0.0.0:0")
        self.assertEqual(r.code, 1, r.describe())
        self.assertIn("no seat or channel secret", r.err)
        r = self.studio.run("serve", "--listen", "nonsense")
        self.assertEqual(r.code, 1, r.describe())
        self.assertIn("HOST:PORT", r.err)
        # With a seat it listens (on all addresses); the test talks to it on loopback only.
        st.seat(self.studio, self, "guest", "TV studio")
        svc = st.Service(self.studio, listen="0.0.0.0:0")
        try:
            self.assertTrue(svc.url.startswith("http://0.0.0.0:"))
            svc.host = "127.0.0.1"
            status, _, _ = svc.request("GET", "/healthz")
            self.assertEqual(status, 200)
        finally:
            svc.stop()
        self.studio.ok(self, "station", "set", "--no-allow-lan")
        r = self.studio.run("serve", "--listen", "0.0.0.0:0")
        self.assertEqual(r.code, 1, r.describe())

    def test_https_with_a_certificate_the_test_makes(self):
        import shutil
        import subprocess
        if not shutil.which("openssl"):
            self.fail("openssl (Debian package openssl) is needed to make the test certificate")
        cert, key = os.path.join(self.tmpdir, "c.pem"), os.path.join(self.tmpdir, "k.pem")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                        "-subj", "/CN=127.0.0.1", "-keyout", key, "-out", cert],
                       check=True, capture_output=True)
        self.studio.ok(self, "demo")
        token = st.seat(self.studio, self, "screener", "Laptop")
        svc = st.Service(self.studio, "--cert", cert, "--key", key)
        try:
            self.assertTrue(svc.url.startswith("https://"))
            view = svc.get_json("/api/screener", token)
            self.assertTrue(view["questions"])
            status, headers, _ = svc.request("GET", "/pair?t=" + token)
            self.assertIn("Secure", headers["set-cookie"])
        finally:
            svc.stop()
        r = self.studio.run("serve", "--listen", "127.0.0.1:0", "--cert", cert, "--key", cert)
        self.assertEqual(r.code, 1, r.describe())
        self.assertIn("certificate", r.err)


if __name__ == "__main__":
    dstest.main()
