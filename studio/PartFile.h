#pragma once
// A file written beside its final name (FILE.part) and renamed into place on commit(), so a
// failed, killed or cancelled export never leaves a partial file under the name the user asked
// for. The destructor removes the .part file unless commit() succeeded.
//
// Every output Dialog Studio writes goes through here (or recordings::PartialFile, which uses
// refuseUnsafeTarget): a name that is a device, a FIFO, a folder or a symbolic link is refused,
// never written through, and the file is owner-only (mode 600) from its first byte: exports,
// registers, backups and settings may hold personal data (UU PDP).
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
    // Throws UserError when `target` exists and is not a regular file (a device, a FIFO, a
    // folder), or is a symbolic link, or its folder is missing.
    static void refuseUnsafeTarget(const std::filesystem::path& target);
    // Creates `part` afresh, owner-only, never through a symbolic link (a stale one is removed).
    static void createPart(const std::filesystem::path& part, const std::filesystem::path& target);

  private:
    std::filesystem::path target_;
    std::filesystem::path part_;
    bool committed_ = false;
};

}  // namespace ds
