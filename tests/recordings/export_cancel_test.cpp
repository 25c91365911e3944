// Cancelling in the middle of an export: from another thread through ExportJob (as the control
// room does) and with SIGINT on the command line. Either way no file appears under the final
// name, the .part file is gone, and an earlier file of that name is left as it was.
#include "ExportFixture.h"
#include "recordings/ExportCancelled.h"
#include "recordings/ExportJob.h"

using namespace ds;
using namespace ds::test;

TEST(ExportCancel, JobCancelledFromAnotherThread) {
    TempDir dir;
    const int rate = 48000;
    writeRecording(dir / "long.wav", speechLike(120.0, rate, 2, -20.0), rate, 2);
    recordings::ExportPlan plan;
    plan.sources = {dir / "long.wav"};
    plan.settings = recordings::ExportSettings::forPreset(recordings::ExportFormat::Mp3,
                                                          recordings::ExportPreset::Web);
    plan.output = dir / "long.mp3";
    recordings::ExportJob job(plan);
    job.start();
    // Wait until it is encoding, part-way through.
    while (!job.finished() &&
           !(job.phase() == recordings::ExportControl::Phase::Encoding && job.progress() > 0.45))
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    ASSERT_FALSE(job.finished()) << "the export ended before it could be cancelled";
    EXPECT_TRUE(std::filesystem::exists(dir / "long.mp3.part"));
    job.cancel();
    EXPECT_THROW(job.result(), recordings::ExportCancelled);
    EXPECT_FALSE(std::filesystem::exists(dir / "long.mp3"));
    EXPECT_FALSE(std::filesystem::exists(dir / "long.mp3.part"));
}

TEST(ExportCancel, SigintOnTheCommandLine) {
    TempDir dir;
    SessionFixture fx(dir.path());
    std::filesystem::create_directories(fx.folder());
    const int rate = 48000;
    const auto source = fx.folder() / "programme.wav";
    writeRecording(source, speechLike(240.0, rate, 2, -20.0), rate, 2);
    fx.addRecording(source, 240 * rate, rate, {{rate, "segment", 0}});
    const std::string sum = sha256(source);
    const auto out = dir / "programme.m4a";
    {
        std::ofstream keep(out);
        keep << "an earlier export";
    }
    Child cli({DS_DIALOGSTUDIO, "--db", fx.dbPath.string(), "--lang", "en", "export",
               std::to_string(fx.session.id), "--format", "m4a", "--overwrite", "--output",
               out.string()});
    std::string line;
    bool sent = false;
    while (cli.readLine(line, std::chrono::seconds(60))) {
        if (!sent && line.find("export: encoding") != std::string::npos) {
            cli.signal(SIGINT);
            sent = true;
        }
    }
    ASSERT_TRUE(sent) << cli.output();
    EXPECT_EQ(cli.wait(), 1) << cli.output();
    EXPECT_NE(cli.output().find("cancelling the export"), std::string::npos) << cli.output();
    EXPECT_NE(cli.output().find("export cancelled; no file was written"), std::string::npos)
        << cli.output();
    std::ifstream kept(out);
    std::string text;
    std::getline(kept, text);
    EXPECT_EQ(text, "an earlier export");
    EXPECT_FALSE(std::filesystem::exists(dir / "programme.m4a.part"));
    EXPECT_EQ(sha256(source), sum);
    EXPECT_EQ(fx.count("SELECT COUNT(*) FROM journal WHERE action = 'recording.export'"), 0);
}
