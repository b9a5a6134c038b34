// A plugin built against a future API: the host must refuse it by version.
#include <vigil/sdk.hpp>

namespace {
void register_nothing(vigil::sdk::Registry&) {}
const vigil::sdk::PluginInfo* entry() {
  static const vigil::sdk::PluginInfo info{999, VIGIL_SDK_ABI_TAG, "future", "9.9.9", "From the future", "MIT",
                                           &register_nothing};
  return &info;
}
}  // namespace
BOOST_DLL_ALIAS(entry, vigil_plugin_entry)
