// Catalog entries of the built-in components, one per file in builtin/.
#pragma once

#include "vigil/core/component_catalog.hpp"

namespace vigil::core {

CatalogEntry files_source_entry();
CatalogEntry jsonl_source_entry();
CatalogEntry jsonl_sink_entry();

}  // namespace vigil::core
