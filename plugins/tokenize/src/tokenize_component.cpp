#include "tokenize_component.hpp"

#include <spdlog/logger.h>

#include <utility>

namespace vigil::tokenize {
namespace {

class TokenizeAnnotator final : public sdk::Annotator {
 public:
  explicit TokenizeAnnotator(TokenizerOptions options) : tokenizer_(std::move(options)) {}
  void annotate(sdk::Document& doc) override { tokenizer_.tokenize(doc); }

 private:
  IcuTokenizer tokenizer_;
};

}  // namespace

sdk::ComponentSpec tokenize_component_spec() {
  using sdk::ParamSpec;
  sdk::ComponentSpec spec;
  spec.name = kComponentName;
  spec.description = "Word tokens and sentences for any script (ICU break iterators, abbreviation-aware)";
  spec.params = {
      ParamSpec::string("locale", "",
                        "ICU locale for word and sentence rules and abbreviations, as a BCP 47 tag (\"en\", "
                        "\"fr-CA\"); empty: each document's language code, else the language-neutral root rules; "
                        "\"root\": the root rules for every document"),
      ParamSpec::boolean("sentences", true,
                         "also split sentences; when false, sentences are left as they are (faster)"),
      ParamSpec::string_list("abbreviations", {},
                             "extra abbreviations that never end a sentence, in every language, each ending with "
                             "'.' and matched case-sensitively (\"Gen.\", \"Brig.\"); added to the built-in ones"),
  };
  spec.assigns_layers = {sdk::layer::tokens, sdk::layer::sentences};
  spec.thread_safe = false;  // break iterators and the per-locale cache are per instance
  return spec;
}

TokenizerOptions tokenizer_options(const sdk::Params& params) {
  TokenizerOptions options;
  options.locale = params.get_string("locale");
  options.sentences = params.get_bool("sentences");
  options.abbreviations = params.get_list("abbreviations");
  return options;
}

std::unique_ptr<sdk::Annotator> make_tokenize_annotator(const sdk::CreateContext& context) {
  auto annotator = std::make_unique<TokenizeAnnotator>(tokenizer_options(context.params));
  if (context.logger)
    context.logger->debug("{}: locale '{}', sentences {}, {} extra abbreviation(s)", context.instance,
                          context.params.get_string("locale"), context.params.get_bool("sentences"),
                          context.params.get_list("abbreviations").size());
  return annotator;
}

}  // namespace vigil::tokenize
