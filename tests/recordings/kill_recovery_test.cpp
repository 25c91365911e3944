// Recovery of files left by a recorder really killed with SIGKILL mid-programme
// (recordings_test_recorder, its own process): `dialogstudio recover` repairs the file so every
// reader sees every frame that reached the disk, sample for sample, writes the markers as cue
// points (not the one timed past the end), checks the frames against the last heartbeat,
// marks the recording recovered and journals it; run again, it changes nothing.
#include <gtest/gtest.h>
#include <sndfile.h>

#include "RecordingsTestSupport.h"
#include "audio/WaveChunks.h"

using namespace ds;
using ds::test::TempDir;

namespace {

constexpr int kRate = 48000;

struct Killed {
    std::int64_t recordingId = 0;
    std::uint64_t framesAtKill = 0;
};

Killed recordAndKill(test::SessionFixture& fx, const std::filesystem::path& out,
                     const std::string& format, double seconds) {
    test::Child rec({DS_TEST_RECORDER, "--db", fx.dbPath.string(), "--session",
                     std::to_string(fx.session.id), "--out", out.string(), "--format", format,
                     "--seconds", "60", "--marker", "1.0:Pembukaan", "--marker",
                     "2.0:Pertanyaan 1: SIM keliling", "--late-marker", "Penutup"});
    Killed k;
    std::string line;
    while (rec.readLine(line, std::chrono::seconds(20))) {
        long long v = 0;
        if (std::sscanf(line.c_str(), "started %lld", &v) == 1) k.recordingId = v;
        if (std::sscanf(line.c_str(), "frames %lld", &v) == 1) {
            k.framesAtKill = static_cast<std::uint64_t>(v);
            if (v >= seconds * kRate) {
                rec.signal(SIGKILL);
                break;
            }
        }
        if (line.rfind("error", 0) == 0) break;
    }
    EXPECT_EQ(rec.wait(), 128 + SIGKILL) << rec.output();
    return k;
}

void expectPatternIntact(const std::filesystem::path& file, std::int64_t frames) {
    SF_INFO info{};
    SNDFILE* f = sf_open(file.c_str(), SFM_READ, &info);
    ASSERT_NE(f, nullptr) << sf_strerror(nullptr);
    ASSERT_EQ(info.frames, frames);
    std::vector<float> buf(static_cast<std::size_t>(frames) * 2);
    ASSERT_EQ(sf_readf_float(f, buf.data(), frames), frames);
    sf_close(f);
    int bad = 0;
    for (std::int64_t n = 0; n < frames && bad < 5; ++n) {
        const float want = static_cast<float>(static_cast<int>(n % 8192) - 4096) / 8192.0f;
        if (buf[2 * n] != want || buf[2 * n + 1] != -want) {
            ADD_FAILURE() << "frame " << n << " holds " << buf[2 * n] << ", not " << want;
            ++bad;
        }
    }
}

void checkRecovered(test::SessionFixture& fx, const Killed& k, const std::filesystem::path& file,
                    bool wav) {
    const auto recover = test::dialogstudio(fx.dbPath, "--json recover", false);
    ASSERT_EQ(recover.exitCode, 0) << recover.output;
    const auto doc = nlohmann::json::parse(recover.output);
    ASSERT_EQ(doc.size(), 1u) << doc.dump(2);
    const auto& o = doc[0];
    EXPECT_TRUE(o["error"].is_null()) << o.dump(2);
    EXPECT_EQ(o["recording"]["state"], "recovered");
    EXPECT_EQ(o["recording"]["id"], k.recordingId);
    EXPECT_TRUE(o["repair"]["modified"].get<bool>()) << o.dump(2);
    const std::int64_t onDisk = o["repair"]["frames_on_disk"];
    // Everything the recorder had written is there (WAV: to the block; FLAC: but the frame the
    // encoder was still filling); the kill came at most a block later.
    EXPECT_GE(onDisk, static_cast<std::int64_t>(k.framesAtKill) - (wav ? 480 : kRate / 5));
    EXPECT_LE(onDisk, static_cast<std::int64_t>(k.framesAtKill) + kRate / 10);
    // The database heard of all but the last second; nothing it knew of is missing.
    const std::int64_t heartbeat = o["frames_at_last_heartbeat"];
    EXPECT_GE(heartbeat, 2 * kRate);
    EXPECT_LE(heartbeat, onDisk);
    EXPECT_LE(o["seconds_lost"].get<double>(), wav ? 0.0 : 0.1);
    EXPECT_LE(o["seconds_after_last_heartbeat"].get<double>(), 1.2);

    expectPatternIntact(file, onDisk);
    const auto j = test::probe(file);
    ASSERT_TRUE(j.contains("format")) << file;
    EXPECT_NEAR(std::stod(j["format"].value("duration", "0")), static_cast<double>(onDisk) / kRate,
                0.001);
    const auto sox = test::run("sox " + test::quote(file.string()) + " -n stat 2>&1");
    EXPECT_EQ(sox.exitCode, 0) << sox.output;
    EXPECT_NE(sox.output.find(std::to_string(onDisk * 2)), std::string::npos) << sox.output;

    if (wav) {
        const auto cues = audio::WaveChunks::readCuePoints(file);
        ASSERT_EQ(cues.size(), 2u);
        EXPECT_EQ(cues[0].label, "Pembukaan");
        EXPECT_EQ(cues[1].label, "Pertanyaan 1: SIM keliling");
        // Placed by the producer at 1 s and 2 s of audio; positions come from the heartbeat.
        EXPECT_NEAR(static_cast<double>(cues[0].frame) / kRate, 1.0, 0.25);
        EXPECT_NEAR(static_cast<double>(cues[1].frame) / kRate, 2.0, 0.25);
        EXPECT_EQ(o["repair"]["markers_past_end"], 1);
    }

    // The journal: interrupted (noticed), what the repair did, recovered; the chain holds.
    EXPECT_EQ(fx.count("SELECT COUNT(*) FROM journal WHERE action = 'recording.interrupted'"), 1);
    EXPECT_EQ(fx.count("SELECT COUNT(*) FROM journal WHERE action = 'recording.repair'"), 1);
    EXPECT_EQ(fx.count("SELECT COUNT(*) FROM journal WHERE action = 'recording.recovered'"), 1);
    Statement st = fx.db.prepare(
        "SELECT after FROM journal WHERE action = 'recording.repair' ORDER BY id DESC");
    ASSERT_TRUE(st.step());
    const auto after = nlohmann::json::parse(st.getText(0));
    EXPECT_EQ(after["frames_on_disk"], onDisk);
    EXPECT_EQ(after["seconds_lost"], o["seconds_lost"]);
    const auto verify = test::dialogstudio(fx.dbPath, "journal verify");
    EXPECT_EQ(verify.exitCode, 0) << verify.output;

    // Again: nothing left to do, not one byte changes.
    const std::string repaired = test::sha256(file);
    const auto again = test::dialogstudio(fx.dbPath, "--json recover", false);
    EXPECT_EQ(nlohmann::json::parse(again.output).size(), 0u) << again.output;
    EXPECT_EQ(test::sha256(file), repaired);

    const auto show = test::dialogstudio(
        fx.dbPath, "--json recordings show " + std::to_string(k.recordingId), false);
    ASSERT_EQ(show.exitCode, 0) << show.output;
    const auto info = nlohmann::json::parse(show.output);
    EXPECT_EQ(info["frames"], onDisk);
    EXPECT_FALSE(info["loudness"].is_null());
    EXPECT_EQ(info["markers"].size(), 3u);
}

}  // namespace

