"""The PPID record through the real `dialogstudio` binary, on a dataset in which every
count is known in advance: three sessions (one in the Idul Fitri week of 2026, one a week later,
one today) and a walk-in request outside any session, with requests covering every refusal
ground of the vocabulary, full and partial grants, an extension, an escalation with the
leadership's decision, a follow-up to a Polsek, and an objection answered by the PPID's superior
and taken to the Information Commission.

What a PPID officer would check, format by format:
- `report session` and `report period` in JSON, CSV (UTF-8 with BOM, read with the csv module),
  XLSX (read back with zipfile and ElementTree: one sheet per table, counts stored as numbers)
  and PDF (pdftotext): every count exact, every refusal ground cited with its article, the
  letterhead and the signature block;
- personal data: the caller's full phone number, e-mail, street address and NIK never appear in
  any export by default (searched in the raw bytes and in the PDF's extracted text), names are
  initials; the unmasked register needs --unmasked and leaves a journal row; a request refused
  under Pasal 17a sub-ground 2 never shows the caller's identity, not even unmasked;
- signing freezes the record: a direct edit is refused with a clear message, a correction is an
  amendment that shows in `session history` and in the PDF's history, and the journal verifies;
- deadlines across the Idul Fitri holidays and cuti bersama (../../shared/holidays.md):
  received Tuesday 17 March 2026, the written notice is due Wednesday 8 April, and 17 April
  after the 7-working-day extension.

The expected figures are the decisions this test made; working days come from dstest.Calendar
(the shipped holiday file), checked against dates worked out by hand from the SKB of 2026.

Set DS_PPID_PAGES=DIR to keep the PDFs (for `pdftoppm -png -r 60` and a look at the pages).
"""
import csv
import datetime
import io
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET
import zipfile
from zoneinfo import ZoneInfo

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dstest  # noqa: E402

TZ = "Asia/Jakarta"
CODE = "BKL"
LETTERHEAD = "KEPOLISIAN NEGARA REPUBLIK INDONESIA\nDAERAH BENGKULU\nRESOR BENGKULU"
PPID_NAME = "Hadi Prasetyo"
PPID_NRP = "78030789"
UNIT = "Polsek Gading Cempaka"
LEADER = "AKBP Budi Santoso, Kapolres"
SUPERIOR = "Kompol Ahmad Fauzi, Kabag Ops"

GROUNDS = ["P17a", "P17b", "P17c", "P17d", "P17e", "P17f", "P17g", "P17h", "P17i", "P17j",
           "not_held", "not_documented", "P6"]
GROUND_CITATIONS = {
    "P17a": "Pasal 17 huruf a UU 14/2008",
    "P17b": "Pasal 17 huruf b UU 14/2008",
    "P17c": "Pasal 17 huruf c UU 14/2008",
    "P17d": "Pasal 17 huruf d UU 14/2008",
    "P17e": "Pasal 17 huruf e UU 14/2008",
    "P17f": "Pasal 17 huruf f UU 14/2008",
    "P17g": "Pasal 17 huruf g UU 14/2008",
    "P17h": "Pasal 17 huruf h UU 14/2008",
    "P17i": "Pasal 17 huruf i UU 14/2008",
    "P17j": "Pasal 17 huruf j UU 14/2008",
    "not_held": "Pasal 22 ayat (7)",
    "not_documented": "Pasal 6 ayat (3) huruf e",
    "P6": "Pasal 6 ayat (2) UU 14/2008",
}

# The people whose data must not leak. The first is an ordinary requester; the second is the
# caller whose request is refused under Pasal 17a sub-ground 2 (a reporter or witness).
BUDI = {"name": "Budi Santoso Wijaya", "phone": "081234567890", "email": "budi.wijaya@example.com",
        "address": "Jl. Merdeka No. 12, Kec. Gading Cempaka, Kota Bengkulu",
        "nik": "1771010101010001", "initials": "B. S. W.",
        "district": "Kec. Gading Cempaka, Kota Bengkulu"}
SITI = {"name": "Siti Rahmawati Nasution", "phone": "085311112222", "email": "siti.rn@example.com",
        "address": "Jl. Anggrek No. 5, Kec. Ratu Samban, Kota Bengkulu",
        "nik": "1771024404900002", "initials": "S. R. N."}
SECRETS = {  # never in any default export
    "Budi's full name": BUDI["name"], "Budi's phone": BUDI["phone"], "Budi's e-mail": BUDI["email"],
    "Budi's street": "Jl. Merdeka No. 12", "Budi's NIK": BUDI["nik"],
    "Siti's full name": SITI["name"], "Siti's phone": SITI["phone"], "Siti's e-mail": SITI["email"],
    "Siti's street": "Jl. Anggrek No. 5", "Siti's NIK": SITI["nik"],
}
NEVER_EVEN_UNMASKED = {  # the Pasal 17a(2) caller and every NIK
    "Siti's full name": SITI["name"], "Siti's initials": SITI["initials"],
    "Siti's phone": SITI["phone"], "Siti's e-mail": SITI["email"],
    "Siti's street": "Jl. Anggrek No. 5", "Siti's district": "Kec. Ratu Samban",
    "Siti's NIK": SITI["nik"], "Budi's NIK": BUDI["nik"],
}

RUNDOWN = "kind,title,planned\nopening,Pembukaan,3\nqa,Tanya jawab,40\nclosing,Penutup,2\n"


def local_today():
    return datetime.datetime.now(ZoneInfo(TZ)).date()


# --- the dataset -----------------------------------------------------------------------------
# Each request: key, session (1, 2, 3 or None), local receipt time ("today" = now), requester,
# details, and what happens to it. "decide" holds the `request decide` options.
def refuse(ground, sub=None, **extra):
    d = {"--decision": "refused", "--ground": ground,
         "--reason": f"Penolakan berdasarkan {GROUND_CITATIONS[ground]}"}
    if ground.startswith("P17"):
        d["--consequence-test"] = "Membuka informasi ini merugikan kepentingan yang dilindungi"
        d["--exemption-period"] = "Sampai perkara berkekuatan hukum tetap"
    if sub is not None:
        d["--subground"] = str(sub)
    if ground == "P17j":
        d["--law"] = "UU 8/1981 (KUHAP) Pasal 1"
    if ground == "not_held":
        d["--holding"] = "other_body"
        d["--other-body"] = "BPN Kota Bengkulu"
    d.update(extra)
    return d


GRANT_FULL = {"--decision": "granted_full", "--material": "Salinan rekapitulasi",
              "--medium": "PDF melalui e-mail"}
GRANT_PART = {"--decision": "granted_partial", "--material": "Rekapitulasi tanpa identitas",
              "--redacted": "Nama dan alamat pelapor", "--redaction-reason": "Pasal 17 huruf h"}

