// The plugin library's entry point: registers the `vigil.topics` annotator.
#include "topics_component.hpp"
#include "vigil/sdk/plugin.hpp"

namespace {

void register_topics(vigil::sdk::Registry& registry) {
  registry.add_annotator(vigil::topics::topics_component_spec(), &vigil::topics::make_topics_annotator);
}

}  // namespace

VIGIL_PLUGIN("vigil-topics", "0.1.0", "Multilingual weighted topic rules (terrorism, drugs, cybercrime, migration)",
             "Apache-2.0", register_topics)
