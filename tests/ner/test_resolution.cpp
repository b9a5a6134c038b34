#include <catch2/catch.hpp>

#include "entity_resolution.hpp"
#include "labels.hpp"
#include "temp_files.hpp"
#include "word_forms.hpp"

using namespace vigil::ner;

namespace {

// Text split at spaces; the test writes punctuation apart.
struct TestDoc {
  std::string text;
  std::vector<SubToken> pieces;
  std::vector<std::string> folded;
  std::string language;
  DocumentView view(const Gazetteer* gaz) const { return {text, pieces, folded, language, gaz}; }
  std::size_t index_of(const std::string& word, std::size_t from = 0) const {
    for (std::size_t i = from; i < pieces.size(); ++i)
      if (text.substr(pieces[i].begin, pieces[i].end - pieces[i].begin) == word) return i;
    FAIL("no word " << word);
    return 0;
  }
  std::string words(const Mention& m) const {
    return text.substr(pieces[m.first].begin, pieces[m.last - 1].end - pieces[m.first].begin);
  }
};

TestDoc make(const std::string& text, const std::string& language) {
  TestDoc d{text, {}, {}, language};
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = text.find(' ', at);
    if (end == std::string::npos) end = text.size();
    d.pieces.push_back({static_cast<vigil::sdk::Offset>(at), static_cast<vigil::sdk::Offset>(end)});
    std::string f;
    fold(text.substr(at, end - at), f);
    d.folded.push_back(f);
    at = end + 1;
  }
  return d;
}

Mention mention(std::size_t first, std::size_t last, const char* type) {
  Mention m;
  m.first = first;
  m.last = last;
  m.type = static_cast<std::uint8_t>(*type_index(type));
  return m;
}

const char* kGazetteer =
    "iso3166:MA\tLOC\tMorocco\tfr\tMaroc\n"
    "vigil:org/dgsn\tORG\tGeneral Directorate of National Security\tfr\tDirection générale de la Sûreté nationale\n"
    "vigil:org/dgsn\tORG\tGeneral Directorate of National Security\t*\tDGSN\n";

}  // namespace

TEST_CASE("a mention that is a gazetteer name gets its canonical name and id; a leading article is ignored") {
  vigil::test::TempDir dir;
  auto gaz = Gazetteer::load({dir.write("g.tsv", kGazetteer)});
  auto doc = make("Le Maroc et la DGSN coopèrent .", "fr");
  std::vector<Mention> ms = {mention(1, 2, "LOC"), mention(3, 5, "ORG")};
  resolve_mentions(doc.view(gaz.get()), ms);
  REQUIRE(ms.size() == 2);
  CHECK(ms[0].canonical == "Morocco");
  CHECK(ms[0].id == "iso3166:MA");
  CHECK(ms[1].canonical == "General Directorate of National Security");
  CHECK(ms[1].id == "vigil:org/dgsn");
  // The type must agree: Maroc as a person is not the country.
  std::vector<Mention> wrong = {mention(1, 2, "PER")};
  resolve_mentions(doc.view(gaz.get()), wrong);
  CHECK(wrong[0].id.empty());
  CHECK(wrong[0].canonical == "Maroc");
}

TEST_CASE("a country tagged as an organisation is the place, in the document's language only") {
  vigil::test::TempDir dir;
  auto gaz =
      Gazetteer::load({dir.write("g.tsv", std::string(kGazetteer) + "geonames:2538475\tLOC\tRabat\t*\tRabat\n")});
  auto doc = make("Maroc bat Rabat .", "fr");
  std::vector<Mention> ms = {mention(0, 1, "ORG"), mention(2, 3, "ORG")};
  resolve_mentions(doc.view(gaz.get()), ms);
  REQUIRE(ms.size() == 2);
  CHECK(kEntityTypes[ms[0].type] == "LOC");
  CHECK(ms[0].id == "iso3166:MA");
  CHECK(kEntityTypes[ms[1].type] == "ORG");  // a city's name is also a club's
  CHECK(ms[1].id.empty());
  // "Maroc" is the French name: in an English document (whose names the
  // gazetteer has) it is not the country.
  auto with_english =
      Gazetteer::load({dir.write("g2.tsv", std::string(kGazetteer) + "iso3166:MA\tLOC\tMorocco\ten\tMorocco\n")});
  auto en = make("Maroc won .", "en");
  std::vector<Mention> club = {mention(0, 1, "ORG")};
  resolve_mentions(en.view(with_english.get()), club);
  CHECK(kEntityTypes[club[0].type] == "ORG");
}