REQUESTS = [
    # Session 1, Tuesday 17 March 2026: the Idul Fitri holidays and cuti bersama follow.
    dict(key="budi", session=1, at="2026-03-17 09:05", channel="phone", who=BUDI,
         details="Jumlah SKCK yang diterbitkan pada Februari 2026",
         decide=dict(GRANT_FULL, **{"--notice-date": "2026-03-25", "--handover-date": "2026-03-26"})),
    dict(key="partial", session=1, at="2026-03-17 09:12", channel="whatsapp",
         who={"name": "Rina Oktaviani", "phone": "081377778888"},
         details="Rekap laporan kehilangan kendaraan Maret 2026", decide=GRANT_PART),
    dict(key="p17a1", session=1, at="2026-03-17 09:20", channel="sms",
         who={"name": "Joko Susilo"}, details="Perkembangan penyidikan kasus curanmor",
         decide=refuse("P17a", 1)),
    dict(key="siti", session=1, at="2026-03-17 09:25", channel="phone", who=SITI, question=True,
         details="Siapa saksi pelapor kasus penganiayaan di Ratu Samban?",
         decide=refuse("P17a", 2)),
    dict(key="p17b", session=1, at="2026-03-17 09:31", channel="email",
         who={"name": "Andi Pratama"}, details="Kode sumber aplikasi layanan SKCK online",
         decide=refuse("P17b")),
    dict(key="p17c", session=1, at="2026-03-17 09:38", channel="phone",
         who={"name": "Dewi Lestari"}, details="Rencana pengamanan objek vital",
         decide=refuse("P17c")),
    dict(key="extended", session=1, at="2026-03-17 10:15", channel="letter", written=True,
         who={"name": "Yayasan Lentera Hukum"}, details="Data tilang per kecamatan 2025",
         extend="Data masih dihimpun dari Polsek jajaran"),
    dict(key="escalated", session=1, at="2026-03-17 10:20", channel="studio",
         who={"name": "Hendra Gunawan"}, details="Hasil audit internal penggunaan anggaran",
         escalate="Informasi dapat termasuk yang dikecualikan",
         leadership="release", decide=GRANT_FULL),
    # Session 2, Wednesday 25 March 2026.
    dict(key="p17d", session=2, at="2026-03-25 09:05", channel="phone",
         who={"name": "Made Wirawan"}, details="Peta cadangan emas di Bengkulu Utara",
         decide=refuse("P17d")),
    dict(key="p17e", session=2, at="2026-03-25 09:10", channel="sms",
         who={"name": "Lina Marlina"}, details="Rencana kebijakan moneter daerah",
         decide=refuse("P17e")),
    dict(key="p17f", session=2, at="2026-03-25 09:15", channel="email",
         who={"name": "Tono Sugiarto"}, details="Korespondensi dengan kepolisian negara tetangga",
         decide=refuse("P17f")),
    dict(key="p17g", session=2, at="2026-03-25 09:20", channel="letter", written=True,
         who={"name": "Ratna Sari"}, details="Isi wasiat almarhum pemilik tanah",
         decide=refuse("P17g")),
    dict(key="p17h", session=2, at="2026-03-25 09:25", channel="phone",
         who={"name": "Agus Salim"}, details="Rekam medis tahanan berinisial AS",
         decide=refuse("P17h", 3)),
    dict(key="followup", session=2, at="2026-03-25 09:40", channel="whatsapp",
         who={"name": "Wati Kusuma"}, details="Jadwal patroli Bhabinkamtibmas Kelurahan Padang Jati",
         follow_up=True, decide=GRANT_FULL),
    # Walk-in by letter, outside any broadcast.
    dict(key="walkin", session=None, at="2026-03-26 10:00", channel="letter", written=True,
         who={"name": "LBH Bengkulu"}, details="Statistik pengaduan masyarakat 2025",
         decide=GRANT_PART),
    # Session 3, today: decided the same day, so on time.
    dict(key="p17i", session=3, at="today", channel="phone", who={"name": "Fajar Nugroho"},
         details="Nota dinas internal Kapolres tentang mutasi", decide=refuse("P17i"),
         objection=True),
    dict(key="p17j", session=3, at="today", channel="sms", who={"name": "Gita Permata"},
         details="Berkas perkara yang masih disidik", decide=refuse("P17j")),
    dict(key="not_held", session=3, at="today", channel="email", who={"name": "Irfan Hakim"},
         details="Sertifikat tanah Polsek Selebar", decide=refuse("not_held")),
    dict(key="not_documented", session=3, at="today", channel="phone",
         who={"name": "Kartika Dewi"}, details="Notulen rapat yang belum dibuat",
         decide=refuse("not_documented")),
    dict(key="p6", session=3, at="today", channel="social", who={},
         details="Semua data kepolisian", decide=refuse("P6")),
    dict(key="full_today", session=3, at="today", channel="studio", who={"name": "Lukman Hakim"},
         details="Syarat pembuatan SIM C", decide=GRANT_FULL),
    dict(key="pending_today", session=3, at="today", channel="letter", written=True,
         who={"name": "Maya Sofia"}, details="Data kecelakaan lalu lintas 2026"),
]
KEYS = [r["key"] for r in REQUESTS]
assert len(set(KEYS)) == len(KEYS)
assert sorted({r["decide"]["--ground"] for r in REQUESTS
               if r.get("decide", {}).get("--decision") == "refused"}) == sorted(GROUNDS), \
    "the dataset must cover every refusal ground"


def expected_counts(requests, today_overdue_keys=("extended",)):
    """The Pasal 11 / Pasal 12 counts of `requests` (entries of REQUESTS)."""
    c = {"received": 0, "granted_full": 0, "granted_partial": 0, "refused": 0, "not_held": 0,
         "pending": 0, "extended": 0, "escalated": 0, "overdue": 0,
         "refused_by_ground": {g: 0 for g in GROUNDS}}
    for r in requests:
        c["received"] += 1
        c["extended"] += "extend" in r
        c["escalated"] += "escalate" in r
        d = r.get("decide")
        if not d:
            c["pending"] += 1
            c["overdue"] += r["key"] in today_overdue_keys
            continue
        decision = d["--decision"]
        c[decision] += 1
        if decision == "refused":
            c["refused_by_ground"][d["--ground"]] += 1
            c["not_held"] += d["--ground"] in ("not_held", "not_documented")
    return c


# --- reading the exports back ----------------------------------------------------------------
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def column_index(ref):
    letters = re.match(r"[A-Z]+", ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def read_xlsx(path):
    """{sheet name: [[(kind, value), ...] per row]}; kind is 'n' (a number stored as a number),
    's' (text) or None (empty). Shared strings and inline strings are both understood."""
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        shared = []
        if "xl/sharedStrings.xml" in names:
            root = ET.fromstring(z.read("xl/sharedStrings.xml"))
            for si in root.findall("m:si", NS):
                shared.append("".join(t.text or "" for t in si.iter(f"{{{NS['m']}}}t")))
        rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        target = {r.get("Id"): r.get("Target") for r in rels.iter(f"{REL_NS}Relationship")}
        wb = ET.fromstring(z.read("xl/workbook.xml"))
        out = {}
        for sheet in wb.find("m:sheets", NS):
            rid = sheet.get(f"{{{NS['r']}}}id")
            part = target[rid].lstrip("/")
            part = part if part.startswith("xl/") else "xl/" + part
            root = ET.fromstring(z.read(part))
            rows = []
            for row in root.iter(f"{{{NS['m']}}}row"):
                cells = []
                for c in row.findall("m:c", NS):
                    col = column_index(c.get("r"))
                    while len(cells) < col:
                        cells.append((None, None))
                    t = c.get("t")
                    v = c.find("m:v", NS)
                    if t == "s":
                        cells.append(("s", shared[int(v.text)]))
                    elif t == "inlineStr":
                        cells.append(("s", "".join(x.text or "" for x in c.iter(f"{{{NS['m']}}}t"))))
                    elif t in ("str", "e"):
                        cells.append(("s", v.text if v is not None else ""))
                    elif t == "b":
                        cells.append(("b", v.text))
                    elif v is not None:
                        cells.append(("n", float(v.text)))
                    else:
                        cells.append((None, None))
                rows.append(cells)
            out[sheet.get("name")] = rows
        return out


def sheet_table(rows):
    """Header titles and the data rows as lists of values."""
    header = [v for _, v in rows[0]]
    return header, [[v for _, v in r] + [None] * (len(header) - len(r)) for r in rows[1:]]


def pdftotext(path, layout=True):
    args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else []) + [path, "-"]
    return subprocess.run(args, capture_output=True, check=True, text=True).stdout


