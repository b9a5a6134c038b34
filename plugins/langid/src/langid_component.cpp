#include "langid_component.hpp"

#include <filesystem>
#include <vigil/sdk/share_dir.hpp>

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
    doc.language.source = kName;  // `method` says which part decided; kept out of the document to stay compact
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
  sdk::ComponentSpec spec{
      kName, "Language identification (CLD2 and a character n-gram model; script rules for Tamazight and Arabic)"};
  spec.params = {
      ParamSpec::path("model", "",
                      "Character n-gram model file (vigil-train-langid); empty: the model installed with the plugin, "
                      "<plugin dir>/../../../share/vigil/langid/model.bin"),
      ParamSpec::boolean("use_model", true,
                         "false: CLD2 and the script rules only, no n-gram model (the baseline, for comparison)"),
      ParamSpec::string_list("languages", {}, "Restrict the answers to these language codes; empty: any language"),
      ParamSpec::string_list("hints", {}, "Languages expected in the corpus, boosted (e.g. [\"fr\", \"ar\"])"),
      ParamSpec::string_list("rare_languages", {"gl", "nb"},
                             "Languages far rarer in the news than a close neighbour (Galician: Spanish, Portuguese; "
                             "Norwegian: Danish, Swedish); where the model decides, their scores lose rare_prior nats "
                             "(a prior). [] treats every language alike"),
      ParamSpec::floating("rare_prior", 4.0, "Nats taken off the model score of each rare language").range(0, 20),
      ParamSpec::floating("min_confidence", 0.0, "Below this confidence the answer is \"und\"").range(0, 1),
      ParamSpec::integer("min_letters", 3, "Texts with fewer letters are \"und\", with a diagnostic").range(1, 1000),
      ParamSpec::integer("short_text_threshold", 64,
                         "Texts with fewer letters than this are short: the n-gram model decides instead of CLD2")
          .range(0, 100000),
  };
  spec.assigns_layers = {sdk::layer::language};
  spec.thread_safe = true;  // CLD2 keeps no state between calls; the model is read-only
  return spec;
}

std::string default_model_path() {
  // Next to the library this code is in: the plugin .so (or the executable a
  // test linked it into).
  static const char anchor = 0;
  const auto share = sdk::plugin_share_dir(&anchor);
  if (!share)
    throw ModelError(
        "language model: cannot locate the vigil.langid plugin file to find its default model; set `model`");
  return (*share / "langid" / "model.bin").string();
}

std::unique_ptr<sdk::Annotator> make_langid(const sdk::CreateContext& ctx) {
  IdentifierOptions o;
  o.languages = ctx.params.get_list("languages");
  o.hints = ctx.params.get_list("hints");
  o.rare = ctx.params.get_list("rare_languages");
  o.rare_prior = ctx.params.get_float("rare_prior");
  o.min_confidence = ctx.params.get_float("min_confidence");
  o.min_letters = static_cast<std::size_t>(ctx.params.get_int("min_letters"));
  o.short_text_threshold = static_cast<std::size_t>(ctx.params.get_int("short_text_threshold"));
  const std::string& path = ctx.params.get_path("model");
  if (ctx.params.get_bool("use_model")) o.model = NgramModel::shared(path.empty() ? default_model_path() : path);
  return std::make_unique<LangidAnnotator>(std::move(o));
}

}  // namespace vigil::langid