TEST_CASE("a curated event is MISC whatever the tagger read, in the document's language only") {
  vigil::test::TempDir dir;
  auto gaz = Gazetteer::load(
      {dir.write("g.tsv", std::string(kGazetteer) + "vigil:misc/world-cup\tMISC\tWorld Cup\ten\tWorld Cup\n"
                                                    "vigil:org/cup-club\tORG\tCup Club\ten\tCup Club\n")});
  auto doc = make("Maroc and the Cup Club at the World Cup .", "en");
  std::vector<Mention> ms = {mention(0, 1, "ORG"), mention(3, 5, "ORG"), mention(7, 9, "PER")};
  resolve_mentions(doc.view(gaz.get()), ms);
  REQUIRE(ms.size() == 3);
  CHECK(kEntityTypes[ms[0].type] == "ORG");  // a French country name in English text stays the tagger's
  CHECK(kEntityTypes[ms[1].type] == "ORG");  // an organisation's curated name keeps its type
  CHECK(ms[1].id == "vigil:org/cup-club");
  CHECK(kEntityTypes[ms[2].type] == "MISC");
  CHECK(ms[2].id == "vigil:misc/world-cup");
  // The English name in a French document: the tagger's type stands.
  auto fr = make("la World Cup .", "fr");
  std::vector<Mention> other = {mention(1, 3, "ORG")};
  resolve_mentions(fr.view(gaz.get()), other);
  CHECK(kEntityTypes[other[0].type] == "ORG");
  CHECK(other[0].id.empty());
}

TEST_CASE("within a document one name has one type: the most confident reading wins") {
  vigil::test::TempDir dir;
  auto gaz = Gazetteer::load({dir.write("g.tsv", kGazetteer)});
  auto doc = make("Somerset won . Somerset lost . Somerset drew .", "fr");
  auto m = [](std::size_t first, const char* type, float score) {
    Mention x = mention(first, first + 1, type);
    x.score = score;
    return x;
  };
  std::vector<Mention> ms = {m(0, "LOC", 0.9f), m(3, "ORG", 0.6f), m(6, "ORG", 0.6f)};
  resolve_mentions(doc.view(gaz.get()), ms);
  REQUIRE(ms.size() == 3);
  for (std::size_t i = 0; i < 3; ++i) CHECK(kEntityTypes[ms[i].type] == "ORG");  // 1.2 against 0.9
  // A name the gazetteer resolved keeps its type, however the other mentions of it vote.
  auto dgsn = make("DGSN a parlé . DGSN a agi . DGSN a dit .", "fr");
  std::vector<Mention> votes = {m(0, "ORG", 0.5f), m(4, "LOC", 0.9f), m(8, "LOC", 0.9f)};
  resolve_mentions(dgsn.view(gaz.get()), votes);
  REQUIRE(votes.size() == 3);
  CHECK(kEntityTypes[votes[0].type] == "ORG");
  CHECK(votes[0].id == "vigil:org/dgsn");
}

TEST_CASE("an acronym in brackets shares the canonical name and id of its long form") {
  vigil::test::TempDir dir;
  auto gaz = Gazetteer::load({dir.write("g.tsv", kGazetteer)});
  auto doc = make("la Direction générale de la Sûreté nationale ( DGSN ) a dit", "fr");
  std::vector<Mention> ms = {mention(1, 7, "ORG")};  // the tagger found the long form only
  resolve_mentions(doc.view(gaz.get()), ms);
  REQUIRE(ms.size() == 2);
  CHECK(doc.words(ms[1]) == "DGSN");
  CHECK(ms[1].id == "vigil:org/dgsn");
  CHECK(ms[1].canonical == ms[0].canonical);

  // Unknown to every gazetteer: the long form is the canonical name, and both get one local id.
  auto other = make("The Harbour Safety Agency ( HSA ) said that HSA divers found nothing .", "en");
  std::vector<Mention> ms2 = {mention(1, 4, "ORG")};
  resolve_mentions(other.view(nullptr), ms2);
  REQUIRE(ms2.size() == 3);  // long form, acronym, the later acronym
  for (const auto& m : ms2) {
    CHECK(m.canonical == "Harbour Safety Agency");
    CHECK(m.id == "local:ORG/harbour-safety-agency");
  }
  CHECK(other.words(ms2[2]) == "HSA");
  CHECK(ms2[2].first == other.index_of("HSA", 7));
}

TEST_CASE("brackets whose letters do not fit the long form are not an acronym") {
  auto doc = make("The Harbour Safety Agency ( EU ) said", "en");
  std::vector<Mention> ms = {mention(1, 4, "ORG")};
  resolve_mentions(doc.view(nullptr), ms);
  REQUIRE(ms.size() == 1);
  CHECK(ms[0].id.empty());
}

TEST_CASE("a syllabic acronym in brackets after its long form is linked to it") {
  auto doc = make("la Agencia Nacional de Telecomunicaciones ( ANATEL ) dijo", "es");
  std::vector<Mention> ms = {mention(1, 5, "ORG")};
  resolve_mentions(doc.view(nullptr), ms);
  REQUIRE(ms.size() == 2);
  CHECK(doc.words(ms[1]) == "ANATEL");
  CHECK(kEntityTypes[ms[1].type] == "ORG");
  CHECK(ms[1].canonical == "Agencia Nacional de Telecomunicaciones");
  CHECK(ms[1].id == ms[0].id);
  // The first letter must be the long form's initial: "ESP" is not read from "Consejo Superior".
  auto other = make("el Consejo Superior ( ESP ) dijo", "es");
  std::vector<Mention> ms2 = {mention(1, 3, "ORG")};
  resolve_mentions(other.view(nullptr), ms2);
  CHECK(ms2.size() == 1);
}

