// A plugin whose information has no register_components callback.
#include <vigil/sdk.hpp>

namespace {
const vigil::sdk::PluginInfo* entry() {
  static const vigil::sdk::PluginInfo info{vigil::sdk::kApiVersion, VIGIL_SDK_ABI_TAG, "hollow", "1.0",
                                           "Registers nothing", "MIT", nullptr};
  return &info;
}
}  // namespace
BOOST_DLL_ALIAS(entry, vigil_plugin_entry)
