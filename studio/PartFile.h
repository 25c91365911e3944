#pragma once
// A file written beside its final name (FILE.part) and renamed into place on commit(), so a
// failed, killed or cancelled export never leaves a partial file under the name the user asked
// for, and never replaces a good file with a broken one. The destructor removes the .part file
// unless commit() succeeded.
//
// Every output Dialog Studio writes goes through here (documents, audio exports, anchors,
// backups, settings): a name that is a device, a FIFO, a folder or a symbolic link is refused,
// never written through, and the file is owner-only (mode 600) from its first byte: exports,
// registers, backups and settings may hold personal data (UU PDP).
#include <filesystem>
#include <string_view>

namespace ds {

class PartFile {
  public:
    // What happens to a file already under the target's name.
    enum class Existing {
        Replace,  // commit() replaces it
        Refuse,   // refused now, and at commit() if it appeared meanwhile (--overwrite not given)
    };

    // Checks the target (a name, in a folder that exists, not a folder itself) and creates the
    // .part file now, so an output that cannot be written is refused in one line before any
    // work, not after seconds of rendering. Throws UserError.
    explicit PartFile(std::filesystem::path target, Existing existing = Existing::Replace);
    ~PartFile();
    PartFile(const PartFile&) = delete;
    PartFile& operator=(const PartFile&) = delete;

    // Where the writer writes (libraries that take a file name write here).
    const std::filesystem::path& partPath() const { return part_; }
    const std::filesystem::path& target() const { return target_; }
    // Writes the whole content to the .part file (replacing it).
    void write(std::string_view content);
    // Flushes the .part file to disk, renames it to the target and flushes the folder, so the
    // file is there under its name after a power cut. Throws UserError.
    void commit();
    // Throws UserError when `target` exists and is not a regular file (a device, a FIFO, a
    // folder), or is a symbolic link, or its folder is missing.
    static void refuseUnsafeTarget(const std::filesystem::path& target);
    // Creates `part` afresh, owner-only, never through a symbolic link (a stale one is removed).
    static void createPart(const std::filesystem::path& part, const std::filesystem::path& target);

  private:
    std::filesystem::path target_;
    std::filesystem::path part_;
    Existing existing_;
    bool committed_ = false;
};

}  // namespace ds