TEST_CASE("capitals in brackets after a person name an organisation, unless a gazetteer knows them") {
  vigil::test::TempDir dir;
  auto gaz = Gazetteer::load({dir.write("g.tsv", "iso3166:US\tLOC\tUnited States of America\t*\tU.S.\n")});
  auto doc = make("el concejal Diego Ledesma ( PP ) dijo", "es");
  std::vector<Mention> ms = {mention(2, 4, "PER")};
  resolve_mentions(doc.view(gaz.get()), ms);
  REQUIRE(ms.size() == 2);
  CHECK(doc.words(ms[1]) == "PP");
  CHECK(kEntityTypes[ms[1].type] == "ORG");
  CHECK(ms[1].id.empty());  // not the person's acronym: nothing links them
  // A country's code stays what the gazetteer says (added as a known name, a place).
  auto other = make("Jimmy Vasser ( U.S. ) won", "en");
  std::vector<Mention> ms2 = {mention(0, 2, "PER")};
  resolve_mentions(other.view(gaz.get()), ms2);
  REQUIRE(ms2.size() == 2);
  CHECK(kEntityTypes[ms2[1].type] == "LOC");
  // ... and with known names off, it is not made an organisation either.
  DocumentView no_known = other.view(gaz.get());
  no_known.add_known_names = false;
  std::vector<Mention> ms4 = {mention(0, 2, "PER")};
  resolve_mentions(no_known, ms4);
  CHECK(ms4.size() == 1);
  // Letters that fit the person's name do not make it the party's acronym.
  auto fits = make("Pedro Solbes ( PSOE ) dijo", "es");
  std::vector<Mention> ms5 = {mention(0, 2, "PER")};
  resolve_mentions(fits.view(nullptr), ms5);
  REQUIRE(ms5.size() == 2);
  CHECK(kEntityTypes[ms5[0].type] == "PER");
  CHECK(kEntityTypes[ms5[1].type] == "ORG");
  CHECK(ms5[1].id.empty());
  // Lower case in brackets is no name.
  auto third = make("Diego Ledesma ( concejal ) dijo", "es");
  std::vector<Mention> ms3 = {mention(0, 2, "PER")};
  resolve_mentions(third.view(gaz.get()), ms3);
  CHECK(ms3.size() == 1);
}

TEST_CASE("a surname alone points to the full name, tagged or not") {
  auto doc = make("Abdellatif Hammouchi met the delegation . Later , Hammouchi said so .", "en");
  SECTION("the tagger missed the surname") {
    std::vector<Mention> ms = {mention(0, 2, "PER")};
    resolve_mentions(doc.view(nullptr), ms);
    REQUIRE(ms.size() == 2);
    CHECK(doc.words(ms[1]) == "Hammouchi");
    CHECK(ms[1].canonical == "Abdellatif Hammouchi");
    CHECK(ms[1].id == ms[0].id);
    CHECK(ms[0].id == "local:PER/abdellatif-hammouchi");
  }
  SECTION("the tagger gave the surname another type") {
    const std::size_t later = doc.index_of("Hammouchi", 3);
    std::vector<Mention> ms = {mention(0, 2, "PER"), mention(later, later + 1, "ORG")};
    resolve_mentions(doc.view(nullptr), ms);
    CHECK(ms[1].type == *type_index("PER"));
    CHECK(ms[1].canonical == "Abdellatif Hammouchi");
  }
}

TEST_CASE("lower-case words are not taken for repeated names") {
  auto doc = make("Police Scotland said the police would act .", "en");
  std::vector<Mention> ms = {mention(0, 2, "ORG")};
  resolve_mentions(doc.view(nullptr), ms);
  CHECK(ms.size() == 1);
}

TEST_CASE("a curated name inside a longer span is split off or freed from a title") {
  vigil::test::TempDir dir;
  auto gaz = Gazetteer::load(
      {dir.write("g.tsv",
                 "vigil:per/m-wern\tPER\tMikael Wern\t*\tMikael Wern\n"
                 "vigil:org/de-bundespolizei\tORG\tGerman Federal Police\ten\tGerman Federal Police\n")});
  auto doc =
      make("the National Special Crime Unit Mikael Wern and the President of the German Federal Police met", "en");
  std::vector<Mention> ms = {mention(1, 7, "ORG"), mention(9, 15, "ORG")};
  resolve_mentions(doc.view(gaz.get()), ms);
  REQUIRE(ms.size() == 3);
  CHECK(doc.words(ms[0]) == "National Special Crime Unit");
  CHECK(doc.words(ms[1]) == "Mikael Wern");
  CHECK(ms[1].type == *type_index("PER"));
  CHECK(ms[1].id == "vigil:per/m-wern");
  CHECK(doc.words(ms[2]) == "German Federal Police");
  CHECK(ms[2].id == "vigil:org/de-bundespolizei");
}

TEST_CASE("an acronym inside another mention is not added twice") {
  auto doc = make("the Harbour Safety Agency ( HSA ) Group said", "en");
  std::vector<Mention> ms = {mention(1, 4, "ORG"), mention(4, 8, "ORG")};
  resolve_mentions(doc.view(nullptr), ms);
  for (std::size_t i = 1; i < ms.size(); ++i) CHECK(ms[i - 1].last <= ms[i].first);
}

