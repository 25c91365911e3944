#include "studio/Demo.h"

#include <fmt/format.h>

#include "studio/IntakeService.h"
#include "studio/ProgrammeStore.h"
#include "studio/QuestionStore.h"
#include "studio/RequestStore.h"
#include "studio/SessionStore.h"
#include "studio/StationStore.h"

namespace ds {

namespace {

const nlohmann::json kTemplate = nlohmann::json::parse(R"([
  {"kind": "opening", "title": "Pembukaan dan perkenalan narasumber", "planned": "3:00"},
  {"kind": "material", "title": "Materi: keselamatan berlalu lintas dan pelayanan SIM", "planned": "12:00"},
  {"kind": "qa", "title": "Tanya jawab sesi 1", "planned": "15:00"},
  {"kind": "break", "title": "Jeda: lagu daerah dan iklan layanan masyarakat", "planned": "4:00"},
  {"kind": "qa", "title": "Tanya jawab sesi 2", "planned": "15:00"},
  {"kind": "material", "title": "Imbauan Kamtibmas", "planned": "6:00"},
  {"kind": "closing", "title": "Penutup dan kesimpulan", "planned": "5:00"}
])");

struct DemoQuestion {
    const char* channel;
    const char* name;
    const char* origin;
    const char* contact;
    const char* text;
    const char* topic;
    bool infoRequest;
    const char* purpose;
};

// Listener questions of a typical Dialog Interaktif Kamtibmas (names and numbers invented).
const DemoQuestion kQuestions[] = {
    {"phone", "Budi Santoso", "Kel. Pasar Melintang", "081273451290",
     "Selamat pagi Pak, bagaimana cara melaporkan kehilangan STNK, apakah bisa secara online?",
     "Administrasi kendaraan", false, ""},
    {"whatsapp", "Siti Rahmawati", "Kec. Gading Cempaka", "085267001122",
     "Apakah ada patroli di Jalan Suprapto malam hari? Banyak warga resah karena balap liar.",
     "Balap liar", false, ""},
    {"email", "Dewi Anggraini", "Kel. Padang Jati", "dewi.anggraini@contoh.id",
     "Mohon informasi jumlah kasus curanmor di Kota Bengkulu tahun 2026 dan berapa yang sudah "
     "terungkap.",
     "Statistik kriminalitas", true, "Bahan penelitian skripsi"},
    {"phone", "Rudi Hartono", "Kel. Sawah Lebar", "081377889900",
     "Bagaimana perkembangan penyidikan kasus penipuan arisan online di Padang Jati? Siapa saja "
     "saksinya?",
     "Penipuan online", true, "Ingin tahu perkembangan kasus"},
    {"sms", "Ahmad Fauzi", "Kec. Teluk Segara", "082180004455",
     "Syarat membuat SKCK untuk melamar kerja apa saja, Pak?", "SKCK", false, ""},
    {"whatsapp", "Anonim", "Kec. Ratu Agung", "081299990000",
     "Warga pendatang di lingkungan kami sering ribut, usir pendatang saja Pak!", "Ketertiban",
     false, ""},
    {"social", "Yuliana", "Kel. Kampung Bali", "@yuliana.bkl",
     "Pilih paslon nomor urut 2 supaya Bengkulu aman!", "", false, ""},
    {"sms", "Hendra Gunawan", "Kec. Selebar", "081366554433",
     "Pak, syarat SKCK untuk kerja itu apa saja ya?", "SKCK", false, ""},
    {"social", "Rahmat Hidayat", "Kec. Teluk Segara", "@rahmat_h",
     "Berapa jumlah Bhabinkamtibmas yang bertugas di Kecamatan Teluk Segara dan di mana posnya?",
     "Bhabinkamtibmas", true, "Untuk menghubungi Bhabinkamtibmas di kelurahan kami"},
    {"phone", "Sri Wahyuni", "Kel. Tanah Patah", "081244332211",
     "Lampu jalan di depan Polsek Teluk Segara mati sudah seminggu, rawan kejahatan. Mohon "
     "diteruskan.",
     "Keluhan", false, ""},
    {"whatsapp", "Joko Susilo", "Kec. Selebar", "085377665544",
     "Kapan jadwal SIM keliling di Kecamatan Selebar bulan depan?", "SIM keliling", false, ""},
    {"studio", "Ibu Marlina", "Kel. Lingkar Barat", "",
     "Terima kasih Polres Bengkulu atas patroli malam di Pasar Minggu, sekarang lebih aman.",
     "Apresiasi", false, ""},
};

}  // namespace

