"""Shared set-up for the publication tests (SOPs 001 and 002): a station with its letterhead, a
Dialog Interaktif session that has ended with questions answered on air and an information
request, and the office's officers in their posts. Times are minute-exact and lie in the past
so that the SOP steps can be recorded with `--at` and their durations known in advance.
"""
import datetime
import os
import sqlite3
import struct
import subprocess
import zlib
from zoneinfo import ZoneInfo

import dstest

TZ = "Asia/Jakarta"
PHONE = "081234567890"
EMAIL = "budi.santoso@contoh.id"
RUNDOWN = ("kind,title,planned,notes\n"
           "opening,Pembukaan,3,\n"
           "material,Syarat dan biaya pembuatan SIM baru,5,Biaya sesuai PP 76/2020\n"
           "material,Layanan SIM keliling setiap Sabtu,5,\n"
           "qa,Tanya jawab,10,\n"
           "closing,Penutup,2,\n")

OFFICERS = [
    ("kasubbag", "kasub", "Yohanes Lepo", "Drs.", "197001011995031001"),
    ("staf", "staf1", "Maria Ulfa", "", "199203032019032002"),
    ("kabag", "kabag", "Hendrikus Djani", "Drs.", "196805051994031003"),
]


def local(dt):
    return dt.astimezone(ZoneInfo(TZ)).strftime("%Y-%m-%d %H:%M")


def png_bytes(width=64, height=48, rgb=(200, 30, 30)):
    """A small valid PNG (solid colour) made with the standard library."""
    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))

    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def ended_session(test, hours_ago=4):
    """Creates the station, programme and an ended session with two questions answered on air
    (one with a phone number, one with an e-mail address), one rejected and one information
    request; then moves its broadcast `hours_ago` hours into the past (minute-exact) by
    writing the times into the database, as if the programme had aired earlier today.
    Returns (session id, the moment it ended as an aware datetime)."""
    s = test.studio
    s.ok(test, "station", "set", "--code", "STG", "--name", "Pemkab Sintang", "--time-zone", TZ,
         "--letterhead", "PEMERINTAH KABUPATEN SINTANG\\nSEKRETARIAT DAERAH\\n"
         "Jl. Pangeran Kuning, Sintang", "--partner", "RRI Sintang")
    prog = s.ok(test, "programme", "create", "--title", "Dialog Interaktif Sapa Warga",
                "--partner", "RRI Sintang", "--length", "30")
    start = (datetime.datetime.now(ZoneInfo(TZ)) - datetime.timedelta(hours=hours_ago)).replace(
        second=0, microsecond=0)
    sid = s.ok(test, "session", "create", "--programme", prog["id"], "--topic",
               "layanan SIM keliling", "--start", local(start),
               "--sprin", "Sprin/12/XII/HUM/2026", "--sprin-date", start.date().isoformat(),
               "--officer", "producer|Andi Saputra||", "--officer", "screener|Rina Oktaviani||",
               "--guest", "Dedi Kurniawan|AKP|Kasat Lantas Polres Sintang",
               "--guest", "Sri Wahyuni||Kepala Dinas Perhubungan",
               "--check", "personnel", "--check", "materials", "--check", "schedule",
               "--check", "guest_input")["id"]
    rundown = os.path.join(test.tmpdir, "rundown.csv")
    with open(rundown, "w", encoding="utf-8") as f:
        f.write(RUNDOWN)
    s.ok(test, "rundown", "set", sid, rundown)
    s.ok(test, "session", "start", sid)
    qs = []
    for name, contact, origin, text in [
            ("Budi Santoso", PHONE, "Kel. Tanjung Puri", "Berapa biaya membuat SIM A baru?"),
            ("Siti Rahma", EMAIL, "Kec. Sungai Tebelian", "Kapan SIM keliling datang ke desa?"),
            ("Joko", "085311112222", "", "Pilih calon nomor dua!")]:
        q = s.ok(test, "question", "add", sid, "--channel", "phone", "--name", name,
                 "--contact", contact, "--origin", origin, "--text", text)
        qs.append(q["id"])
    for qid in qs[:2]:
        s.ok(test, "question", "approve", qid)
        s.ok(test, "question", "on-air", qid)
        s.ok(test, "question", "answered", qid)
    s.ok(test, "question", "reject", qs[2], "--reason", "Kampanye politik")
    s.ok(test, "question", "add", sid, "--channel", "letter", "--name", "Lina Marlina",
         "--text", "Mohon data SIM terbit 2026.", "--info-request", "--purpose", "Penelitian")
    s.ok(test, "session", "end", sid)
    ended = start + datetime.timedelta(minutes=30)
    utc = lambda d: d.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    con = sqlite3.connect(s.db)
    con.execute("UPDATE sessions SET started_at = ?, ended_at = ? WHERE id = ?",
                (utc(start), utc(ended), sid))
    con.commit()
    con.close()
    return sid, ended


def add_officers(test, officers=OFFICERS):
    for role, login, name, rank, nip in officers:
        test.studio.ok(test, "officer", "add", "--role", role, "--login", login, "--name", name,
                       "--rank", rank, "--nip", nip)


def as_actor(test, actor, *args):
    return test.studio.ok(test, "--actor", actor, *args)


def pdf_text(path):
    return subprocess.run(["pdftotext", "-enc", "UTF-8", "-layout", path, "-"],
                          capture_output=True, check=True, text=True).stdout


def pdf_flat(path):
    """The PDF's text in reading order with all whitespace collapsed to single spaces, so that
    words a table cell wrapped onto two lines read as one phrase."""
    raw = subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], capture_output=True,
                         check=True, text=True).stdout
    return " ".join(raw.split())


def pdf_pages(path):
    info = subprocess.run(["pdfinfo", path], capture_output=True, check=True, text=True).stdout
    return int([l for l in info.splitlines() if l.startswith("Pages:")][0].split()[1])
