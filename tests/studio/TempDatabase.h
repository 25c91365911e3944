#pragma once
// A real SQLite file in a fresh temporary folder, removed afterwards.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "studio/Database.h"

namespace ds::test {

class TempDir {
  public:
    TempDir() {
        std::string tmpl = (std::filesystem::temp_directory_path() / "ds-test-XXXXXX").string();
        path_ = ::mkdtemp(tmpl.data());
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

class DatabaseTest : public ::testing::Test {
  protected:
    TempDir dir;
    std::filesystem::path file = dir.path() / "studio.db";
    Database db = Database::open(file);
};

}  // namespace ds::test
