// The plugin entry point: one exported symbol per shared library.
//
//   VIGIL_PLUGIN("acme", "1.2.0", "ACME entity tagger", "Apache-2.0", register_acme)
//
// exports `vigil_plugin_entry` (through Boost.DLL) returning a pointer to a
// static PluginInfo. The host checks, in this order: the symbol is present,
// api_version == kApiVersion, abi_tag == the host's tag, the callback is set,
// and no component name is registered twice.
#pragma once

#include <boost/dll/alias.hpp>
#include <cstdint>

#include "vigil/sdk/component.hpp"
#include "vigil/sdk/version.hpp"

namespace vigil::sdk {

// Layout rule: api_version stays the first member and abi_tag the second in
// every API version, so a host can read them from any plugin. Everything is
// static data owned by the plugin library.
struct PluginInfo {
  std::uint32_t api_version;
  const char* abi_tag;
  const char* name;
  const char* version;
  const char* description;
  const char* license;  // SPDX identifier
  void (*register_components)(Registry&);
};

using PluginEntry = const PluginInfo*();

inline constexpr const char* kEntrySymbol = "vigil_plugin_entry";

}  // namespace vigil::sdk

// Writes the entry function. Use once per plugin library, at namespace scope.
#define VIGIL_PLUGIN(NAME, VERSION, DESCRIPTION, LICENSE, REGISTER_FN)                      \
  namespace vigil_plugin_detail {                                                         \
  inline const ::vigil::sdk::PluginInfo* entry() {                                        \
    static const ::vigil::sdk::PluginInfo info{::vigil::sdk::kApiVersion, VIGIL_SDK_ABI_TAG, \
                                               NAME,                                       \
                                               VERSION,                                    \
                                               DESCRIPTION,                                \
                                               LICENSE,                                    \
                                               &REGISTER_FN};                              \
    return &info;                                                                         \
  }                                                                                       \
  }                                                                                       \
  BOOST_DLL_ALIAS(vigil_plugin_detail::entry, vigil_plugin_entry)
