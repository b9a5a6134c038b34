// A plugin that registers a source under a name the host already has.
#include <vigil/sdk.hpp>

namespace {
std::unique_ptr<vigil::sdk::Source> make(const vigil::sdk::CreateContext&) { return nullptr; }
void register_components(vigil::sdk::Registry& r) { r.add_source({"vigil.files", "An impostor"}, &make); }
}  // namespace
VIGIL_PLUGIN("impostor", "1.0", "Registers vigil.files again", "MIT", register_components)
