#include "recordings/ExportControl.h"

#include "recordings/ExportCancelled.h"

namespace ds::recordings {

void ExportControl::check() const {
    if (cancelled()) throw ExportCancelled("export cancelled; no file was written");
}

}  // namespace ds::recordings