TEST_CASE("known names and repeats never run over a sentence boundary") {
  vigil::test::TempDir dir;
  auto gaz = Gazetteer::load({dir.write("g.tsv", "x:1\tORG\tNew Dawn\ten\tNew Dawn\n")});
  auto doc = make("They called it New . Dawn came early .", "en");
  const std::size_t starts[] = {0, 5};
  DocumentView view = doc.view(gaz.get());
  view.sentence_starts = starts;
  std::vector<Mention> ms;
  resolve_mentions(view, ms);
  CHECK(ms.empty());
}

TEST_CASE("a span holding a long form and its bracketed acronym becomes two linked mentions") {
  vigil::test::TempDir dir;
  auto gaz = Gazetteer::load({dir.write("g.tsv", kGazetteer)});
  auto doc = make("la Direction générale de la Sûreté nationale ( DGSN ) a dit", "fr");
  std::vector<Mention> ms = {mention(1, 10, "ORG")};
  resolve_mentions(doc.view(gaz.get()), ms);
  REQUIRE(ms.size() == 2);
  CHECK(doc.words(ms[0]) == "Direction générale de la Sûreté nationale");
  CHECK(doc.words(ms[1]) == "DGSN");
  CHECK(ms[0].id == "vigil:org/dgsn");
  CHECK(ms[1].id == "vigil:org/dgsn");
}

TEST_CASE("two known names joined by a conjunction in one span become two mentions of their own types") {
  vigil::test::TempDir dir;
  auto gaz = Gazetteer::load(
      {dir.write("g.tsv", "iso3166:MA\tLOC\tMorocco\ten\tMorocco\niso3166:ES\tLOC\tSpain\ten\tSpain\n")});
  auto doc = make("Morocco and Spain signed .", "en");
  std::vector<Mention> ms = {mention(0, 3, "ORG")};
  resolve_mentions(doc.view(gaz.get()), ms);
  REQUIRE(ms.size() == 2);
  CHECK(ms[0].id == "iso3166:MA");
  CHECK(ms[0].type == *type_index("LOC"));
  CHECK(ms[1].id == "iso3166:ES");
  // Not known on both sides: left alone.
  auto other = make("Smith and Wesson said .", "en");
  std::vector<Mention> ms2 = {mention(0, 3, "ORG")};
  resolve_mentions(other.view(gaz.get()), ms2);
  CHECK(ms2.size() == 1);
}

TEST_CASE("brackets that are not the long form's acronym stay inside the span") {
  auto doc = make("Jimmy Vasser ( U.S. ) won", "en");
  std::vector<Mention> ms = {mention(0, 5, "PER")};
  resolve_mentions(doc.view(nullptr), ms);
  REQUIRE(ms.size() == 1);
  CHECK(doc.words(ms[0]) == "Jimmy Vasser ( U.S. )");
}

TEST_CASE("a curated region is a place even where the tagger read an organisation, and stays inside a longer name") {
  vigil::test::TempDir dir;
  auto gaz = Gazetteer::load({dir.write("g.tsv",
                                        "vigil:loc/england\tLOC\tEngland\ten\tEngland\n"
                                        "vigil:loc/basque-country\tLOC\tBasque Country\tes\tPaís Vasco\n")});
  auto doc = make("England beat India .", "en");
  std::vector<Mention> ms = {mention(0, 1, "ORG")};
  resolve_mentions(doc.view(gaz.get()), ms);
  REQUIRE(ms.size() == 1);
  CHECK(kEntityTypes[ms[0].type] == "LOC");
  CHECK(ms[0].id == "vigil:loc/england");
  // A place at the edge of an organisation's name is part of it (a curated
  // institution there would be split off).
  auto other = make("la Universidad del País Vasco dijo", "es");
  std::vector<Mention> ms2 = {mention(1, 5, "ORG")};
  resolve_mentions(other.view(gaz.get()), ms2);
  REQUIRE(ms2.size() == 1);
  CHECK(other.words(ms2[0]) == "Universidad del País Vasco");
  CHECK(kEntityTypes[ms2[0].type] == "ORG");
}

TEST_CASE("a known title that opens with an article is added only when its next word is capitalised") {
  vigil::test::TempDir dir;
  auto gaz = Gazetteer::load({dir.write("g.tsv", "vigil:org/media-el-pais\tORG\tEl País\t*\tEl País\n")});
  auto doc = make("El País publicó la noticia .", "es");
  std::vector<Mention> ms;
  resolve_mentions(doc.view(gaz.get()), ms);
  REQUIRE(ms.size() == 1);
  CHECK(doc.words(ms[0]) == "El País");
  CHECK(ms[0].id == "vigil:org/media-el-pais");
  auto other = make("El país ha cambiado .", "es");
  std::vector<Mention> ms2;
  resolve_mentions(other.view(gaz.get()), ms2);
  CHECK(ms2.empty());
}

TEST_CASE("capitalised words for a people the tagger missed are MISC in English, Spanish and Dutch") {
  auto doc = make("French and North African troops met Palestinians and the french press .", "en");
  std::vector<Mention> ms;
  resolve_mentions(doc.view(nullptr), ms);
  REQUIRE(ms.size() == 3);
  CHECK(doc.words(ms[0]) == "French");
  CHECK(doc.words(ms[1]) == "North African");
  CHECK(doc.words(ms[2]) == "Palestinians");
  for (const auto& m : ms) CHECK(kEntityTypes[m.type] == "MISC");
  // Not in French, whose news corpora do not mark them.
  auto other = make("Les Français ont voté .", "fr");
  std::vector<Mention> ms2;
  resolve_mentions(other.view(nullptr), ms2);
  CHECK(ms2.empty());
}

