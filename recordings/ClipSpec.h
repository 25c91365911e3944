#pragma once
// ClipSpec: which part of a programme a clip holds, as the producer names it on the command
// line: "segment:N" (the rundown's N-th segment, as `rundown show` numbers them) or
// "question:N" (Pertanyaan N and its answer: from the moment it was put on air to the next
// marker), with the in and out points moved by seconds (negative: earlier).
#include <string>

namespace ds::recordings {

struct ClipSpec {
    enum class Kind { Segment, Question };
    Kind kind = Kind::Question;
    int number = 0;
    double inSeconds = 0.0;   // added to the start
    double outSeconds = 0.0;  // added to the end
    double fadeSeconds = 0.25;

    // "segment:3", "question:2". Throws UserError naming the accepted forms.
    static ClipSpec parse(const std::string& text);
    // "question-2", for file names.
    std::string slug() const;
};

// "+1.5", "-2", "0.25" in seconds; throws UserError naming the option.
double parseSeconds(const std::string& text, const char* option);

}  // namespace ds::recordings
