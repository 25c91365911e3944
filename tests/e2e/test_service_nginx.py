"""The README's reverse-proxy set-up on loopback: nginx (Debian's nginx-light) terminates HTTPS
with a certificate the test makes and forwards /webhooks/ to `dialogstudio serve` on loopback.
A signed WhatsApp notification through nginx becomes a question (path and body intact, the
signature still matches), the verification handshake passes through, the service logs the
forwarded client address, and the seats' pages are not published through the proxy."""
import http.client
import json
import os
import shutil
import ssl
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dstest  # noqa: E402
import servicetest as st  # noqa: E402
import webdriver  # noqa: E402  (free_port)


class NginxTest(dstest.StudioTestCase):

    def setUp(self):
        super().setUp()
        for tool in ("nginx", "openssl"):
            if not shutil.which(tool) and not os.path.exists("/usr/sbin/" + tool):
                self.fail(f"{tool} is needed (Debian packages nginx-light, openssl)")
        self.studio.ok(self, "demo")
        self.studio.ok(self, "channel", "whatsapp", "--verify-token", st.VERIFY_TOKEN,
                       "--app-secret", st.APP_SECRET)
        self.svc = st.Service(self.studio)
        cert, key = os.path.join(self.tmpdir, "c.pem"), os.path.join(self.tmpdir, "k.pem")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                        "-subj", "/CN=localhost", "-keyout", key, "-out", cert],
                       check=True, capture_output=True)
        self.port = webdriver.free_port()
        prefix = os.path.join(self.tmpdir, "nginx")
        os.makedirs(os.path.join(prefix, "logs"))
        conf = os.path.join(prefix, "nginx.conf")
        user = "user root;" if os.geteuid() == 0 else ""
        with open(conf, "w") as f:
            f.write(f"""{user}
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/logs/error.log;
events {{ worker_connections 64; }}
http {{
    access_log {prefix}/logs/access.log;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    server {{
        listen 127.0.0.1:{self.port} ssl;
        server_name localhost;
        ssl_certificate     {cert};
        ssl_certificate_key {key};
        client_max_body_size 64k;
        location /webhooks/ {{
            proxy_pass http://127.0.0.1:{self.svc.port};
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto https;
        }}
    }}
}}
""")
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        self.nginx = subprocess.Popen([nginx, "-p", prefix, "-c", conf, "-g", "daemon off;"],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        st.wait_for(self.listening, 60, "nginx to listen")

    def listening(self):
        try:
            self.request("GET", "/nothing")
            return True
        except OSError:
            return False

    def tearDown(self):
        self.nginx.terminate()
        self.nginx.wait(30)
        self.svc.stop()
        super().tearDown()

    def request(self, method, path, body=None, headers=None):
        ctx = ssl.create_default_context()
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
        c = http.client.HTTPSConnection("127.0.0.1", self.port, timeout=60, context=ctx)
        try:
            c.request(method, path, body=body, headers=headers or {})
            r = c.getresponse()
            return r.status, r.read()
        finally:
            c.close()

    def test_whatsapp_through_nginx_over_https(self):
        status, body = self.request(
            "GET", f"/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token={st.VERIFY_TOKEN}"
                   "&hub.challenge=4242")
        self.assertEqual((status, body), (200, b"4242"))
        payload = json.dumps(st.whatsapp_text("wamid.nginx1", "Lewat proxy: apakah jalur "
                                              "mudik sudah aman?")).encode()
        status, body = self.request("POST", "/webhooks/whatsapp", payload, {
            "Content-Type": "application/json",
            "X-Hub-Signature-256": st.sign(st.APP_SECRET, payload)})
        self.assertEqual(status, 200, body)
        self.assertEqual(json.loads(body)["messages"][0]["outcome"], "question")
        rows = self.studio.query("SELECT text FROM questions WHERE channel = 'whatsapp'")
        self.assertIn(("Lewat proxy: apakah jalur mudik sudah aman?",), rows)
        st.wait_for(lambda: "/webhooks/whatsapp 200 for 127.0.0.1" in self.svc.stderr(), 30,
                    "the forwarded address in the service's log")
        status, _ = self.request("GET", "/guest")
        self.assertEqual(status, 404)  # the seats stay on the studio's network


if __name__ == "__main__":
    dstest.main()