TEST_CASE("a capitalised noun standing for an institution is an organisation, in the languages that write it so") {
  auto doc = make("El Gobierno y la Junta negaron que el gobierno local supiera nada del Estado .", "es");
  std::vector<Mention> ms;
  resolve_mentions(doc.view(nullptr), ms);
  REQUIRE(ms.size() == 3);
  CHECK(doc.words(ms[0]) == "Gobierno");
  CHECK(doc.words(ms[1]) == "Junta");
  CHECK(doc.words(ms[2]) == "Estado");
  // Tagged as something else, the noun alone is still the institution; not at a sentence's start.
  auto tagged = make("Dijo que el Ejecutivo callaba . Ejecutivo ayer .", "es");
  std::vector<Mention> read_as = {mention(3, 4, "PER"), mention(6, 7, "PER")};
  const std::vector<std::size_t> starts = {0, 6};
  auto view = tagged.view(nullptr);
  view.sentence_starts = starts;
  resolve_mentions(view, read_as);
  REQUIRE(read_as.size() == 2);
  CHECK(kEntityTypes[read_as[0].type] == "ORG");
  CHECK(kEntityTypes[read_as[1].type] == "PER");
  for (const auto& m : ms) CHECK(kEntityTypes[m.type] == "ORG");
  // Inside a tagged name it adds nothing; French has no list.
  auto other = make("la Comisión Europea dijo .", "es");
  std::vector<Mention> ms2 = {mention(1, 3, "ORG")};
  resolve_mentions(other.view(nullptr), ms2);
  CHECK(ms2.size() == 1);
  auto third = make("Le Gouvernement a dit .", "fr");
  std::vector<Mention> ms3;
  resolve_mentions(third.view(nullptr), ms3);
  CHECK(ms3.empty());
}

TEST_CASE("an organisation or a place named by an event's head word is MISC") {
  auto doc = make("Sampras won the U.S. Open and Spain the Fed Cup after the Gulf War .", "en");
  std::vector<Mention> ms = {mention(doc.index_of("U.S."), doc.index_of("Open") + 1, "ORG"),
                             mention(doc.index_of("Spain"), doc.index_of("Spain") + 1, "LOC"),
                             mention(doc.index_of("Fed"), doc.index_of("Cup") + 1, "ORG"),
                             mention(doc.index_of("Gulf"), doc.index_of("War") + 1, "LOC")};
  resolve_mentions(doc.view(nullptr), ms);
  REQUIRE(ms.size() == 4);
  CHECK(kEntityTypes[ms[0].type] == "MISC");
  CHECK(kEntityTypes[ms[1].type] == "LOC");
  CHECK(kEntityTypes[ms[2].type] == "MISC");
  CHECK(kEntityTypes[ms[3].type] == "MISC");
  // Spanish puts the head first; a single word only where it names the event alone.
  auto es = make("El Barcelona ganó la Liga ACB , la Copa del Rey y el Mundial ; Copa Martínez dijo .", "es");
  std::vector<Mention> ms2 = {mention(1, 2, "ORG"), mention(es.index_of("Liga"), es.index_of("ACB") + 1, "ORG"),
                              mention(es.index_of("Copa"), es.index_of("Rey") + 1, "LOC"),
                              mention(es.index_of("Mundial"), es.index_of("Mundial") + 1, "ORG"),
                              mention(es.index_of("Copa", es.index_of("Rey")), es.index_of("Martínez") + 1, "PER")};
  resolve_mentions(es.view(nullptr), ms2);
  REQUIRE(ms2.size() == 5);
  CHECK(kEntityTypes[ms2[0].type] == "ORG");
  CHECK(kEntityTypes[ms2[1].type] == "MISC");
  CHECK(kEntityTypes[ms2[2].type] == "MISC");
  CHECK(kEntityTypes[ms2[3].type] == "MISC");
  CHECK(kEntityTypes[ms2[4].type] == "PER");  // persons are never retyped so (Copa would be the head word)
  // A person whose surname is such a word keeps the type; "Open University" does not end with it.
  auto names = make("Lee Masters joined the Open University .", "en");
  std::vector<Mention> ms3 = {mention(0, 2, "PER"), mention(4, 6, "ORG")};
  resolve_mentions(names.view(nullptr), ms3);
  CHECK(kEntityTypes[ms3[0].type] == "PER");
  CHECK(kEntityTypes[ms3[1].type] == "ORG");
  // A name a gazetteer resolved keeps its type.
  vigil::test::TempDir dir;
  auto gaz = Gazetteer::load({dir.write("g.tsv", "vigil:org/test-cup\tORG\tTest Cup Ltd\ten\tTest Cup\n")});
  auto known = make("Shares of Test Cup rose .", "en");
  std::vector<Mention> ms4 = {mention(2, 4, "ORG")};
  resolve_mentions(known.view(gaz.get()), ms4);
  CHECK(kEntityTypes[ms4[0].type] == "ORG");
  CHECK(ms4[0].id == "vigil:org/test-cup");
}

