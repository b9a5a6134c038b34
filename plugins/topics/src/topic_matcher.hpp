// Matches every topic's rules against a document in one Hyperscan pass and
// scores the topics.
//
// Scoring: each weighted term adds weight * (1 + log2(n)) for n occurrences
// (n capped at 4), each combination the same for n anchors where it fired;
// negative weights subtract. A topic is assigned when the sum S reaches its
// threshold T (the language section's, else the topic's), and its score is
//   score = 1 - 2^(-S/T)   (0 when S <= 0),
// so score >= 0.5 exactly when the topic is assigned, and 0.75 at twice the
// threshold. The rules of section "all" are added to every language.
//
// Languages: the document's language when the rules have that language;
// otherwise `default_languages` when given, otherwise every language of the
// rules. With several candidate languages each topic takes the language
// whose sum is highest.
//
// Thread-safety: after construction everything is read-only; annotate() may
// run concurrently (per-call scratch space comes from a pool).
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "rule_set.hpp"
#include "vigil/sdk/document.hpp"

namespace vigil::topics {

struct MatcherOptions {
  std::vector<std::string> default_languages;  // for documents without a known language
  bool explain = false;                        // full trace in doc.attributes["vigil.topics"]
  std::string component = "vigil.topics";      // attribute key of the trace
};

class TopicMatcher {
 public:
  // Compiles every pattern into one Hyperscan database. Throws
  // std::runtime_error when Hyperscan refuses a pattern (naming the term).
  TopicMatcher(RuleSet rules, MatcherOptions options);
  ~TopicMatcher();
  TopicMatcher(const TopicMatcher&) = delete;
  TopicMatcher& operator=(const TopicMatcher&) = delete;

  // Replaces the topics this matcher owns in doc.topics (others are kept) and,
  // with explain, writes the trace. Needs doc.tokens.
  void annotate(sdk::Document& doc) const;

  const RuleSet& rules() const { return rules_; }

 private:
  struct Scratch;
  struct Section;
  std::unique_ptr<Scratch> acquire() const;
  void release(std::unique_ptr<Scratch> scratch) const;

  RuleSet rules_;
  MatcherOptions options_;
  struct Compiled;
  std::unique_ptr<Compiled> compiled_;
  mutable std::mutex pool_mutex_;
  mutable std::vector<std::unique_ptr<Scratch>> pool_;
};

}  // namespace vigil::topics
