// Thin RAII over the SQLite C API: a connection and prepared statements that
// throw std::runtime_error with SQLite's own message on failure.
#pragma once

#include <sqlite3.h>
#include <vigil/sdk/component.hpp>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace vigil::sqlite {

class Connection {
 public:
  Connection() = default;
  Connection(const std::string& path, int flags) {
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
      std::string why = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close_v2(db_);
      db_ = nullptr;
      throw vigil::sdk::OutputError("cannot open " + path + ": " + why);
    }
    sqlite3_extended_result_codes(db_, 1);
  }
  ~Connection() { sqlite3_close_v2(db_); }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  Connection(Connection&& o) noexcept : db_(o.db_) { o.db_ = nullptr; }
  Connection& operator=(Connection&& o) noexcept {
    std::swap(db_, o.db_);
    return *this;
  }

  sqlite3* get() const noexcept { return db_; }

  // Runs one or more statements that return no rows of interest.
  void exec(const std::string& sql) {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string why = err ? err : sqlite3_errmsg(db_);
      sqlite3_free(err);
      throw std::runtime_error(why + " (in: " + sql.substr(0, 80) + ")");
    }
  }

  // The first column of the first row, as an integer (0 when no row).
  std::int64_t query_int(const std::string& sql);
  std::string query_text(const std::string& sql);

  std::string error() const { return sqlite3_errmsg(db_); }

 private:
  sqlite3* db_ = nullptr;
};

class Statement {
 public:
  Statement() = default;
  Statement(Connection& db, std::string_view sql) : db_(db.get()) {
    if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr) !=
        SQLITE_OK)
      throw std::runtime_error(std::string(sqlite3_errmsg(db_)) + " (preparing: " + std::string(sql.substr(0, 80)) +
                               ")");
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement(Statement&& o) noexcept : db_(o.db_), stmt_(o.stmt_) { o.stmt_ = nullptr; }
  Statement& operator=(Statement&& o) noexcept {
    std::swap(db_, o.db_);
    std::swap(stmt_, o.stmt_);
    return *this;
  }

  // Binding: 1-based index. Text is copied only when SQLite needs to keep it.
  Statement& bind(int i, std::int64_t v) { return check(sqlite3_bind_int64(stmt_, i, v)); }
  Statement& bind(int i, double v) { return check(sqlite3_bind_double(stmt_, i, v)); }
  Statement& bind(int i, std::string_view v) {
    return check(sqlite3_bind_text64(stmt_, i, v.data(), v.size(), SQLITE_STATIC, SQLITE_UTF8));
  }
  // Empty text is stored as NULL ("not known"), not as ''.
  Statement& bind_or_null(int i, std::string_view v) { return v.empty() ? bind_null(i) : bind(i, v); }
  Statement& bind_null(int i) { return check(sqlite3_bind_null(stmt_, i)); }

  // Steps once: true when a row is available.
  bool step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw std::runtime_error(sqlite3_errmsg(db_));
  }
  // Runs a statement that returns no rows, then resets it for reuse.
  void run() {
    step();
    reset();
  }
  void reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  std::int64_t column_int(int i) const { return sqlite3_column_int64(stmt_, i); }
  std::string column_text(int i) const {
    auto* p = sqlite3_column_text(stmt_, i);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, i)))
             : std::string();
  }

 private:
  Statement& check(int rc) {
    if (rc != SQLITE_OK) throw std::runtime_error(sqlite3_errmsg(db_));
    return *this;
  }
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

inline std::int64_t Connection::query_int(const std::string& sql) {
  Statement s(*this, sql);
  return s.step() ? s.column_int(0) : 0;
}

inline std::string Connection::query_text(const std::string& sql) {
  Statement s(*this, sql);
  return s.step() ? s.column_text(0) : std::string();
}

}  // namespace vigil::sqlite
