// The `vigil.langid` annotator: spec, factory and the Document glue around
// LanguageIdentifier. Kept apart from the plugin entry so tests link it.
#pragma once

#include <memory>
#include <vigil/sdk.hpp>

namespace vigil::langid {

sdk::ComponentSpec langid_spec();
std::unique_ptr<sdk::Annotator> make_langid(const sdk::CreateContext& ctx);

}  // namespace vigil::langid
