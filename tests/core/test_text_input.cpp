#include <catch2/catch.hpp>

#include "vigil/core/text_input.hpp"
#include "vigil/sdk/text.hpp"

using namespace vigil::core;
using vigil::sdk::Document;
using vigil::sdk::OffsetConverter;
using vigil::sdk::OffsetUnit;

TEST_CASE("valid UTF-8 is left alone", "[utf8]") {
  std::string s = "Maroc — المغرب 🇲🇦";
  std::string before = s;
  CHECK(repair_utf8(s) == 0);
  CHECK(s == before);
}

TEST_CASE("ill-formed UTF-8 is replaced by U+FFFD per maximal subpart", "[utf8]") {
  std::size_t first = 0;
  SECTION("a stray continuation byte") {
    std::string s = "ab\x80" "cd";
    CHECK(repair_utf8(s, &first) == 1);
    CHECK(s == "ab\xEF\xBF\xBD" "cd");
    CHECK(first == 2);
  }
  SECTION("a truncated sequence at the end") {
    std::string s = "caf\xC3";
    CHECK(repair_utf8(s) == 1);
    CHECK(s == "caf\xEF\xBF\xBD");
  }
  SECTION("overlong encodings and surrogates") {
    std::string s = "\xC0\xAF|\xED\xA0\x80";
    CHECK(repair_utf8(s) >= 2);
    CHECK(s.find('|') != std::string::npos);
    CHECK(repair_utf8(s) == 0);  // the result is valid
  }
  SECTION("Latin-1 text") {
    std::string s = "S\xE9" "curit\xE9";
    CHECK(repair_utf8(s) == 2);
    CHECK(s == "S\xEF\xBF\xBD" "curit\xEF\xBF\xBD");
  }
}

TEST_CASE("input text is normalised with diagnostics, never silently", "[utf8]") {
  Document doc;
  SECTION("BOM stripped") {
    doc.text = "\xEF\xBB\xBFHello";
    normalize_input_text(doc);
    CHECK(doc.text == "Hello");
    CHECK(doc.diagnostics.empty());
  }
  SECTION("repair reported") {
    doc.text = "a\xFF" "b";
    normalize_input_text(doc);
    REQUIRE(doc.diagnostics.size() == 1);
    CHECK(doc.diagnostics[0].stage == "source");
    CHECK(doc.diagnostics[0].message == "invalid UTF-8: 1 ill-formed sequence replaced by U+FFFD (first at byte 1)");
  }
  SECTION("empty and blank documents flagged") {
    normalize_input_text(doc);
    REQUIRE(doc.diagnostics.size() == 1);
    CHECK(doc.diagnostics[0].message == "empty document");
    Document blank;
    blank.text = " \n\t";
    normalize_input_text(blank);
    CHECK(blank.diagnostics.at(0).message == "document holds only whitespace");
  }
}

TEST_CASE("byte offsets convert to code points and UTF-16 units", "[offsets]") {
  // "é" is 2 bytes / 1 cp / 1 unit; "😀" is 4 bytes / 1 cp / 2 units.
  std::string text = "é😀a";
  OffsetConverter cp(text, OffsetUnit::codepoint), u16(text, OffsetUnit::utf16), b(text, OffsetUnit::byte);
  CHECK(cp.convert(0) == 0);
  CHECK(cp.convert(2) == 1);
  CHECK(cp.convert(6) == 2);
  CHECK(cp.convert(7) == 3);
  CHECK(u16.convert(6) == 3);
  CHECK(u16.convert(7) == 4);
  CHECK(b.convert(6) == 6);
}

TEST_CASE("offset conversion stays exact across checkpoint strides on a big text", "[offsets]") {
  std::string text;
  for (int i = 0; i < 100000; ++i) text += (i % 3 == 0) ? "ж" : "a";  // 2-byte and 1-byte characters
  OffsetConverter cp(text, OffsetUnit::codepoint);
  std::uint64_t chars = 0;
  for (std::size_t byte = 0; byte <= text.size(); ++byte) {
    if (byte == text.size() || (static_cast<unsigned char>(text[byte]) & 0xC0) != 0x80) {
      REQUIRE(cp.convert(byte) == chars);
      ++chars;
    }
  }
  CHECK(cp.convert(text.size()) == 100000);
}

TEST_CASE("a 100 MB text repairs and converts without trouble", "[utf8][big]") {
  std::string text(100u << 20, 'a');
  text[50u << 20] = '\xFF';
  CHECK(repair_utf8(text) == 1);
  CHECK(text.size() == (100u << 20) + 2);
  OffsetConverter cp(text, OffsetUnit::codepoint);
  CHECK(cp.convert(text.size()) == (100u << 20));
}
