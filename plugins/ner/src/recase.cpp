#include "recase.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <nlohmann/json.hpp>

#include "word_forms.hpp"

namespace vigil::ner {

namespace {

// Upper-case letters in the word, or -1 if it holds a lower-case one.
int capitals(std::string_view w) {
  int upper = 0;
  const auto* p = reinterpret_cast<const std::uint8_t*>(w.data());
  const auto n = static_cast<std::int32_t>(w.size());
  for (std::int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) continue;
    if (u_islower(c)) return -1;
    if (u_isupper(c) || u_istitle(c)) ++upper;
  }
  return upper;
}

}  // namespace

bool all_capitals(std::span<const std::string_view> words) {
  int upper = 0;
  for (const auto w : words) {
    const int n = capitals(w);
    if (n < 0) return false;
    upper += n;
  }
  return upper >= 2;
}

std::size_t capitals_headline(std::span<const std::string_view> words) {
  std::size_t run = 0, capital_words = 0;
  for (; run < words.size(); ++run) {
    const int upper = capitals(words[run]);
    if (upper < 0) break;
    capital_words += upper >= 2 ? 1 : 0;
  }
  return run < words.size() && capital_words >= 3 ? run : 0;
}

void recase(std::span<const std::string_view> words, std::span<const char> known, std::vector<std::string>& out) {
  out.resize(words.size());
  std::string rest;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string_view w = words[i];
    if (i < known.size() && known[i] && !w.empty()) {
      // The first code point as written (a capital), the rest lower-cased.
      std::int32_t first = 0;
      U8_FWD_1(reinterpret_cast<const std::uint8_t*>(w.data()), first, static_cast<std::int32_t>(w.size()));
      lowercase(w.substr(static_cast<std::size_t>(first)), rest);
      out[i].assign(w.substr(0, static_cast<std::size_t>(first)));
      out[i] += rest;
    } else {
      lowercase(w, out[i]);
    }
  }
}

double capitals_share(const std::string& model_card_json) {
  const auto card = nlohmann::json::parse(model_card_json, nullptr, /*allow_exceptions=*/false);
  if (!card.is_object()) return -1.0;
  const auto it = card.find("capitals_share");
  return it != card.end() && it->is_number() ? it->get<double>() : -1.0;
}

}  // namespace vigil::ner
