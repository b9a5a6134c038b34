#include "builtin/builtin_factories.hpp"
#include "vigil/core/builtin_components.hpp"

namespace vigil::core {

void register_builtin_components(ComponentCatalog& catalog) {
  auto origin = std::make_shared<Origin>();
  origin->plugin = "built-in";
  origin->license = "Apache-2.0";
  for (auto entry : {files_source_entry(), jsonl_source_entry(), jsonl_sink_entry()}) {
    entry.origin = origin;
    catalog.add(std::move(entry));
  }
}

}  // namespace vigil::core
