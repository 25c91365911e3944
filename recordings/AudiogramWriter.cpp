#include "recordings/AudiogramWriter.h"

#include <cairo.h>
#include <pango/pangocairo.h>

extern "C" {
#include <libavutil/opt.h>
#include <libswscale/swscale.h>
}

#include <algorithm>
#include <cmath>
#include <vector>

#include <fmt/format.h>

#include "recordings/AvHandles.h"
#include "recordings/EncodedAudioReader.h"
#include "studio/Errors.h"

namespace ds::recordings {

namespace {

struct SurfaceFree {
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct CairoFree {
    void operator()(cairo_t* c) const { cairo_destroy(c); }
};
struct GObjectFree {
    void operator()(void* o) const { g_object_unref(o); }
};
struct FontFree {
    void operator()(PangoFontDescription* f) const { pango_font_description_free(f); }
};
struct SwsFree {
    void operator()(SwsContext* s) const { sws_freeContext(s); }
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceFree>;
using CairoPtr = std::unique_ptr<cairo_t, CairoFree>;

void check(int rc, const std::filesystem::path& file, const char* what) {
    if (rc < 0)
        throw UserError(
            fmt::format("audiogram {}: {} failed: {}", file.string(), what, avErrorText(rc)));
}

// The level of each video frame's stretch of sound (RMS over the channels, 0..1 on a
// -50..0 dBFS scale), so the bars move as the voice does.
std::vector<float> frameLevels(const std::filesystem::path& audio, double& seconds) {
    EncodedAudioReader reader(audio);
    const int rate = reader.sampleRate();
    const unsigned ch = reader.channels();
    const std::size_t perFrame = static_cast<std::size_t>(rate / AudiogramWriter::kFps);
    std::vector<float> levels;
    std::vector<float> buf;
    double sum = 0.0;
    std::size_t count = 0, total = 0;
    while (std::size_t n = reader.read(buf)) {
        for (std::size_t i = 0; i < n; ++i) {
            double s = 0.0;
            for (unsigned c = 0; c < ch; ++c)
                s += buf[i * ch + c] * buf[i * ch + c];
            sum += s / ch;
            if (++count == perFrame) {
                double db = 10.0 * std::log10(sum / count + 1e-12);
                levels.push_back(static_cast<float>(std::clamp((db + 50.0) / 50.0, 0.0, 1.0)));
                sum = 0.0;
                count = 0;
            }
        }
        total += n;
    }
    if (count > 0) {
        double db = 10.0 * std::log10(sum / count + 1e-12);
        levels.push_back(static_cast<float>(std::clamp((db + 50.0) / 50.0, 0.0, 1.0)));
    }
    seconds = static_cast<double>(total) / rate;
    if (levels.empty()) throw UserError(fmt::format("{} holds no sound", audio.string()));
    return levels;
}

// Text in a box at (x, y) of width w; returns its height.
double drawText(cairo_t* cr, const std::string& text, const char* font, double x, double y,
                double w, double r, double g, double b, PangoAlignment align) {
    std::unique_ptr<PangoLayout, GObjectFree> layout(pango_cairo_create_layout(cr));
    std::unique_ptr<PangoFontDescription, FontFree> desc(pango_font_description_from_string(font));
    pango_layout_set_font_description(layout.get(), desc.get());
    pango_layout_set_width(layout.get(), static_cast<int>(w * PANGO_SCALE));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout.get(), align);
    pango_layout_set_text(layout.get(), text.c_str(), -1);
    cairo_set_source_rgb(cr, r, g, b);
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, layout.get());
    int pw = 0, ph = 0;
    pango_layout_get_pixel_size(layout.get(), &pw, &ph);
    return ph;
}

struct Layout {
    double barsTop = 0, barsHeight = 0, progressY = 0, margin = 0;
};

// The still card: background, station, title, guest, subtitle; returns where the bars go.
Layout drawCard(cairo_t* cr, int w, int h, const AudiogramCard& card) {
    Layout l;
    l.margin = w * 0.07;
    cairo_pattern_t* bg = cairo_pattern_create_linear(0, 0, 0, h);
    cairo_pattern_add_color_stop_rgb(bg, 0, 0.05, 0.16, 0.33);
    cairo_pattern_add_color_stop_rgb(bg, 1, 0.02, 0.06, 0.14);
    cairo_set_source(cr, bg);
    cairo_paint(cr);
    cairo_pattern_destroy(bg);
    const double tw = w - 2 * l.margin;
    double y = h * (h > w ? 0.10 : 0.06);
    // The station's band across the top, in the accent colour.
    cairo_set_source_rgb(cr, 0.96, 0.72, 0.12);
    cairo_rectangle(cr, l.margin, y, tw * 0.18, 8);
    cairo_fill(cr);
    y += 28;
    y += drawText(cr, card.station, "Noto Sans Bold 34", l.margin, y, tw, 0.96, 0.72, 0.12,
                  PANGO_ALIGN_LEFT) +
         30;
    y += drawText(cr, card.title, h > w ? "Noto Sans Bold 64" : "Noto Sans Bold 54", l.margin, y,
                  tw, 1, 1, 1, PANGO_ALIGN_LEFT) +
         36;
    if (!card.guest.empty())
        y += drawText(cr, card.guest, "Noto Sans 38", l.margin, y, tw, 0.85, 0.90, 1.0,
                      PANGO_ALIGN_LEFT) +
             16;
    if (!card.subtitle.empty())
        y += drawText(cr, card.subtitle, "Noto Sans 28", l.margin, y, tw, 0.65, 0.72, 0.85,
                      PANGO_ALIGN_LEFT);
    l.progressY = h - h * (h > w ? 0.10 : 0.08);
    double space = l.progressY - 60 - (y + 40);
    l.barsHeight = std::clamp(space, 120.0, h * 0.35);
    l.barsTop = l.progressY - 60 - l.barsHeight;
    return l;
}

// Level bars for frame i: the recent levels as mirrored bars around the middle line, the
// newest in the centre, and the progress line with the elapsed time.
void drawFrame(cairo_t* cr, int w, const Layout& l, const std::vector<float>& levels, int i,
               int frames, double seconds) {
    constexpr int kBars = 41;
    const double tw = w - 2 * l.margin;
    const double bw = tw / kBars;
    const double mid = l.barsTop + l.barsHeight / 2;
    cairo_set_source_rgb(cr, 0.96, 0.72, 0.12);
    for (int b = 0; b < kBars; ++b) {
        int age = std::abs(b - kBars / 2);
        int idx = i - age * 2;
        float v = idx >= 0 && idx < static_cast<int>(levels.size()) ? levels[idx] : 0.0f;
        double half = std::max(3.0, v * l.barsHeight / 2 * (1.0 - age * 0.012));
        cairo_rectangle(cr, l.margin + b * bw + bw * 0.18, mid - half, bw * 0.64, 2 * half);
    }
    cairo_fill(cr);
    cairo_set_source_rgba(cr, 1, 1, 1, 0.25);
    cairo_rectangle(cr, l.margin, l.progressY, tw, 8);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_rectangle(cr, l.margin, l.progressY, tw * (i + 1) / frames, 8);
    cairo_fill(cr);
    int at = static_cast<int>(static_cast<double>(i) / AudiogramWriter::kFps);
    int len = static_cast<int>(std::ceil(seconds));
    drawText(cr, fmt::format("{}:{:02} / {}:{:02}", at / 60, at % 60, len / 60, len % 60),
             "Noto Sans 26", l.margin, l.progressY + 20, tw, 0.85, 0.90, 1.0, PANGO_ALIGN_RIGHT);
}

}  // namespace

AudiogramResult AudiogramWriter::write(const std::filesystem::path& audio,
                                       const std::filesystem::path& output, int width, int height,
                                       const AudiogramCard& card) {
    if (width % 2 || height % 2 || width < 320 || height < 320)
        throw UserError(
            fmt::format("audiogram size {}x{} is not an even size of at least 320", width, height));
    double seconds = 0.0;
    const std::vector<float> levels = frameLevels(audio, seconds);
    const int frames = std::max(1, static_cast<int>(std::ceil(seconds * kFps)));
    const std::filesystem::path part = output.string() + ".part";
    // Whatever goes wrong, no half-written video is left behind.
    struct PartRemover {
        const std::filesystem::path& path;
        bool keep = false;
        ~PartRemover() {
            std::error_code ec;
            if (!keep) std::filesystem::remove(path, ec);
        }
    } remover{part};

    AVFormatContext* rawIn = nullptr;
    check(avformat_open_input(&rawIn, audio.c_str(), nullptr, nullptr), audio, "opening");
    AvInputContext in(rawIn);
    check(avformat_find_stream_info(in.get(), nullptr), audio, "reading");
    int audioIndex = av_find_best_stream(in.get(), AVMEDIA_TYPE_AUDIO, -1, -1, nullptr, 0);
    check(audioIndex, audio, "finding the audio stream");
    AVStream* inStream = in->streams[audioIndex];

    AVFormatContext* rawOut = nullptr;
    check(avformat_alloc_output_context2(&rawOut, nullptr, "mp4", part.c_str()), output,
          "creating the MP4");
    AvOutputContext out(rawOut);

    const AVCodec* h264 = avcodec_find_encoder_by_name("libx264");
    if (!h264) throw UserError("audiogram: this FFmpeg has no libx264 encoder");
    AvCodecContextPtr enc(avcodec_alloc_context3(h264));
    enc->width = width;
    enc->height = height;
    enc->pix_fmt = AV_PIX_FMT_YUV420P;
    enc->time_base = AVRational{1, kFps};
    enc->framerate = AVRational{kFps, 1};
    enc->gop_size = kFps * 2;
    if (out->oformat->flags & AVFMT_GLOBALHEADER) enc->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    // A still card with bars compresses well; "veryfast" keeps a one-minute clip quick on a
    // busy machine and CRF 23 keeps the text sharp.
    av_opt_set(enc->priv_data, "preset", "veryfast", 0);
    av_opt_set(enc->priv_data, "crf", "23", 0);
    av_opt_set(enc->priv_data, "tune", "stillimage", 0);
    check(avcodec_open2(enc.get(), h264, nullptr), output, "opening the H.264 encoder");

    AVStream* video = avformat_new_stream(out.get(), nullptr);
    AVStream* sound = avformat_new_stream(out.get(), nullptr);
    if (!video || !sound) throw UserError("audiogram: cannot add streams");
    check(avcodec_parameters_from_context(video->codecpar, enc.get()), output, "video stream");
    video->time_base = enc->time_base;
    check(avcodec_parameters_copy(sound->codecpar, inStream->codecpar), output, "audio stream");
    sound->codecpar->codec_tag = 0;
    sound->time_base = inStream->time_base;
    av_dict_set(&out->metadata, "title", card.title.c_str(), 0);
    av_dict_set(&out->metadata, "artist", card.station.c_str(), 0);
    av_dict_set(&out->metadata, "comment", card.guest.c_str(), 0);

    check(avio_open(&out->pb, part.c_str(), AVIO_FLAG_WRITE), output, "opening the file");
    AVDictionary* opts = nullptr;
    av_dict_set(&opts, "movflags", "+faststart", 0);
    int rc = avformat_write_header(out.get(), &opts);
    av_dict_free(&opts);
    check(rc, output, "writing the header");

    // The card once; each frame copies it and adds the bars.
    SurfacePtr card0(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height));
    Layout layout;
    {
        CairoPtr cr(cairo_create(card0.get()));
        layout = drawCard(cr.get(), width, height, card);
    }
    cairo_surface_flush(card0.get());
    SurfacePtr canvas(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height));
    CairoPtr cr(cairo_create(canvas.get()));
    std::unique_ptr<SwsContext, SwsFree> sws(sws_getContext(width, height, AV_PIX_FMT_RGB32, width,
                                                            height, AV_PIX_FMT_YUV420P, SWS_BICUBIC,
                                                            nullptr, nullptr, nullptr));
    AvFramePtr frame(av_frame_alloc());
    frame->format = AV_PIX_FMT_YUV420P;
    frame->width = width;
    frame->height = height;
    check(av_frame_get_buffer(frame.get(), 0), output, "allocating a frame");
    AvPacketPtr pkt(av_packet_alloc());
    AvPacketPtr apkt(av_packet_alloc());
    bool audioDone = false;

    auto drainVideo = [&] {
        while (true) {
            int r = avcodec_receive_packet(enc.get(), pkt.get());
            if (r == AVERROR(EAGAIN) || r == AVERROR_EOF) return;
            check(r, output, "encoding video");
            av_packet_rescale_ts(pkt.get(), enc->time_base, video->time_base);
            pkt->stream_index = video->index;
            check(av_interleaved_write_frame(out.get(), pkt.get()), output, "writing video");
        }
    };
    // Audio packets up to `until` seconds, copied as they are.
    auto copyAudio = [&](double until) {
        while (!audioDone) {
            int r = av_read_frame(in.get(), apkt.get());
            if (r == AVERROR_EOF) {
                audioDone = true;
                return;
            }
            check(r, audio, "reading audio");
            if (apkt->stream_index != audioIndex) {
                av_packet_unref(apkt.get());
                continue;
            }
            double t = apkt->pts == AV_NOPTS_VALUE ? 0.0 : apkt->pts * av_q2d(inStream->time_base);
            av_packet_rescale_ts(apkt.get(), inStream->time_base, sound->time_base);
            apkt->stream_index = sound->index;
            apkt->pos = -1;
            check(av_interleaved_write_frame(out.get(), apkt.get()), output, "writing audio");
            if (t >= until) return;
        }
    };

    for (int i = 0; i < frames; ++i) {
        copyAudio(static_cast<double>(i + 1) / kFps);
        cairo_set_source_surface(cr.get(), card0.get(), 0, 0);
        cairo_paint(cr.get());
        drawFrame(cr.get(), width, layout, levels, i, frames, seconds);
        cairo_surface_flush(canvas.get());
        check(av_frame_make_writable(frame.get()), output, "preparing a frame");
        const uint8_t* src[1] = {cairo_image_surface_get_data(canvas.get())};
        const int stride[1] = {cairo_image_surface_get_stride(canvas.get())};
        sws_scale(sws.get(), src, stride, 0, height, frame->data, frame->linesize);
        frame->pts = i;
        check(avcodec_send_frame(enc.get(), frame.get()), output, "encoding video");
        drainVideo();
    }
    check(avcodec_send_frame(enc.get(), nullptr), output, "flushing video");
    drainVideo();
    copyAudio(1e12);
    check(av_write_trailer(out.get()), output, "writing the trailer");
    rc = avio_closep(&out->pb);
    check(rc, output, "closing the file");
    std::error_code ec;
    std::filesystem::rename(part, output, ec);
    remover.keep = !ec;
    if (ec)
        throw UserError(fmt::format("audiogram: cannot rename {} to {}: {}", part.string(),
                                    output.string(), ec.message()));
    AudiogramResult result;
    result.output = output;
    result.width = width;
    result.height = height;
    result.frames = frames;
    result.seconds = seconds;
    result.bytes = std::filesystem::file_size(output, ec);
    return result;
}

}  // namespace ds::recordings
