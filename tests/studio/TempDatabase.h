#pragma once
// A real SQLite file in a fresh temporary folder, removed afterwards.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "studio/Database.h"
#include "tests/TempDir.h"

namespace ds::test {

class DatabaseTest : public ::testing::Test {
  protected:
    TempDir dir;
    std::filesystem::path file = dir.path() / "studio.db";
    Database db = Database::open(file);
};

}  // namespace ds::test
