#include "vigil/core/component_catalog.hpp"

#include <dlfcn.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include "vigil/core/builtin_components.hpp"
#include "vigil/core/errors.hpp"

namespace vigil::core {
namespace fs = std::filesystem;
using sdk::ComponentKind;

namespace {

// Collects what a plugin registers; the catalog checks it after the callback
// returns, so no exception ever unwinds through plugin code.
class CollectingRegistry final : public sdk::Registry {
 public:
  void add_source(sdk::ComponentSpec spec, sdk::SourceFactory f) override {
    CatalogEntry e;
    e.kind = ComponentKind::source;
    e.spec = std::move(spec);
    e.source_factory = f;
    entries.push_back(std::move(e));
  }
  void add_annotator(sdk::ComponentSpec spec, sdk::AnnotatorFactory f) override {
    CatalogEntry e;
    e.kind = ComponentKind::annotator;
    e.spec = std::move(spec);
    e.annotator_factory = f;
    entries.push_back(std::move(e));
  }
  void add_sink(sdk::ComponentSpec spec, sdk::SinkFactory f) override {
    CatalogEntry e;
    e.kind = ComponentKind::sink;
    e.spec = std::move(spec);
    e.sink_factory = f;
    entries.push_back(std::move(e));
  }
  std::vector<CatalogEntry> entries;
};

bool has_elf_header(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  char magic[4] = {};
  in.read(magic, 4);
  return in.gcount() == 4 && std::memcmp(magic, "\x7f" "ELF", 4) == 0;
}

std::string join_paths(const std::vector<fs::path>& dirs) {
  std::string out;
  for (const auto& d : dirs) {
    if (!out.empty()) out += ", ";
    out += d.string();
  }
  return out.empty() ? "(none)" : out;
}

}  // namespace

ComponentCatalog::ComponentCatalog() { register_builtin_components(*this); }

void ComponentCatalog::add(CatalogEntry entry) {
  auto key = std::make_pair(entry.kind, entry.spec.name);
  auto [it, inserted] = entries_.try_emplace(key, std::move(entry));
  if (!inserted) {
    const auto& o = it->second.origin;
    throw PluginError(std::string("duplicate ") + sdk::to_string(key.first) + " component '" + key.second +
                      "': already registered by " + (o ? o->plugin : std::string("built-in")));
  }
}

void ComponentCatalog::load_plugin(const fs::path& file_in) {
  std::error_code fec;
  fs::path file = fs::weakly_canonical(file_in, fec);
  if (fec) file = file_in;
  const std::string where = "plugin " + file.string();

  if (std::find(loaded_files_.begin(), loaded_files_.end(), file) != loaded_files_.end()) return;
  if (!fs::is_regular_file(file)) throw PluginError(where + ": file not found");
  if (!has_elf_header(file))
    throw PluginError(where + ": not a shared library (no ELF header); expected a .so built with vigil_add_plugin()");

  auto lib = std::make_shared<boost::dll::shared_library>();
  boost::dll::fs::error_code ec;
  ::dlerror();
  lib->load(file, boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local, ec);
  if (ec || !lib->is_loaded()) {
    const char* why = ::dlerror();
    throw PluginError(where + ": cannot be loaded: " + (why ? std::string(why) : ec.message()));
  }

  if (!lib->has(sdk::kEntrySymbol))
    throw PluginError(where + ": entry symbol '" + sdk::kEntrySymbol +
                      "' not found; is this a Vigil plugin? Plugins define it with VIGIL_PLUGIN(...)");

  // BOOST_DLL_ALIAS exports a pointer to the entry function.
  auto entry = lib->get_alias<sdk::PluginEntry>(sdk::kEntrySymbol);
  const sdk::PluginInfo* info = entry ? entry() : nullptr;
  if (!info) throw PluginError(where + ": entry function returned no plugin information");
  if (info->api_version != sdk::kApiVersion)
    throw PluginError(where + ": wrong API version: plugin has " + std::to_string(info->api_version) +
                      ", this vigil supports " + std::to_string(sdk::kApiVersion) +
                      "; rebuild the plugin against this vigil's SDK");
  const std::string abi = info->abi_tag ? info->abi_tag : "(none)";
  if (abi != sdk::kAbiTag)
    throw PluginError(where + ": ABI tag mismatch: plugin was built as '" + abi + "', this vigil is '" +
                      sdk::kAbiTag + "'; rebuild it with the same compiler family and standard library");
  if (!info->register_components) throw PluginError(where + ": register_components callback is null");

  auto origin = std::make_shared<Origin>();
  origin->plugin = info->name ? info->name : file.stem().string();
  origin->version = info->version ? info->version : "";
  origin->license = info->license ? info->license : "";
  origin->file = file;
  origin->library = lib;

  CollectingRegistry registry;
  try {
    info->register_components(registry);
  } catch (const std::exception& e) {
    throw PluginError(where + ": register_components threw: " + e.what());
  } catch (...) {
    throw PluginError(where + ": register_components threw a non-standard exception");
  }

  // Check every name before adding any, so a rejected plugin leaves no trace.
  std::vector<std::pair<ComponentKind, std::string>> seen;
  for (const auto& e : registry.entries) {
    auto key = std::make_pair(e.kind, e.spec.name);
    if (e.spec.name.empty()) throw PluginError(where + ": registers a " + sdk::to_string(e.kind) + " with an empty name");
    bool twice = std::find(seen.begin(), seen.end(), key) != seen.end();
    auto it = entries_.find(key);
    if (twice || it != entries_.end()) {
      std::string other = twice ? "this plugin itself"
                                : (it->second.origin ? it->second.origin->plugin + " (" + it->second.origin->file.string() + ")"
                                                     : std::string("built-in"));
      throw PluginError(where + ": duplicate component name: " + sdk::to_string(e.kind) + " '" + e.spec.name +
                        "' is already registered by " + other);
    }
    if ((e.kind == ComponentKind::source && !e.source_factory) ||
        (e.kind == ComponentKind::annotator && !e.annotator_factory) ||
        (e.kind == ComponentKind::sink && !e.sink_factory))
      throw PluginError(where + ": " + sdk::to_string(e.kind) + " '" + e.spec.name + "' has no factory");
    seen.push_back(key);
  }

  LoadedPlugin loaded{origin->plugin, origin->version, info->description ? info->description : "", origin->license,
                      file, {}};
  for (auto& e : registry.entries) {
    loaded.components.push_back(std::string(sdk::to_string(e.kind)) + " " + e.spec.name);
    e.origin = origin;
    auto key = std::make_pair(e.kind, e.spec.name);
    entries_.emplace(key, std::move(e));
  }
  plugins_.push_back(std::move(loaded));
  loaded_files_.push_back(file);
}

void ComponentCatalog::load_named_plugin(const std::string& name, const std::vector<fs::path>& dirs) {
  fs::path as_path(name);
  if (name.find('/') != std::string::npos) {
    load_plugin(as_path);
    return;
  }
  std::vector<std::string> candidates{name};
  if (as_path.extension() != ".so") candidates = {name + ".so", "lib" + name + ".so", "vigil_" + name + ".so", name};
  for (const auto& dir : dirs)
    for (const auto& c : candidates)
      if (fs::is_regular_file(dir / c)) {
        load_plugin(dir / c);
        return;
      }
  throw PluginError("plugin '" + name + "': file not found; searched " + join_paths(dirs) +
                    " (add a folder with --plugin-path, [pipeline] plugin_path or VIGIL_PLUGIN_PATH)");
}

void ComponentCatalog::discover(const std::vector<fs::path>& dirs) {
  for (const auto& dir : dirs) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) continue;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir, ec))
      if (e.path().extension() == ".so" && e.is_regular_file(ec)) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      try {
        load_plugin(f);
      } catch (const PluginError& e) {
        discovery_failures_.push_back(e.what());
      }
    }
  }
}

const CatalogEntry* ComponentCatalog::find(ComponentKind kind, const std::string& name) const {
  auto it = entries_.find({kind, name});
  return it == entries_.end() ? nullptr : &it->second;
}

std::vector<const CatalogEntry*> ComponentCatalog::entries() const {
  std::vector<const CatalogEntry*> out;
  for (const auto& [key, e] : entries_) out.push_back(&e);
  return out;
}

std::vector<std::string> ComponentCatalog::names(ComponentKind kind) const {
  std::vector<std::string> out;
  for (const auto& [key, e] : entries_)
    if (key.first == kind) out.push_back(key.second);
  return out;
}

std::vector<fs::path> plugin_search_path(const std::vector<fs::path>& extra) {
  std::vector<fs::path> dirs = extra;
  if (const char* env = std::getenv("VIGIL_PLUGIN_PATH")) {
    std::stringstream ss(env);
    std::string item;
    while (std::getline(ss, item, ':'))
      if (!item.empty()) dirs.emplace_back(item);
  }
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) dirs.push_back((exe.parent_path() / ".." / "lib" / "vigil" / "plugins").lexically_normal());
  return dirs;
}

}  // namespace vigil::core
