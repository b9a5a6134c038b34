// `vigil plugins [NAME]`: what is installed, and the documentation of one
// component, printed from its parameter specs (the same data validation uses).
#include <cstdio>
#include <string>

#include "vigil/commands.hpp"
#include "vigil/core/component_catalog.hpp"
#include "vigil/core/errors.hpp"
#include "vigil/core/param_validation.hpp"

namespace vigil::cli {
using namespace vigil::core;

namespace {

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
  return out.empty() ? "-" : out;
}

std::string origin_of(const CatalogEntry& e) {
  if (!e.origin || e.origin->file.empty()) return "built-in";
  return e.origin->plugin + " " + e.origin->version + " (" + e.origin->file.string() + ")";
}

void describe(const CatalogEntry& e) {
  std::printf("%s (%s)\n  %s\n", e.spec.name.c_str(), sdk::to_string(e.kind), e.spec.description.c_str());
  std::printf("  from: %s", origin_of(e).c_str());
  if (e.origin && !e.origin->license.empty()) std::printf(", license %s", e.origin->license.c_str());
  std::printf("\n");
  if (e.kind == sdk::ComponentKind::annotator) {
    std::printf("  requires: %s\n  assigns: %s\n  thread-safe: %s\n", join(e.spec.requires_layers).c_str(),
                join(e.spec.assigns_layers).c_str(), e.spec.thread_safe ? "yes (one shared instance)" : "no (one per thread)");
  }
  std::printf("\nparameters:\n");
  if (e.spec.params.empty()) std::printf("  (none)\n");
  for (const auto& p : e.spec.params) {
    std::string def = p.required ? "required" : p.default_value ? "default " + format_value(*p.default_value) : "optional";
    std::printf("  %-20s %s; %s\n", p.key.c_str(), describe_expected(p).c_str(), def.c_str());
    std::printf("  %-20s %s\n", "", p.doc.c_str());
  }
}

}  // namespace

int plugins_command(const PluginsCommandOptions& opt, const GlobalOptions& global) {
  auto logger = make_logger(global.log_level);
  ComponentCatalog catalog;
  auto dirs = plugin_search_path(global.plugin_path);
  catalog.discover(dirs);
  for (const auto& f : catalog.discovery_failures()) logger->warn("{}", f);

  if (!opt.name.empty()) {
    bool found = false;
    for (const auto* e : catalog.entries())
      if (e->spec.name == opt.name) {
        if (found) std::printf("\n");
        describe(*e);
        found = true;
      }
    if (found) return kExitOk;
    std::vector<std::string> names;
    for (const auto* e : catalog.entries()) names.push_back(e->spec.name);
    std::string suggestion = did_you_mean(opt.name, names);
    std::fprintf(stderr, "vigil: error: no component named '%s'%s (`vigil plugins` lists them)\n", opt.name.c_str(),
                 suggestion.empty() ? "" : ("; did you mean '" + suggestion + "'?").c_str());
    return kExitUsage;
  }

  for (auto kind : {sdk::ComponentKind::source, sdk::ComponentKind::annotator, sdk::ComponentKind::sink}) {
    std::printf("%ss:\n", sdk::to_string(kind));
    for (const auto* e : catalog.entries())
      if (e->kind == kind)
        std::printf("  %-18s %s  [%s]\n", e->spec.name.c_str(), e->spec.description.c_str(),
                    e->origin && !e->origin->file.empty() ? e->origin->plugin.c_str() : "built-in");
    std::printf("\n");
  }
  std::printf("plugin folders searched:\n");
  for (const auto& d : dirs) std::printf("  %s\n", d.string().c_str());
  return kExitOk;
}

}  // namespace vigil::cli
