// A plugin that claims another C++ ABI: the host must refuse it by tag.
#include <vigil/sdk.hpp>

namespace {
void register_nothing(vigil::sdk::Registry&) {}
const vigil::sdk::PluginInfo* entry() {
  static const vigil::sdk::PluginInfo info{vigil::sdk::kApiVersion, "itanium-clang/libc++/sdk0", "foreign", "1.0",
                                           "Built with another standard library", "MIT", &register_nothing};
  return &info;
}
}  // namespace
BOOST_DLL_ALIAS(entry, vigil_plugin_entry)
