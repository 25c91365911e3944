#pragma once
// Owners for FFmpeg's C handles: each one lives in a std::unique_ptr with a deleter, so every
// early return and exception releases what was allocated (DESIGN.md). Internal to recordings/:
// the public headers never include libav*.
extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/audio_fifo.h>
#include <libswresample/swresample.h>
}

#include <memory>
#include <string>

namespace ds::recordings {

struct AvOutputCloser {
    // The caller closes pb itself on success (to hear about a failed last flush); this only
    // releases what is left on the way out of an error.
    void operator()(AVFormatContext* c) const {
        if (c->pb && !(c->oformat->flags & AVFMT_NOFILE)) avio_closep(&c->pb);
        avformat_free_context(c);
    }
};
struct AvInputCloser {
    void operator()(AVFormatContext* c) const { avformat_close_input(&c); }
};
struct AvCodecContextFree {
    void operator()(AVCodecContext* c) const { avcodec_free_context(&c); }
};
struct AvFrameFree {
    void operator()(AVFrame* f) const { av_frame_free(&f); }
};
struct AvPacketFree {
    void operator()(AVPacket* p) const { av_packet_free(&p); }
};
struct SwrFree {
    void operator()(SwrContext* s) const { swr_free(&s); }
};
struct AvFifoFree {
    void operator()(AVAudioFifo* f) const { av_audio_fifo_free(f); }
};

using AvOutputContext = std::unique_ptr<AVFormatContext, AvOutputCloser>;
using AvInputContext = std::unique_ptr<AVFormatContext, AvInputCloser>;
using AvCodecContextPtr = std::unique_ptr<AVCodecContext, AvCodecContextFree>;
using AvFramePtr = std::unique_ptr<AVFrame, AvFrameFree>;
using AvPacketPtr = std::unique_ptr<AVPacket, AvPacketFree>;
using SwrContextPtr = std::unique_ptr<SwrContext, SwrFree>;
using AvFifoPtr = std::unique_ptr<AVAudioFifo, AvFifoFree>;

// FFmpeg's text for an error code ("No space left on device").
inline std::string avErrorText(int code) {
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, text, sizeof text);
    return text;
}

}  // namespace ds::recordings
