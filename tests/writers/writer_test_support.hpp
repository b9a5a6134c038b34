// Helpers for the writer tests: running a pipeline, reading an SQLite
// database, parsing CSV, and starting vigil in the background.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

#include "run_vigil.hpp"

namespace vigil::test {

// Writes `toml` to dir/name and runs `vigil --plugin-path <test plugins> run`
// on it with `extra` arguments appended.
RunResult run_pipeline(const TempDir& dir, const std::string& toml, const std::vector<std::string>& extra = {},
                       const std::string& name = "pipeline.toml");

// Rows of an SQLite query, every value as text ("NULL" for NULL). Opens the
// database read-write (never creating it), as a reader after a crash must.
using Rows = std::vector<std::vector<std::string>>;
Rows query(const std::filesystem::path& db, const std::string& sql);
// The single value of a one-row, one-column query.
std::string query_one(const std::filesystem::path& db, const std::string& sql);
long long query_int(const std::filesystem::path& db, const std::string& sql);
// Runs statements on a database (created when missing).
void exec_sql(const std::filesystem::path& db, const std::string& sql);

// An RFC 4180 parser (CRLF or LF record ends, quoted fields), strict enough
// to fail on malformed quoting.
std::vector<std::vector<std::string>> parse_csv(const std::string& text);

// A vigil child process running in the background, its output in files.
class BackgroundVigil {
 public:
  BackgroundVigil(const std::vector<std::string>& args, const std::filesystem::path& log_dir);
  ~BackgroundVigil();  // kills (SIGKILL) and reaps if still running
  BackgroundVigil(const BackgroundVigil&) = delete;
  BackgroundVigil& operator=(const BackgroundVigil&) = delete;
  bool running();
  void kill_hard();  // SIGKILL, then reap
  int wait();        // exit status, 128 + N for signal N
 private:
  pid_t pid_ = -1;
  int status_ = -1;
};

// A JSON-lines corpus in Vigil's output shape with known entities and topics,
// including text that needs escaping (quotes, commas, newlines, "</script>",
// Arabic). Returns the lines.
std::string sample_results_jsonl();

}  // namespace vigil::test
