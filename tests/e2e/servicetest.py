"""Helpers for the studio service's end-to-end tests: start `dialogstudio serve` on a free
loopback port, talk HTTP to it with the standard library, read its Server-Sent Events, sign
webhook bodies like Meta does (HMAC-SHA256 over the raw body), and stop it."""
import hashlib
import hmac
import http.client
import json
import os
import select
import signal
import socket
import subprocess
import time

import dstest

APP_SECRET = "app-secret-0123456789abcdef"
VERIFY_TOKEN = "verify-token-0123456789"
WEBHOOK_SECRET = "generic-secret-0123456789"


def sign(secret, body):
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def wait_for(predicate, timeout=60, what="condition"):
    """Polls until predicate() is truthy; returns its value. Generous: the machine is busy."""
    deadline = time.monotonic() + timeout
    while True:
        v = predicate()
        if v:
            return v
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(0.1)


class Service:
    """`dialogstudio serve` as a child process on studio's database."""

    def __init__(self, studio, *extra, listen="127.0.0.1:0"):
        self.studio = studio
        argv = [dstest.BINARY, "--db", studio.db, "--json", "serve", "--listen", listen] + list(extra)
        self.log_path = os.path.join(studio.tmpdir, "serve.log")
        self.log = open(self.log_path, "ab")
        self.proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=self.log,
                                     env=studio.env)
        started = self._first_document(90)
        self.url = started["listening"]
        scheme, rest = self.url.split("://")
        self.https = scheme == "https"
        self.host, port = rest.rsplit(":", 1)
        self.port = int(port)

    def _first_document(self, timeout):
        """The JSON document serve prints once it listens (--json pretty-prints it)."""
        deadline = time.monotonic() + timeout
        buf = b""
        while True:
            try:
                return json.loads(buf.decode())
            except ValueError:
                pass
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError("serve did not start: " + self.stderr())
            r, _, _ = select.select([self.proc.stdout], [], [], left)
            if r:
                chunk = os.read(self.proc.stdout.fileno(), 4096)
                if not chunk:
                    raise AssertionError(f"serve exited ({self.proc.wait()}): " + self.stderr())
                buf += chunk

    def stderr(self):
        self.log.flush()
        with open(self.log_path, "rb") as f:
            return f.read().decode("utf-8", "replace")[-3000:]

    def conn(self, timeout=60):
        if self.https:
            import ssl
            ctx = ssl.create_default_context()
            ctx.check_hostname = False
            ctx.verify_mode = ssl.CERT_NONE
            return http.client.HTTPSConnection(self.host, self.port, timeout=timeout, context=ctx)
        return http.client.HTTPConnection(self.host, self.port, timeout=timeout)

    def request(self, method, path, body=None, headers=None, token=None):
        """Returns (status, headers dict, body bytes)."""
        h = dict(headers or {})
        if token:
            h["Authorization"] = "Bearer " + token
        if isinstance(body, (dict, list)):
            body = json.dumps(body).encode()
            h.setdefault("Content-Type", "application/json")
        c = self.conn()
        try:
            c.request(method, path, body=body, headers=h)
            r = c.getresponse()
            return r.status, {k.lower(): v for k, v in r.getheaders()}, r.read()
        finally:
            c.close()

    def get_json(self, path, token):
        status, _, body = self.request("GET", path, token=token)
        if status != 200:
            raise AssertionError(f"GET {path}: {status} {body[:300]!r}")
        return json.loads(body)

    def whatsapp(self, payload, secret=APP_SECRET, signature=None):
        body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        h = {"Content-Type": "application/json"}
        sig = signature if signature is not None else (sign(secret, body) if secret else None)
        if sig is not None:
            h["X-Hub-Signature-256"] = sig
        return self.request("POST", "/webhooks/whatsapp", body=body, headers=h)

    def generic(self, payload, secret=WEBHOOK_SECRET):
        body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        h = {"Content-Type": "application/json", "X-DialogStudio-Signature": sign(secret, body)}
        return self.request("POST", "/webhooks/generic", body=body, headers=h)

    def stop(self, sig=signal.SIGTERM, timeout=60):
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                raise AssertionError("serve did not stop on SIGTERM: " + self.stderr())
        self.proc.stdout.close()
        self.log.close()
        return self.proc.returncode


