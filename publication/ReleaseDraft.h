#pragma once
// The first draft of a release, written from the record of an ended session in Indonesian
// newsroom style: a headline naming the first guest's post and the topic, a lead with place,
// station, programme, partner station, day, date and time, the guests, the rundown's material
// segments as the main messages, the questions answered on air (callers reduced to initials and
// area, as public documents show them), the Pasal 11 figures, and a closing line.
#include "publication/ReleaseContent.h"
#include "studio/Session.h"
#include "studio/Station.h"

namespace ds {
class Database;
}

namespace ds::publication {

class ReleaseDraft {
  public:
    static ReleaseContent fromSession(ds::Database& db, const Station& station,
                                      const Session& session, TimePoint asOf);
    // The caller as the public release names them (initials only).
    static std::string publicCaller(const std::string& name);
};

}  // namespace ds::publication
