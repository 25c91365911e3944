"""SOP 001 step 5 against a real WordPress (Debian's package, MariaDB and PHP on loopback,
started by the `wordpress` CTest fixture, see wordpress_fixture.py): the approved release goes
up as one post with its featured photo and audio clip through the REST API with an application
password; the publication log keeps the URL; a retry never makes a second post, also when an
earlier attempt reached the site but died before recording it; social and mass media are
recorded by hand with link and time.
"""
import base64
import json
import os
import subprocess
import sys
import urllib.parse
import urllib.request
import datetime

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dstest  # noqa: E402
import pubtest  # noqa: E402
from pubtest import as_actor, local  # noqa: E402

M = datetime.timedelta(minutes=1)


def wordpress():
    path = os.environ.get("DS_WORDPRESS_STATE")
    if not path or not os.path.exists(os.path.join(path, "state.json")):
        raise RuntimeError("the wordpress fixture is not running (DS_WORDPRESS_STATE)")
    with open(os.path.join(path, "state.json")) as f:
        return json.load(f)


class WordPressPublishTest(dstest.StudioTestCase):

    def setUp(self):
        super().setUp()
        self.wp = wordpress()
        with open(self.wp["password_file"]) as f:
            self.password = f.read().strip()
        self.sid, self.ended = pubtest.ended_session(self)
        pubtest.add_officers(self)
        self.studio.ok(self, "publishing", "set", "--wordpress-url", self.wp["url"],
                       "--wordpress-user", self.wp["user"],
                       "--wordpress-password-file", self.wp["password_file"],
                       "--hashtag", "HumasSintang", "--hashtag", "#SapaWarga")

    def rest(self, route, query=None, data=None, content_type="application/json"):
        q = {"rest_route": route}
        q.update(query or {})
        req = urllib.request.Request(self.wp["url"] + "/?" + urllib.parse.urlencode(q), data=data)
        token = base64.b64encode(f"{self.wp['user']}:{self.password}".encode()).decode()
        req.add_header("Authorization", "Basic " + token)
        if data is not None:
            req.add_header("Content-Type", content_type)
        with urllib.request.urlopen(req, timeout=60) as r:
            return json.loads(r.read())

    def posts_with_slug(self, slug):
        return self.rest("/wp/v2/posts", {"slug": slug, "context": "edit",
                                          "status": "publish,draft,pending,private,future"})

    def approved_release(self):
        r = as_actor(self, "kasub", "release", "draft", self.sid, "--at",
                     local(self.ended + 20 * M))
        rid = r["id"]
        photo = self.write("foto.png", pubtest.png_bytes(), mode="wb")
        as_actor(self, "staf1", "release", "edit", rid, "--photo", photo, "--caption",
                 "Narasumber di studio", "--clip", "question:1")
        clip = os.path.join(self.tmpdir, "klip.mp3")
        subprocess.run(["ffmpeg", "-v", "error", "-f", "lavfi", "-i", "sine=f=440:d=2",
                        "-c:a", "libmp3lame", clip], check=True)
        self.studio.ok(self, "release", "attach", rid, "--kind", "clip", clip)
        as_actor(self, "staf1", "release", "submit", rid, "--at", local(self.ended + 40 * M))
        as_actor(self, "kasub", "release", "approve", rid, "--at", local(self.ended + 43 * M))
        up = as_actor(self, "kabag", "release", "approve", rid, "--at", local(self.ended + 46 * M))
        self.assertEqual(up["state"], "upload")
        return rid

    def test_post_with_featured_media_once(self):
        rid = self.approved_release()
        self.studio.fails(self, "--actor", "kabag", "release", "publish", rid, "--wordpress",
                          mentions=["only they"])
        doc = as_actor(self, "kasub", "release", "publish", rid, "--wordpress")
        self.assertEqual(doc["state"], "published")
        self.assertFalse(doc["already_published"])
        slug = "rilis-stg-%d" % rid
        posts = self.posts_with_slug(slug)
        self.assertEqual(len(posts), 1)
        post = posts[0]
        self.assertEqual(doc["url"], post["link"])
        self.assertEqual(doc["publication"]["remote_id"], str(post["id"]))
        self.assertEqual(post["status"], "publish")
        self.assertEqual(post["title"]["raw"], doc["content"]["title"])
        self.assertGreater(post["featured_media"], 0, "the photo is the featured media")
        media = self.rest(f"/wp/v2/media/{post['featured_media']}")
        self.assertEqual(media["mime_type"], "image/png")
        with urllib.request.urlopen(media["source_url"], timeout=60) as r:
            self.assertEqual(r.read(), pubtest.png_bytes(), "the photo as uploaded")
        body = post["content"]["raw"]
        self.assertIn("<audio", body)
        self.assertIn(".mp3", body)
        self.assertIn("B. S.", body)
        for private in ("Budi Santoso", pubtest.PHONE, pubtest.EMAIL):
            self.assertNotIn(private, body)
        # Public (no credentials): the post is out for everyone. The fixture's WordPress has no
        # theme installed, so its public face is the REST view rather than a themed page.
        public = self.wp["url"] + "/?" + urllib.parse.urlencode(
            {"rest_route": f"/wp/v2/posts/{post['id']}"})
        with urllib.request.urlopen(public, timeout=60) as r:
            shown = json.loads(r.read())
        self.assertIn("Berapa biaya membuat SIM A baru?", shown["content"]["rendered"])
        self.assertEqual(shown["featured_media"], post["featured_media"])
        steps = doc["steps"]
        self.assertEqual((steps[-1]["step"], steps[-1]["outcome"]), (5, "passed"))

        again = as_actor(self, "kasub", "release", "publish", rid, "--wordpress")
        self.assertTrue(again["already_published"])
        self.assertEqual(again["url"], doc["url"])
        self.assertEqual(len(self.posts_with_slug(slug)), 1, "a retry never posts twice")

        as_actor(self, "kasub", "release", "publish", rid, "--channel", "social", "--url",
                 "https://www.instagram.com/p/humas-sintang-1", "--at",
                 local(self.ended + 60 * M))
        last = as_actor(self, "staf1", "release", "publish", rid, "--channel", "mass_media",
                        "--url", "https://kalbar.antaranews.com/berita/1")
        self.assertEqual([(e["channel"], e["by_hand"], e["state"]) for e in last["log"]],
                         [("website", False, "published"), ("social", True, "published"),
                          ("mass_media", True, "published")])
        self.studio.fails(self, "--actor", "kasub", "release", "publish", rid, "--channel",
                          "social", "--url", "https://x.com/a", mentions=["already recorded"])
        rows = self.studio.query("SELECT channel, url FROM publication_log WHERE release_id = ? "
                                 "ORDER BY id", rid)
        self.assertEqual(rows[0], ("website", doc["url"]))
        actions = [a for (a,) in self.studio.query(
            "SELECT action FROM journal WHERE subject = ? ORDER BY id", f"release:{rid}")]
        self.assertIn("release.publish_start", actions)
        self.assertIn("release.publish_website", actions)
        self.assertEqual(actions.count("release.publish_by_hand"), 2)

    def test_retry_adopts_a_post_made_by_an_attempt_that_died(self):
        rid = self.approved_release()
        # The first attempt: the site is unreachable (a closed port), so it fails after the
        # slug is recorded, before anything is posted.
        self.studio.ok(self, "publishing", "set", "--wordpress-url", "http://127.0.0.1:9")
        failed = self.studio.fails(self, "--actor", "kasub", "release", "publish", rid,
                                   "--wordpress", mentions=["WordPress"])
        rows = self.studio.query("SELECT state, remote_id FROM publication_log WHERE release_id "
                                 "= ?", rid)
        self.assertEqual(rows, [("started", "rilis-stg-%d" % rid)], failed.describe())
        # As if that attempt had reached the site and died before writing down the answer.
        slug = "rilis-stg-%d" % rid
        # The site is shared with the other tests, whose databases number releases from 1 too:
        # a post of theirs under this slug is not this release's, so it goes first.
        for post in self.posts_with_slug(slug):
            self.rest("/wp/v2/posts/%d" % post["id"], {"force": "true", "_method": "DELETE"},
                      data=b"")
        made = self.rest("/wp/v2/posts", data=json.dumps(
            {"title": "Rilis", "content": "isi", "slug": slug, "status": "publish"}).encode())
        self.studio.ok(self, "publishing", "set", "--wordpress-url", self.wp["url"])
        doc = as_actor(self, "kasub", "release", "publish", rid, "--wordpress")
        self.assertTrue(doc["adopted"])
        self.assertEqual(doc["url"], made["link"])
        self.assertEqual(len(self.posts_with_slug(slug)), 1, "no second post")
        self.assertEqual(doc["state"], "published")

    def test_wrong_password_and_settings(self):
        rid = self.approved_release()
        bad = os.path.join(self.tmpdir, "bad-password")
        with open(bad, "w") as f:
            f.write("abcd efgh ijkl mnop qrst uvwx\n")
        os.chmod(bad, 0o600)
        self.studio.ok(self, "publishing", "set", "--wordpress-password-file", bad)
        self.studio.fails(self, "--actor", "kasub", "release", "publish", rid, "--wordpress",
                          mentions=["HTTP 401"])
        os.chmod(bad, 0o644)
        self.studio.fails(self, "--actor", "kasub", "release", "publish", rid, "--wordpress",
                          mentions=["readable by others"])
        self.studio.fails(self, "publishing", "set", "--wordpress-url", "ftp://x", mentions=["http"])
        self.studio.ok(self, "publishing", "set", "--wordpress-url", "http://example.org",
                       "--wordpress-password-file", self.wp["password_file"])
        self.studio.fails(self, "--actor", "kasub", "release", "publish", rid, "--wordpress",
                          mentions=["https"])
        rows = self.studio.query("SELECT COUNT(*) FROM publication_log WHERE state = 'published'")
        self.assertEqual(rows[0][0], 0)


if __name__ == "__main__":
    dstest.main()
