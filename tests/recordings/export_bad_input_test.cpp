// Bad input to an export: a missing or damaged recording, an unknown format, markers past the
// end of the audio, the output being the recording itself, and a disk that fills up during the
// export. Each gives one clear error, leaves no partial file, overwrites nothing, and the
// recording is never modified (the fixture checks its checksum after every test).
#include <sys/mount.h>
#include <sys/resource.h>

#include <csignal>

#include "ExportFixture.h"
#include "recordings/ExportControl.h"
#include "recordings/Exporter.h"
#include "studio/Errors.h"

using namespace ds;
using namespace ds::test;

class BadInput : public ExportFixture {};

TEST_F(BadInput, UnknownFormat) {
    const auto r = exportWithErrors("--format wav");
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.output.find("unknown export format 'wav'"), std::string::npos) << r.output;
    const auto preset = exportWithErrors("--format mp3 --preset radio");
    EXPECT_EQ(preset.exitCode, 1);
    EXPECT_NE(preset.output.find("unknown preset 'radio'"), std::string::npos) << preset.output;
    const auto loud = exportWithErrors("--format mp3 --loudness loud");
    EXPECT_EQ(loud.exitCode, 1);
    EXPECT_NE(loud.output.find("-16 (web, podcast)"), std::string::npos) << loud.output;
    const auto ext = exportWithErrors("--format mp3 --output " + quote((dir / "x.wav").string()));
    EXPECT_EQ(ext.exitCode, 1);
    EXPECT_NE(ext.output.find("does not end in .mp3"), std::string::npos) << ext.output;
}

TEST_F(BadInput, MissingRecording) {
    const auto moved = dir / "elsewhere.wav";
    std::filesystem::rename(source, moved);
    const auto r = exportWithErrors("--format mp3");
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.output.find("is missing"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find(source.string()), std::string::npos) << r.output;
    EXPECT_FALSE(std::filesystem::exists(fx->folder() / "programme-web.mp3"));
    std::filesystem::rename(moved, source);
    expectNoPartFiles(dir.path());
}

TEST_F(BadInput, DamagedRecording) {
    // The file replaced by rubbish of the same name (a disk error, a bad copy).
    const auto kept = dir / "kept.wav";
    std::filesystem::rename(source, kept);
    {
        std::ofstream out(source, std::ios::binary);
        for (int i = 0; i < 10000; ++i)
            out << "rubbish ";
    }
    const std::string rubbish = sha256(source);
    const auto r = exportWithErrors("--format m4a");
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.output.find("cannot read the recording"), std::string::npos) << r.output;
    EXPECT_EQ(sha256(source), rubbish);
    EXPECT_FALSE(std::filesystem::exists(fx->folder() / "programme-web.m4a"));
    std::filesystem::remove(source);
    std::filesystem::rename(kept, source);
    expectNoPartFiles(dir.path());
}

TEST_F(BadInput, MarkersPastTheEnd) {
    // A second recording, 3 s long, whose producer put Pertanyaan 3 on air at 5 s (the
    // recorder had died): the whole export leaves that chapter out with a warning, a clip of it
    // is refused.
    const auto shortFile = fx->folder() / "programme-2.wav";
    writeRecording(shortFile, speechLike(3.0, kRate, 2, -20.0), kRate, 2);
    const auto r2 = fx->addRecording(shortFile, 3 * kRate, kRate,
                                     {{kRate, "segment", 4}, {5 * kRate, "question", 2}});
    const std::string shortSum = sha256(shortFile);
    const auto clip = exportWithErrors("--format mp3 --recording " + std::to_string(r2.id) +
                                       " --clip question:3");
    EXPECT_EQ(clip.exitCode, 1);
    EXPECT_NE(clip.output.find("lies after the end of the recording's audio"), std::string::npos)
        << clip.output;
    const auto whole = exportWithErrors("--format mp3 --recording " + std::to_string(r2.id) +
                                        " --output " + quote((dir / "short.mp3").string()));
    EXPECT_EQ(whole.exitCode, 0) << whole.output;
    EXPECT_NE(whole.output.find("Pertanyaan 3: Tilang elektronik' lies after the last audio"),
              std::string::npos)
        << whole.output;
    // The second before Penutup (the programme's lead-in) and Penutup; no Pertanyaan 3.
    const auto chapters = probe(dir / "short.mp3")["chapters"];
    ASSERT_EQ(chapters.size(), 2u) << chapters.dump(2);
    EXPECT_EQ(chapters[0]["tags"]["title"], "Dialog Interaktif Kamtibmas");
    EXPECT_EQ(chapters[1]["tags"]["title"], "Penutup");
    EXPECT_EQ(sha256(shortFile), shortSum);
    expectNoPartFiles(dir.path());
}

