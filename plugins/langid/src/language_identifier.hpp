// Identifies the language of a text: CLD2 for long texts, the character
// n-gram model (ngram_model.hpp) for short texts, for CLD2's known confusions
// (da/nb/sv, es/pt/gl, cs/sk, id/ms, ar/fa/ur) and for languages CLD2 does not
// know (Kabyle); script rules for Tifinagh (Tamazight) and Arabic vs
// Persian/Urdu letters; the user's restrictions and hints.
//
// Thread-safety: identify() is const and may be called from many threads; the
// model is shared read-only.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ngram_model.hpp"
#include "script_profile.hpp"

namespace vigil::langid {

struct IdentifierOptions {
  std::vector<std::string> languages;     // allowed answers (normalised codes); empty: any
  std::vector<std::string> hints;         // languages to boost (CLD2 content-language hint)
  double min_confidence = 0.0;            // below: "und"
  std::size_t min_letters = 3;            // fewer letters: "und"
  std::size_t short_text_threshold = 64;  // letters; shorter texts: the n-gram model decides
  // The n-gram model; null: CLD2 and the script rules only.
  std::shared_ptr<const NgramModel> model;
  double hint_prior = 2.0;        // nats added to the n-gram score of hinted languages
  std::vector<std::string> rare;  // languages whose n-gram score loses rare_prior nats
  double rare_prior = 0.0;
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
  const char* method = "";          // "script", "ngram", "cld2" or "cld2+ngram"
};

class LanguageIdentifier {
 public:
  explicit LanguageIdentifier(IdentifierOptions options);
  Identification identify(std::string_view text) const;

 private:
  bool allowed(const std::string& code) const;
  // Fills out.alternatives (best first, at most 3) from the n-gram model,
  // among the allowed languages whose script the text has letters in (a text
  // without Han characters is never Chinese, whatever untranslated strings
  // the Chinese training text held); false when no such language is left.
  bool model_guess(std::string_view text, const ScriptProfile& profile, Identification& out) const;
  IdentifierOptions options_;
  std::string hint_list_;  // "fr,ar" for CLD2
  // Per model language: allowed by `languages`, prior from `hints` and `rare` (table units).
  std::vector<unsigned char> model_allowed_;
  std::vector<int> model_prior_;
  std::vector<Script> model_script_;  // per model language
};

}  // namespace vigil::langid
