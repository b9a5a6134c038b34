// The plugin library's entry point: registers the `vigil.tokenize` annotator.
#include "tokenize_component.hpp"
#include "vigil/sdk/plugin.hpp"

namespace {

void register_tokenize(vigil::sdk::Registry& registry) {
  registry.add_annotator(vigil::tokenize::tokenize_component_spec(), &vigil::tokenize::make_tokenize_annotator);
}

}  // namespace

VIGIL_PLUGIN("vigil-tokenize", "0.1.0", "Word and sentence segmentation for any script, based on ICU", "Apache-2.0",
             register_tokenize)
