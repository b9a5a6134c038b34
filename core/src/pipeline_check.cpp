#include "vigil/core/pipeline_check.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <set>
#include <sstream>

#include "vigil/core/errors.hpp"
#include "vigil/core/param_validation.hpp"

namespace vigil::core {
namespace fs = std::filesystem;
using sdk::ComponentKind;
using sdk::ParamSpec;

const std::vector<ParamSpec>& pipeline_param_specs() {
  static const std::vector<ParamSpec> specs = {
      ParamSpec::string("name", "pipeline", "Name of the pipeline, shown in logs and summaries"),
      ParamSpec::integer("threads", 0, "Worker threads; 0 uses every core").at_least(0),
      ParamSpec::string_list("plugin_path", {},
                             "Extra folders searched for plugins, before VIGIL_PLUGIN_PATH and the install folder"),
      ParamSpec::string_list("plugins", {},
                             "Plugins that must load (file names or paths); a failure stops the run. Every .so in "
                             "the plugin folders is loaded anyway"),
      ParamSpec::path("dead_letters", "",
                      "JSON-lines file receiving the documents that failed, with the reason; empty: "
                      "vigil-dead-letters.jsonl in the current folder, created only if a document fails"),
      ParamSpec::boolean("fail_fast", false, "Stop at the first document that fails instead of going on"),
      ParamSpec::integer("in_flight_per_thread", 4,
                         "Documents in memory per worker thread; bounds memory whatever the corpus size")
          .range(1, 1024),
      ParamSpec::floating("log_interval", 10.0,
                          "Seconds between progress log lines when stderr is not a terminal; 0 disables them")
          .at_least(0),
  };
  return specs;
}

namespace {

std::string list_or_none(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out.empty() ? "none" : out;
}

CheckedComponent check_component(const ComponentConfig& c, ComponentKind kind, const ComponentCatalog& catalog) {
  CheckedComponent out;
  out.use = c.use;
  out.name = c.name;
  out.section = c.section;
  out.where = describe_origin(c.where);
  out.config_dir = c.base_dir;
  out.entry = catalog.find(kind, c.use);
  if (!out.entry) {
    auto names = catalog.names(kind);
    std::string suggestion = did_you_mean(c.use, names);
    std::string msg = out.where + ": [" + c.section + "] unknown " + sdk::to_string(kind) + " '" + c.use + "'" +
                      (suggestion.empty() ? "" : "; did you mean '" + suggestion + "'?") + " Available " +
                      sdk::to_string(kind) + "s: " + list_or_none(names);
    for (const auto& f : catalog.discovery_failures()) msg += "\n  (a plugin failed to load: " + f + ")";
    throw ConfigError(msg);
  }
  ValidationTarget target{c.section, &c.table, c.where, c.base_dir};
  out.params = validate_params(out.entry->spec.params, target);
  return out;
}

// Every stage's `requires` must be assigned by an earlier stage.
void check_order(const std::vector<CheckedComponent>& stages, const ComponentCatalog& catalog) {
  std::set<std::string> available;
  for (std::size_t i = 0; i < stages.size(); ++i) {
    const auto& s = stages[i];
    for (const auto& need : s.entry->spec.requires_layers) {
      if (available.count(need)) continue;
      // Who could provide it, and is it (wrongly) placed later?
      std::vector<std::string> providers;
      for (const auto* e : catalog.entries())
        if (e->kind == ComponentKind::annotator &&
            std::count(e->spec.assigns_layers.begin(), e->spec.assigns_layers.end(), need))
          providers.push_back(e->spec.name);
      std::string later;
      for (std::size_t j = i + 1; j < stages.size(); ++j)
        if (std::count(stages[j].entry->spec.assigns_layers.begin(), stages[j].entry->spec.assigns_layers.end(), need))
          later = stages[j].name;
      std::string msg = s.where + ": [" + s.section + "] " + s.use + " requires '" + need +
                        "', which no earlier stage assigns; ";
      if (!later.empty())
        msg += "move stage '" + later + "' before stage '" + s.name + "'";
      else if (!providers.empty())
        msg += "add a stage (" + list_or_none(providers) + ") before stage '" + s.name + "'";
      else
        msg += "no known component assigns it; load a plugin that does";
      throw ConfigError(msg);
    }
    for (const auto& a : s.entry->spec.assigns_layers) available.insert(a);
  }
}

}  // namespace

CheckedPipeline check_pipeline(const PipelineConfig& config, ComponentCatalog& catalog,
                               const std::vector<fs::path>& extra_plugin_dirs) {
  CheckedPipeline out;
  out.file = config.file;
  ValidationTarget pt{"pipeline", &config.pipeline, config.pipeline_where, config.dir, {}};
  out.settings_params = validate_params(pipeline_param_specs(), pt);
  const auto& p = out.settings_params;
  auto& s = out.settings;
  s.name = p.get_string("name");
  s.threads = static_cast<int>(p.get_int("threads"));
  for (const auto& d : p.get_list("plugin_path")) {
    fs::path dir(d);
    s.plugin_path.push_back(dir.is_absolute() ? dir : (config.dir / dir).lexically_normal());
  }
  s.plugins = p.get_list("plugins");
  s.dead_letters = p.get_path("dead_letters");
  s.fail_fast = p.get_bool("fail_fast");
  s.in_flight_per_thread = static_cast<int>(p.get_int("in_flight_per_thread"));
  s.log_interval = p.get_float("log_interval");

  std::vector<fs::path> dirs = extra_plugin_dirs;
  dirs.insert(dirs.end(), s.plugin_path.begin(), s.plugin_path.end());
  dirs = plugin_search_path(dirs);
  for (const auto& name : s.plugins) catalog.load_named_plugin(name, dirs);
  catalog.discover(dirs);

  if (config.source.use.empty())
    throw ConfigError(config.file.string() + ": no [source] table; add one (e.g. [source] use = \"vigil.files\" path = \"samples\") or "
                      "pass --input");
  out.source = check_component(config.source, ComponentKind::source, catalog);
  for (const auto& st : config.stages) out.stages.push_back(check_component(st, ComponentKind::annotator, catalog));
  for (const auto& sk : config.sinks) out.sinks.push_back(check_component(sk, ComponentKind::sink, catalog));
  if (out.sinks.empty())
    throw ConfigError(describe_origin(config.pipeline_where) +
                      ": the pipeline has no [[sink]]; add one (e.g. use = \"vigil.jsonl\") or pass --output");
  check_order(out.stages, catalog);
  return out;
}

namespace {

void put(toml::table& t, const std::string& key, const sdk::ParamValue& v) {
  std::visit(
      [&](const auto& x) {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, sdk::StringList>) {
          toml::array a;
          for (const auto& i : x) a.push_back(i);
          t.insert_or_assign(key, std::move(a));
        } else if constexpr (std::is_same_v<T, sdk::StringMap>) {
          toml::table m;
          for (const auto& [k, i] : x) m.insert_or_assign(k, i);
          t.insert_or_assign(key, std::move(m));
        } else {
          t.insert_or_assign(key, x);
        }
      },
      v);
}

toml::table component_table(const CheckedComponent& c) {
  toml::table t;
  t.insert_or_assign("use", c.use);
  t.insert_or_assign("name", c.name);
  for (const auto& [k, v] : c.params.values()) put(t, k, v);
  return t;
}

}  // namespace

std::string filled_config_toml(const CheckedPipeline& p) {
  toml::table root;
  toml::table pipeline;
  for (const auto& [k, v] : p.settings_params.values()) put(pipeline, k, v);
  root.insert_or_assign("pipeline", std::move(pipeline));
  root.insert_or_assign("source", component_table(p.source));
  toml::array stages, sinks;
  for (const auto& s : p.stages) stages.push_back(component_table(s));
  for (const auto& s : p.sinks) sinks.push_back(component_table(s));
  if (!stages.empty()) root.insert_or_assign("stage", std::move(stages));
  root.insert_or_assign("sink", std::move(sinks));
  std::ostringstream out;
  out << "# Filled-in configuration of " << p.file.string() << " (defaults included, paths resolved)\n"
      << toml::toml_formatter(root) << "\n";
  return out.str();
}

}  // namespace vigil::core

namespace vigil::core {

std::string config_hash(const CheckedPipeline& pipeline) {
  // FNV-1a, 64 bits: stable across platforms and versions, which std::hash is not.
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : filled_config_toml(pipeline)) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "fnv1a64:%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace vigil::core
