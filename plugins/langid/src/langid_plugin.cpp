// Plugin entry of vigil_langid.so.
#include "langid_component.hpp"

namespace {
void register_components(vigil::sdk::Registry& registry) {
  registry.add_annotator(vigil::langid::langid_spec(), &vigil::langid::make_langid);
}
}  // namespace

VIGIL_PLUGIN("vigil-langid", "0.2.0", "Language identification: CLD2, a character n-gram model, script rules",
             "Apache-2.0", register_components)
