// Validates a component's TOML table against its parameter specs, before any
// plugin code runs, and turns it into typed sdk::Params with defaults filled.
#pragma once

#include <filesystem>
#include <string>
#include <toml++/toml.h>
#include <vector>

#include "vigil/sdk/params.hpp"

namespace vigil::core {

struct ValidationTarget {
  std::string section;              // "stage.ner": shown as [stage.ner]
  const toml::table* table = nullptr;
  toml::source_region where{};      // of the table, for missing keys
  std::filesystem::path base_dir;   // relative paths in the file resolve here
  std::vector<std::string> reserved = {"use", "name"};  // keys the host consumes
};

// Throws ConfigError listing every problem, one per line, each starting with
// file:line:col. Paths given on the command line (--set) resolve against the
// current folder; "-" and "" are kept as they are.
sdk::Params validate_params(const std::vector<sdk::ParamSpec>& specs, const ValidationTarget& target);

// The closest of `candidates` to `word` within a small edit distance, or "".
std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates);

// "a float in [0,1]", "an integer >= 1", "one of \"x\", \"y\"": for messages
// and for `vigil plugins NAME`.
std::string describe_expected(const sdk::ParamSpec& spec);
// A value as TOML would write it: 0.5, "text", ["a", "b"].
std::string format_value(const sdk::ParamValue& value);

}  // namespace vigil::core
