#include "langid_component.hpp"

#include "language_identifier.hpp"

namespace vigil::langid {
using sdk::ParamSpec;

namespace {

constexpr const char* kName = "vigil.langid";

class LangidAnnotator final : public sdk::Annotator {
 public:
  explicit LangidAnnotator(IdentifierOptions options) : identifier_(std::move(options)) {}

  void annotate(sdk::Document& doc) override {
    // A language given with the input (`lang` field) is the user's word.
    if (doc.language.is_set() && doc.language.source == "input") return;
    Identification id = identifier_.identify(doc.text);
    doc.language.code = id.code;
    doc.language.confidence = id.confidence;
    doc.language.reliable = id.reliable;
    doc.language.source = kName;
    doc.language.alternatives.clear();
    for (const auto& g : id.alternatives) doc.language.alternatives.push_back({g.code, g.confidence});
    if (id.code == "und") doc.diagnose(sdk::Diagnostic::Level::info, "langid", "language undetermined: " + id.note);
    if (!id.chunks.empty()) {
      // Spans in code points, like every offset Vigil writes by default.
      const sdk::OffsetConverter cp(doc.text, sdk::OffsetUnit::codepoint);
      sdk::Json spans = sdk::Json::array();
      for (const auto& c : id.chunks)
        spans.push_back({{"start", cp.convert(c.begin)}, {"end", cp.convert(c.end)}, {"language", c.code}});
      doc.attributes[kName] = {{"spans", std::move(spans)}};
    }
  }

 private:
  LanguageIdentifier identifier_;
};

}  // namespace

sdk::ComponentSpec langid_spec() {
  sdk::ComponentSpec spec{kName, "Language identification (CLD2, script rules for Tamazight and Arabic)"};
  spec.params = {
      ParamSpec::string_list("languages", {}, "Restrict the answers to these language codes; empty: any language"),
      ParamSpec::string_list("hints", {}, "Languages expected in the corpus, boosted (e.g. [\"fr\", \"ar\"])"),
      ParamSpec::floating("min_confidence", 0.0, "Below this confidence the answer is \"und\"").range(0, 1),
      ParamSpec::integer("min_letters", 3, "Texts with fewer letters are \"und\", with a diagnostic").range(1, 1000),
      ParamSpec::integer("short_text_threshold", 64,
                         "Texts with fewer letters than this are short: CLD2 answers in best-effort mode")
          .range(0, 100000),
  };
  spec.assigns_layers = {sdk::layer::language};
  spec.thread_safe = true;  // CLD2 keeps no state between calls
  return spec;
}

std::unique_ptr<sdk::Annotator> make_langid(const sdk::CreateContext& ctx) {
  IdentifierOptions o;
  o.languages = ctx.params.get_list("languages");
  o.hints = ctx.params.get_list("hints");
  o.min_confidence = ctx.params.get_float("min_confidence");
  o.min_letters = static_cast<std::size_t>(ctx.params.get_int("min_letters"));
  o.short_text_threshold = static_cast<std::size_t>(ctx.params.get_int("short_text_threshold"));
  return std::make_unique<LangidAnnotator>(std::move(o));
}

}  // namespace vigil::langid
