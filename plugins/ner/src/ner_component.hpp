// The `vigil.ner` annotator: its spec (parameters as data) and factory.
// In the implementation library so that tests, `vigil eval entities` and the
// benchmark create it exactly as the host does.
#pragma once

#include <filesystem>
#include <memory>

#include "vigil/sdk/component.hpp"

namespace vigil::ner {

inline constexpr const char* kComponentName = "vigil.ner";
inline constexpr const char* kShippedLanguages[] = {"ar", "de", "en", "es", "fr", "nl"};

sdk::ComponentSpec ner_component_spec();
std::unique_ptr<sdk::Annotator> make_ner_annotator(const sdk::CreateContext& context);

// <plugin dir>/../../../share/vigil/ner (models) and .../config/gazetteers,
// found from the library this code is linked into (plugin or test binary).
std::filesystem::path default_model_dir();
std::filesystem::path default_gazetteer_dir();

}  // namespace vigil::ner
