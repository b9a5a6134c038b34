#include "vigil/core/text_input.hpp"

#include <simdjson.h>
#include <unicode/utf8.h>

namespace vigil::core {

std::size_t repair_utf8(std::string& text, std::size_t* first_bad_offset) {
  if (simdjson::validate_utf8(text.data(), text.size())) return 0;  // fast path, GB/s
  std::string out;
  out.reserve(text.size() + 16);
  std::size_t replaced = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(std::min<std::size_t>(text.size(), INT32_MAX));
  int32_t i = 0;
  while (i < length) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      if (replaced++ == 0 && first_bad_offset) *first_bad_offset = static_cast<std::size_t>(start);
      out += "\xEF\xBF\xBD";
    } else {
      out.append(text, static_cast<std::size_t>(start), static_cast<std::size_t>(i - start));
    }
  }
  text.swap(out);
  return replaced;
}

void normalize_input_text(sdk::Document& doc, bool known_valid_utf8) {
  if (doc.text.size() >= 3 && doc.text.compare(0, 3, "\xEF\xBB\xBF") == 0) doc.text.erase(0, 3);
  std::size_t first_bad = 0;
  if (std::size_t n = known_valid_utf8 ? 0 : repair_utf8(doc.text, &first_bad)) {
    doc.warn("source", "invalid UTF-8: " + std::to_string(n) + " ill-formed sequence" + (n == 1 ? "" : "s") +
                           " replaced by U+FFFD (first at byte " + std::to_string(first_bad) + ")");
  }
  bool blank = doc.text.find_first_not_of(" \t\r\n\f\v") == std::string::npos;
  if (blank) doc.warn("source", doc.text.empty() ? "empty document" : "document holds only whitespace");
}

}  // namespace vigil::core