class EventStream:
    """One Server-Sent Events connection (a raw socket, so closing by the server is visible)."""

    def __init__(self, service, token):
        self.sock = socket.create_connection((service.host, service.port), timeout=60)
        if service.https:
            import ssl
            ctx = ssl.create_default_context()
            ctx.check_hostname = False
            ctx.verify_mode = ssl.CERT_NONE
            self.sock = ctx.wrap_socket(self.sock, server_hostname=service.host)
        req = (f"GET /api/events HTTP/1.1\r\nHost: {service.host}\r\n"
               f"Authorization: Bearer {token}\r\nAccept: text/event-stream\r\n\r\n")
        self.sock.sendall(req.encode())
        self.buf = b""
        self.closed = False
        head = self._read_until(b"\r\n\r\n", 60)
        self.status = int(head.split(b" ", 2)[1])

    def _fill(self, timeout):
        self.sock.settimeout(timeout)
        try:
            chunk = self.sock.recv(65536)
        except socket.timeout:
            return False
        except OSError:
            chunk = b""
        if not chunk:
            self.closed = True
            return False
        self.buf += chunk
        return True

    def _read_until(self, marker, timeout):
        deadline = time.monotonic() + timeout
        while marker not in self.buf:
            left = deadline - time.monotonic()
            if left <= 0 or self.closed:
                raise AssertionError(f"no {marker!r} from the event stream")
            self._fill(left)
        head, self.buf = self.buf.split(marker, 1)
        return head

    def next_view(self, timeout=60):
        """The next `view` event's JSON, or None if the stream closed."""
        deadline = time.monotonic() + timeout
        while True:
            idx = self.buf.find(b"event: view\ndata: ")
            if idx >= 0:
                end = self.buf.find(b"\n\n", idx)
                if end >= 0:
                    data = self.buf[idx + len(b"event: view\ndata: "):end]
                    self.buf = self.buf[end + 2:]
                    return json.loads(data.split(b"\r\n")[-1] if b"\r\n" in data else data)
            left = deadline - time.monotonic()
            if self.closed:
                return None
            if left <= 0:
                raise AssertionError("no view event in time")
            self._fill(left)

    def wait_view(self, predicate, timeout=60):
        deadline = time.monotonic() + timeout
        while True:
            v = self.next_view(max(1, deadline - time.monotonic()))
            if v is None:
                raise AssertionError("the event stream closed")
            if predicate(v):
                return v
            if time.monotonic() > deadline:
                raise AssertionError("no matching view in time")

    def wait_closed(self, timeout=60):
        deadline = time.monotonic() + timeout
        while not self.closed and time.monotonic() < deadline:
            self._fill(max(0.1, deadline - time.monotonic()))
        return self.closed

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


def whatsapp_text(msg_id, text, wa_id="6281234567890", name="Budi Santoso", ts=None):
    ts = ts or int(time.time()) - 30
    return {
        "object": "whatsapp_business_account",
        "entry": [{
            "id": "102290129340398",
            "changes": [{
                "field": "messages",
                "value": {
                    "messaging_product": "whatsapp",
                    "metadata": {"display_phone_number": "6281100000000",
                                 "phone_number_id": "106540352242922"},
                    "contacts": [{"profile": {"name": name}, "wa_id": wa_id}],
                    "messages": [{"from": wa_id, "id": msg_id, "timestamp": str(ts),
                                  "type": "text", "text": {"body": text}}],
                },
            }],
        }],
    }


def seat(studio, testcase, role, name):
    """Adds a seat; returns its token (from the pairing address)."""
    out = studio.ok(testcase, "seat", "add", "--role", role, "--name", name)
    return out["pairing_url"].split("?t=", 1)[1]
