#include <cstdio>

#include "vigil/commands.hpp"
#include "vigil/core/errors.hpp"

namespace vigil::cli {

int report_error(const std::exception& e) {
  std::fprintf(stderr, "vigil: error: %s\n", e.what());
  if (dynamic_cast<const core::ConfigError*>(&e)) return core::kExitUsage;
  if (dynamic_cast<const core::PluginError*>(&e)) return core::kExitPluginLoad;
  return core::kExitRuntime;
}

}  // namespace vigil::cli