TEST_CASE("a name after a title is a person's, and so are its other mentions") {
  auto doc = make("President Clinton spoke . Later Clinton left .", "en");
  const std::size_t later = doc.index_of("Clinton", 2);
  std::vector<Mention> ms = {mention(1, 2, "LOC"), mention(later, later + 1, "LOC")};
  resolve_mentions(doc.view(nullptr), ms);
  REQUIRE(ms.size() == 2);
  CHECK(kEntityTypes[ms[0].type] == "PER");
  CHECK(kEntityTypes[ms[1].type] == "PER");
  // Without a title the tagger's reading stands.
  auto other = make("In Clinton they voted .", "en");
  std::vector<Mention> ms2 = {mention(1, 2, "LOC")};
  resolve_mentions(other.view(nullptr), ms2);
  CHECK(kEntityTypes[ms2[0].type] == "LOC");
}

TEST_CASE("an institution's name after a title is no person's; a curated one is completed by the word before") {
  vigil::test::TempDir dir;
  auto gaz = Gazetteer::load(
      {dir.write("g.tsv",
                 "vigil:org/dgsn\tORG\tGeneral Directorate of National Security\ten\tGeneral Directorate of National "
                 "Security\n")});
  // "General" read as a title, the rest of the name as a place.
  auto doc = make("A statement from Morocco 's General Directorate of National Security said so .", "en");
  const std::size_t at = doc.index_of("Directorate");
  std::vector<Mention> ms = {mention(3, 4, "LOC"), mention(at, at + 4, "LOC")};
  resolve_mentions(doc.view(gaz.get()), ms);
  REQUIRE(ms.size() == 2);
  CHECK(kEntityTypes[ms[1].type] == "ORG");
  CHECK(ms[1].canonical == "General Directorate of National Security");
  CHECK(ms[1].id == "vigil:org/dgsn");
  // Unknown to the gazetteers, it keeps the tagger's type: a lower-case
  // word no person's name holds ("of").
  std::vector<Mention> unknown = {mention(at, at + 4, "ORG")};
  resolve_mentions(doc.view(nullptr), unknown);
  CHECK(kEntityTypes[unknown[0].type] == "ORG");
  // A person's particles and a hyphened particle do not stop the rule.
  // (The tokenizer cuts "al-Abidine" at its hyphen.)
  auto person =
      make("President Zine al - Abidine Ben Ali and General Ahmed van Dijk and Don José Ortega y Gasset spoke .", "en");
  const std::size_t dijk = person.index_of("Ahmed");
  const std::size_t ortega = person.index_of("José");
  std::vector<Mention> people = {mention(1, 7, "ORG"), mention(dijk, dijk + 3, "LOC"),
                                 mention(ortega, ortega + 4, "LOC")};
  resolve_mentions(person.view(nullptr), people);
  CHECK(kEntityTypes[people[0].type] == "PER");
  CHECK(kEntityTypes[people[1].type] == "PER");
  CHECK(kEntityTypes[people[2].type] == "PER");
}

TEST_CASE("a known place is a surname only after a full name written as names are") {
  vigil::test::TempDir dir;
  auto gaz = Gazetteer::load({dir.write("g.tsv",
                                        "geonames:5815135\tLOC\tWashington\t*\tWashington\n"
                                        "iso3166:MA\tLOC\tMorocco\ten\tMorocco\n")});
  auto doc = make("MaliVai Washington won . Then Washington served .", "en");
  const std::size_t later = doc.index_of("Washington", 2);
  std::vector<Mention> ms = {mention(0, 2, "PER"), mention(later, later + 1, "LOC")};
  resolve_mentions(doc.view(gaz.get()), ms);
  REQUIRE(ms.size() == 2);
  CHECK(kEntityTypes[ms[1].type] == "PER");
  CHECK(ms[1].canonical == "MaliVai Washington");
  // A title run into a place is no full name: the country stays a country.
  auto other = make("the President of Morocco spoke . Morocco agreed .", "en");
  const std::size_t country = other.index_of("Morocco", 4);
  std::vector<Mention> ms2 = {mention(1, 4, "PER"), mention(country, country + 1, "LOC")};
  resolve_mentions(other.view(gaz.get()), ms2);
  REQUIRE(ms2.size() == 2);
  CHECK(kEntityTypes[ms2[1].type] == "LOC");
  CHECK(ms2[1].id == "iso3166:MA");
}

TEST_CASE("a curated organisation's exact name is an organisation whatever the tagger read") {
  vigil::test::TempDir dir;
  auto gaz = Gazetteer::load({dir.write("g.tsv", kGazetteer)});
  auto doc = make("la Direction générale de la Sûreté nationale a dit", "fr");
  std::vector<Mention> ms = {mention(1, 7, "LOC")};
  resolve_mentions(doc.view(gaz.get()), ms);
  REQUIRE(ms.size() == 1);
  CHECK(kEntityTypes[ms[0].type] == "ORG");
  CHECK(ms[0].id == "vigil:org/dgsn");
}

