// Identifies the language of a text: CLD2 for the statistics, script rules
// for what CLD2 does not know (Tifinagh -> Tamazight) or confuses (Arabic vs
// Persian/Urdu), and the user's restrictions and hints.
//
// Thread-safety: identify() is const and may be called from many threads.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::langid {

struct IdentifierOptions {
  std::vector<std::string> languages;  // allowed answers (normalised codes); empty: any
  std::vector<std::string> hints;      // languages to boost (CLD2 content-language hint)
  double min_confidence = 0.0;         // below: "und"
  std::size_t min_letters = 3;         // fewer letters: "und"
  std::size_t short_text_threshold = 64;  // letters; shorter texts get CLD2's best-effort mode
};

struct Guess {
  std::string code;
  double confidence = 0.0;
};

struct Chunk {  // a run of the text in one language (byte offsets)
  std::size_t begin = 0, end = 0;
  std::string code;
};

struct Identification {
  std::string code = "und";
  double confidence = 0.0;
  bool reliable = false;
  std::vector<Guess> alternatives;  // best first, at most 3
  std::vector<Chunk> chunks;        // filled only when more than one language is seen
  std::string note;                 // why the answer is "und", or which rule decided
};

class LanguageIdentifier {
 public:
  explicit LanguageIdentifier(IdentifierOptions options);
  Identification identify(std::string_view text) const;

 private:
  bool allowed(const std::string& code) const;
  IdentifierOptions options_;
  std::string hint_list_;  // "fr,ar" for CLD2
};

}  // namespace vigil::langid
