#pragma once
// A prepared SQLite statement (RAII) with typed bind and column access. Text is bound as UTF-8
// exactly as given: SQL-like input is data, never SQL.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3_stmt;

namespace ds {

class Database;

class Statement {
  public:
    Statement(const Database& db, sqlite3_stmt* stmt);
    Statement(Statement&&) noexcept = default;
    Statement& operator=(Statement&&) noexcept = default;

    // Bind by 1-based index. optional<> binds NULL when empty.
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, const std::string& value) {
        return bind(index, std::string_view(value));
    }
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, std::nullptr_t);
    template <typename T>
    Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bind(index, nullptr);
    }
    // Binds all arguments in order, starting at 1.
    template <typename... Args>
    Statement& bindAll(const Args&... args) {
        int i = 0;
        (bind(++i, args), ...);
        return *this;
    }

    // Steps once: true while a row is available. Throws on error.
    bool step();
    // Steps to completion (for statements returning no rows).
    void run();
    void reset();

    bool isNull(int col) const;
    std::int64_t getInt(int col) const;
    double getDouble(int col) const;
    std::string getText(int col) const;
    std::optional<std::string> getOptText(int col) const;
    std::optional<std::int64_t> getOptInt(int col) const;

  private:
    struct Finalizer {
        void operator()(sqlite3_stmt* stmt) const;
    };
    const Database* db_;
    std::unique_ptr<sqlite3_stmt, Finalizer> stmt_;
};

}  // namespace ds
