#include "topics_component.hpp"

#include <spdlog/logger.h>

#include "rule_set.hpp"
#include "topic_matcher.hpp"

namespace vigil::topics {
namespace {

class TopicsAnnotator final : public sdk::Annotator {
 public:
  TopicsAnnotator(RuleSet rules, MatcherOptions options) : matcher_(std::move(rules), std::move(options)) {}
  void annotate(sdk::Document& doc) override { matcher_.annotate(doc); }
  const TopicMatcher& matcher() const { return matcher_; }

 private:
  TopicMatcher matcher_;
};

}  // namespace

sdk::ComponentSpec topics_component_spec() {
  using sdk::ParamSpec;
  sdk::ComponentSpec spec;
  spec.name = kComponentName;
  spec.description = "Topic tagging with weighted multilingual rules (terms, wildcards, proximity, vetoes), Hyperscan";
  spec.params = {
      ParamSpec::required_key("rules", sdk::ParamType::string_list,
                              "rule files (TOML) or folders of them (every *.toml, in name order); relative paths "
                              "resolve against the pipeline file's folder"),
      ParamSpec::string_list("default_languages", {},
                             "languages whose rules apply to a document without a language (or one the rules do not "
                             "cover); empty: every language of the rules, each topic taking its best-scoring one"),
      ParamSpec::boolean("explain", false,
                         "write the full trace (every term and rule that fired or was vetoed, the sums) into "
                         "attributes[\"vigil.topics\"]"),
  };
  spec.requires_layers = {sdk::layer::tokens};
  spec.assigns_layers = {sdk::layer::topics};
  spec.thread_safe = true;  // rules and the Hyperscan database are read-only; scratch space is pooled
  return spec;
}

std::unique_ptr<sdk::Annotator> make_topics_annotator(const sdk::CreateContext& context) {
  const auto files = rule_files(context.params.get_list("rules"), context.config_dir);
  RuleSet rules = load_rules(files);
  MatcherOptions options;
  options.default_languages = context.params.get_list("default_languages");
  options.explain = context.params.get_bool("explain");
  if (context.logger)
    context.logger->debug("{}: {} topic(s), {} pattern(s), languages {} from {} file(s)", context.instance,
                          rules.topics.size(), rules.patterns.size(), rules.languages.size(), files.size());
  return std::make_unique<TopicsAnnotator>(std::move(rules), std::move(options));
}

}  // namespace vigil::topics
