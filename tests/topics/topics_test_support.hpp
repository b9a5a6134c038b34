// Helpers shared by the vigil.topics tests: tokenized documents and matchers
// built from rule text.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "icu_tokenizer.hpp"
#include "rule_set.hpp"
#include "topic_matcher.hpp"
#include "vigil/sdk/document.hpp"

namespace topics_test {

inline vigil::sdk::Document tokenized(std::string text, std::string language = "") {
  vigil::sdk::Document doc;
  doc.id = "test";
  doc.text = std::move(text);
  doc.language.code = std::move(language);
  vigil::tokenize::IcuTokenizer(vigil::tokenize::TokenizerOptions{}).tokenize(doc);
  return doc;
}

inline vigil::topics::TopicMatcher matcher_from(const std::string& toml, bool explain = false) {
  vigil::topics::MatcherOptions options;
  options.explain = explain;
  return vigil::topics::TopicMatcher(vigil::topics::load_rules_from_strings({{"t.toml", toml}}), options);
}

inline const vigil::sdk::Topic* find_topic(const vigil::sdk::Document& doc, const std::string& label) {
  for (const auto& t : doc.topics)
    if (t.label == label) return &t;
  return nullptr;
}

inline std::vector<std::string> labels(const vigil::sdk::Document& doc) {
  std::vector<std::string> out;
  for (const auto& t : doc.topics) out.push_back(t.label);
  return out;
}

}  // namespace topics_test
