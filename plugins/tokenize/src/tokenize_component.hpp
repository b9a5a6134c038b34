// The `vigil.tokenize` annotator: its spec (parameters as data) and factory.
// Lives in the implementation library so that tests create the annotator
// exactly as the host does, without loading the plugin.
#pragma once

#include <memory>

#include "icu_tokenizer.hpp"
#include "vigil/sdk/component.hpp"

namespace vigil::tokenize {

inline constexpr const char* kComponentName = "vigil.tokenize";

sdk::ComponentSpec tokenize_component_spec();

// Reads validated parameters (every declared key present, as the host passes
// them). Throws std::invalid_argument for a locale or abbreviation the
// tokenizer cannot use.
TokenizerOptions tokenizer_options(const sdk::Params& params);

// The factory registered with the host. The annotator it returns is not
// thread-safe: the host creates one per worker thread.
std::unique_ptr<sdk::Annotator> make_tokenize_annotator(const sdk::CreateContext& context);

}  // namespace vigil::tokenize
