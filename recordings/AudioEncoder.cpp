#include "recordings/AudioEncoder.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include <fmt/format.h>

#include "recordings/AvHandles.h"
#include "studio/Errors.h"

extern "C" {
#include <libavutil/opt.h>
}

namespace ds::recordings {

namespace {

// "00:12:03.500" for CHAPTERnnn Vorbis comments.
std::string chapterTime(std::int64_t frame, int rate) {
    const std::int64_t ms = frame * 1000 / rate;
    return fmt::format("{:02}:{:02}:{:02}.{:03}", ms / 3600000, ms / 60000 % 60, ms / 1000 % 60,
                       ms % 1000);
}

AVSampleFormat chooseFormat(const AVCodec* codec, const ExportSettings& settings) {
    std::vector<AVSampleFormat> wanted;
    if (settings.lossless()) {
        wanted = settings.bitsPerSample > 16
                     ? std::vector<AVSampleFormat>{AV_SAMPLE_FMT_S32, AV_SAMPLE_FMT_S32P}
                     : std::vector<AVSampleFormat>{AV_SAMPLE_FMT_S16, AV_SAMPLE_FMT_S16P};
    } else {
        wanted = {AV_SAMPLE_FMT_FLTP, AV_SAMPLE_FMT_FLT,  AV_SAMPLE_FMT_S16P,
                  AV_SAMPLE_FMT_S16,  AV_SAMPLE_FMT_S32P, AV_SAMPLE_FMT_S32};
    }
    if (!codec->sample_fmts) return wanted.front();
    for (AVSampleFormat w : wanted)
        for (const AVSampleFormat* f = codec->sample_fmts; *f != AV_SAMPLE_FMT_NONE; ++f)
            if (*f == w) return w;
    return codec->sample_fmts[0];
}

int chooseRate(const AVCodec* codec, int wanted) {
    if (!codec->supported_samplerates) return wanted;
    int best = codec->supported_samplerates[0];
    for (const int* r = codec->supported_samplerates; *r != 0; ++r) {
        if (*r == wanted) return wanted;
        if (std::abs(*r - wanted) < std::abs(best - wanted)) best = *r;
    }
    return best;
}

}  // namespace

struct AudioEncoder::State {
    AvOutputContext format;
    AvCodecContextPtr codec;
    AVStream* stream = nullptr;
    SwrContextPtr resampler;
    AvFifoPtr fifo;
    AvFramePtr frame;
    AvPacketPtr packet;
    int frameSize = 0;
    bool smallLastFrame = false;
    std::int64_t pts = 0;
    int bytesPerSample = 0;
    int planes = 1;
    std::vector<std::vector<std::uint8_t>> converted;  // one buffer per plane
    std::vector<std::uint8_t*> planePointers;
    int convertedCapacity = 0;  // samples per plane
    bool finished = false;
};

AudioEncoder::AudioEncoder(const std::filesystem::path& file, const ExportSettings& settings,
                           int inputRate, unsigned inputChannels,
                           const std::vector<std::pair<std::string, std::string>>& metadata,
                           const std::vector<Chapter>& chapters)
    : file_(file), s_(std::make_unique<State>()) {
    av_log_set_level(AV_LOG_ERROR);
    const std::string where = "'" + file.string() + "'";
    auto fail = [&](const std::string& what, int code) {
        throw UserError(fmt::format("{} {}: {}", what, where, avErrorText(code)));
    };

    const AVCodec* codec = avcodec_find_encoder_by_name(settings.codec.c_str());
    if (!codec)
        throw UserError(
            fmt::format("this FFmpeg has no '{}' encoder (Debian: libavcodec59 with "
                        "libmp3lame and libopus)",
                        settings.codec));
    AVFormatContext* oc = nullptr;
    int rc = avformat_alloc_output_context2(&oc, nullptr, settings.muxer.c_str(), file.c_str());
    if (rc < 0 || !oc) fail("cannot prepare", rc);
    s_->format.reset(oc);

    s_->stream = avformat_new_stream(oc, nullptr);
    s_->codec.reset(avcodec_alloc_context3(codec));
    if (!s_->stream || !s_->codec) fail("cannot prepare", AVERROR(ENOMEM));
    AVCodecContext* ctx = s_->codec.get();

    const int outRate =
        chooseRate(codec, settings.sampleRate > 0 ? settings.sampleRate : inputRate);
    const int outChannels =
        settings.channels > 0 ? settings.channels : static_cast<int>(inputChannels);
    av_channel_layout_default(&ctx->ch_layout, outChannels);
    ctx->sample_rate = outRate;
    ctx->sample_fmt = chooseFormat(codec, settings);
    ctx->time_base = AVRational{1, outRate};
    if (!settings.lossless()) ctx->bit_rate = settings.bitRate;
    if (settings.lossless() && settings.bitsPerSample > 16) ctx->bits_per_raw_sample = 24;
    if (oc->oformat->flags & AVFMT_GLOBALHEADER) ctx->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    rc = avcodec_open2(ctx, codec, nullptr);
    if (rc < 0) fail(fmt::format("cannot open the {} encoder for", settings.codec), rc);
    rc = avcodec_parameters_from_context(s_->stream->codecpar, ctx);
    if (rc < 0) fail("cannot prepare", rc);
    s_->stream->time_base = ctx->time_base;

    // Metadata, and chapters where the muxer keeps them itself.
    const bool ogg = settings.muxer == "ogg";
    for (const auto& [key, value] : metadata) {
        if (value.empty()) continue;
        av_dict_set(&oc->metadata, key.c_str(), value.c_str(), 0);
        // The Ogg muxer writes the stream's tags into the OpusTags header.
        if (ogg) av_dict_set(&s_->stream->metadata, key.c_str(), value.c_str(), 0);
    }
    if (settings.muxer == "flac" || ogg) {
        // Written as Vorbis comments here: FFmpeg's FLAC muxer has no chapters, and its Ogg
        // muxer (5.1) rounds each chapter's whole seconds to nearest before adding the
        // milliseconds, so a chapter at 0.5 s came out at 1.5 s.
        AVDictionary** tags = ogg ? &s_->stream->metadata : &oc->metadata;
        for (std::size_t i = 0; i < chapters.size(); ++i) {
            const std::string key = fmt::format("CHAPTER{:03}", i + 1);
            av_dict_set(tags, key.c_str(), chapterTime(chapters[i].startFrame, inputRate).c_str(),
                        0);
            av_dict_set(tags, (key + "NAME").c_str(), chapters[i].title.c_str(), 0);
        }
    } else if (!chapters.empty()) {
        oc->chapters = static_cast<AVChapter**>(av_calloc(chapters.size(), sizeof(AVChapter*)));
        if (!oc->chapters) fail("cannot prepare", AVERROR(ENOMEM));
        for (const Chapter& c : chapters) {
            auto* ch = static_cast<AVChapter*>(av_mallocz(sizeof(AVChapter)));
            if (!ch) fail("cannot prepare", AVERROR(ENOMEM));
            ch->id = static_cast<std::int64_t>(oc->nb_chapters) + 1;
            ch->time_base = AVRational{1, inputRate};
            ch->start = c.startFrame;
            ch->end = c.endFrame;
            av_dict_set(&ch->metadata, "title", c.title.c_str(), 0);
            oc->chapters[oc->nb_chapters++] = ch;
        }
    }

    if (!(oc->oformat->flags & AVFMT_NOFILE)) {
        rc = avio_open(&oc->pb, file.c_str(), AVIO_FLAG_WRITE);
        if (rc < 0) fail("cannot create", rc);
    }
    AVDictionary* options = nullptr;
    if (settings.muxer == "mp3") av_dict_set(&options, "id3v2_version", "3", 0);
    if (settings.muxer == "ipod") av_dict_set(&options, "movflags", "+faststart", 0);
    rc = avformat_write_header(oc, &options);
    av_dict_free(&options);
    if (rc < 0) fail("cannot write the header of", rc);

    SwrContext* swr = nullptr;
    AVChannelLayout inLayout{};
    av_channel_layout_default(&inLayout, static_cast<int>(inputChannels));
    rc = swr_alloc_set_opts2(&swr, &ctx->ch_layout, ctx->sample_fmt, outRate, &inLayout,
                             AV_SAMPLE_FMT_FLT, inputRate, 0, nullptr);
    av_channel_layout_uninit(&inLayout);
    s_->resampler.reset(swr);
    if (rc < 0 || (rc = swr_init(swr)) < 0) fail("cannot set up resampling for", rc);

    s_->frameSize = ctx->frame_size > 0 ? ctx->frame_size : 4096;
    s_->smallLastFrame = (codec->capabilities &
                          (AV_CODEC_CAP_SMALL_LAST_FRAME | AV_CODEC_CAP_VARIABLE_FRAME_SIZE)) != 0;
    s_->fifo.reset(av_audio_fifo_alloc(ctx->sample_fmt, outChannels, s_->frameSize * 4));
    s_->frame.reset(av_frame_alloc());
    s_->packet.reset(av_packet_alloc());
    if (!s_->fifo || !s_->frame || !s_->packet) fail("cannot prepare", AVERROR(ENOMEM));
    AVFrame* f = s_->frame.get();
    f->nb_samples = s_->frameSize;
    f->format = ctx->sample_fmt;
    f->sample_rate = outRate;
    av_channel_layout_copy(&f->ch_layout, &ctx->ch_layout);
    rc = av_frame_get_buffer(f, 0);
    if (rc < 0) fail("cannot prepare", rc);

    s_->bytesPerSample = av_get_bytes_per_sample(ctx->sample_fmt);
    s_->planes = av_sample_fmt_is_planar(ctx->sample_fmt) ? outChannels : 1;
    s_->converted.resize(static_cast<std::size_t>(s_->planes));
    s_->planePointers.resize(static_cast<std::size_t>(s_->planes));
}

AudioEncoder::~AudioEncoder() = default;

int AudioEncoder::sampleRate() const {
    return s_->codec->sample_rate;
}

int AudioEncoder::channels() const {
    return s_->codec->ch_layout.nb_channels;
}

void AudioEncoder::write(const float* interleaved, std::size_t frames) {
    if (frames == 0) return;
    convert(interleaved, frames);
    drain(false);
}

int AudioEncoder::convert(const float* interleaved, std::size_t frames) {
    SwrContext* swr = s_->resampler.get();
    const int wanted = std::max(1024, swr_get_out_samples(swr, static_cast<int>(frames)));
    if (wanted > s_->convertedCapacity) {
        const int perPlane =
            av_sample_fmt_is_planar(s_->codec->sample_fmt) ? 1 : s_->codec->ch_layout.nb_channels;
        for (int p = 0; p < s_->planes; ++p) {
            s_->converted[p].resize(static_cast<std::size_t>(wanted) * perPlane *
                                    s_->bytesPerSample);
            s_->planePointers[p] = s_->converted[p].data();
        }
        s_->convertedCapacity = wanted;
    }
    const auto* in = reinterpret_cast<const std::uint8_t*>(interleaved);
    const int got = swr_convert(swr, s_->planePointers.data(), s_->convertedCapacity,
                                frames > 0 ? &in : nullptr, static_cast<int>(frames));
    if (got < 0)
        throw UserError(
            fmt::format("resampling for '{}' failed: {}", file_.string(), avErrorText(got)));
    if (got > 0 &&
        av_audio_fifo_write(s_->fifo.get(), reinterpret_cast<void**>(s_->planePointers.data()),
                            got) < got)
        throw UserError(fmt::format("out of memory while encoding '{}'", file_.string()));
    return got;
}

void AudioEncoder::drain(bool final) {
    AVAudioFifo* fifo = s_->fifo.get();
    while (av_audio_fifo_size(fifo) >= s_->frameSize || (final && av_audio_fifo_size(fifo) > 0)) {
        AVFrame* f = s_->frame.get();
        int rc = av_frame_make_writable(f);
        if (rc < 0)
            throw UserError(
                fmt::format("encoding '{}' failed: {}", file_.string(), avErrorText(rc)));
        const int n = std::min(av_audio_fifo_size(fifo), s_->frameSize);
        f->nb_samples = n;
        if (av_audio_fifo_read(fifo, reinterpret_cast<void**>(f->data), n) < n)
            throw UserError(fmt::format("encoding '{}' failed: buffer underrun", file_.string()));
        if (n < s_->frameSize && !s_->smallLastFrame) {
            // An encoder that takes whole frames only: pad the last one with silence.
            av_samples_set_silence(f->data, n, s_->frameSize - n, f->ch_layout.nb_channels,
                                   static_cast<AVSampleFormat>(f->format));
            f->nb_samples = s_->frameSize;
        }
        f->pts = s_->pts;
        s_->pts += f->nb_samples;
        send(false);
    }
}

void AudioEncoder::send(bool flush) {
    AVCodecContext* ctx = s_->codec.get();
    int rc = avcodec_send_frame(ctx, flush ? nullptr : s_->frame.get());
    if (rc < 0 && !(flush && rc == AVERROR_EOF))
        throw UserError(fmt::format("encoding '{}' failed: {}", file_.string(), avErrorText(rc)));
    AVPacket* pkt = s_->packet.get();
    for (;;) {
        rc = avcodec_receive_packet(ctx, pkt);
        if (rc == AVERROR(EAGAIN) || rc == AVERROR_EOF) break;
        if (rc < 0)
            throw UserError(
                fmt::format("encoding '{}' failed: {}", file_.string(), avErrorText(rc)));
        pkt->stream_index = s_->stream->index;
        av_packet_rescale_ts(pkt, ctx->time_base, s_->stream->time_base);
        rc = av_interleaved_write_frame(s_->format.get(), pkt);
        if (rc < 0)
            throw UserError(
                fmt::format("writing '{}' failed: {}", file_.string(), avErrorText(rc)));
    }
}

void AudioEncoder::finish() {
    if (s_->finished) return;
    // What the resampler still holds, then the last short frame, then the encoder's delay.
    while (convert(nullptr, 0) > 0) {
    }
    drain(true);
    send(true);
    AVFormatContext* oc = s_->format.get();
    int rc = av_write_trailer(oc);
    if (rc < 0)
        throw UserError(fmt::format("writing '{}' failed: {}", file_.string(), avErrorText(rc)));
    if (oc->pb && !(oc->oformat->flags & AVFMT_NOFILE)) {
        rc = avio_closep(&oc->pb);
        if (rc < 0)
            throw UserError(
                fmt::format("writing '{}' failed: {}", file_.string(), avErrorText(rc)));
    }
    s_->finished = true;
}

}  // namespace ds::recordings
