// The `vigil` subcommands. Each returns the process exit code (see
// vigil/core/errors.hpp) and reports errors on stderr.
#pragma once

#include <cstdint>
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

struct TrainNerOptions {
  std::string language;
  std::vector<std::string> train, dev;  // corpus files, optionally PATH#FROM-TO/PARTS
  std::string out;
  std::vector<std::string> gazetteers;
  std::string clusters;            // word cluster paths (tools/ner-clusters)
  std::vector<std::string> types;  // empty: PER ORG LOC MISC
  std::string format;              // empty: detect per file
  bool repair_mac_cyrillic = false;
  int epochs = 12;
  int patience = 3;
  std::uint64_t seed = 1;
  long max_features = 800000;
  // Sentences per document for training and dev files that mark no
  // documents, as `vigil eval entities --group` reads them.
  int group = 30;
  bool document_history = true;  // --no-history: features of the sentence alone
};

struct EvalEntitiesOptions {
  std::vector<std::string> gold;  // corpus files, optionally PATH#FROM-TO/PARTS
  std::string language;
  std::string pipeline;  // empty: langid, tokenize, ner with defaults (only the entity stage runs)
  std::vector<std::string> overrides;
  std::vector<std::string> types;  // empty: the types in the gold data
  std::string format;
  // Sentences per document for gold files that mark no documents: such files
  // (CoNLL-2002, NewsFANE) hold articles in order, so 30 consecutive sentences
  // give the stage what a run on the article would (a later surname alone
  // links to the full name). Chosen on the dev sets (plugins/ner/README.md).
  std::size_t group = 30;
  std::string errors;  // write sentences with errors here
};

int run_command(const RunCommandOptions& options, const GlobalOptions& global);
int plugins_command(const PluginsCommandOptions& options, const GlobalOptions& global);
int eval_topics_command(const EvalTopicsOptions& options, const GlobalOptions& global);
int train_ner_command(const TrainNerOptions& options, const GlobalOptions& global);
int eval_entities_command(const EvalEntitiesOptions& options, const GlobalOptions& global);

// Prints "vigil: error: ..." on stderr and returns the exit code of the
// error's kind: 2 configuration, 3 plugin, 4 anything else (I/O).
int report_error(const std::exception& e);

// A logger writing to stderr only (stdout may carry data).
std::shared_ptr<spdlog::logger> make_logger(const std::string& level);

}  // namespace vigil::cli