std::int64_t Demo::create(Database& db, const std::string& actor) {
    StationStore stations(db);
    Station st = stations.current(actor);
    if (st.code == "HUMAS") {
        st.code = "BKL";
        st.name = "Polres Bengkulu";
        st.timeZone = "Asia/Jakarta";
        st.letterhead =
            "KEPOLISIAN NEGARA REPUBLIK INDONESIA\nDAERAH BENGKULU\nRESOR BENGKULU\n"
            "Jl. Adam Malik No. 1, Kota Bengkulu";
        st.partnerMedia = {"RRI Bengkulu Pro 1 FM", "Radio Rafflesia FM"};
        st.units = {{"satfung", "Sat Lantas"},
                    {"satfung", "Sat Reskrim"},
                    {"satfung", "Sat Binmas"},
                    {"polsek", "Polsek Teluk Segara"},
                    {"polsek", "Polsek Gading Cempaka"},
                    {"bhabinkamtibmas", "Bhabinkamtibmas Kel. Pasar Melintang"}};
        st = stations.update(st, actor);
    }

    ProgrammeStore programmes(db);
    Programme p;
    for (const Programme& existing : programmes.list(st.id)) {
        if (existing.title == "Dialog Interaktif Kamtibmas") p = existing;
    }
    if (p.id == 0) {
        p.stationId = st.id;
        p.title = "Dialog Interaktif Kamtibmas";
        p.partnerMedia = "RRI Bengkulu Pro 1 FM";
        p.weekday = 4;
        p.startTime = "09:00";
        p.lengthMinutes = 60;
        p.rundownTemplate = kTemplate;
        p = programmes.create(p, actor);
    }

    // The session starts now, so the control room shows a running clock at once.
    SessionStore sessions(db);
    Session s;
    s.programmeId = p.id;
    s.topic = "Keselamatan berlalu lintas dan pelayanan SIM, SKCK bagi masyarakat";
    TimePoint start = std::chrono::floor<std::chrono::minutes>(now());
    s.scheduledStart = start;
    s.plannedLength = std::chrono::minutes(60);
    s.sprinNumber = "Sprin/412/XI/HUM.1.1./2026";
    s.sprinDate = localDay(start, st.timeZone) - date::days(3);
    s.checklist = {true, true, true, true};
    s.officers = {{"producer", "Andi Saputra", "Bripka", "87050123"},
                  {"screener", "Rina Oktaviani", "Brigpol", "93100456"},
                  {"ppid", "Hadi Prasetyo", "AKP", "78030789"},
                  {"host", "Melati Puspita (RRI Bengkulu)", "", ""}};
    s.guests = {{"Dedi Kurniawan", "AKP", "Kasat Lantas Polres Bengkulu"},
                {"Sugeng Riyadi", "Iptu", "Kanit Regident Sat Lantas"}};
    s = sessions.create(s, actor);
    s = sessions.start(s.id, false, actor);

    WorkingCalendar cal = StationStore::calendar(st);
    RequestStore requests(db, st, cal);
    IntakeService intake(db);
    QuestionStore questions(db);
    std::vector<std::int64_t> ids;
    for (const DemoQuestion& d : kQuestions) {
        Question q;
        q.sessionId = s.id;
        q.channel = d.channel;
        q.callerName = d.name;
        q.origin = d.origin;
        q.contact = d.contact;
        q.text = d.text;
        q.topic = d.topic;
        q.infoRequest = d.infoRequest;
        q.purpose = d.purpose;
        q.written = q.channel != "phone" && q.channel != "studio";
        ids.push_back(intake.receive(q, actor).id);
    }
    // Screening as it goes in a real session.
    questions.approve(ids[0], actor);
    questions.onAir(ids[0], actor);
    questions.answered(ids[0], actor);
    questions.approve(ids[1], actor);
    questions.onAir(ids[1], actor);
    questions.screen(ids[2], "Permohonan informasi, diteruskan ke PPID", actor);
    questions.approve(ids[2], actor);
    questions.approve(ids[4], actor);
    questions.reject(ids[5], "Mengandung unsur SARA (SOP Bhabinkamtibmas/Community Policing)",
                     actor);
    questions.merge(ids[7], ids[4], actor);
    questions.screen(ids[8], "", actor);
    questions.defer(ids[9], "Keluhan diteruskan ke Polsek Teluk Segara, dijawab tertulis", actor);
    questions.approve(ids[10], actor);
    questions.screen(ids[11], "Apresiasi, dibacakan bila ada waktu", actor);

    // Decisions on the requests the questions made, and two requests entered directly.
    RequestListFilter f;
    f.sessionId = s.id;
    auto fromQuestions = requests.list(f, now());
    Decision partial;
    partial.decision = "granted_partial";
    partial.materialGiven =
        "Jumlah laporan curanmor Januari-Oktober 2026 dan jumlah yang terungkap";
    partial.redactedParts = "Rincian per tersangka";
    partial.redactionReason = "Rahasia pribadi (Pasal 17 huruf h) dan proses penyidikan berjalan";
    partial.medium = "Softcopy PDF melalui e-mail";
    requests.decide(fromQuestions.at(0).id, partial, actor);
    Decision refuse;
    refuse.decision = "refused";
    refuse.ground = "P17a";
    refuse.subground = 2;
    refuse.consequenceTest =
        "Membuka identitas saksi dapat membahayakan saksi dan menghambat penyidikan yang berjalan";
    refuse.exemptionPeriod = "Sampai perkara dilimpahkan ke kejaksaan";
    refuse.reason = "Identitas saksi dalam penyidikan yang sedang berjalan dikecualikan";
    requests.decide(fromQuestions.at(1).id, refuse, actor);
    requests.extend(fromQuestions.at(2).id,
                    "Data pos Bhabinkamtibmas sedang dihimpun dari Sat Binmas dan Polsek jajaran",
                    actor);

    InfoRequest letter;
    letter.sessionId = s.id;
    letter.channel = "letter";
    letter.requester = {"LBH Rafflesia (Nurhayati, S.H.)",
                        "Jl. S. Parman No. 12, Kota Bengkulu",
                        "Advokat",
                        "",
                        "",
                        "",
                        ""};
    letter.details =
        "Data jumlah laporan KDRT tahun 2025 per kecamatan di wilayah hukum Polres Bengkulu";
    letter.purpose = "Penyusunan laporan tahunan pendampingan korban";
    letter.obtainMethod = "copy_soft";
    letter.deliveryMethod = "email";
    letter.receivedAt = now() - std::chrono::minutes(30);
    InfoRequest l = requests.open(letter, actor);
    Decision full;
    full.decision = "granted_full";
    full.materialGiven = "Rekapitulasi laporan KDRT 2025 per kecamatan";
    full.medium = "Softcopy XLSX";
    requests.decide(l.id, full, actor);

    InfoRequest mail;
    mail.sessionId = s.id;
    mail.channel = "email";
    mail.requester = {"Fajar Nugroho",
                      "Kel. Jalan Gedang, Kota Bengkulu",
                      "Wartawan",
                      "",
                      "fajar.nugroho@contoh.id",
                      "",
                      ""};
    mail.details = "Salinan hasil audit internal pengadaan kendaraan patroli 2025";
    mail.purpose = "Bahan liputan";
    mail.obtainMethod = "copy_soft";
    mail.deliveryMethod = "email";
    InfoRequest m = requests.open(mail, actor);
    requests.escalate(
        m.id, "Memuat memorandum internal (Pasal 17 huruf i); perlu kebijakan Kapolres", actor);
    return s.id;
}

}  // namespace ds
