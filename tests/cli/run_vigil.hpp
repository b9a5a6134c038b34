// End-to-end test helpers: run the `vigil` binary as a child process (no
// shell) with captured stdout / stderr / exit code, and per-test temp folders.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "temp_files.hpp"

namespace vigil::test {

// Folder holding the `vigil-test` plugin (test.echo, test.counter, ...).
inline const std::string kTestPlugins = VIGIL_TEST_PLUGIN_DIR;
// Folder holding the deliberately broken plugins.
inline const std::string kBrokenPlugins = VIGIL_TEST_BROKEN_PLUGIN_DIR;

struct RunResult {
  int exit_code = -1;      // the process exit status; 128 + N when killed by signal N
  bool timed_out = false;  // killed after the timeout
  std::string out;         // everything written to stdout
  std::string err;         // everything written to stderr
};

struct RunOptions {
  std::optional<std::string> stdin_text;  // nullopt: stdin is /dev/null
  std::filesystem::path cwd;              // empty: inherit
  std::chrono::milliseconds timeout{30000};
  // Extra "KEY=VALUE" environment entries. VIGIL_PLUGIN_PATH from the test
  // runner's environment is never passed on, so results do not depend on it.
  std::vector<std::string> env;
};

// Runs `program` with `args` (argv[0] is added). Never throws for a failing
// child; throws std::runtime_error when the child cannot be started.
RunResult run_program(const std::string& program, const std::vector<std::string>& args, const RunOptions& options = {});

// Runs the `vigil` binary under test (VIGIL_BINARY).
RunResult run_vigil(const std::vector<std::string>& args, const RunOptions& options = {});

// Splits text into lines (without the '\n'); a final empty piece is dropped.
std::vector<std::string> split_lines(const std::string& text);

// Parses every line as JSON; throws (with the line) when one does not parse.
std::vector<nlohmann::json> parse_json_lines(const std::string& text);

// The counts of the summary line "read N = written N + failed N + skipped N
// [+ discarded N] in ..."; found == false when stderr has no such line.
struct Summary {
  bool found = false;
  unsigned long long read = 0, written = 0, failed = 0, skipped = 0, discarded = 0;
  bool reconciles() const { return read == written + failed + skipped + discarded; }
};
Summary parse_summary(const std::string& err);

}  // namespace vigil::test
