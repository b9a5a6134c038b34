// The document model: what sources produce, annotators enrich and sinks write.
//
// Ownership: a Document is a plain value owned by the host. A component gets a
// reference to it for the duration of one call and must not keep pointers or
// views into it after the call returns.
// Thread-safety: one Document is touched by one thread at a time; different
// documents are processed concurrently.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::sdk {

// JSON-like value used for metadata and custom attributes.
using Json = nlohmann::json;

// Offsets inside the process are byte offsets into Document::text, half-open.
// 32 bits: a document is at most 4 GiB (sources refuse larger ones).
using Offset = std::uint32_t;

struct Span {
  Offset begin = 0;
  Offset end = 0;
  Offset size() const noexcept { return end - begin; }
  friend bool operator==(const Span&, const Span&) = default;
};

enum class TokenKind : std::uint8_t { word, number, punct, symbol, other };

struct Token {
  Offset begin = 0;
  Offset end = 0;
  TokenKind kind = TokenKind::word;
};

struct Sentence {
  Offset begin = 0;
  Offset end = 0;
};

struct LanguageGuess {
  std::string code;         // ISO 639-1 where one exists, else ISO 639-3
  double confidence = 0.0;  // in [0,1]
};

struct Language {
  std::string code;  // empty: not identified yet; "und": undetermined
  double confidence = 0.0;
  bool reliable = false;
  // Who set it: "input" when the input record carried a `lang` field, else
  // the name of the component that identified it.
  std::string source;
  std::vector<LanguageGuess> alternatives;  // best first, at most a few

  bool is_set() const noexcept { return !code.empty(); }
};

struct Entity {
  Offset begin = 0;
  Offset end = 0;
  std::string label;  // PER, ORG, LOC, MISC, or a custom label
  double score = 1.0;
  std::string canonical;  // canonical name when known, else empty
  std::string id;         // stable id when known (ISO 3166, GeoNames, ...)
  std::string component;  // the component that made it
};

struct Evidence {
  Offset begin = 0;
  Offset end = 0;
  std::string term;  // the rule term that matched
  double weight = 0.0;
};

struct Topic {
  std::string label;
  double score = 0.0;  // in [0,1]
  std::vector<Evidence> evidence;
};

struct Diagnostic {
  enum class Level : std::uint8_t { info, warning, error };
  Level level = Level::warning;
  std::string stage;  // component (or "source", "host") that raised it
  std::string message;
};

inline const char* to_string(Diagnostic::Level level) noexcept {
  switch (level) {
    case Diagnostic::Level::info: return "info";
    case Diagnostic::Level::warning: return "warning";
    case Diagnostic::Level::error: return "error";
  }
  return "unknown";
}

struct Document {
  std::string id;
  std::string text;  // valid UTF-8 (sources repair invalid input)
  Json meta = Json::object();  // input fields kept as they came
  Language language;
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::vector<Entity> entities;
  std::vector<Topic> topics;
  Json attributes = Json::object();  // custom values, keyed by component name
  std::vector<Diagnostic> diagnostics;

  std::string_view slice(Offset begin, Offset end) const {
    return std::string_view(text).substr(begin, end - begin);
  }
  template <class HasSpan>
  std::string_view slice(const HasSpan& s) const {
    return slice(s.begin, s.end);
  }

  void diagnose(Diagnostic::Level level, std::string stage, std::string message) {
    diagnostics.push_back({level, std::move(stage), std::move(message)});
  }
  void warn(std::string stage, std::string message) {
    diagnose(Diagnostic::Level::warning, std::move(stage), std::move(message));
  }

  // Resets every field, keeping allocated capacity for reuse.
  void clear() {
    id.clear();
    text.clear();
    meta = Json::object();
    language = Language{};
    tokens.clear();
    sentences.clear();
    entities.clear();
    topics.clear();
    attributes = Json::object();
    diagnostics.clear();
  }
};

}  // namespace vigil::sdk
