// Example third-party plugin "acme": annotator `acme.shout` adds the text
// upper-cased (ASCII only) and its word count as the attribute "acme.shout".
// It links only the Vigil SDK.
#include <cctype>
#include <string>
#include <vigil/sdk.hpp>

namespace {
using namespace vigil::sdk;

class Shout final : public Annotator {
 public:
  explicit Shout(const CreateContext& ctx) : suffix_(ctx.params.get_string("suffix")) {}

  void annotate(Document& doc) override {
    std::string upper = doc.text;
    for (char& c : upper)
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    std::size_t words = 0;
    bool in_word = false;
    for (unsigned char c : doc.text) {
      bool space = std::isspace(c) != 0;
      if (!space && !in_word) ++words;
      in_word = !space;
    }
    doc.attributes["acme.shout"] = {{"text", upper + suffix_}, {"words", words}};
  }

 private:
  std::string suffix_;
};

std::unique_ptr<Annotator> make_shout(const CreateContext& ctx) { return std::make_unique<Shout>(ctx); }

void register_components(Registry& registry) {
  ComponentSpec spec{"acme.shout", "Upper-cases the text (ASCII) and counts its words"};
  spec.params = {ParamSpec::string("suffix", "!", "Appended to the upper-cased text")};
  spec.thread_safe = true;
  registry.add_annotator(spec, &make_shout);
}

}  // namespace

VIGIL_PLUGIN("acme", "0.1.0", "Example out-of-tree plugin", "MIT", register_components)
