// Normalisation: case and accent folding, Arabic letters, apostrophes.
#include <catch2/catch.hpp>

#include "text_folding.hpp"

using vigil::topics::TextFolder;

TEST_CASE("case and accents fold away, ß becomes ss", "[topics][folding]") {
  const auto& f = TextFolder::instance();
  CHECK(f.fold("Éléphant") == "elephant");
  CHECK(f.fold("STUPÉFIANTS") == "stupefiants");
  CHECK(f.fold("Flüchtlinge") == "fluchtlinge");
  CHECK(f.fold("Straße") == "strasse");
  CHECK(f.fold("cocaïna Ñandú") == "cocaina nandu");
  CHECK(f.fold("ＡＢＣ") == "abc");  // full-width letters (NFKC)
}

TEST_CASE("decomposed accents fold like precomposed ones", "[topics][folding]") {
  const auto& f = TextFolder::instance();
  CHECK(f.fold("e\xCC\x81") == "e");                      // e + COMBINING ACUTE ACCENT
  CHECK(f.fold("Terror\xC2\xADismus") == "terrorismus");  // soft hyphen
}

TEST_CASE("Arabic: alef variants, alef maqsura, teh marbuta, tatweel and diacritics", "[topics][folding]") {
  const auto& f = TextFolder::instance();
  CHECK(f.fold("إرهاب") == "ارهاب");
  CHECK(f.fold("أمن") == "امن");
  CHECK(f.fold("آمنة") == "امنه");
  CHECK(f.fold("مستشفى") == "مستشفي");
  CHECK(f.fold("الشرطـــة") == "الشرطه");  // tatweel
  CHECK(f.fold("مُخَدِّرَات") == "مخدرات");     // harakat
  CHECK(f.fold("٢٠١٥") == "2015");         // Arabic-Indic digits
}

TEST_CASE("typographic apostrophes become ASCII", "[topics][folding]") {
  CHECK(TextFolder::instance().fold("l\xE2\x80\x99ONU") == "l'onu");
}
