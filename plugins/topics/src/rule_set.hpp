// Topic rules as loaded from TOML files (see plugins/topics/README.md for the
// format). Plain data, built once by rule_loader.cpp and shared read-only.
#pragma once

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "term_pattern.hpp"

namespace vigil::topics {

// Index into RuleSet::patterns: one Hyperscan expression, shared by every
// term of every topic that matches the same thing.
using PatternId = std::uint32_t;

struct TermRef {
  std::string text;  // as written in the file
  PatternId pattern = 0;
  std::string where;  // "file:line:col"
};

// A weighted term: each occurrence adds `weight` (repeats count
// logarithmically, see topic_matcher.hpp). Negative weights are evidence
// against the topic.
struct WeightedTerm {
  TermRef term;
  double weight = 0.0;
};

// A combination: fires at each occurrence (anchor) of a term of the first
// all_of group when every other all_of group, and at least min_any distinct
// any_of terms, occur within `within` words of the anchor, and no none_of term
// does (within = 0: anywhere in the document). Without all_of, the any_of
// terms are the anchors.
struct Combination {
  std::string name;
  double weight = 0.0;
  std::vector<std::vector<TermRef>> all_of;
  std::vector<TermRef> any_of;
  int min_any = 1;
  std::vector<TermRef> none_of;
  int within = 0;
  std::string where;
};

struct LanguageRules {
  std::string language;  // "en", ..., or "all" (added to every language)
  std::vector<WeightedTerm> terms;
  std::vector<Combination> rules;
  double threshold = 0.0;  // 0: the topic's
};

struct TopicRules {
  std::string label;
  std::string description;
  std::string file;
  double threshold = 1.0;  // score sum needed to assign the topic
  int window = 10;         // default `within` of combinations
  std::vector<LanguageRules> languages;
};

struct RuleSet {
  std::vector<TopicRules> topics;
  std::vector<TermPattern> patterns;   // indexed by PatternId
  std::vector<std::string> languages;  // every language section, "all" excluded, sorted
};

// Every problem found in the rule files, one "file:line:col: message" each.
class RuleError : public std::runtime_error {
 public:
  explicit RuleError(std::vector<std::string> messages);
  const std::vector<std::string>& messages() const { return messages_; }

 private:
  std::vector<std::string> messages_;
};

// The rule files named by `paths`: a file is used as is, a folder gives its
// *.toml files in name order. Relative paths resolve against `base_dir`.
// Throws RuleError when a path does not exist or a folder has no rule file.
std::vector<std::filesystem::path> rule_files(const std::vector<std::string>& paths,
                                              const std::filesystem::path& base_dir);

// Loads and checks rule files. Throws RuleError listing every problem.
RuleSet load_rules(const std::vector<std::filesystem::path>& files);

// Same, from TOML text (`name` is used in messages); for tests.
RuleSet load_rules_from_strings(const std::vector<std::pair<std::string, std::string>>& name_and_text);

}  // namespace vigil::topics
