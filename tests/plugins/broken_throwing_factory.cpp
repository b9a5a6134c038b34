// A plugin whose annotator cannot be created: its factory throws.
#include <stdexcept>
#include <vigil/sdk.hpp>

namespace {
std::unique_ptr<vigil::sdk::Annotator> make(const vigil::sdk::CreateContext&) {
  throw std::runtime_error("model file /nonexistent/model.bin is missing");
}
void register_components(vigil::sdk::Registry& r) { r.add_annotator({"test.throwing_factory", "Never created"}, &make); }
}  // namespace
VIGIL_PLUGIN("throwing-factory", "1.0", "A factory that throws", "MIT", register_components)