TEST_CASE("in Spanish a known city after a masculine article is its club") {
  vigil::test::TempDir dir;
  auto gaz = Gazetteer::load({dir.write("g.tsv",
                                        "geonames:3128760\tLOC\tBarcelona\t*\tBarcelona\n"
                                        "iso3166:PE\tLOC\tPeru\tes\tPerú\n"
                                        "vigil:loc/maghreb\tLOC\tMaghreb\tes\tMagreb\n")});
  auto doc = make("el Barcelona ganó en Barcelona .", "es");
  std::vector<Mention> ms = {mention(1, 2, "LOC"), mention(4, 5, "LOC")};
  resolve_mentions(doc.view(gaz.get()), ms);
  REQUIRE(ms.size() == 2);
  CHECK(kEntityTypes[ms[0].type] == "ORG");
  CHECK(ms[0].id.empty());
  CHECK(kEntityTypes[ms[1].type] == "LOC");
  CHECK(ms[1].id == "geonames:3128760");
  // Countries and regions take the article as places; so does a city
  // before "de"; and only in Spanish.
  for (const auto& [text, lang] :
       std::vector<std::pair<std::string, std::string>>{{"viajó por el Perú .", "es"},
                                                        {"vive en el Magreb .", "es"},
                                                        {"en el Barcelona del siglo XIX .", "es"},
                                                        {"the el Barcelona .", "en"}}) {
    auto other = make(text, lang);
    const std::size_t at = other.index_of("el") + 1;
    std::vector<Mention> ms2 = {mention(at, at + 1, "LOC")};
    resolve_mentions(other.view(gaz.get()), ms2);
    REQUIRE(ms2.size() == 1);
    CHECK(kEntityTypes[ms2[0].type] == "LOC");
  }
  // The article capitalised as a sentence's first word; not inside one ("El" of a name).
  auto opening = make("Llovía . El Barcelona ganó . Visitó El Barcelona .", "es");
  std::vector<Mention> clubs = {mention(3, 4, "LOC"), mention(8, 9, "LOC")};
  const std::vector<std::size_t> starts = {0, 2, 6};
  auto view = opening.view(gaz.get());
  view.sentence_starts = starts;
  resolve_mentions(view, clubs);
  REQUIRE(clubs.size() == 2);
  CHECK(kEntityTypes[clubs[0].type] == "ORG");
  CHECK(kEntityTypes[clubs[1].type] == "LOC");
}

TEST_CASE("a role word after a curated name of the same type is not part of it") {
  vigil::test::TempDir dir;
  auto gaz =
      Gazetteer::load({dir.write("g.tsv", "vigil:org/dk-politi\tORG\tDanish National Police\ten\tDenmark's Police\n")});
  auto doc = make("Denmark 's Police Director said", "en");
  std::vector<Mention> ms = {mention(0, 4, "ORG")};
  resolve_mentions(doc.view(gaz.get()), ms);
  REQUIRE(ms.size() == 1);
  CHECK(doc.words(ms[0]) == "Denmark 's Police");
  CHECK(ms[0].id == "vigil:org/dk-politi");
  // A word that is not a role keeps the span as the tagger made it.
  auto other = make("Denmark 's Police Academy said", "en");
  std::vector<Mention> ms2 = {mention(0, 4, "ORG")};
  resolve_mentions(other.view(gaz.get()), ms2);
  CHECK(other.words(ms2[0]) == "Denmark 's Police Academy");
}

TEST_CASE("an organisation cut short of a curated institution's name runs to its end") {
  vigil::test::TempDir dir;
  auto gaz = Gazetteer::load({dir.write(
      "g.tsv", std::string(kGazetteer) + "geonames:1\tLOC\tDirection Island\t*\tDirection générale de la Paix\n" +
                   "wikidata:Q1\tORG\tTrade Directorate\t*\tDirection générale du Commerce\n")});
  // "[Direction] générale de la Sûreté nationale": the tagger kept the first word.
  auto doc = make("Hier la Direction générale de la Sûreté nationale a parlé .", "fr");
  std::vector<Mention> ms = {mention(2, 3, "ORG")};
  resolve_mentions(doc.view(gaz.get()), ms);
  REQUIRE(ms.size() == 1);
  CHECK(doc.words(ms[0]) == "Direction générale de la Sûreté nationale");
  CHECK(ms[0].id == "vigil:org/dgsn");
  // Not over the next mention, not into another sentence, not for a place
  // nor into a name that is not a curated institution.
  std::vector<Mention> two = {mention(2, 3, "ORG"), mention(7, 8, "LOC")};
  resolve_mentions(doc.view(gaz.get()), two);
  CHECK(doc.words(two[0]) == "Direction");
  // The same words with a sentence taken to begin at "de".
  std::vector<Mention> cut = {mention(2, 3, "ORG")};
  const std::vector<std::size_t> starts = {0, 4};
  auto view = doc.view(gaz.get());
  view.sentence_starts = starts;
  resolve_mentions(view, cut);
  CHECK(doc.words(cut[0]) == "Direction");
  auto peace = make("la Direction générale de la Paix .", "fr");
  std::vector<Mention> place = {mention(1, 2, "ORG")};
  resolve_mentions(peace.view(gaz.get()), place);
  CHECK(peace.words(place[0]) == "Direction");
  auto trade = make("la Direction générale du Commerce .", "fr");  // an organisation, not one of ours
  std::vector<Mention> other_org = {mention(1, 2, "ORG")};
  resolve_mentions(trade.view(gaz.get()), other_org);
  CHECK(trade.words(other_org[0]) == "Direction");
}

