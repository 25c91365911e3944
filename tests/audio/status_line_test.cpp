// The recorder's status line contract (audio/RecorderStatusLine.h): what `record --json` prints
// reads back as the same figures, silence survives as null, and a reader refuses what is not a
// line of its version instead of showing it as silence.
#include <gtest/gtest.h>

#include "audio/RecorderStatusLine.h"

namespace ds::audio {
namespace {

RecorderStatusLine sample() {
    RecorderStatusLine s;
    s.recording = 42;
    s.elapsed = 12.345;
    s.frames = 592560;
    s.state = "running";
    s.channels.push_back({-6.02, -3.5, -9.03, -5.87, false});
    s.channels.push_back({-0.05, -0.05, -3.1, 0.42, true});
    s.channels.push_back({});  // a silent channel: every level -infinity
    s.momentaryLufs = -23.4;
    s.shortTermLufs = -22.9;
    s.integratedLufs = RecorderStatusLine::kSilence;  // not enough audio yet
    s.loudnessRangeLu = 4.5;
    s.alarms = {"clipping", "dead_air"};
    s.dropped = 256;
    s.gaps = 1;
    return s;
}

TEST(RecorderStatusLine, RoundTripKeepsEveryField) {
    const RecorderStatusLine s = sample();
    const auto back = RecorderStatusLine::fromJson(nlohmann::json::parse(s.toJson().dump()));
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(*back, s);
    // And the text itself is stable: JSON -> struct -> JSON gives the same line.
    EXPECT_EQ(back->toJson().dump(), s.toJson().dump());
}

TEST(RecorderStatusLine, SilenceIsNullAndFiguresAreRounded) {
    RecorderStatusLine s = sample();
    s.channels[0].peakDbfs = -6.0206;
    s.elapsed = 1.23456;
    const nlohmann::json j = s.toJson();
    EXPECT_EQ(j["version"], RecorderStatusLine::kVersion);
    EXPECT_TRUE(j["channels"][2]["peak_dbfs"].is_null());
    EXPECT_TRUE(j["lufs"]["integrated"].is_null());
    EXPECT_DOUBLE_EQ(j["channels"][0]["peak_dbfs"].get<double>(), -6.02);
    EXPECT_DOUBLE_EQ(j["elapsed"].get<double>(), 1.235);
    EXPECT_EQ(j["channels"][1]["clipping"], true);
    const auto back = RecorderStatusLine::fromJson(j);
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(back->channels[2].rmsDbfs, RecorderStatusLine::kSilence);
    EXPECT_EQ(back->integratedLufs, RecorderStatusLine::kSilence);
}

TEST(RecorderStatusLine, AReaderRefusesOtherVersionsAndBrokenLines) {
    nlohmann::json j = sample().toJson();
    j["version"] = RecorderStatusLine::kVersion + 1;
    EXPECT_FALSE(RecorderStatusLine::fromJson(j).has_value());
    j.erase("version");
    EXPECT_FALSE(RecorderStatusLine::fromJson(j).has_value()) << "a line without a version";
    const std::string cut = sample().toJson().dump().substr(0, 40);
    EXPECT_FALSE(RecorderStatusLine::fromJson(nlohmann::json::parse(cut, nullptr, false)));
    nlohmann::json wrong = sample().toJson();
    wrong["frames"] = "many";
    EXPECT_FALSE(RecorderStatusLine::fromJson(wrong).has_value()) << "a field of the wrong type";
    EXPECT_FALSE(RecorderStatusLine::fromJson(nlohmann::json::array()).has_value());
}

TEST(RecorderStatusLine, TheRecorderDecidesClipping) {
    EXPECT_TRUE(RecorderStatusLine::clippingAt(-0.05, -0.3));  // sample peak at full scale
    EXPECT_TRUE(RecorderStatusLine::clippingAt(-1.0, 0.2));    // inter-sample peak over it
    EXPECT_FALSE(RecorderStatusLine::clippingAt(-0.5, -0.2));
    EXPECT_FALSE(
        RecorderStatusLine::clippingAt(RecorderStatusLine::kSilence, RecorderStatusLine::kSilence));
}

}  // namespace
}  // namespace ds::audio