TEST(KillRecovery, WavRecorderKilledWithSigkill) {
    TempDir dir;
    test::SessionFixture fx(dir.path());
    const auto folder = fx.folder();
    std::filesystem::create_directories(folder);
    const auto file = folder / "programme.wav";
    const Killed k = recordAndKill(fx, file, "wav", 3.3);
    ASSERT_GT(k.recordingId, 0);
    ASSERT_GE(k.framesAtKill, static_cast<std::uint64_t>(3.3 * kRate));
    checkRecovered(fx, k, file, true);
}

TEST(KillRecovery, FlacRecorderKilledWithSigkill) {
    TempDir dir;
    test::SessionFixture fx(dir.path());
    const auto folder = fx.folder();
    std::filesystem::create_directories(folder);
    const auto file = folder / "programme.flac";
    const Killed k = recordAndKill(fx, file, "flac", 3.3);
    ASSERT_GT(k.recordingId, 0);
    checkRecovered(fx, k, file, false);
}

TEST(KillRecovery, RecordingCommandsRecoverFirst) {
    // Not `recover` but `recordings list`: the interrupted recording is repaired on the way.
    TempDir dir;
    test::SessionFixture fx(dir.path());
    const auto folder = fx.folder();
    std::filesystem::create_directories(folder);
    const auto file = folder / "programme.wav";
    const Killed k = recordAndKill(fx, file, "wav", 1.5);
    const auto list = test::dialogstudio(fx.dbPath, "recordings list");
    EXPECT_EQ(list.exitCode, 0) << list.output;
    EXPECT_NE(list.output.find("was interrupted and has been recovered"), std::string::npos)
        << list.output;
    EXPECT_NE(list.output.find("recovered"), std::string::npos);
    EXPECT_EQ(RecordingStore(fx.db).get(k.recordingId).state, "recovered");
}
