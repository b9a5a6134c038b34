#include "report_summary.hpp"

#include <algorithm>
#include <vector>

namespace vigil::html {

std::string entity_name(const sdk::Document& doc, const sdk::Entity& e) {
  return e.canonical.empty() ? std::string(doc.slice(e)) : e.canonical;
}

std::string language_of(const sdk::Document& doc) {
  return doc.language.is_set() ? doc.language.code : "und";
}

void ReportSummary::add(const sdk::Document& doc) {
  ++documents_;
  const std::string lang = language_of(doc);
  ++languages_[lang];
  std::set<EntityKey> in_doc;
  for (const auto& e : doc.entities) {
    EntityKey key{e.label, entity_name(doc, e)};
    auto& c = entities_[key];
    ++c.mentions;
    if (in_doc.insert(key).second) ++c.documents;
  }
  entity_mentions_ += doc.entities.size();
  std::set<std::string> topics_in_doc;
  for (const auto& t : doc.topics) {
    if (!topics_in_doc.insert(t.label).second) continue;
    ++topic_assignments_;
    ++topics_[t.label][lang];
    auto& co = topic_entities_[t.label];
    for (const auto& key : in_doc) ++co[key];
  }
}

sdk::Json ReportSummary::to_json(std::size_t top_entities, std::size_t top_cooccurring) const {
  sdk::Json j = {{"documents", documents_},
                 {"entity_mentions", entity_mentions_},
                 {"topic_assignments", topic_assignments_},
                 {"distinct_entities", entities_.size()}};
  j["languages"] = languages_;
  j["topics"] = sdk::Json::object();
  for (const auto& [topic, by_lang] : topics_) j["topics"][topic] = by_lang;

  // Most frequent first (documents, then mentions), ties by name.
  std::map<std::string, std::vector<std::pair<std::string, Count>>> by_label;
  for (const auto& [key, c] : entities_) by_label[key.first].emplace_back(key.second, c);
  j["entities"] = sdk::Json::object();
  for (auto& [label, list] : by_label) {
    std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
      if (a.second.documents != b.second.documents) return a.second.documents > b.second.documents;
      if (a.second.mentions != b.second.mentions) return a.second.mentions > b.second.mentions;
      return a.first < b.first;
    });
    if (list.size() > top_entities) list.resize(top_entities);
    auto& out = j["entities"][label] = sdk::Json::array();
    for (const auto& [name, c] : list) out.push_back({name, c.documents, c.mentions});
  }

  j["topic_entities"] = sdk::Json::object();
  for (const auto& [topic, counts] : topic_entities_) {
    std::vector<std::pair<EntityKey, std::uint64_t>> list(counts.begin(), counts.end());
    std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
      if (a.second != b.second) return a.second > b.second;
      return a.first < b.first;
    });
    if (list.size() > top_cooccurring) list.resize(top_cooccurring);
    auto& out = j["topic_entities"][topic] = sdk::Json::array();
    for (const auto& [key, n] : list) out.push_back({key.first, key.second, n});
  }
  return j;
}

}  // namespace vigil::html
