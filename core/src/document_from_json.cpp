#include <vector>

#include "vigil/core/document_json.hpp"

namespace vigil::core {
using sdk::Json;

namespace {

// Maps offsets in code points or UTF-16 units back to bytes of a text.
class ByteOffsets {
 public:
  ByteOffsets(std::string_view text, sdk::OffsetUnit unit) : unit_(unit), size_(text.size()) {
    if (unit == sdk::OffsetUnit::byte) return;
    for (std::size_t i = 0; i < text.size(); ++i) {
      const auto c = static_cast<unsigned char>(text[i]);
      if ((c & 0xC0) == 0x80) continue;
      byte_of_.push_back(static_cast<sdk::Offset>(i));
      if (unit == sdk::OffsetUnit::utf16 && c >= 0xF0) byte_of_.push_back(static_cast<sdk::Offset>(i));
    }
    byte_of_.push_back(static_cast<sdk::Offset>(text.size()));
  }
  // False when the offset is past the end of the text.
  bool to_byte(std::uint64_t unit_offset, sdk::Offset& out) const {
    if (unit_ == sdk::OffsetUnit::byte) {
      if (unit_offset > size_) return false;
      out = static_cast<sdk::Offset>(unit_offset);
      return true;
    }
    if (unit_offset >= byte_of_.size()) return false;
    out = byte_of_[unit_offset];
    return true;
  }

 private:
  sdk::OffsetUnit unit_;
  std::size_t size_;
  std::vector<sdk::Offset> byte_of_;
};

struct Reader {
  const ByteOffsets& offsets;
  std::string& error;

  bool span(const Json& j, const std::string& where, sdk::Offset& begin, sdk::Offset& end) {
    if (!j.is_object() || !j.contains("start") || !j.contains("end") || !j["start"].is_number_unsigned() ||
        !j["end"].is_number_unsigned()) {
      error = where + ": expected an object with unsigned \"start\" and \"end\"";
      return false;
    }
    if (!offsets.to_byte(j["start"].get<std::uint64_t>(), begin) || !offsets.to_byte(j["end"].get<std::uint64_t>(), end) ||
        end < begin) {
      error = where + ": span [" + j["start"].dump() + "," + j["end"].dump() + ") is outside the text";
      return false;
    }
    return true;
  }
  static std::string str(const Json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
  }
  static double num(const Json& j, const char* key, double def) {
    auto it = j.find(key);
    return it != j.end() && it->is_number() ? it->get<double>() : def;
  }
};

bool is_array_or_absent(const Json& record, const char* key, std::string& error) {
  if (!record.contains(key) || record[key].is_array()) return true;
  error = std::string("field \"") + key + "\" is not an array";
  return false;
}

}  // namespace

bool restore_document_fields(sdk::Document& doc, Json& record, sdk::OffsetUnit unit, std::string& error) {
  for (const char* key : {"sentences", "tokens", "entities", "topics", "diagnostics"})
    if (!is_array_or_absent(record, key, error)) return false;
  const ByteOffsets offsets(doc.text, unit);
  Reader r{offsets, error};

  if (auto it = record.find("meta"); it != record.end() && it->is_object()) {
    doc.meta = std::move(*it);
    record.erase(it);
  }
  if (auto it = record.find("language"); it != record.end() && it->is_object()) {
    const Json& l = *it;
    doc.language.code = Reader::str(l, "code");
    doc.language.confidence = Reader::num(l, "confidence", 0.0);
    doc.language.reliable = l.value("reliable", false);
    doc.language.source = Reader::str(l, "source");
    if (auto alts = l.find("alternatives"); alts != l.end() && alts->is_array())
      for (const auto& a : *alts) doc.language.alternatives.push_back({Reader::str(a, "code"), Reader::num(a, "confidence", 0.0)});
    record.erase(it);
  }
  if (auto it = record.find("sentences"); it != record.end()) {
    for (std::size_t i = 0; i < it->size(); ++i) {
      sdk::Sentence s;
      if (!r.span((*it)[i], "sentences[" + std::to_string(i) + "]", s.begin, s.end)) return false;
      doc.sentences.push_back(s);
    }
    record.erase(it);
  }
  if (auto it = record.find("tokens"); it != record.end()) {
    for (std::size_t i = 0; i < it->size(); ++i) {
      sdk::Token t;
      if (!r.span((*it)[i], "tokens[" + std::to_string(i) + "]", t.begin, t.end)) return false;
      doc.tokens.push_back(t);
    }
    record.erase(it);
  }
  if (auto it = record.find("entities"); it != record.end()) {
    for (std::size_t i = 0; i < it->size(); ++i) {
      const Json& e = (*it)[i];
      sdk::Entity ent;
      if (!r.span(e, "entities[" + std::to_string(i) + "]", ent.begin, ent.end)) return false;
      ent.label = Reader::str(e, "label");
      ent.score = Reader::num(e, "score", 1.0);
      ent.canonical = Reader::str(e, "canonical");
      ent.id = Reader::str(e, "id");
      ent.component = Reader::str(e, "component");
      doc.entities.push_back(std::move(ent));
    }
    record.erase(it);
  }
  if (auto it = record.find("topics"); it != record.end()) {
    for (std::size_t i = 0; i < it->size(); ++i) {
      const Json& t = (*it)[i];
      sdk::Topic topic{Reader::str(t, "label"), Reader::num(t, "score", 0.0), {}};
      if (auto ev = t.find("evidence"); ev != t.end() && ev->is_array()) {
        for (std::size_t j = 0; j < ev->size(); ++j) {
          sdk::Evidence e;
          if (!r.span((*ev)[j], "topics[" + std::to_string(i) + "].evidence[" + std::to_string(j) + "]", e.begin, e.end))
            return false;
          e.term = Reader::str((*ev)[j], "term");
          e.weight = Reader::num((*ev)[j], "weight", 0.0);
          topic.evidence.push_back(std::move(e));
        }
      }
      doc.topics.push_back(std::move(topic));
    }
    record.erase(it);
  }
  if (auto it = record.find("attributes"); it != record.end() && it->is_object()) {
    doc.attributes = std::move(*it);
    record.erase(it);
  }
  if (auto it = record.find("diagnostics"); it != record.end()) {
    for (const auto& d : *it) {
      std::string level = Reader::str(d, "level");
      auto lv = level == "error" ? sdk::Diagnostic::Level::error
                : level == "info" ? sdk::Diagnostic::Level::info
                                  : sdk::Diagnostic::Level::warning;
      doc.diagnostics.push_back({lv, Reader::str(d, "stage"), Reader::str(d, "message")});
    }
    record.erase(it);
  }
  record.erase("stats");
  return true;
}

}  // namespace vigil::core
