// Everything `vigil check` does: loads the plugins a pipeline needs, finds
// each component, validates its parameters and the order of stages. Runs no
// component code (no factory is called).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "vigil/core/component_catalog.hpp"
#include "vigil/core/pipeline_config.hpp"
#include "vigil/sdk/params.hpp"

namespace vigil::core {

// The [pipeline] table, validated.
struct PipelineSettings {
  std::string name;
  int threads = 0;  // 0: all cores
  std::vector<std::filesystem::path> plugin_path;
  std::vector<std::string> plugins;  // loaded explicitly; a failure is an error
  std::string dead_letters;          // JSONL file for failed documents
  bool fail_fast = false;
  int in_flight_per_thread = 4;      // bound on documents in memory
  double log_interval = 10.0;        // seconds between progress log lines
};

const std::vector<sdk::ParamSpec>& pipeline_param_specs();

struct CheckedComponent {
  const CatalogEntry* entry = nullptr;
  sdk::Params params;
  std::string use, name, section;
  std::string where;  // "pipeline.toml:12:1"
  std::filesystem::path config_dir;
};

struct CheckedPipeline {
  std::filesystem::path file;
  PipelineSettings settings;
  sdk::Params settings_params;
  CheckedComponent source;
  std::vector<CheckedComponent> stages;
  std::vector<CheckedComponent> sinks;
};

// Loads plugins into `catalog` (explicit ones strictly, discovered ones
// leniently) and validates. Throws ConfigError (exit 2) or PluginError (exit 3).
CheckedPipeline check_pipeline(const PipelineConfig& config, ComponentCatalog& catalog,
                               const std::vector<std::filesystem::path>& extra_plugin_dirs);

// The filled-in configuration (defaults included) as TOML: what --print-config
// prints, so a run can be reproduced exactly.
std::string filled_config_toml(const CheckedPipeline& pipeline);

// "fnv1a64:<16 hex digits>" of filled_config_toml(): identifies the effective
// configuration of a run (sdk::RunInfo::pipeline_hash).
std::string config_hash(const CheckedPipeline& pipeline);

}  // namespace vigil::core
