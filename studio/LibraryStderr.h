#pragma once
// Holds back what a C library prints on standard error while it runs (libxlsxwriter prints its
// own "[ERROR] ..." line before it returns an error code), so the user reads one clear message
// of ours instead of the library's first. Lines that are not the library's own diagnostics are
// passed on when the guard ends; the library's are kept for the caller's message.
#include <string>

namespace ds {

class LibraryStderr {
  public:
    LibraryStderr();
    ~LibraryStderr();
    LibraryStderr(const LibraryStderr&) = delete;
    LibraryStderr& operator=(const LibraryStderr&) = delete;

    // Ends the capture (idempotent) and returns the library's diagnostics ("[ERROR] ...").
    std::string finish();

  private:
    int saved_ = -1;
    int capture_ = -1;
    std::string diagnostics_;
};

}  // namespace ds
