#pragma once
// Thrown on the worker thread when an export is cancelled (cancel() from the UI, SIGINT on the
// command line). By then the partial output has been removed and nothing else was changed.
#include "studio/Errors.h"

namespace ds::recordings {

class ExportCancelled : public UserError {
  public:
    using UserError::UserError;
};

}  // namespace ds::recordings