TEST_CASE("in Spanish a town in brackets after a player is the player's club") {
  vigil::test::TempDir dir;
  auto gaz = Gazetteer::load({dir.write("g.tsv", std::string(kGazetteer) + "iso3166:ES\tLOC\tSpain\tes\tEspaña\n")});
  auto doc = make("Expulsado Manu Sarabia ( Badajoz ) y Pepe Ruiz ( España ) y Ana Gil ( ESP ) .", "es");
  auto mentions = [&] {
    return std::vector<Mention>{mention(1, 3, "PER"),   mention(4, 5, "LOC"),   mention(7, 9, "PER"),
                                mention(10, 11, "LOC"), mention(13, 15, "PER"), mention(16, 17, "LOC")};
  };
  auto ms = mentions();
  resolve_mentions(doc.view(gaz.get()), ms);
  REQUIRE(ms.size() == 6);
  CHECK(kEntityTypes[ms[1].type] == "ORG");  // Badajoz: the club
  CHECK(kEntityTypes[ms[3].type] == "LOC");  // a country: where he comes from
  CHECK(ms[3].id == "iso3166:ES");
  CHECK(kEntityTypes[ms[5].type] == "LOC");  // a country code
  // Not without the brackets, not after a place, not in English.
  auto plain = make("Expulsado Manu Sarabia en Badajoz .", "es");
  std::vector<Mention> in_town = {mention(1, 3, "PER"), mention(4, 5, "LOC")};
  resolve_mentions(plain.view(gaz.get()), in_town);
  CHECK(kEntityTypes[in_town[1].type] == "LOC");
  auto after_place = make("Lleida ( Badajoz ) .", "es");
  std::vector<Mention> places = {mention(0, 1, "LOC"), mention(2, 3, "LOC")};
  resolve_mentions(after_place.view(gaz.get()), places);
  CHECK(kEntityTypes[places[1].type] == "LOC");
  auto en = make("Expelled Manu Sarabia ( Badajoz ) y Pepe Ruiz ( España ) y Ana Gil ( ESP ) .", "en");
  auto en_ms = mentions();
  resolve_mentions(en.view(gaz.get()), en_ms);
  CHECK(kEntityTypes[en_ms[1].type] == "LOC");
}

TEST_CASE("in Dutch a name joined to a common noun by a hyphen is one MISC word") {
  // Pieces are split at spaces here; "CVP|-|voorzitter" below is one word of three pieces, as the tokenizer cuts it.
  auto doc = make("De Sabena-aandelen stegen en de EU-burgers ook .", "nl");
  std::vector<Mention> ms = {mention(1, 2, "ORG")};
  resolve_mentions(doc.view(nullptr), ms);
  REQUIRE(ms.size() == 2);
  CHECK(doc.words(ms[0]) == "Sabena-aandelen");
  CHECK(kEntityTypes[ms[0].type] == "MISC");
  CHECK(doc.words(ms[1]) == "EU-burgers");
  CHECK(kEntityTypes[ms[1].type] == "MISC");
  // Not after a prefix, not a word capitalised by its position, not inside a longer mention, not in other languages.
  for (const auto& [text, lang] :
       std::vector<std::pair<std::string, std::string>>{{"Hij is Ex-bondscoach en Oud-minister .", "nl"},
                                                        {"Politie-inspecteur Jansen sprak .", "nl"},
                                                        {"De Sabena-aandelen stegen .", "en"}}) {
    auto other = make(text, lang);
    std::vector<Mention> none;
    resolve_mentions(other.view(nullptr), none);
    CHECK(std::none_of(none.begin(), none.end(), [](const Mention& m) { return kEntityTypes[m.type] == "MISC"; }));
  }
  auto longer = make("de Guggenheim-museum Bilbao ligt .", "nl");
  std::vector<Mention> place = {mention(1, 3, "LOC")};
  resolve_mentions(longer.view(nullptr), place);
  REQUIRE(place.size() == 1);
  CHECK(kEntityTypes[place[0].type] == "LOC");
}

TEST_CASE("a Dutch name compound cut into pieces by the tokenizer is one MISC word") {
  // "CVP-voorzitter" as three pieces with no space between them.
  TestDoc doc{"de CVP-voorzitter sprak", {{0, 2}, {3, 6}, {6, 7}, {7, 17}, {18, 23}}, {}, "nl"};
  for (const auto& p : doc.pieces) {
    std::string f;
    fold(doc.text.substr(p.begin, p.end - p.begin), f);
    doc.folded.push_back(f);
  }
  std::vector<Mention> ms = {mention(1, 2, "ORG")};
  resolve_mentions(doc.view(nullptr), ms);
  REQUIRE(ms.size() == 1);
  CHECK(ms[0].first == 1);
  CHECK(ms[0].last == 4);
  CHECK(kEntityTypes[ms[0].type] == "MISC");
}
