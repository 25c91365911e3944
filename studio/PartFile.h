#pragma once
// A file written beside its final name (FILE.part) and renamed into place on commit(), so a
// failed, killed or cancelled export never leaves a partial file under the name the user asked
// for. The destructor removes the .part file unless commit() succeeded.
#include <filesystem>
#include <string_view>

namespace ds {

class PartFile {
  public:
    explicit PartFile(std::filesystem::path target);
    ~PartFile();
    PartFile(const PartFile&) = delete;
    PartFile& operator=(const PartFile&) = delete;

    // Where the writer writes (libraries that take a file name write here).
    const std::filesystem::path& partPath() const { return part_; }
    const std::filesystem::path& target() const { return target_; }
    // Writes the whole content to the .part file (replacing it).
    void write(std::string_view content);
    // Flushes the .part file to disk and renames it to the target. Throws UserError.
    void commit();

  private:
    std::filesystem::path target_;
    std::filesystem::path part_;
    bool committed_ = false;
};

}  // namespace ds
