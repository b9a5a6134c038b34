// All components the host knows: the built-in ones and those registered by
// loaded plugins. Owns the plugin libraries, which are never unloaded.
#pragma once

#include <boost/dll/shared_library.hpp>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "vigil/sdk/component.hpp"
#include "vigil/sdk/plugin.hpp"

namespace vigil::core {

// Where a component comes from. `library` keeps the plugin loaded; it is
// empty for built-in components.
struct Origin {
  std::string plugin;  // plugin name, or "built-in"
  std::string version;
  std::string license;
  std::filesystem::path file;  // empty for built-ins
  std::shared_ptr<boost::dll::shared_library> library;
};

struct CatalogEntry {
  sdk::ComponentKind kind = sdk::ComponentKind::source;
  sdk::ComponentSpec spec;
  sdk::SourceFactory source_factory = nullptr;
  sdk::AnnotatorFactory annotator_factory = nullptr;
  sdk::SinkFactory sink_factory = nullptr;
  std::shared_ptr<const Origin> origin;
};

struct LoadedPlugin {
  std::string name, version, description, license;
  std::filesystem::path file;
  std::vector<std::string> components;  // "kind name"
};

class ComponentCatalog {
 public:
  ComponentCatalog();  // registers the built-in components

  // Loads one plugin file and registers its components. Throws PluginError
  // with a message naming the file for every failure (see plugin_loader.cpp).
  void load_plugin(const std::filesystem::path& file);

  // Finds `name_or_file` in `search_dirs` ("acme" -> acme.so, libacme.so) or
  // as a path, and loads it. Throws PluginError listing the folders searched.
  void load_named_plugin(const std::string& name_or_file, const std::vector<std::filesystem::path>& search_dirs);

  // Loads every *.so in the folders; failures are collected, not thrown.
  void discover(const std::vector<std::filesystem::path>& search_dirs);

  const CatalogEntry* find(sdk::ComponentKind kind, const std::string& name) const;
  std::vector<const CatalogEntry*> entries() const;
  std::vector<std::string> names(sdk::ComponentKind kind) const;
  const std::vector<LoadedPlugin>& plugins() const { return plugins_; }
  // Messages of plugins that failed during discover().
  const std::vector<std::string>& discovery_failures() const { return discovery_failures_; }

  // For built-ins and tests: registers without a library.
  void add(CatalogEntry entry);

 private:
  std::map<std::pair<sdk::ComponentKind, std::string>, CatalogEntry> entries_;
  std::vector<LoadedPlugin> plugins_;
  std::vector<std::string> discovery_failures_;
  std::vector<std::filesystem::path> loaded_files_;
};

// The folders searched for plugins, in order: `extra` (command line, config),
// VIGIL_PLUGIN_PATH (colon-separated), then <folder of the executable>/../lib/vigil/plugins.
std::vector<std::filesystem::path> plugin_search_path(const std::vector<std::filesystem::path>& extra);

}  // namespace vigil::core
