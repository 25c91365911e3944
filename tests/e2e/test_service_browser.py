"""The seats in a real browser: Debian's Chromium (headless) through chromedriver opens the
screener page on a phone-sized screen, types a question, approves it, and the guests' page on a
tablet-sized screen shows it. Screenshots of both pages at phone (390x844) and tablet
(1280x800) sizes go to $DS_SCREENSHOT_DIR (default: a folder in the test's temporary folder)
for a person to look at. Also: the guests' page says it may be stale while the service is
down, and reconnects by itself when it is back."""
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dstest  # noqa: E402
import servicetest as st  # noqa: E402
import webdriver  # noqa: E402


class BrowserTest(dstest.StudioTestCase):

    def setUp(self):
        super().setUp()
        for tool in ("chromedriver", "/usr/bin/chromium"):
            if not shutil.which(tool):
                self.fail(f"{tool} is needed (Debian packages chromium, chromium-driver)")
        self.shots = os.environ.get("DS_SCREENSHOT_DIR") or os.path.join(self.tmpdir, "shots")
        os.makedirs(self.shots, exist_ok=True)
        self.studio.ok(self, "demo")
        self.studio.ok(self, "guest-message", "Mohon jawaban singkat, 2 menit per pertanyaan")
        self.guest = st.seat(self.studio, self, "guest", "Tablet narasumber")
        self.screener = st.seat(self.studio, self, "screener", "HP penyaring")
        self.svc = st.Service(self.studio, "--quiet")
        self.driver = webdriver.ChromeDriver(self.tmpdir)
        self.browsers = []

    def tearDown(self):
        for b in self.browsers:
            b.quit()
        self.driver.stop()
        self.svc.stop()
        super().tearDown()

    def browser(self, w, h, mobile):
        b = self.driver.session(self.tmpdir, w, h, mobile)
        self.browsers.append(b)
        return b

    def test_screener_on_a_phone_approves_and_the_tablet_shows_it(self):
        phone = self.browser(390, 844, True)
        phone.go(f"{self.svc.url}/pair?t={self.screener}")
        phone.wait_js("return location.pathname === '/screener' && "
                      "document.querySelectorAll('#questions article').length > 0",
                      what="the screener's incoming list")
        tablet = self.browser(1280, 800, False)
        tablet.go(f"{self.svc.url}/pair?t={self.guest}")
        tablet.wait_js("return location.pathname === '/guest' && "
                       "document.getElementById('next-list').children.length > 0",
                       what="the guests' page")
        text = "Bagaimana cara mengurus SKCK untuk melamar kerja di luar kota?"
        phone.type("input[name=caller_name]", "Wahyu Pratama")
        phone.type("input[name=origin]", "Kelurahan Padang Harapan")
        phone.type("input[name=contact]", "081377001122")
        phone.type("textarea[name=text]", text)
        phone.click("#add")
        qid = phone.wait_js(
            "for (const a of document.querySelectorAll('#questions article')) "
            f"  if (a.textContent.includes({text!r})) return a.dataset.id; return null;",
            what="the new question in the list")
        phone.screenshot(os.path.join(self.shots, "screener-phone-390x844.png"))
        phone.click(f"article[data-id='{qid}'] button[data-action=approve]")
        tablet.wait_js(f"return document.getElementById('next-list').textContent.includes({text!r})",
                       what="the approved question on the guests' page")
        shown = tablet.js("return document.getElementById('next-list').textContent")
        self.assertIn("Wahyu — Kelurahan Padang Harapan", shown)
        page = tablet.js("return document.documentElement.outerHTML")
        self.assertNotIn("081377001122", page)
        self.assertNotIn("Pratama", page)
        self.assertIn("Mohon jawaban singkat", tablet.js(
            "return document.getElementById('message').textContent"))
        self.assertEqual(tablet.js("return document.getElementById('onair').className"), "onair on")
        tablet.screenshot(os.path.join(self.shots, "guest-tablet-1280x800.png"))
        # The other sizes, for a person to look at.
        phone.size(1280, 800, False)
        phone.screenshot(os.path.join(self.shots, "screener-desktop-1280x800.png"))
        tablet.size(390, 844, True)
        tablet.screenshot(os.path.join(self.shots, "guest-phone-390x844.png"))
        status = self.studio.query("SELECT status FROM questions WHERE id = ?", int(qid))[0][0]
        self.assertEqual(status, "approved")

    def test_the_guest_page_says_it_may_be_stale_and_reconnects(self):
        tablet = self.browser(1280, 800, False)
        tablet.go(f"{self.svc.url}/pair?t={self.guest}")
        tablet.wait_js("return document.getElementById('next-list').children.length > 0",
                       what="the guests' page")
        self.assertTrue(tablet.js("return document.getElementById('stale').hidden"))
        port = self.svc.port
        self.svc.stop()
        tablet.wait_js("return !document.getElementById('stale').hidden", 90,
                       what="the stale notice")
        self.assertIn("mungkin tidak terbaru",
                      tablet.js("return document.getElementById('stale').textContent"))
        tablet.screenshot(os.path.join(self.shots, "guest-tablet-stale.png"))
        self.svc = st.Service(self.studio, "--quiet", listen=f"127.0.0.1:{port}")
        tablet.wait_js("return document.getElementById('stale').hidden", 120,
                       what="reconnecting by itself")


if __name__ == "__main__":
    dstest.main()
