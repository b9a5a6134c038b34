// The `vigil` subcommands. Each returns the process exit code (see
// vigil/core/errors.hpp) and reports errors on stderr.
#pragma once

#include <exception>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <spdlog/logger.h>

namespace vigil::cli {

struct GlobalOptions {
  std::string log_level = "info";
  std::vector<std::filesystem::path> plugin_path;
};

struct RunCommandOptions {
  std::string pipeline;
  std::string input, output;
  std::vector<std::string> overrides;
  int threads = -1;  // -1: from the pipeline
  bool fail_fast = false;
  std::string dead_letters;
  bool print_config = false;
  bool check_only = false;  // `vigil check`
  bool quiet = false;
  bool no_progress = false;
};

struct PluginsCommandOptions {
  std::string name;  // empty: list everything
};

struct EvalTopicsOptions {
  std::string gold;      // JSON lines with "topics": [...] per record
  std::string pipeline;  // empty: config/default.toml (or the installed one)
  std::vector<std::string> overrides;
  int threads = -1;
  bool show_errors = false;  // list every false positive and false negative
};

int run_command(const RunCommandOptions& options, const GlobalOptions& global);
int plugins_command(const PluginsCommandOptions& options, const GlobalOptions& global);
int eval_topics_command(const EvalTopicsOptions& options, const GlobalOptions& global);

// Prints "vigil: error: ..." on stderr and returns the exit code of the
// error's kind: 2 configuration, 3 plugin, 4 anything else (I/O).
int report_error(const std::exception& e);

// A logger writing to stderr only (stdout may carry data).
std::shared_ptr<spdlog::logger> make_logger(const std::string& level);

}  // namespace vigil::cli