def norm(text):
    """Whitespace collapsed: a phrase wrapped inside a table cell reads as one line again."""
    return " ".join(text.split())


def pdf_pages(path):
    info = subprocess.run(["pdfinfo", path], capture_output=True, check=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def table_number(text, label):
    """The number at the end of the table row whose description is `label` (pdftotext -layout
    keeps a row on one line). Exactly one such row must exist."""
    pattern = re.compile(r"^\s*(?:\d+\s+)?" + re.escape(label) + r"\s{2,}(\d+)(?:\s+\S+%|\s+-)?\s*$",
                         re.M)
    found = pattern.findall(text)
    assert len(found) == 1, f"expected one table row {label!r} in the PDF, found {found}"
    return int(found[0])


# --- the shared dataset, built once ----------------------------------------------------------
class Dataset:
    tmp = None
    studio = None
    ids = {}       # key -> request id
    numbers = {}   # key -> registration number
    sessions = {}  # 1, 2, 3 -> session id
    questions = {}
    received = {}  # key -> local date of receipt
    due_log = {}   # observations of `request due` made while building
    followup = None
    objection = None
    today = None

    @classmethod
    def run_ok(cls, *args):
        r = cls.studio.run(*args, json_out=True)
        if r.code != 0:
            raise AssertionError("building the dataset failed:\n" + r.describe())
        return r.json()

    @classmethod
    def build(cls):
        if cls.studio:
            return cls
        if not shutil.which("pdftotext") or not shutil.which("pdfinfo"):
            raise RuntimeError("pdftotext and pdfinfo (Debian package poppler-utils) are needed "
                               "to read the PDF reports back")
        cls.tmp = tempfile.TemporaryDirectory(prefix="ds-e2e-ppid-")
        cls.studio = dstest.Studio(cls.tmp.name, "ppid.db")
        run = cls.run_ok
        cls.today = local_today()
        run("station", "set", "--code", CODE, "--name", "Polres Bengkulu", "--time-zone", TZ,
            "--letterhead", LETTERHEAD, "--partner", "RRI Bengkulu", "--unit", f"polsek|{UNIT}",
            "--unit", "satfung|Sat Reskrim")
        run("programme", "create", "--title", "Dialog Interaktif Kamtibmas", "--partner",
            "RRI Bengkulu", "--weekday", "3", "--time", "09:00", "--length", "60")
        rundown = os.path.join(cls.tmp.name, "rundown.csv")
        with open(rundown, "w", encoding="utf-8") as f:
            f.write(RUNDOWN)
        starts = {1: "2026-03-17 09:00", 2: "2026-03-25 09:00",
                  3: cls.today.isoformat() + " 09:00"}
        topics = {1: "Pelayanan SKCK menjelang Idul Fitri", 2: "Keamanan mudik Lebaran",
                  3: "Keterbukaan informasi di Polres"}
        for n in (1, 2, 3):
            s = run("session", "create", "--topic", topics[n], "--start", starts[n],
                    "--sprin", f"Sprin/{40 + n}/III/HUM.1.1./2026", "--sprin-date", "2026-03-10",
                    "--officer", f"producer|Andi Saputra|Bripka|87050123",
                    "--officer", f"ppid|{PPID_NAME}|AKP|{PPID_NRP}",
                    "--officer", "host|Melati Puspita||",
                    "--guest", "Dedi Kurniawan|AKP|Kasat Lantas",
                    "--guest", "Sugeng Riyadi|Iptu|Kanit Reskrim",
                    "--check", "personnel", "--check", "materials", "--check", "schedule",
                    "--check", "guest_input")
            cls.sessions[n] = s["id"]
            run("rundown", "set", s["id"], rundown)

        for r in REQUESTS:
            cls.open_request(r)
            if r["session"] == 1 and r["key"] == "escalated":
                # Every request of session 1 is in; the clock runs across the holidays.
                cls.due_log["s1_received"] = run("request", "due", "--as-of", "2026-03-17 12:00")
                cls.due_log["s1_within_3_on_6_april"] = run(
                    "request", "due", "--within", "3", "--as-of", "2026-04-06 09:00")
                cls.due_log["s1_overdue_on_9_april"] = run(
                    "request", "due", "--overdue", "--as-of", "2026-04-09 09:00")

        for r in REQUESTS:
            rid = cls.ids[r["key"]]
            if "extend" in r:
                cls.due_log["extended"] = run("request", "extend", rid, "--reason", r["extend"])
            if "escalate" in r:
                run("request", "escalate", rid, "--reason", r["escalate"])
                run("request", "leadership", rid, "--decided-by", LEADER, "--decision",
                    r["leadership"], "--note", "Dapat dibuka setelah ditelaah")
            if r.get("follow_up"):
                cls.followup = run("request", "follow-up", rid, "--unit", UNIT, "--within", "5",
                                   "--note", "Mohon jadwal patroli bulan April")
                run("request", "follow-up-reply", rid, "--answer", "Jadwal patroli terlampir")
            if "decide" in r:
                args = []
                for k, v in r["decide"].items():
                    args += [k, v]
                run("request", "decide", rid, *args)
            if r.get("objection"):
                cls.objection = run("request", "objection", rid, "--ground", "P35a", "--reason",
                                    "Nota dinas itu menyangkut pelayanan publik", "--superior",
                                    "Kabag Ops Polres Bengkulu")
                cls.objection_answer = run("request", "objection-answer", rid, "--outcome",
                                           "rejected", "--answer", "Keputusan PPID dikuatkan",
                                           "--by", SUPERIOR)
                run("request", "dispute", rid, "--body", "Komisi Informasi Provinsi Bengkulu",
                    "--note", "Reg. 012/KIP-BKL/2026")
                run("request", "dispute-outcome", rid, "--outcome", "mediated",
                    "--note", "Mediasi berhasil")

        for n in (1, 2, 3):
            run("session", "start", cls.sessions[n])
            run("session", "end", cls.sessions[n])
        cls.signature = run("session", "sign", cls.sessions[1], "--name", PPID_NAME, "--nrp",
                            PPID_NRP, "--date", cls.today.isoformat())
        if local_today() != cls.today:
            raise RuntimeError("the local date changed while the dataset was built; run again")
        return cls

    @classmethod
    def open_request(cls, r):
        who = r.get("who", {})
        args = ["request", "open"]
        at = [] if r["at"] == "today" else ["--received-at", r["at"]]
        person = []
        for opt, key in (("--name", "name"), ("--address", "address"), ("--phone", "phone"),
                         ("--email", "email"), ("--nik", "nik")):
            if who.get(key):
                person += [opt, who[key]]
        if r.get("question"):
            # A listener's call on air, screened into an information request.
            q = cls.run_ok("question", "add", cls.sessions[r["session"]], "--channel", r["channel"],
                           "--name", who["name"], "--contact", who["phone"], "--text",
                           r["details"], *at)
            cls.questions[r["key"]] = q["id"]
            doc = cls.run_ok(*args, "--question", q["id"], *person, "--purpose",
                             "Kepentingan pribadi")
        else:
            if r["session"] is not None:
                args += ["--session", cls.sessions[r["session"]]]
            args += ["--channel", r["channel"], "--details", r["details"], *person, *at]
            if r.get("written"):
                args.append("--written")
            doc = cls.run_ok(*args)
        cls.ids[r["key"]] = doc["id"]
        cls.numbers[r["key"]] = doc["registration_number"]
        cls.received[r["key"]] = dstest.local_day(doc["received_at"], TZ)

    @classmethod
    def copy_to(cls, tmpdir, name="copy.db"):
        studio = dstest.Studio(tmpdir, name)
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(cls.studio.db + suffix):
                shutil.copyfile(cls.studio.db + suffix, studio.db + suffix)
        return studio


def tearDownModule():
    if Dataset.tmp:
        Dataset.tmp.cleanup()


class PpidTestCase(dstest.StudioTestCase):
    """Reads exports of the shared dataset into this test's own temporary folder."""

    def setUp(self):
        super().setUp()
        self.data = Dataset.build()
        self.studio = self.data.studio  # read-only use; changes go to a copy (copy_studio)
        self.cal = dstest.Calendar()

    def copy_studio(self):
        return self.data.copy_to(self.tmpdir)

    def export(self, *args, studio=None, name=None):
        """Runs a `report ...` that writes --output FILE; returns the file's bytes and path."""
        studio = studio or self.studio
        path = os.path.join(self.tmpdir, name or ("out-" + "-".join(str(a) for a in args[:2])))
        doc = studio.ok(self, *args, "--output", path)
        self.assertEqual(doc["written"], path, "the command names the file it wrote")
        with open(path, "rb") as f:
            data = f.read()
        keep = os.environ.get("DS_PPID_PAGES")
        if keep and path.endswith(".pdf"):
            os.makedirs(keep, exist_ok=True)
            shutil.copyfile(path, os.path.join(keep, os.path.basename(path)))
        return data, path

    def text_export(self, *args, studio=None):
        """Runs a `report ...` that prints its document; returns the raw bytes."""
        studio = studio or self.studio
        argv = [dstest.BINARY, "--db", studio.db] + [str(a) for a in args]
        proc = subprocess.run(argv, capture_output=True, env=studio.env, timeout=120)
        self.assertEqual(proc.returncode, 0, f"{args} failed: {proc.stderr!r}")
        return proc.stdout

    def assert_no_secrets(self, data, where, secrets=SECRETS):
        """None of `secrets` in the bytes (or the text) of an export."""
        if isinstance(data, str):
            data = data.encode("utf-8")
        for what, value in secrets.items():
            self.assertNotIn(value.encode("utf-8"), data, f"{what} ({value!r}) leaks into {where}")

    def keys_of(self, *sessions):
        return [r for r in REQUESTS if r["session"] in sessions]

    def working_days(self, key):
        return self.cal.working_days_between(self.data.received[key], self.data.today)

    def decided_keys(self, requests):
        return [r["key"] for r in requests if "decide" in r]


# --- the tests -------------------------------------------------------------------------------
class SessionReportTest(PpidTestCase):

    def check_counts(self, got, requests, where):
        want = expected_counts(requests)
        for key in ("received", "granted_full", "granted_partial", "refused", "not_held",
                    "pending", "extended", "escalated", "overdue"):
            self.assertEqual(got[key], want[key], f"{where}: {key}")
        self.assertEqual(got["refused_by_ground"], want["refused_by_ground"],
                         f"{where}: refusals by ground, every ground listed")

    def test_session_counts_in_json(self):
        for n in (1, 2, 3):
            doc = self.studio.ok(self, "report", "session", self.data.sessions[n], "--format", "json")
            self.check_counts(doc["requests"], self.keys_of(n), f"session {n} JSON")
            times = {t["registration_number"]: t["working_days"]
                     for t in doc["requests"]["time_to_decision"]}
            want = {self.data.numbers[k]: self.working_days(k)
                    for k in self.decided_keys(self.keys_of(n))}
            self.assertEqual(times, want, f"session {n}: working days from receipt to decision")
        doc = self.studio.ok(self, "report", "session", self.data.sessions[1], "--format", "json")
        self.assertEqual(doc["questions"]["received"], 1, "the listener's call is counted")
        self.assertEqual(doc["session"]["status"], "signed")

    def test_session_counts_in_csv_with_bom(self):
        for n in (1, 2, 3):
            raw = self.text_export("report", "session", self.data.sessions[n], "--format", "csv")
            self.assertTrue(raw.startswith(b"\xef\xbb\xbf"), "UTF-8 byte-order mark first")
            rows = dstest.read_report_csv(raw.decode("utf-8"))
            want = expected_counts(self.keys_of(n))
            for key in ("received", "granted_full", "granted_partial", "refused", "not_held",
                        "pending", "extended", "escalated", "overdue"):
                self.assertEqual(int(rows[("requests", key)]), want[key], f"session {n} CSV: {key}")
            for g in GROUNDS:
                self.assertEqual(int(rows[("refused_by_ground", g)]), want["refused_by_ground"][g],
                                 f"session {n} CSV: refused under {g}")
            self.assertEqual(rows[("session", "topic")],
                             {1: "Pelayanan SKCK menjelang Idul Fitri", 2: "Keamanan mudik Lebaran",
                              3: "Keterbukaan informasi di Polres"}[n])
            self.assert_no_secrets(raw, f"session {n} CSV")

    def test_session_record_xlsx(self):
        data, path = self.export("report", "session", self.data.sessions[1], "--format", "xlsx",
                                 name="session1.xlsx")
        self.assert_no_secrets(data, "the session record XLSX (zip bytes)")
        book = read_xlsx(path)
        self.assertEqual(list(book), ["Sesi", "Rekapitulasi", "Alasan penolakan", "Register",
                                      "Waktu keputusan", "Tindak lanjut", "Keberatan", "Amandemen",
                                      "Keluhan"],
                         "one sheet per table")
        for name, rows in book.items():
            self.assert_no_secrets(json.dumps(rows, ensure_ascii=False), f"XLSX sheet {name}")
        want = expected_counts(self.keys_of(1))
        counts = {r[0][1]: r[2] for r in book["Rekapitulasi"][1:] if len(r) > 2}
        for key in ("received", "granted_full", "granted_partial", "refused", "pending",
                    "extended", "escalated", "overdue"):
            self.assertEqual(counts[key], ("n", float(want[key])),
                             f"Rekapitulasi {key}: stored as a number with the right value")
        grounds = {r[0][1]: r[2] for r in book["Alasan penolakan"][1:]}
        self.assertEqual(set(grounds), set(GROUNDS), "every ground has a row")
        for g in GROUNDS:
            self.assertEqual(grounds[g], ("n", float(want["refused_by_ground"][g])), g)
        header, rows = sheet_table(book["Register"])
        self.assertEqual(len(rows), 8, "session 1 registered 8 requests")
        reg = {r[0]: dict(zip(header, r)) for r in rows}
        budi = reg[self.data.numbers["budi"]]
        self.assertEqual(budi["Pemohon"], BUDI["initials"], "the name as initials")
        self.assertEqual(budi["Alamat"], BUDI["district"], "the address down to the district")
        self.assertNotEqual(budi["Telepon"], BUDI["phone"])
        self.assertTrue(budi["Telepon"].endswith(BUDI["phone"][-3:]) or "*" in budi["Telepon"],
                        f"the phone masked: {budi['Telepon']!r}")
        siti = reg[self.data.numbers["siti"]]
        self.assertNotIn(SITI["initials"], json.dumps(siti, ensure_ascii=False))
        self.assertEqual((siti["Dasar"], siti["Angka"]), ("P17a", 2.0))
        # Numbers as numbers: the due date is an Excel date serial, the working days an integer.
        raw_rows = book["Register"][1:]
        col = header.index("Hari kerja")
        kinds = {r[col][0] for r in raw_rows if len(r) > col and r[col][0] is not None}
        self.assertEqual(kinds, {"n"}, "working days are numeric cells")
        col = header.index("Batas waktu")
        due = {r[0][1]: r[col] for r in raw_rows}
        serial = (datetime.date(2026, 4, 8) - datetime.date(1899, 12, 30)).days
        self.assertEqual(due[self.data.numbers["budi"]], ("n", float(serial)),
                         "the due date 8 April 2026 is stored as an Excel date")

    def test_session_record_pdf(self):
        data, path = self.export("report", "session", self.data.sessions[1], "--format", "pdf",
                                 name="session1-record.pdf")
        self.assertTrue(data.startswith(b"%PDF-"), "a PDF file")
        text = pdftotext(path)
        flat = pdftotext(path, layout=False)
        self.assert_no_secrets(data, "the session record PDF (bytes)")
        self.assert_no_secrets(text, "the session record PDF (text)")
        for line in LETTERHEAD.split("\n"):
            self.assertIn(line, text, "the letterhead (kop surat)")
        self.assertIn("CATATAN PELAYANAN INFORMASI PUBLIK", text)
        self.assertIn("Selasa, 17 Maret 2026", text, "the session's day and date in Indonesian")
        self.assertIn("Sprin/41/III/HUM.1.1./2026", text, "the assignment order")
        for person in ("Dedi Kurniawan", "Sugeng Riyadi", "Andi Saputra", PPID_NAME):
            self.assertIn(person, text, "guests and officers")
        want = expected_counts(self.keys_of(1))
        self.assertEqual(table_number(text, "Pertanyaan pendengar diterima"), 1)
        self.assertEqual(table_number(text, "Permohonan informasi diterima"), want["received"])
        self.assertEqual(table_number(text, "Diberikan seluruhnya"), want["granted_full"])
        self.assertEqual(table_number(text, "Diberikan sebagian"), want["granted_partial"])
        self.assertEqual(table_number(text, "Ditolak (rincian alasan pada bagian V)"), want["refused"])
        self.assertEqual(table_number(text, "Diperpanjang (UU 14/2008 Pasal 22 ayat (8))"),
                         want["extended"])
        self.assertEqual(table_number(text, "Diteruskan ke pimpinan (SOP 000 Pasal 12 ayat (2))"),
                         want["escalated"])
        self.assertEqual(table_number(text, "Keberatan diajukan (UU 14/2008 Pasal 35)"), 0)
        for g in ("P17a", "P17b", "P17c"):
            self.assertIn(GROUND_CITATIONS[g], text, f"the citation of {g}")
        self.assertIn("Pasal 17 huruf a angka 2", flat, "the sub-ground is cited")
        for k in [r["key"] for r in self.keys_of(1)]:
            self.assertIn(self.data.numbers[k], flat,
                          f"registration number {self.data.numbers[k]} printed whole (searchable)")
        self.assertIn(BUDI["initials"], text, "names as initials")
        self.assertIn("(dirahasiakan", flat, "the Pasal 17a(2) caller is withheld")
        self.assertIn(LEADER, norm(flat), "the leadership's decision: who")
        # The register cites the article of each refusal, not the program's code for it.
        self.assertIn("Ditolak: Pasal 17 huruf b UU 14/2008", norm(flat))
        self.assertNotRegex(norm(flat), r"Ditolak \(P17", "no internal ground codes in the register")
        self.assertIn("17-03-2026 09.05", flat, "times of receipt day first, local (WIB)")
        self.assertIn("Batas: 08-04-2026", norm(flat), "the due date after the Idul Fitri week")
        # The signature block.
        self.assertRegex(text, r"Bengkulu, \d{1,2} \w+ \d{4}", "place and date")
        self.assertIn("PEJABAT PENGELOLA INFORMASI DAN", text)
        self.assertIn(f"NRP {PPID_NRP}", text)
        self.assertIn("Ditandatangani", text, "the record says it is signed")
        self.assertNotIn("DRAF", text, "a signed record carries no draft mark")
        pages = pdf_pages(path)
        self.assertIn(f"Halaman {pages} dari {pages}", text, "pages numbered X dari Y")

    def test_unsigned_record_is_a_draft(self):
        data, path = self.export("report", "session", self.data.sessions[2], "--format", "pdf",
                                 name="session2-draft.pdf")
        text = pdftotext(path)
        self.assertIn("Draf, belum ditandatangani", text, "an unsigned record says it is a draft")
        self.assertIn("Draf: catatan ini belum ditandatangani", text)
        self.assertIn("NRP/NIP ....", text, "the signature block is left to fill in")
        # The diagonal "DRAF" mark is drawn as outlines: its letters must not end up scattered
        # through the extracted text (screen readers, copy and paste, search).
        for line in text.splitlines():
            self.assertNotIn(line.strip(), ("DR", "AF", "D", "R", "A", "F", "DRAF"),
                             "a stray piece of the watermark in the text")
        want = expected_counts(self.keys_of(2))
        self.assertEqual(table_number(text, "Permohonan informasi diterima"), want["received"])
        for g in ("P17d", "P17e", "P17f", "P17g", "P17h"):
            self.assertIn(GROUND_CITATIONS[g], text, f"the citation of {g}")
        flat = norm(pdftotext(path, layout=False))
        self.assertIn(UNIT, flat, "the follow-up to the Polsek")
        for k in [r["key"] for r in self.keys_of(2)]:
            self.assertIn(self.data.numbers[k], flat,
                          f"registration number {self.data.numbers[k]} printed whole (searchable)")


class PeriodReportTest(PpidTestCase):

    def period_args(self):
        return ["--from", "2026-03-01", "--to", self.data.today.isoformat()]

    def expected(self):
        want = expected_counts(REQUESTS)
        decided = self.decided_keys(REQUESTS)
        on_time = [k for k in decided if self.data.received[k] == self.data.today]
        want["decided"] = len(decided)
        want["decided_on_time"] = len(on_time)
        want["decided_late"] = len(decided) - len(on_time)
        # A letter or an e-mail is a written request (UU KIP Pasal 22(1)) with or without --written.
        want["written"] = sum(1 for r in REQUESTS
                              if r.get("written") or r["channel"] in ("letter", "email"))
        want["unwritten"] = len(REQUESTS) - want["written"]
        return want

    def test_period_json(self):
        doc = self.studio.ok(self, "report", "period", *self.period_args(), "--format", "json")
        want = self.expected()
        got = doc["requests"]
        for key, value in want.items():
            self.assertEqual(got[key], value, f"period JSON: {key}")
        self.assertEqual(sum(got["refused_by_ground"].values()), got["refused"])
        channels = {}
        for r in REQUESTS:
            channels[r["channel"]] = channels.get(r["channel"], 0) + 1
        self.assertEqual({k: v for k, v in got["by_channel"].items() if v}, channels)
        # Time to fulfil: working days per request, then median and 90th percentile.
        wd = {f["registration_number"]: f["working_days"] for f in doc["fulfilment"]}
        self.assertEqual(wd, {self.data.numbers[k]: self.working_days(k)
                              for k in self.decided_keys(REQUESTS)})
        values = sorted(wd.values())
        self.assertAlmostEqual(got["time_to_fulfil"]["median_working_days"],
                               statistics.median(values))
        self.assertAlmostEqual(got["time_to_fulfil"]["p90_working_days"],
                               statistics.quantiles(values, n=10, method="inclusive")[8])
        self.assertEqual(got["time_to_fulfil"]["decided"], len(values))
        # Objections and disputes with their outcomes.
        o = doc["objections"]
        self.assertEqual((o["filed"], o["open"], o["answered_on_time"], o["answered_late"]),
                         (1, 0, 1, 0))
        self.assertEqual(o["by_ground"]["P35a"], 1)
        self.assertEqual(sum(o["by_ground"].values()), 1)
        self.assertEqual(o["outcomes"], {"upheld": 0, "partly_upheld": 0, "rejected": 1,
                                         "withdrawn": 0})
        self.assertEqual(o["disputes"]["filed"], 1)
        self.assertEqual(o["disputes"]["outcomes"]["mediated"], 1)
        f = doc["follow_ups"]
        self.assertEqual((f["sent"], f["answered"], f["answered_on_time"], f["overdue"]),
                         (1, 1, 1, 0))
        self.assertEqual(f["by_unit"], {UNIT: 1})
        # Per session, and the walk-in outside any session.
        per = {s["session_id"]: s for s in doc["sessions"]}
        for n in (1, 2, 3):
            c = expected_counts(self.keys_of(n))
            s = per[self.data.sessions[n]]
            self.assertEqual((s["received"], s["granted_full"], s["granted_partial"], s["refused"],
                              s["pending"]),
                             (c["received"], c["granted_full"], c["granted_partial"], c["refused"],
                              c["pending"]), f"session {n} in the period report")
        self.assertEqual(per[None]["received"], 1, "the walk-in request outside any session")
        months = {m["month"]: m["received"] for m in doc["by_month"]}
        self.assertEqual(months["2026-03"], 15)
        self.assertEqual(months[self.data.today.strftime("%Y-%m")], 7 if self.data.today.month != 3
                         or self.data.today.year != 2026 else 22)
        self.assertEqual(sum(months.values()), len(REQUESTS))

    def test_a_month_holds_only_its_own_requests(self):
        doc = self.studio.ok(self, "report", "period", "--month", "2026-03", "--format", "json")
        march = [r for r in REQUESTS if r["at"].startswith("2026-03")]
        want = expected_counts(march)
        for key in ("received", "granted_full", "granted_partial", "refused", "pending"):
            self.assertEqual(doc["requests"][key], want[key], f"March 2026: {key}")
        self.assertEqual(doc["requests"]["refused_by_ground"], want["refused_by_ground"])
        self.assertEqual(doc["objections"]["filed"], 0, "the objection was filed today")

    def test_period_csv(self):
        raw = self.text_export("report", "period", *self.period_args(), "--format", "csv")
        self.assertTrue(raw.startswith(b"\xef\xbb\xbf"), "UTF-8 byte-order mark first")
        self.assert_no_secrets(raw, "period CSV")
        rows = dstest.read_report_csv(raw.decode("utf-8"))
        want = self.expected()
        for key, value in want.items():
            if key == "refused_by_ground":
                for g in GROUNDS:
                    self.assertEqual(int(rows[("refused_by_ground", g)]), value[g], g)
            else:
                self.assertEqual(int(rows[("requests", key)]), value, f"period CSV: {key}")
        self.assertEqual(int(rows[("objections", "filed")]), 1)
        self.assertEqual(int(rows[("objection_outcomes", "rejected")]), 1)
        self.assertEqual(int(rows[("dispute_outcomes", "mediated")]), 1)
        self.assertEqual(int(rows[("follow_ups_by_unit", UNIT)]), 1)
        self.assertEqual(int(rows[("fulfilment_working_days", self.data.numbers["budi"])]),
                         self.working_days("budi"))

    def test_period_xlsx(self):
        data, path = self.export("report", "period", *self.period_args(), "--format", "xlsx",
                                 name="period.xlsx")
        self.assert_no_secrets(data, "period XLSX (zip bytes)")
        book = read_xlsx(path)
        self.assertEqual(list(book), ["Ringkasan", "Alasan penolakan", "Waktu layanan", "Per bulan",
                                      "Per sesi", "Saluran", "Keberatan alasan", "Keberatan hasil",
                                      "Tindak lanjut", "Keluhan", "Keluhan berulang",
                                      "Keluhan per wilayah"], "one sheet per table")
        for name, rows in book.items():
            self.assert_no_secrets(json.dumps(rows, ensure_ascii=False), f"period XLSX sheet {name}")
        want = self.expected()
        summary = {r[0][1]: r[2] for r in book["Ringkasan"][1:] if len(r) > 2}
        for key, value in want.items():
            if key != "refused_by_ground":
                self.assertEqual(summary[key], ("n", float(value)), f"Ringkasan {key} as a number")
        self.assertEqual(summary["objections_filed"], ("n", 1.0))
        self.assertEqual(summary["disputes_filed"], ("n", 1.0))
        grounds = {r[0][1]: r[2] for r in book["Alasan penolakan"][1:]}
        self.assertEqual(grounds, {g: ("n", float(n)) for g, n in want["refused_by_ground"].items()})
        header, rows = sheet_table(book["Waktu layanan"])
        self.assertEqual(len(rows), want["decided"], "one row per decided request")
        wd = {r[0]: r[header.index("Hari kerja")] for r in rows}
        self.assertEqual(wd, {self.data.numbers[k]: float(self.working_days(k))
                              for k in self.decided_keys(REQUESTS)})
        header, rows = sheet_table(book["Per sesi"])
        per = {r[0]: dict(zip(header, r)) for r in rows}
        for n in (1, 2, 3):
            self.assertEqual(per[float(self.data.sessions[n])]["Diterima"],
                             float(len(self.keys_of(n))), f"session {n} received")
        outcomes = {(r[0][1], r[1][1]): r[3] for r in book["Keberatan hasil"][1:]}
        self.assertIn(("n", 1.0), [outcomes[k] for k in outcomes if k[1] == "rejected"])
        self.assertIn(("n", 1.0), [outcomes[k] for k in outcomes if k[1] == "mediated"])

    def test_period_pdf(self):
        data, path = self.export("report", "period", *self.period_args(), "--format", "pdf",
                                 "--obstacles", "Jaringan internet di Polsek terbatas",
                                 "--plans", "Pelatihan PPID pembantu di Polsek",
                                 "--name", PPID_NAME, "--nrp", PPID_NRP,
                                 name="period-report.pdf")
        text = pdftotext(path)
        self.assert_no_secrets(data, "period PDF (bytes)")
        self.assert_no_secrets(text, "period PDF (text)")
        for line in LETTERHEAD.split("\n"):
            self.assertIn(line, text, "the letterhead")
        self.assertIn("LAPORAN LAYANAN INFORMASI PUBLIK", text)
        self.assertIn("1 Maret 2026", text, "the period in Indonesian")
        want = self.expected()
        self.assertEqual(table_number(text, "Permohonan informasi diterima"), want["received"])
        self.assertEqual(table_number(text, "Diberikan seluruhnya"), want["granted_full"])
        self.assertEqual(table_number(text, "Diberikan sebagian"), want["granted_partial"])
        self.assertEqual(table_number(text, "Ditolak (rincian pada bagian III)"), want["refused"])
        self.assertEqual(table_number(text, "Diputus tepat waktu"), want["decided_on_time"])
        self.assertEqual(table_number(text, "Diputus melewati batas waktu"), want["decided_late"])
        self.assertEqual(table_number(text, "Jumlah penolakan"), want["refused"])
        for g in GROUNDS:
            m = re.search(r"^\s*" + re.escape(g) + r"\s+.*?" + re.escape(GROUND_CITATIONS[g]) +
                          r".*?\s(\d+)\s*$", text, re.M)
            self.assertIsNotNone(m, f"ground {g} with its citation and count in one row")
            self.assertEqual(int(m.group(1)), want["refused_by_ground"][g], f"refused under {g}")
        self.assertIn("Keberatan ditolak", text, "the objection's outcome")
        flat = pdftotext(path, layout=False)
        sessions = norm(flat[flat.index("VIII. REKAPITULASI PER SESI"):])
        self.assertIn("ditandatangani", sessions, "session 1 is signed")
        self.assertIn("selesai, belum ditandatangani", sessions, "sessions 2 and 3 are not")
        self.assertNotRegex(sessions, r"\b(ended|signed|live|planned)\b",
                            "session states in Indonesian, not internal codes")
        self.assertIn("Selesai melalui mediasi", text, "the dispute's outcome")
        self.assertIn("Jaringan internet di Polsek terbatas", text, "obstacles")
        self.assertIn("Pelatihan PPID pembantu di Polsek", text, "plans")
        self.assertIn("PEJABAT PENGELOLA INFORMASI DAN", text, "signature block")
        self.assertRegex(text, r"Bengkulu, \d{1,2} \w+ \d{4}", "place and date to sign")
        self.assertIn(PPID_NAME, text, "the officer who signs, named with --name")
        self.assertIn(f"NRP {PPID_NRP}", text)
        self.assertRegex(sessions, r"\b17-03-2026\b", "session dates day first, as Indonesian "
                         "registers write them")
        pages = pdf_pages(path)
        self.assertIn(f"Halaman {pages} dari {pages}", text)


class MaskingTest(PpidTestCase):

    def test_register_is_masked_by_default_in_every_format(self):
        sid = self.data.sessions[1]
        before = self.studio.query(
            "SELECT COUNT(*) FROM journal WHERE action = 'report.export_unmasked'")[0][0]
        csv_raw = self.text_export("report", "register", sid, "--format", "csv")
        json_raw = self.text_export("report", "register", sid, "--format", "json")
        xlsx, xlsx_path = self.export("report", "register", sid, "--format", "xlsx",
                                      name="register.xlsx")
        for data, where in ((csv_raw, "register CSV"), (json_raw, "register JSON"),
                            (xlsx, "register XLSX")):
            self.assert_no_secrets(data, where)
        self.assert_no_secrets(json.dumps(read_xlsx(xlsx_path), ensure_ascii=False),
                               "register XLSX cells")
        self.assertTrue(csv_raw.startswith(b"\xef\xbb\xbf"))
        rows = list(csv.DictReader(io.StringIO(csv_raw.decode("utf-8-sig"))))
        self.assertEqual(len(rows), 8)
        by_number = {r["registration_number"]: r for r in rows}
        budi = by_number[self.data.numbers["budi"]]
        self.assertEqual(budi["requester_name"], BUDI["initials"])
        self.assertEqual(budi["requester_address"], BUDI["district"])
        self.assertIn("*", budi["requester_phone"])
        self.assertIn("*", budi["requester_email"])
        siti = by_number[self.data.numbers["siti"]]
        self.assertNotIn(SITI["initials"], json.dumps(siti, ensure_ascii=False),
                         "the Pasal 17a(2) caller: not even initials")
        self.assertEqual((siti["requester_phone"], siti["requester_address"],
                          siti["requester_email"]), ("", "", ""))
        doc = json.loads(json_raw)
        self.assertNotIn("nik", json.dumps([d["requester"] for d in doc]), "NIK never exported")
        after = self.studio.query(
            "SELECT COUNT(*) FROM journal WHERE action = 'report.export_unmasked'")[0][0]
        self.assertEqual(after, before, "a masked export is no access to journal")

    def test_unmasked_register_needs_the_option_and_is_journalled(self):
        studio = self.copy_studio()
        sid = self.data.sessions[1]
        journal = studio.journal_count()
        csv_raw = self.text_export("report", "register", sid, "--format", "csv", "--unmasked",
                                   studio=studio)
        text = csv_raw.decode("utf-8-sig")
        for value in (BUDI["name"], BUDI["phone"], BUDI["email"], BUDI["address"]):
            self.assertIn(value, text, "the unmasked register shows personal data in full")
        self.assert_no_secrets(csv_raw, "unmasked register CSV", NEVER_EVEN_UNMASKED)
        pdf, pdf_path = self.export("report", "session", sid, "--format", "pdf", "--unmasked",
                                    studio=studio, name="session1-unmasked.pdf")
        pdf_text = pdftotext(pdf_path)
        self.assertIn(BUDI["name"], pdf_text)
        self.assertIn("TIDAK DISAMARKAN", pdf_text, "every page says the copy is unmasked")
        self.assert_no_secrets(pdf_text, "unmasked session PDF", NEVER_EVEN_UNMASKED)
        self.assert_no_secrets(pdf, "unmasked session PDF (bytes)", NEVER_EVEN_UNMASKED)
        xlsx, xlsx_path = self.export("report", "register", sid, "--format", "xlsx", "--unmasked",
                                      studio=studio, name="register-unmasked.xlsx")
        cells = json.dumps(read_xlsx(xlsx_path), ensure_ascii=False)
        self.assertIn(BUDI["phone"], cells)
        self.assert_no_secrets(cells, "unmasked register XLSX", NEVER_EVEN_UNMASKED)
        rows = studio.query("SELECT action, subject, after FROM journal WHERE id > ? ORDER BY id",
                            journal)
        self.assertEqual([(a, s) for a, s, _ in rows],
                         [("report.export_unmasked", f"session:{sid}")] * 3,
                         "each unmasked export leaves one journal row naming the session")
        self.assertEqual([json.loads(x)["format"] for _, _, x in rows], ["csv", "pdf", "xlsx"])
        verify = studio.ok(self, "journal", "verify")
        self.assertTrue(verify["ok"])

    def test_session_and_period_reports_carry_no_personal_data(self):
        for n in (1, 2, 3):
            raw = self.text_export("report", "session", self.data.sessions[n], "--format", "json")
            self.assert_no_secrets(raw, f"session {n} JSON")
        raw = self.text_export("report", "period", "--from", "2026-03-01", "--to",
                               self.data.today.isoformat(), "--format", "json")
        self.assert_no_secrets(raw, "period JSON")
        self.assertNotIn(BUDI["initials"].encode(), raw, "the public report carries counts only")

    def test_journal_holds_no_personal_data_in_clear(self):
        # The journal cannot be edited (hash chain), so what goes in must be erasable later:
        # requesters' and callers' data only as keyed seals whose key the retention rule erases.
        rows = self.studio.query("SELECT COALESCE(before, '') || COALESCE(after, '') FROM journal")
        self.assertGreater(len(rows), 50)
        self.assert_no_secrets("\n".join(r[0] for r in rows), "the journal", SECRETS)
        self.assertIn("hmac-sha256:", "".join(r[0] for r in rows), "sealed, not left out")

    def test_listing_is_masked_unless_asked(self):
        listing = self.text_export("--json", "request", "list", "--session", self.data.sessions[1])
        self.assert_no_secrets(listing, "request list")


class SignAndCorrectTest(PpidTestCase):

    def test_signed_record_is_frozen_and_corrected_by_amendment(self):
        studio = self.copy_studio()
        sid = self.data.sessions[1]
        hist = studio.ok(self, "session", "history", sid)
        self.assertEqual(hist["status"], "signed")
        self.assertEqual((hist["signature"]["name"], hist["signature"]["nrp"]),
                         (PPID_NAME, PPID_NRP))
        self.assertEqual(hist["amendments"], [])
        before = studio.dump()
        refusals = [
            (["session", "set", sid, "--topic", "Judul baru"], ["signed"]),
            (["request", "open", "--session", sid, "--details", "Permohonan terlambat"], ["signed"]),
            (["rundown", "set", sid, os.path.join(self.data.tmp.name, "rundown.csv")], ["signed"]),
            (["request", "decide", self.data.numbers["budi"], "--decision", "refused", "--ground",
              "P17c", "--consequence-test", "Uji", "--reason", "Berubah pikiran"],
             ["already decided"]),
            # Whatever else is wrong with it, a second decision is refused as such.
            (["request", "decide", self.data.numbers["budi"], "--decision", "refused", "--ground",
              "P17c"], ["already decided"]),
        ]
        for args, mentions in refusals:
            r = studio.fails(self, *args, mentions=mentions)
            self.assertNotIn("internal error", r.err)
        self.assertEqual(studio.dump(), before, "refused edits change nothing")

        a = studio.ok(self, "session", "amend", sid, "--set",
                      "topic=Pelayanan SKCK dan SIM menjelang Idul Fitri",
                      "--reason", "Judul sesuai Sprin")
        self.assertTrue(a["after_signing"])
        b = studio.ok(self, "session", "amend", sid, "--request", self.data.numbers["p17b"],
                      "--set", "details=Kode sumber aplikasi SKCK daring", "--reason",
                      "Salah ketik pada register")
        self.assertTrue(b["after_signing"])
        hist = studio.ok(self, "session", "history", sid)
        self.assertEqual(len(hist["amendments"]), 2, "both corrections in the history")
        fields = [(c["field"], c["before"], c["after"]) for a in hist["amendments"]
                  for c in a["changes"]]
        self.assertIn(("topic", "Pelayanan SKCK menjelang Idul Fitri",
                       "Pelayanan SKCK dan SIM menjelang Idul Fitri"), fields)
        self.assertIn(("details", "Kode sumber aplikasi layanan SKCK online",
                       "Kode sumber aplikasi SKCK daring"), fields)
        self.assertEqual(hist["signature"]["name"], PPID_NAME, "the signature stands")
        actions = [r[0] for r in studio.query(
            "SELECT action FROM journal WHERE action LIKE '%.amend' ORDER BY id")]
        self.assertEqual(actions, ["session.amend", "request.amend"], "amendments are journalled")
        verify = studio.ok(self, "journal", "verify")
        self.assertTrue(verify["ok"], f"the hash chain still verifies: {verify}")
        self.assertGreater(verify["rows"], 50)

        data, path = self.export("report", "session", sid, "--format", "pdf", studio=studio,
                                 name="session1-amended.pdf")
        text = pdftotext(path)
        flat = " ".join(pdftotext(path, layout=False).split())
        self.assertIn("RIWAYAT CATATAN", text)
        self.assertIn("Judul sesuai Sprin", text, "the amendment's reason in the PDF's history")
        self.assertIn("Salah ketik pada register", flat)
        self.assertIn("setelah ditandatangani", flat, "marked as made after signing")
        self.assertIn('Topik: "Pelayanan SKCK menjelang Idul Fitri"', flat,
                      "the amended field named in Indonesian, with its value before")
        self.assertIn('Informasi yang diminta: "Kode sumber aplikasi layanan SKCK online"', flat)
        self.assertIn("Topik : Pelayanan SKCK dan SIM menjelang Idul Fitri", " ".join(text.split()),
                      "the record shows the corrected topic")
        self.assertIn(PPID_NAME, text, "still signed")
        self.assertNotIn("DRAF", text)


class DeadlineTest(PpidTestCase):

    def test_notice_deadline_crosses_the_idul_fitri_holidays(self):
        # Worked out by hand from the SKB of 2026 (../../shared/holidays.md): after Tuesday 17
        # March, Wednesday 18 (cuti bersama Nyepi), Thursday 19 (Nyepi), Friday 20 (cuti
        # bersama), 21-22 (Idul Fitri, weekend), Monday 23 and Tuesday 24 (cuti bersama) are no
        # working days; neither is Friday 3 April (Wafat Yesus Kristus). Ten working days:
        # 25, 26, 27, 30, 31 March, 1, 2, 6, 7, 8 April.
        received = datetime.date(2026, 3, 17)
        self.assertEqual(self.cal.add_working_days(received, 10), datetime.date(2026, 4, 8),
                         "the shipped holiday file agrees with the SKB")
        self.assertEqual(self.cal.add_working_days(datetime.date(2026, 4, 8), 7),
                         datetime.date(2026, 4, 17))
        due = self.data.due_log["s1_received"]
        s1 = {self.data.numbers[r["key"]] for r in self.keys_of(1)}
        rows = [d for d in due if d["registration_number"] in s1]
        self.assertEqual(len(rows), 8, f"every request of session 1 has a running deadline: {due}")
        for d in rows:
            self.assertEqual((d["kind"], d["due_date"], d["working_days_left"], d["overdue"]),
                             ("notice", "2026-04-08", 10, False), d)
        soon = self.data.due_log["s1_within_3_on_6_april"]
        # (Observed right after session 1's requests were registered.)
        self.assertEqual({d["registration_number"] for d in soon}, s1,
                         "on Monday 6 April, session 1's notices are due within 3 working days")
        for d in soon:
            if d["registration_number"] in s1:
                self.assertEqual(d["working_days_left"], 2, "6 April: 7 and 8 April are left")
        overdue = self.data.due_log["s1_overdue_on_9_april"]
        self.assertTrue(s1 <= {d["registration_number"] for d in overdue},
                        "on 9 April every undecided request of 17 March is overdue")
        self.assertTrue(all(d["overdue"] for d in overdue))

    def test_extension_adds_seven_working_days(self):
        ext = self.data.due_log["extended"]
        self.assertEqual(ext["due_date"], "2026-04-17")
        self.assertEqual(ext["original_due_date"], "2026-04-08")
        self.assertTrue(ext["extended"])
        doc = self.studio.ok(self, "request", "show", self.data.numbers["extended"])
        self.assertEqual(doc["due_date"], "2026-04-17")
        self.assertTrue(doc["overdue"], "still undecided long after 17 April")

    def test_follow_up_and_objection_deadlines(self):
        f = self.data.followup
        self.assertEqual(f["due_date"], self.cal.add_working_days(self.data.today, 5).isoformat(),
                         "the unit's own due date: 5 working days from today")
        o = self.data.objection
        self.assertEqual(o["due_date"], self.cal.add_working_days(self.data.today, 30).isoformat(),
                         "the superior answers within 30 working days (Pasal 36(2))")
        a = self.data.objection_answer
        self.assertEqual(a["dispute_deadline"],
                         self.cal.add_working_days(self.data.today, 14).isoformat(),
                         "a dispute within 14 working days of the answer (Pasal 37)")
        due = self.studio.ok(self, "request", "due")
        self.assertEqual({d["registration_number"]: d["due_date"] for d in due},
                         {self.data.numbers["pending_today"]:
                          self.cal.add_working_days(self.data.today, 10).isoformat(),
                          self.data.numbers["extended"]: "2026-04-17"},
                         "only the two undecided requests still have deadlines running")


if __name__ == "__main__":
    dstest.main()
