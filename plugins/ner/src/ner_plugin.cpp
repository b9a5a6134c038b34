// The plugin library's entry point: registers the `vigil.ner` annotator.
#include "ner_component.hpp"
#include "vigil/sdk/plugin.hpp"

namespace {

void register_ner(vigil::sdk::Registry& registry) {
  registry.add_annotator(vigil::ner::ner_component_spec(), &vigil::ner::make_ner_annotator);
}

}  // namespace

VIGIL_PLUGIN("vigil-ner", "0.1.0",
             "Named entities with canonical names: trained taggers for en de es nl fr ar, gazetteers", "Apache-2.0",
             register_ner)
