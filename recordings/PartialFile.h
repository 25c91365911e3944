#pragma once
// PartialFile: an output written as FILE.part beside its final name and renamed into place
// only when complete, so a cancelled, failed or killed export never leaves a partial file under
// the name the user asked for (and never replaces a good file with a broken one). The
// destructor removes the .part file unless commit() succeeded.
#include <filesystem>

namespace ds::recordings {

class PartialFile {
  public:
    // Throws UserError if the target exists and may not be replaced, or its folder is missing.
    PartialFile(std::filesystem::path target, bool overwrite);
    ~PartialFile();
    PartialFile(const PartialFile&) = delete;
    PartialFile& operator=(const PartialFile&) = delete;

    const std::filesystem::path& path() const { return part_; }  // where to write
    const std::filesystem::path& target() const { return target_; }

    // Flushes the .part file to disk and renames it to the target (atomically; without
    // `overwrite` it refuses if the target appeared meanwhile). Throws UserError.
    void commit();

  private:
    std::filesystem::path target_;
    std::filesystem::path part_;
    bool overwrite_;
    bool committed_ = false;
};

}  // namespace ds::recordings
