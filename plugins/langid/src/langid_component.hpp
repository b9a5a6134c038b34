// The `vigil.langid` annotator: spec, factory and the Document glue around
// LanguageIdentifier. Kept apart from the plugin entry so tests link it.
#pragma once

#include <memory>
#include <string>
#include <vigil/sdk.hpp>

namespace vigil::langid {

sdk::ComponentSpec langid_spec();
// Throws ModelError (naming the path) when the model cannot be loaded.
std::unique_ptr<sdk::Annotator> make_langid(const sdk::CreateContext& ctx);
// Where the plugin looks for its model when `model` is empty:
// <folder of the plugin .so>/../../../share/vigil/langid/model.bin.
std::string default_model_path();

}  // namespace vigil::langid
