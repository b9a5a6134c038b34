// Corpus-level counts for the report overview, gathered document by document
// so the sink never keeps more than the counts in memory.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vigil/sdk.hpp>

namespace vigil::html {

class ReportSummary {
 public:
  void add(const sdk::Document& doc);
  // {"documents", "languages": {code: n}, "topics": {label: {code: n}},
  //  "entities": {label: [[name, documents, mentions], ...]},
  //  "topic_entities": {topic: [[label, name, documents], ...]}}
  sdk::Json to_json(std::size_t top_entities, std::size_t top_cooccurring) const;
  std::uint64_t documents() const { return documents_; }

 private:
  struct Count {
    std::uint64_t documents = 0, mentions = 0;
  };
  using EntityKey = std::pair<std::string, std::string>;  // label, name
  std::uint64_t documents_ = 0, entity_mentions_ = 0, topic_assignments_ = 0;
  std::map<std::string, std::uint64_t> languages_;
  std::map<std::string, std::map<std::string, std::uint64_t>> topics_;  // topic -> language -> documents
  std::map<EntityKey, Count> entities_;
  std::map<std::string, std::map<EntityKey, std::uint64_t>> topic_entities_;  // topic -> entity -> documents
};

// The name an entity is counted under: its canonical form, else its text.
std::string entity_name(const sdk::Document& doc, const sdk::Entity& e);
// "und" stands for a document with no language set.
std::string language_of(const sdk::Document& doc);

}  // namespace vigil::html
