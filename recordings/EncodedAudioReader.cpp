#include "recordings/EncodedAudioReader.h"

#include <cstdint>

#include <fmt/format.h>

#include "recordings/AvHandles.h"
#include "studio/Errors.h"

namespace ds::recordings {

struct EncodedAudioReader::State {
    AvInputContext format;
    AvCodecContextPtr codec;
    SwrContextPtr resampler;
    AvPacketPtr packet;
    AvFramePtr frame;
    int stream = -1;
    bool inputDone = false;
    bool decoderDone = false;
    bool flushed = false;
};

EncodedAudioReader::EncodedAudioReader(const std::filesystem::path& file)
    : file_(file), s_(std::make_unique<State>()) {
    av_log_set_level(AV_LOG_ERROR);
    auto fail = [&](const char* what, int rc) {
        throw UserError(fmt::format("{} '{}': {}", what, file.string(), avErrorText(rc)));
    };
    AVFormatContext* ic = nullptr;
    int rc = avformat_open_input(&ic, file.c_str(), nullptr, nullptr);
    if (rc < 0) fail("cannot open", rc);
    s_->format.reset(ic);
    rc = avformat_find_stream_info(ic, nullptr);
    if (rc < 0) fail("cannot read", rc);
    const AVCodec* decoder = nullptr;
    s_->stream = av_find_best_stream(ic, AVMEDIA_TYPE_AUDIO, -1, -1, &decoder, 0);
    if (s_->stream < 0 || !decoder) fail("no audio stream in", s_->stream);
    s_->codec.reset(avcodec_alloc_context3(decoder));
    if (!s_->codec) fail("cannot decode", AVERROR(ENOMEM));
    rc = avcodec_parameters_to_context(s_->codec.get(), ic->streams[s_->stream]->codecpar);
    if (rc < 0 || (rc = avcodec_open2(s_->codec.get(), decoder, nullptr)) < 0)
        fail("cannot decode", rc);
    AVCodecContext* ctx = s_->codec.get();
    // Some demuxers give only a channel count; libswresample needs a layout.
    if (ctx->ch_layout.order == AV_CHANNEL_ORDER_UNSPEC) {
        const int channels = ctx->ch_layout.nb_channels;
        av_channel_layout_uninit(&ctx->ch_layout);
        av_channel_layout_default(&ctx->ch_layout, channels);
    }
    SwrContext* swr = nullptr;
    rc = swr_alloc_set_opts2(&swr, &ctx->ch_layout, AV_SAMPLE_FMT_FLT, ctx->sample_rate,
                             &ctx->ch_layout, ctx->sample_fmt, ctx->sample_rate, 0, nullptr);
    s_->resampler.reset(swr);
    if (rc < 0 || (rc = swr_init(swr)) < 0) fail("cannot convert", rc);
    s_->packet.reset(av_packet_alloc());
    s_->frame.reset(av_frame_alloc());
    if (!s_->packet || !s_->frame) fail("cannot decode", AVERROR(ENOMEM));
}

EncodedAudioReader::~EncodedAudioReader() = default;

int EncodedAudioReader::sampleRate() const {
    return s_->codec->sample_rate;
}

unsigned EncodedAudioReader::channels() const {
    return static_cast<unsigned>(s_->codec->ch_layout.nb_channels);
}

void EncodedAudioReader::convert(const void* const* data, int samples, std::vector<float>& out) {
    SwrContext* swr = s_->resampler.get();
    const int room = swr_get_out_samples(swr, samples);
    if (room <= 0) return;
    const std::size_t start = out.size();
    out.resize(start + static_cast<std::size_t>(room) * channels());
    auto* dst = reinterpret_cast<std::uint8_t*>(out.data() + start);
    const int got = swr_convert(
        swr, &dst, room, reinterpret_cast<const std::uint8_t**>(const_cast<const void**>(data)),
        samples);
    if (got < 0)
        throw UserError(fmt::format("cannot convert '{}': {}", file_.string(), avErrorText(got)));
    out.resize(start + static_cast<std::size_t>(got) * channels());
}

std::size_t EncodedAudioReader::read(std::vector<float>& out) {
    out.clear();
    AVCodecContext* ctx = s_->codec.get();
    AVFrame* frame = s_->frame.get();
    while (out.empty()) {
        if (s_->decoderDone) {
            if (s_->flushed) return 0;
            convert(nullptr, 0, out);  // what the converter still holds
            s_->flushed = true;
            break;
        }
        int rc = avcodec_receive_frame(ctx, frame);
        if (rc == 0) {
            convert(reinterpret_cast<const void* const*>(frame->extended_data), frame->nb_samples,
                    out);
            av_frame_unref(frame);
            continue;
        }
        if (rc == AVERROR_EOF) {
            s_->decoderDone = true;
            continue;
        }
        if (rc != AVERROR(EAGAIN))
            throw UserError(fmt::format("cannot decode '{}': {}", file_.string(), avErrorText(rc)));
        if (s_->inputDone) {
            s_->decoderDone = true;
            continue;
        }
        AVPacket* pkt = s_->packet.get();
        rc = av_read_frame(s_->format.get(), pkt);
        if (rc == AVERROR_EOF) {
            s_->inputDone = true;
            avcodec_send_packet(ctx, nullptr);
            continue;
        }
        if (rc < 0)
            throw UserError(fmt::format("cannot read '{}': {}", file_.string(), avErrorText(rc)));
        if (pkt->stream_index == s_->stream) {
            rc = avcodec_send_packet(ctx, pkt);
            if (rc < 0 && rc != AVERROR(EAGAIN) && rc != AVERROR_INVALIDDATA) {
                av_packet_unref(pkt);
                throw UserError(
                    fmt::format("cannot decode '{}': {}", file_.string(), avErrorText(rc)));
            }
        }
        av_packet_unref(pkt);
    }
    return out.size() / channels();
}

}  // namespace ds::recordings
