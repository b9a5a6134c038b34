#include "sub_tokens.hpp"

#include <array>
#include <cctype>
#include <string>

#include "word_forms.hpp"

namespace vigil::ner {
namespace {

// UTF-8 of the Arabic letters involved (each two bytes).
constexpr std::string_view kWaw = "\xD9\x88";              // و
constexpr std::string_view kFa = "\xD9\x81";               // ف
constexpr std::string_view kBa = "\xD8\xA8";               // ب
constexpr std::string_view kLam = "\xD9\x84";              // ل
constexpr std::string_view kKaf = "\xD9\x83";              // ك
constexpr std::string_view kArticle = "\xD8\xA7\xD9\x84";  // ال

bool starts_with(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

// Letters left after `prefix_bytes` bytes of Arabic (2-byte) letters.
std::size_t letters_after(std::string_view word, std::size_t prefix_bytes) {
  return utf8_length(word.substr(prefix_bytes));
}

bool known_name(const Gazetteer* gazetteer, std::string_view rest) {
  if (gazetteer == nullptr) return false;
  std::string folded;
  fold(rest, folded);
  std::array<std::string, 1> key{folded};
  return !gazetteer->find(key).empty();
}

// True if a gazetteer name starts with this word (كاليدونيا in "كاليدونيا
// الجديدة", New Caledonia): such a word is never split.
bool starts_known_name(const Gazetteer* gazetteer, std::string_view word) {
  if (gazetteer == nullptr) return false;
  std::string folded;
  fold(word, folded);
  return gazetteer->starts_name(folded);
}

// Bytes of proclitics to split off an Arabic word (0: none).
std::size_t proclitic_bytes(std::string_view word, const Gazetteer* gazetteer) {
  std::size_t at = 0;
  if (starts_with(word, kWaw) || starts_with(word, kFa)) at = 2;
  std::string_view rest = word.substr(at);
  std::size_t prep = 0;
  if (starts_with(rest, kBa) || starts_with(rest, kKaf) || starts_with(rest, kLam)) prep = 2;
  // Clitic(s) + article + at least two letters of stem.
  if (at + prep > 0 && starts_with(rest.substr(prep), kArticle) && letters_after(rest, prep + kArticle.size()) >= 2 &&
      !starts_known_name(gazetteer, word))  // فالنسيا (Valencia) is a name, not ف + النسيا
    return at + prep;
  // Without the article: only when the remainder is a known name (and the
  // whole word is not).
  if (at + prep > 0 && letters_after(word, at + prep) >= 3 && !starts_known_name(gazetteer, word) &&
      known_name(gazetteer, word.substr(at + prep)))
    return at + prep;
  if (at > 0 && prep > 0 && letters_after(word, at) >= 3 && !starts_known_name(gazetteer, word) &&
      known_name(gazetteer, word.substr(at)))
    return at;  // "وبوش": و + بوش
  return 0;
}

bool is_arabic_letter_start(std::string_view word) {
  return word.size() >= 2 &&
         (static_cast<unsigned char>(word[0]) == 0xD8 || static_cast<unsigned char>(word[0]) == 0xD9);
}

}  // namespace

std::size_t elision_bytes(std::string_view word) {
  static constexpr std::string_view kElided[] = {"l", "d", "j",  "n",     "s",      "c",
                                                 "m", "t", "qu", "jusqu", "lorsqu", "puisqu"};
  for (std::string_view e : kElided) {
    if (word.substr(0, e.size()) != e) continue;
    std::size_t apostrophe = 0;
    if (word.substr(e.size(), 1) == "'")
      apostrophe = 1;
    else if (word.substr(e.size(), 3) == "\xE2\x80\x99")
      apostrophe = 3;
    if (apostrophe == 0) continue;
    const std::size_t cut = e.size() + apostrophe;
    if (cut < word.size() &&
        (static_cast<unsigned char>(word[cut]) >= 0x80 || std::isalpha(static_cast<unsigned char>(word[cut]))))
      return cut;
  }
  return 0;
}

void split_token(std::string_view text, sdk::Offset begin, sdk::Offset end, const Gazetteer* gazetteer,
                 std::vector<SubToken>& out) {
  const std::string_view word = text.substr(begin, end - begin);
  if (is_arabic_letter_start(word)) {
    const std::size_t clitics = proclitic_bytes(word, gazetteer);
    // Each proclitic is its own unit, as in the training data.
    for (std::size_t k = 0; k < clitics; k += 2)
      out.push_back({static_cast<sdk::Offset>(begin + k), static_cast<sdk::Offset>(begin + k + 2)});
    out.push_back({static_cast<sdk::Offset>(begin + clitics), end});
    return;
  }
  if (const std::size_t elided = elision_bytes(word); elided > 0) {
    const auto cut = static_cast<sdk::Offset>(begin + elided);
    out.push_back({begin, cut});
    split_token(text, cut, end, gazetteer, out);  // "l’Espagne’s" is unlikely, but cheap to allow
    return;
  }
  // Possessive 's / ’s after at least one letter.
  for (std::string_view suffix : {std::string_view("'s"), std::string_view("\xE2\x80\x99s")}) {
    if (word.size() > suffix.size() && word.substr(word.size() - suffix.size()) == suffix) {
      const auto cut = static_cast<sdk::Offset>(end - suffix.size());
      out.push_back({begin, cut});
      out.push_back({cut, end});
      return;
    }
  }
  out.push_back({begin, end});
}

// Punctuation at the edge of a tagged span is not part of the name (models
// trained on WikiANN tend to take in a bracket or a possessive): trims it and
// returns false if nothing is left. A bracket that closes one opened inside
// the span stays ("German Federal Police (Bundespolizei)").
bool trim_punctuation(std::string_view text, std::span<const SubToken> pieces, std::size_t& first, std::size_t& last) {
  auto word = [&](std::size_t i) { return text.substr(pieces[i].begin, pieces[i].end - pieces[i].begin); };
  auto edge_punct = [](std::string_view w) {
    static constexpr std::string_view kEdge[] = {"(",
                                                 ")",
                                                 "[",
                                                 "]",
                                                 ",",
                                                 ";",
                                                 ":",
                                                 "\"",
                                                 "'",
                                                 "/",
                                                 "-",
                                                 "\xC2\xAB",
                                                 "\xC2\xBB",
                                                 "\xE2\x80\x9C",
                                                 "\xE2\x80\x9D",
                                                 "\xE2\x80\x98",
                                                 "\xE2\x80\x99",
                                                 "'s",
                                                 "\xE2\x80\x99s"};
    for (auto p : kEdge)
      if (w == p) return true;
    return false;
  };
  // Depth of brackets over [first, last): the leading "(" is kept only if it
  // closes inside the span, a trailing ")" only if it closes one opened inside.
  auto leading_bracket_closes = [&]() {
    int depth = 0;
    for (std::size_t i = first; i < last; ++i) {
      if (word(i) == "(") ++depth;
      if (word(i) == ")" && --depth == 0) return i + 1 < last;  // closes before the end: "(Paris) Group"
    }
    return false;
  };
  auto trailing_bracket_opened = [&]() {
    int depth = 0;
    for (std::size_t i = last; i-- > first;) {
      if (word(i) == ")") ++depth;
      if (word(i) == "(" && --depth == 0) return i > first;
    }
    return false;
  };
  // Until nothing changes: trimming one end can expose a bracket at the other.
  for (std::size_t before = 0; before != last - first + (first << 1);) {
    before = last - first + (first << 1);
    while (last - first >= 2 && word(first) == "(" && word(last - 1) == ")" && !leading_bracket_closes())
      ++first, --last;
    while (first < last && edge_punct(word(first)) && !(word(first) == "(" && leading_bracket_closes())) ++first;
    while (last > first && edge_punct(word(last - 1)) && !(word(last - 1) == ")" && trailing_bracket_opened())) --last;
  }
  // A name has a letter or a digit somewhere.
  for (std::size_t i = first; i < last; ++i)
    for (unsigned char c : word(i))
      if (c >= 0x80 || std::isalnum(c)) return true;
  return false;
}

}  // namespace vigil::ner
