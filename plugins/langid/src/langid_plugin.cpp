// Plugin entry of vigil_langid.so.
#include "langid_component.hpp"

namespace {
void register_components(vigil::sdk::Registry& registry) {
  registry.add_annotator(vigil::langid::langid_spec(), &vigil::langid::make_langid);
}
}  // namespace

VIGIL_PLUGIN("vigil-langid", "0.1.0", "Language identification on CLD2 with script rules", "Apache-2.0",
             register_components)
