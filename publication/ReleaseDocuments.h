#pragma once
// The outputs of a release for each channel, written into one folder:
//   artikel.html         the website article with its featured image (copied beside it)
//   caption-<platform>.txt and captions.json   social captions within each platform's length
//   rilis.pdf            the mass-media release in the house style, with the letterhead
//   rilis.docx           the same release as an editable document (Word, LibreOffice)
// Personal data never appears: callers are already initials in the content.
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "publication/ChannelSettings.h"
#include "publication/Release.h"
#include "studio/Session.h"
#include "studio/Station.h"

namespace ds::publication {

class ReleaseDocuments {
  public:
    // Returns what was written (paths, caption lengths).
    static nlohmann::json write(const std::filesystem::path& folder, const Station& station,
                                const Session& session, const Release& release,
                                const ChannelSettings& channels, const std::string& link);
    static void writePdf(const std::filesystem::path& file, const Station& station,
                         const Session& session, const Release& release);
    static void writeDocx(const std::filesystem::path& file, const Station& station,
                          const Session& session, const Release& release);
};

}  // namespace ds::publication
