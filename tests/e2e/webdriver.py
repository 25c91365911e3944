"""A small W3C WebDriver client (standard library only) for Debian's chromium through Debian's
chromedriver, which the test starts on a free loopback port and stops."""
import base64
import json
import os
import socket
import subprocess
import time
import urllib.error
import urllib.request

ELEMENT = "element-6066-11e4-a52f-4a5e4cfcfb0b"


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class WebDriverError(AssertionError):
    pass


class ChromeDriver:
    def __init__(self, tmpdir):
        self.port = free_port()
        self.log = open(os.path.join(tmpdir, "chromedriver.log"), "wb")
        self.proc = subprocess.Popen(["chromedriver", f"--port={self.port}"],
                                     stdout=self.log, stderr=subprocess.STDOUT)
        self.base = f"http://127.0.0.1:{self.port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                self.call("GET", "/status")
                break
            except (OSError, WebDriverError):
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)

    def call(self, method, path, body=None, timeout=120):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.base + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                return json.loads(r.read() or b"{}").get("value")
        except urllib.error.HTTPError as e:
            raise WebDriverError(f"{method} {path}: {e.code} {e.read()[:500]!r}")

    def session(self, tmpdir, width, height, mobile):
        return Browser(self, tmpdir, width, height, mobile)

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.log.close()


class Browser:
    def __init__(self, driver, tmpdir, width, height, mobile):
        self.d = driver
        profile = os.path.join(tmpdir, f"chromium-{free_port()}")
        args = ["--headless=new", "--disable-gpu", "--no-first-run", "--disable-extensions",
                f"--user-data-dir={profile}", f"--window-size={width},{height}",
                "--disable-dev-shm-usage"]
        if os.geteuid() == 0:
            args.append("--no-sandbox")  # Chromium refuses to sandbox as root (CI runs as root)
        caps = {"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": "/usr/bin/chromium", "args": args}}}}
        self.id = self.d.call("POST", "/session", caps)["sessionId"]
        self.size(width, height, mobile)

    def _p(self, path):
        return f"/session/{self.id}{path}"

    def size(self, width, height, mobile):
        self.d.call("POST", self._p("/goog/cdp/execute"), {
            "cmd": "Emulation.setDeviceMetricsOverride",
            "params": {"width": width, "height": height, "deviceScaleFactor": 1,
                       "mobile": mobile}})

    def go(self, url):
        self.d.call("POST", self._p("/url"), {"url": url})

    def find(self, css):
        found = self.d.call("POST", self._p("/element"), {"using": "css selector", "value": css})
        return found.get(ELEMENT) or found["ELEMENT"]

    def type(self, css, text):
        self.d.call("POST", self._p(f"/element/{self.find(css)}/value"), {"text": text})

    def click(self, css):
        self.d.call("POST", self._p(f"/element/{self.find(css)}/click"), {})

    def js(self, script, *args):
        return self.d.call("POST", self._p("/execute/sync"), {"script": script, "args": list(args)})

    def wait_js(self, script, timeout=60, what="page condition"):
        deadline = time.monotonic() + timeout
        while True:
            v = self.js(script)
            if v:
                return v
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {what}")
            time.sleep(0.2)

    def screenshot(self, path):
        png = base64.b64decode(self.d.call("GET", self._p("/screenshot")))
        with open(path, "wb") as f:
            f.write(png)
        return path

    def quit(self):
        try:
            self.d.call("DELETE", self._p(""))
        except WebDriverError:
            pass
