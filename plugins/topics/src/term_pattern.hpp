// A rule term ("drug traffick*", "al-Qaeda", "ارهاب*") turned into the words
// it matches on normalised text, and into one Hyperscan expression.
//
// The document side (topic_matcher.cpp) writes the text as its word tokens,
// folded (text_folding.hpp), split at apostrophes, one space between words
// and one at each end. A term is split into words the same way (ICU word
// boundaries), so "anti-terrorism" is the two words "anti terrorism" and
// "l'attentat" is "l attentat". Each word matches in one of three modes:
//   exact   the folded word;
//   prefix  written "word*": any word starting with the folded prefix;
//   stem    the default where the language has a Snowball stemmer (words of
//           4+ letters without digits): Hyperscan finds words starting with
//           the common prefix of the word and its stem, and the match is kept
//           only if the document word has the same Snowball stem.
// Arabic-script words also match after the clitic prefixes و ف, ب ك ل and
// ال (a term's own leading ال is dropped), and exact Arabic words with a
// common suffix (ه ها هم هما ات ون ين ان ي يه يين يون ية نا كم).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

struct sb_stemmer;

namespace vigil::topics {

enum class WordMode : std::uint8_t { exact, prefix, stem };

struct TermWord {
  std::string folded;    // exact: the word; prefix: the prefix; stem: the word
  std::string literal;   // what Hyperscan looks for (stem: common prefix of word and stem)
  std::string stem;      // stem mode: the Snowball stem the document word must have
  std::string original;  // as written (case-sensitive terms compare it)
  WordMode mode = WordMode::exact;
  bool arabic = false;
};

struct TermPattern {
  std::string language;  // rule section: "en", "fr", ... or "all"
  std::vector<TermWord> words;
  bool case_sensitive = false;

  // Identity of what the pattern matches: equal keys match the same spans.
  std::string key() const;
  // The Hyperscan expression (no flags needed) over the normalised stream:
  // literals, so a hit is only a candidate; matches_word() decides.
  std::string hyperscan_expression() const;
};

// Owns one Snowball stemmer (not thread-safe: one per thread).
class Stemmer {
 public:
  explicit Stemmer(const std::string& language);  // no stemmer: available() is false
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;
  bool available() const { return stemmer_ != nullptr; }
  std::string_view stem(std::string_view folded_word);

 private:
  sb_stemmer* stemmer_ = nullptr;
};

// Languages whose words are stemmed (Snowball via libstemmer); Arabic is
// matched with clitics and suffixes instead (see above).
bool has_stemmer(const std::string& language);

// Whether one folded document word matches one word of a term (mode,
// stem, Arabic clitics and suffixes). `stemmer` is the term's language's.
bool matches_word(const TermWord& w, std::string_view word, Stemmer* stemmer);

// و ف, then ب ك ل, then ال ل, each optional: every combination, "" first.
const std::vector<std::string>& arabic_clitic_prefixes();

struct TermOptions {
  bool stem = true;             // stem words when the language has a stemmer
  bool case_sensitive = false;  // compare the original text too ("IS", "ETA")
};

// Parses one term. On failure returns false with a message saying why
// ("'*' is allowed only at the end of a word", "normalises to nothing").
bool parse_term(std::string_view text, const std::string& language, const TermOptions& options, Stemmer* stemmer,
                TermPattern& out, std::string& error);

}  // namespace vigil::topics