TEST_F(BadInput, OutputIsTheRecordingItself) {
    // Even with --overwrite, and even named through another path.
    const auto sneaky = fx->folder() / "." / "programme.wav";
    const auto r = exportWithErrors("--format flac --overwrite --output " + quote(sneaky.string()));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.output.find("does not end in .flac"), std::string::npos) << r.output;
    recordings::ExportPlan plan;
    plan.sources = {source};
    plan.settings = recordings::ExportSettings::forPreset(recordings::ExportFormat::Flac,
                                                          recordings::ExportPreset::Archive);
    plan.output = fx->folder() / "programme.flac";
    std::filesystem::create_symlink(source, plan.output);
    plan.overwrite = true;
    recordings::ExportControl control;
    try {
        recordings::Exporter(plan, control).run();
        ADD_FAILURE() << "exported over the recording";
    } catch (const UserError& e) {
        EXPECT_NE(std::string(e.what()).find("is the recording itself"), std::string::npos)
            << e.what();
    }
    std::filesystem::remove(plan.output);
}

TEST_F(BadInput, FullDiskDuringExport) {
    // A real small file system when we may mount one (root in CI); the existing file under the
    // output name must survive the failed export.
    const auto small = dir / "small";
    std::filesystem::create_directories(small);
    if (::mount("tmpfs", small.c_str(), "tmpfs", 0, "size=160k") != 0)
        GTEST_SKIP() << "cannot mount a tmpfs here; FullDiskSimulated covers this";
    const auto out = small / "programme.mp3";
    {
        std::ofstream keep(out);
        keep << "an earlier export that must survive";
    }
    const std::string kept = sha256(out);
    const auto r = exportWithErrors("--format mp3 --preset archive --overwrite --output " +
                                    quote(out.string()));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.output.find("No space left on device"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("nothing was written"), std::string::npos) << r.output;
    EXPECT_EQ(sha256(out), kept);
    EXPECT_FALSE(std::filesystem::exists(small / "programme.mp3.part"));
    ::umount2(small.c_str(), MNT_DETACH);
}

TEST_F(BadInput, FullDiskSimulated) {
    // Without privileges: RLIMIT_FSIZE in a child process makes writes past 100 KB fail (EFBIG)
    // as a full disk would (ENOSPC); the export must fail cleanly the same way.
    const auto out = dir / "limited.mp3";
    const pid_t pid = ::fork();
    if (pid == 0) {
        std::signal(SIGXFSZ, SIG_IGN);
        const rlimit limit{100 * 1024, 100 * 1024};
        ::setrlimit(RLIMIT_FSIZE, &limit);
        recordings::ExportPlan plan;
        plan.sources = {source};
        plan.settings = recordings::ExportSettings::forPreset(recordings::ExportFormat::Mp3,
                                                              recordings::ExportPreset::Archive);
        plan.output = out;
        recordings::ExportControl control;
        try {
            recordings::Exporter(plan, control).run();
            std::_Exit(0);
        } catch (const UserError& e) {
            const std::string m = e.what();
            std::_Exit(m.find("File too large") != std::string::npos &&
                               m.find("nothing was written") != std::string::npos
                           ? 3
                           : 4);
        }
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 3);
    EXPECT_FALSE(std::filesystem::exists(out));
    EXPECT_FALSE(std::filesystem::exists(dir / "limited.mp3.part"));
}
