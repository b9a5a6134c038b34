// A pipeline file (TOML), parsed with positions kept for error messages, with
// command-line overrides applied. Nothing here knows about components: see
// pipeline_check.hpp for validation against their parameter specs.
#pragma once

#include <filesystem>
#include <string>
#include <toml++/toml.h>
#include <vector>

namespace vigil::core {

// Where a value came from: "pipeline.toml:12:5", or "--set stage.ner.x=1".
std::string describe_origin(const toml::source_region& where);

// One `[source]`, `[[stage]]` or `[[sink]]` table.
struct ComponentConfig {
  std::string use;      // component name
  std::string name;     // instance name: `name = ...`, else the last part of `use`
  std::string section;  // "source", "stage.ner", "sink.jsonl": used in messages
  toml::table table;    // the user's keys, `use` and `name` included
  toml::source_region where{};  // the table header (or the option that made it)
  std::filesystem::path base_dir;  // relative paths resolve against this
};

struct PipelineConfig {
  std::filesystem::path file;  // as given by the user
  std::filesystem::path dir;   // folder of the file (absolute)
  toml::table pipeline;        // the [pipeline] table (validated in pipeline_check)
  toml::source_region pipeline_where{};
  ComponentConfig source;  // source.use is empty when the file has no [source]
  std::vector<ComponentConfig> stages;
  std::vector<ComponentConfig> sinks;
};

// Reads and parses `file`. Throws ConfigError "file:line:col: ..." on syntax
// errors, unknown top-level sections or a table without `use`.
PipelineConfig load_pipeline_config(const std::filesystem::path& file);

// Applies "section.key=value" (section: pipeline, source, stage.NAME or
// stage.INDEX, sink.NAME or sink.INDEX; key may be dotted into a table).
// The value is read as TOML when it parses ("0.7", "true", "[\"en\"]"), else
// taken as a string. Throws ConfigError naming the option.
void apply_override(PipelineConfig& config, const std::string& assignment);

// Replaces the source by the one `--input` names: "-" is JSON lines on stdin,
// a folder is vigil.files, anything else vigil.jsonl. Relative to the cwd.
void replace_source(PipelineConfig& config, const std::string& input);
// Replaces every sink by one vigil.jsonl sink writing to `output` ("-": stdout).
void replace_sinks(PipelineConfig& config, const std::string& output);

}  // namespace vigil::core
