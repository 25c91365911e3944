"""A release's outputs for each channel (SOP 001, after the Kabag's correction), through the
real binary: the website article (HTML with its featured image beside it), social captions
within each platform's length ending with the station's hashtags, the mass-media release as a
PDF with the letterhead, and an editable .docx that LibreOffice opens and converts. No
caller's name or contact appears anywhere.
"""
import html.parser
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dstest  # noqa: E402
import pubtest  # noqa: E402
from pubtest import as_actor  # noqa: E402

LIMITS = {"x": 280, "threads": 500, "instagram": 2200, "tiktok": 2200, "facebook": 63206}


class Tags(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.text = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


class ReleaseOutputsTest(dstest.StudioTestCase):

    def setUp(self):
        super().setUp()
        self.sid, self.ended = pubtest.ended_session(self)
        pubtest.add_officers(self)
        self.rid = as_actor(self, "kasub", "release", "draft", self.sid)["id"]
        self.photo = self.write("foto.png", pubtest.png_bytes(), mode="wb")
        as_actor(self, "staf1", "release", "edit", self.rid, "--photo", self.photo,
                 "--caption", "Kasat Lantas menjawab pertanyaan pendengar")
        self.studio.ok(self, "publishing", "set", "--hashtag", "HumasSintang", "--hashtag",
                       "#SapaWarga", "--hashtag", "Sintang Maju")

    def outputs(self, name="out"):
        folder = os.path.join(self.tmpdir, name)
        doc = self.studio.ok(self, "release", "outputs", self.rid, "--dir", folder, "--link",
                             "https://sintang.go.id/rilis-1")
        return folder, doc

    def assert_no_personal_data(self, text):
        for private in ("Budi Santoso", "Siti Rahma", pubtest.PHONE, pubtest.EMAIL):
            self.assertNotIn(private, text)

    def test_article_and_captions(self):
        folder, doc = self.outputs()
        with open(os.path.join(folder, "artikel.html"), encoding="utf-8") as f:
            page = f.read()
        p = Tags()
        p.feed(page)
        imgs = [a for t, a in p.tags if t == "img"]
        self.assertEqual(len(imgs), 1)
        self.assertEqual(imgs[0]["src"], "foto-utama.png")
        with open(os.path.join(folder, "foto-utama.png"), "rb") as f:
            self.assertEqual(f.read(), pubtest.png_bytes(), "the featured image beside the page")
        self.assertIn(('meta', {'property': 'og:image', 'content': 'foto-utama.png'}), p.tags)
        text = "".join(p.text)
        self.assertIn("Kasat Lantas menjawab pertanyaan pendengar", text)
        self.assertIn("Berapa biaya membuat SIM A baru?", text)
        self.assertIn("B. S.", text)
        self.assert_no_personal_data(page)
        caps = doc["captions"]
        self.assertEqual(set(caps), set(LIMITS))
        for platform, c in caps.items():
            with self.subTest(platform=platform):
                with open(os.path.join(folder, f"caption-{platform}.txt"), encoding="utf-8") as f:
                    self.assertEqual(f.read(), c["text"] + "\n")
                self.assertLessEqual(len(c["text"]), LIMITS[platform])
                self.assertEqual(c["chars"], len(c["text"]))
                self.assertTrue(c["text"].endswith("#HumasSintang #SapaWarga #SintangMaju"),
                                c["text"])
                self.assertIn("https://sintang.go.id/rilis-1", c["text"])
                self.assert_no_personal_data(c["text"])

    def test_captions_stay_within_limits_for_long_text(self):
        long_title = "Polres Sintang " + "Layanan SIM Keliling Hadir Setiap Sabtu " * 6
        as_actor(self, "staf1", "release", "edit", self.rid, "--title", long_title[:200],
                 "--message", "Pesan " * 300)
        _, doc = self.outputs("long")
        for platform, c in doc["captions"].items():
            with self.subTest(platform=platform):
                self.assertLessEqual(len(c["text"]), LIMITS[platform])
                self.assertTrue(c["text"].startswith("Polres Sintang"))
                self.assertIn("#HumasSintang", c["text"])
        self.assertIn("\u2026", doc["captions"]["threads"]["text"], "shortened with an ellipsis")

    def test_pdf_and_docx(self):
        folder, doc = self.outputs()
        pdf = doc["pdf"]
        text = pubtest.pdf_flat(pdf)
        self.assertIn("SIARAN PERS", text)
        self.assertIn("PEMERINTAH KABUPATEN SINTANG", text)
        self.assertIn("Kasat Lantas Polres Sintang", text)
        self.assertIn("Kepala Dinas Perhubungan", text)
        self.assert_no_personal_data(text)
        docx = doc["docx"]
        with zipfile.ZipFile(docx) as z:
            names = z.namelist()
            for part in ("[Content_Types].xml", "_rels/.rels", "word/document.xml",
                         "word/styles.xml"):
                self.assertIn(part, names)
                ET.fromstring(z.read(part))  # well-formed XML
            body = z.read("word/document.xml").decode()
        title = self.studio.ok(self, "release", "show", self.rid)["content"]["title"]
        self.assertIn(title, body)
        self.assert_no_personal_data(body)
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        self.assertIsNotNone(soffice, "LibreOffice (libreoffice-writer-nogui) opens the .docx")
        env = dict(os.environ, HOME=self.tmpdir)
        out = os.path.join(self.tmpdir, "lo")
        r = subprocess.run([soffice, "--headless", "--norestore",
                            f"-env:UserInstallation=file://{self.tmpdir}/lo-profile",
                            "--convert-to", "pdf", "--outdir", out, docx],
                           capture_output=True, text=True, timeout=280, env=env)
        converted = os.path.join(out, "rilis.pdf")
        self.assertTrue(os.path.exists(converted), r.stdout + r.stderr)
        lo_text = pubtest.pdf_flat(converted)
        self.assertIn("SIARAN PERS", lo_text)
        self.assertIn("Berapa biaya membuat SIM A baru?", lo_text)

    def test_bad_hashtags_and_folders(self):
        self.studio.fails(self, "publishing", "set", "--hashtag", "###", mentions=["no letters"])
        self.studio.fails(self, "publishing", "set", "--hashtag", "a.b", mentions=["'.'"])
        blocker = self.write("file", "x")
        self.studio.fails(self, "release", "outputs", self.rid, "--dir", blocker,
                          mentions=["cannot create"])


if __name__ == "__main__":
    dstest.main()
