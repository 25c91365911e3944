#include "publication/SopStandard.h"

#include <array>

#include <fmt/format.h>

#include "studio/Errors.h"

namespace ds::publication {

namespace {

using R = OfficeRole;

constexpr std::array kReleaseSteps{
    SopStepInfo{Sop::Release, 1, "order",
                "Memerintahkan staf mendokumentasikan dan meliput kegiatan",
                "Order documentation and coverage", R::Kasubbag, 60},
    SopStepInfo{Sop::Release, 2, "draft", "Mengumpulkan bahan/data dan menyusun draft rilis",
                "Gather material and draft the release", R::Staff, 60},
    SopStepInfo{Sop::Release, 3, "kasubbag_correct",
                "Mengoreksi draft redaksional untuk disampaikan kepada Kabag",
                "Correct the draft for the Kabag", R::Kasubbag, 5},
    SopStepInfo{Sop::Release, 4, "kabag_correct",
                "Mengoreksi draft redaksional dan mengembalikan kepada Kasubbag",
                "Correct the draft and return it to the Kasubbag", R::Kabag, 5},
    SopStepInfo{Sop::Release, 5, "upload",
                "Menerima draft dan mengunggah ke website dan akun media sosial",
                "Upload to the website and social media", R::Kasubbag, 5},
};

constexpr std::array kCoverageSteps{
    SopStepInfo{Sop::Coverage, 1, "register",
                "Surat permintaan peliputan atau agenda kepala daerah dicatat",
                "Register the request or agenda", R::Staff, 10},
    SopStepInfo{Sop::Coverage, 2, "kadis_dispose", "Kepala Dinas membuat disposisi kepada Kabid",
                "Kadis disposes to the Kabid", R::Kadis, 5},
    SopStepInfo{Sop::Coverage, 3, "kabid_dispose",
                "Kabid disposisi kepada Kasi untuk menyusun jadwal dan tim peliputan",
                "Kabid disposes to the Kasi", R::Kabid, 5},
    SopStepInfo{Sop::Coverage, 4, "schedule", "Kasi membuat jadwal dan menunjuk tim peliputan",
                "Kasi schedules and names the team", R::Kasi, 15},
    SopStepInfo{Sop::Coverage, 5, "kasi_nota",
                "Kasi menyampaikan nota dinas jadwal dan petugas peliputan kepada Kabid",
                "Kasi's nota dinas to the Kabid", R::Kasi, 5},
    SopStepInfo{Sop::Coverage, 6, "kabid_order", "Kabid disposisi perintah peliputan",
                "Kabid orders the coverage", R::Kabid, 10},
    SopStepInfo{Sop::Coverage, 7, "spt_nota", "Kabid menyampaikan nota dinas penerbitan SPT",
                "Kabid's nota dinas for an SPT", R::Kabid, 10},
    SopStepInfo{Sop::Coverage, 8, "spt_draft", "Membuat surat perintah tugas tim", "Draft the SPT",
                R::Staff, 10},
    SopStepInfo{Sop::Coverage, 9, "spt_sign",
                "Kabid, Sekretaris memberi paraf dan Kadis menandatangani SPT",
                "Initial and sign the SPT", R::Kadis, 15},
    SopStepInfo{Sop::Coverage, 10, "coverage", "Peliputan", "Coverage", R::Staff, std::nullopt},
    SopStepInfo{Sop::Coverage, 11, "report",
                "Melaporkan hasil peliputan untuk publikasi dan pendokumentasian",
                "Report the coverage", R::Staff, 60},
    SopStepInfo{Sop::Coverage, 12, "website", "Mempublikasikan melalui website",
                "Publish on the website", R::Staff, 15},
    SopStepInfo{Sop::Coverage, 13, "social", "Mempublikasikan berita dan foto di media sosial",
                "Publish on social media", R::Staff, 10},
    SopStepInfo{Sop::Coverage, 14, "mass_media", "Mengirim rilis dan foto ke media massa",
                "Send the release to the mass media", R::Staff, 10},
    SopStepInfo{Sop::Coverage, 15, "archive", "Menyimpan file hasil peliputan sebagai dokumen",
                "Archive the files", R::Staff, 20},
};

}  // namespace

std::string_view sopCode(Sop sop) {
    return sop == Sop::Release ? "001" : "002";
}

std::optional<Sop> parseSop(std::string_view code) {
    if (code == "001") return Sop::Release;
    if (code == "002") return Sop::Coverage;
    return std::nullopt;
}

std::string_view sopTitle(Sop sop) {
    return sop == Sop::Release ? "SOP Penyebarluasan Informasi (rilis)"
                               : "SOP Peliputan dan Dokumentasi";
}

std::span<const SopStepInfo> sopSteps(Sop sop) {
    if (sop == Sop::Release) return kReleaseSteps;
    return kCoverageSteps;
}

const SopStepInfo& sopStep(Sop sop, int number) {
    for (const SopStepInfo& s : sopSteps(sop))
        if (s.number == number) return s;
    throw UserError(fmt::format("SOP {} has no step {}", sopCode(sop), number));
}

std::optional<Duration> standardOf(const SopStepInfo& step) {
    if (!step.standardMinutes) return std::nullopt;
    return std::chrono::minutes(*step.standardMinutes);
}

bool overStandard(const SopStepInfo& step, Duration taken) {
    auto standard = standardOf(step);
    return standard && taken > *standard;
}

}  // namespace ds::publication
