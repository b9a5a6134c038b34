// The `vigil.topics` annotator: its spec (parameters as data) and factory.
// Lives in the implementation library so that tests and the benchmark create
// the annotator exactly as the host does, without loading the plugin.
#pragma once

#include <memory>

#include "vigil/sdk/component.hpp"

namespace vigil::topics {

inline constexpr const char* kComponentName = "vigil.topics";

sdk::ComponentSpec topics_component_spec();

// Loads the rule files and compiles them. Throws RuleError (every problem,
// file:line:col) or std::runtime_error. The annotator is thread-safe: the
// host shares one instance between its workers.
std::unique_ptr<sdk::Annotator> make_topics_annotator(const sdk::CreateContext& context);

}  // namespace vigil::topics
