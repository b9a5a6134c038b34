// Every fixture is a few lines written for these tests in the shape of the
// real corpora (CoNLL, WikiANN, GermEval 2014, HIPE-2022, Europeana, NewsFANE).
#include <catch2/catch.hpp>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "corpus_reader.hpp"
#include "labeled_document.hpp"

using namespace vigil::ner;

namespace {

std::vector<LabeledSentence> parse(std::string_view text, CorpusFormat format, ReadOptions options = {},
                                   ReadReport* report = nullptr) {
  return parse_corpus(text, format, options, "fixture.txt", report);
}

std::vector<std::string> forms(const LabeledSentence& s) {
  std::vector<std::string> out;
  for (const auto& t : s) out.push_back(t.form);
  return out;
}

std::vector<std::string> tags(const LabeledSentence& s) {
  std::vector<std::string> out;
  for (const auto& t : s) out.push_back(t.tag);
  return out;
}

std::string error_of(std::string_view text, CorpusFormat format) {
  try {
    parse(text, format);
  } catch (const CorpusError& e) {
    return e.what();
  }
  return "no error";
}

// A file in a fresh temporary folder, removed with the object.
class TempFile {
 public:
  TempFile(const std::string& name, std::string_view content) {
    dir_ = std::filesystem::temp_directory_path() /
           ("vigil-ner-test-" + std::to_string(reinterpret_cast<std::uintptr_t>(this)));
    std::filesystem::create_directories(dir_);
    path_ = dir_ / name;
    std::ofstream(path_, std::ios::binary) << content;
  }
  ~TempFile() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path dir_, path_;
};

using Tags = std::vector<std::string>;
using Forms = std::vector<std::string>;

}  // namespace

// ---------------------------------------------------------------- CoNLL

TEST_CASE("conll indexed lines with DOCSTART and blank-line sentences", "[ner][corpus]") {
  const auto s = parse(
      "0\t-DOCSTART-\tO\n\n"
      "0\tEU\tB-ORG\n1\trejects\tO\n2\tGerman\tB-MISC\n3\tcall\tO\n\n"
      "0\tPeter\tB-PER\n1\tBlackburn\tI-PER\n",
      CorpusFormat::conll);
  REQUIRE(s.size() == 2);
  CHECK(forms(s[0]) == Forms{"EU", "rejects", "German", "call"});
  CHECK(tags(s[0]) == Tags{"B-ORG", "O", "B-MISC", "O"});
  CHECK(tags(s[1]) == Tags{"B-PER", "I-PER"});
}

TEST_CASE("the report lists the sentences that begin a document, when the file marks documents", "[ner][corpus]") {
  const std::string text = "-DOCSTART- O\n\nA O\n\nB O\n\n-DOCSTART- O\n\nC O\n\n-DOCSTART- O\n\nD O\n\nE O\n\nF O\n";
  ReadReport report;
  CHECK(parse(text, CorpusFormat::conll, {}, &report).size() == 6);
  CHECK(report.document_starts == std::vector<std::size_t>{0, 2, 3});
  // Renumbered within a part selection; the part's first sentence begins one.
  ReadOptions second_half;
  second_half.part_from = second_half.part_to = 2;
  second_half.parts = 2;
  REQUIRE(parse(text, CorpusFormat::conll, second_half, &report).size() == 3);  // D E F
  CHECK(report.document_starts == std::vector<std::size_t>{0});
  ReadOptions middle;
  middle.part_from = middle.part_to = 2;
  middle.parts = 3;
  REQUIRE(parse(text, CorpusFormat::conll, middle, &report).size() == 2);  // C D
  CHECK(report.document_starts == std::vector<std::size_t>{0, 1});
  // Sentences before the first mark form the first document.
  CHECK(parse("A O\n\n-DOCSTART- O\n\nB O\n", CorpusFormat::conll, {}, &report).size() == 2);
  CHECK(report.document_starts == std::vector<std::size_t>{0, 1});
  // No marks, no documents (and each read replaces the list).
  CHECK(parse("A O\n\nB O\n", CorpusFormat::conll, {}, &report).size() == 2);
  CHECK(report.document_starts.empty());
}

TEST_CASE("conll accepts two columns and spaces and the classic four columns", "[ner][corpus]") {
  const auto two = parse("Madrid\tB-LOC\n(\tO\n", CorpusFormat::conll);
  const auto spaced = parse("Madrid B-LOC\n( O\n", CorpusFormat::conll);
  const auto four = parse("-DOCSTART- -X- -X- O\n\nMadrid NNP I-NP B-LOC\n( ( O O\n", CorpusFormat::conll);
  for (const auto& s : {two, spaced, four}) {
    REQUIRE(s.size() == 1);
    CHECK(forms(s[0]) == Forms{"Madrid", "("});
    CHECK(tags(s[0]) == Tags{"B-LOC", "O"});
  }
}

TEST_CASE("conll skips empty token forms and tolerates CRLF and extra blank lines", "[ner][corpus]") {
  ReadReport report;
  const auto s = parse("0\tAm\tO\r\n1\t\tO\r\n2\tMain\tB-LOC\r\n\r\n\r\n\r\n", CorpusFormat::conll, {}, &report);
  REQUIRE(s.size() == 1);
  CHECK(forms(s[0]) == Forms{"Am", "Main"});
  CHECK(report.skipped_empty_tokens == 1);
}

TEST_CASE("an I- tag that starts a chunk becomes B- as in IOB2", "[ner][corpus]") {
  ReadReport report;
  // IOB1 and a broken IOB2 export: I- after O and I-ORG right after B-MISC.
  const auto s =
      parse("Iranian\tB-MISC\nResistance\tI-ORG\nsaid\tO\nAnn\tI-PER\nLee\tI-PER\n", CorpusFormat::conll, {}, &report);
  REQUIRE(s.size() == 1);
  CHECK(tags(s[0]) == Tags{"B-MISC", "B-ORG", "O", "B-PER", "I-PER"});
  CHECK(report.iob_repairs == 2);
}

TEST_CASE("entities of types not asked for become O", "[ner][corpus]") {
  ReadOptions options;
  options.types = {"PER", "LOC"};
  const auto s =
      parse("Ann\tB-PER\nof\tO\nAcme\tB-ORG\nInc\tI-ORG\nin\tO\nRome\tB-LOC\n", CorpusFormat::conll, options);
  CHECK(tags(s.at(0)) == Tags{"B-PER", "O", "O", "O", "O", "B-LOC"});
}

TEST_CASE("conll errors name the file and the line", "[ner][corpus]") {
  CHECK(error_of("0\tEU\tB-ORG\n1\trejects\tX-ORG\n", CorpusFormat::conll) ==
        "fixture.txt:2: invalid tag 'X-ORG' (expected O, B-TYPE or I-TYPE)");
  CHECK(error_of("EU B-ORG\n\nlonely\n", CorpusFormat::conll) ==
        "fixture.txt:3: expected a token and a tag, got 'lonely'");
  CHECK(error_of("EU\tB-\n", CorpusFormat::conll).starts_with("fixture.txt:1: invalid tag 'B-'"));
}

// ---------------------------------------------------------------- WikiANN

TEST_CASE("wikiann language prefixes are stripped", "[ner][corpus]") {
  const auto s =
      parse("fr:Parti\tB-ORG\nfr:libéral\tI-ORG\n\nfr:::\tO\nfr:Lyon\tB-LOC\n", CorpusFormat::wikiann_prefixed);
  REQUIRE(s.size() == 2);
  CHECK(forms(s[0]) == Forms{"Parti", "libéral"});
  CHECK(tags(s[0]) == Tags{"B-ORG", "I-ORG"});
  CHECK(forms(s[1]) == Forms{"::", "Lyon"});
}

TEST_CASE("wikiann tokens without a prefix are an error", "[ner][corpus]") {
  CHECK(error_of("fr:Lyon\tB-LOC\nParis\tB-LOC\n", CorpusFormat::wikiann_prefixed) ==
        "fixture.txt:2: token 'Paris' has no language prefix like 'fr:'");
}

// ---------------------------------------------------------------- GermEval

TEST_CASE("germeval reads the outer column and maps OTH deriv and part", "[ner][corpus]") {
  const std::string text =
      "#\thttp://example.org/a.html\t[2010-07-04]\t\n"
      "1\tDas\tO\tO\n"
      "2\tKölner\tB-LOCderiv\tO\n"
      "3\tEcce\tB-OTH\tO\n"
      "4\thomo\tI-OTH\tO\n"
      "5\tder\tO\tO\n"
      "6\tUniversität\tB-ORG\tO\n"
      "7\tBonn\tI-ORG\tB-LOC\n"
      "8\tEU-weit\tB-ORGpart\tO\n"
      "\n"
      "#\thttp://example.org/b.html\t[2010-07-05]\t\n"
      "1\tAngela\tB-PER\tO\n"
      "2\tMerkels\tI-PERpart\tO\n";
  const auto s = parse(text, CorpusFormat::germeval);
  REQUIRE(s.size() == 2);
  CHECK(forms(s[0]) == Forms{"Das", "Kölner", "Ecce", "homo", "der", "Universität", "Bonn", "EU-weit"});
  CHECK(tags(s[0]) == Tags{"O", "O", "B-MISC", "I-MISC", "O", "B-ORG", "I-ORG", "O"});
  CHECK(tags(s[1]) == Tags{"B-PER", "O"});
}

TEST_CASE("germeval rejects unknown types with file and line", "[ner][corpus]") {
  CHECK(error_of("#\turl\n1\tDas\tO\tO\n2\tHaus\tB-FAC\tO\n", CorpusFormat::germeval) ==
        "fixture.txt:3: invalid tag 'B-FAC' (expected O or B-/I- with PER, ORG, LOC, OTH, optionally + deriv/part)");
  CHECK(error_of("#\turl\n1\tDas\n", CorpusFormat::germeval).starts_with("fixture.txt:2: expected"));
}

// ---------------------------------------------------------------- HIPE

namespace {

const std::string kHipeHeader =
    "TOKEN\tNE-COARSE-LIT\tNE-COARSE-METO\tNE-FINE-LIT\tNE-FINE-METO\tNE-FINE-COMP\tNE-NESTED\tNEL-LIT\tNEL-METO\t"
    "MISC\n";

std::string hipe_line(const std::string& token, const std::string& tag, const std::string& misc = "_") {
  return token + "\t" + tag + "\tO\tO\tO\tO\tO\t_\t_\t" + misc + "\n";
}

}  // namespace

TEST_CASE("hipe sentences end at EndOfSentence and at documents", "[ner][corpus]") {
  const std::string text = kHipeHeader + "# hipe2022:document_id = doc-1\n# hipe2022:language = de\n" +
                           hipe_line("Herr", "O") + hipe_line("Meier", "B-pers") + hipe_line("kam", "O") +
                           hipe_line(".", "O", "EndOfLine|EndOfSentence") + hipe_line("Bern", "B-loc") +
                           hipe_line("schwieg", "O", "NoSpaceAfter") + "\n" + "# hipe2022:document_id = doc-2\n" +
                           hipe_line("Zürich", "B-loc", "EndOfSentence");
  ReadReport report;
  const auto s = parse(text, CorpusFormat::hipe, {}, &report);
  REQUIRE(s.size() == 3);
  CHECK(report.document_starts == std::vector<std::size_t>{0, 2});
  CHECK(forms(s[0]) == Forms{"Herr", "Meier", "kam", "."});
  CHECK(tags(s[0]) == Tags{"O", "B-PER", "O", "O"});
  CHECK(tags(s[1]) == Tags{"B-LOC", "O"});  // ended by the document boundary
  CHECK(forms(s[2]) == Forms{"Zürich"});
}

TEST_CASE("hipe NoSpaceAfter keeps the text as printed in the document the stage reads", "[ner][corpus]") {
  const std::string text = kHipeHeader + hipe_line("à", "O") + hipe_line("Saint", "B-LOC", "NoSpaceAfter") +
                           hipe_line("-", "I-LOC", "NoSpaceAfter") + hipe_line("Pierre", "I-LOC") +
                           hipe_line("l", "O", "NoSpaceAfter") + hipe_line("’", "O", "NoSpaceAfter") +
                           hipe_line("Etat", "O", "EndOfSentence");
  const auto s = parse(text, CorpusFormat::hipe);
  REQUIRE(s.size() == 1);
  CHECK(s[0][1].space_after == false);
  CHECK(s[0][0].space_after == true);
  const auto doc = labeled_document(s, "fr");
  CHECK(doc.text == "à Saint-Pierre l’Etat");
  REQUIRE(doc.tokens.size() == 7);
  CHECK(doc.text.substr(doc.tokens[3].begin, doc.tokens[3].end - doc.tokens[3].begin) == "Pierre");
  // Other formats say nothing of spaces: one between every two tokens.
  const auto conll = parse("Saint B-LOC\n- I-LOC\nPierre I-LOC\n", CorpusFormat::conll);
  CHECK(labeled_document(conll, "fr").text == "Saint - Pierre");
}

TEST_CASE("hipe maps the coarse types of every dataset and keeps adjacent MISC entities apart", "[ner][corpus]") {
  // hipe2020 (lower case, prod and time) then newseye (upper case, HumanProd, "_" columns).
  const std::string text = kHipeHeader + hipe_line("NZZ", "B-prod") + hipe_line("1798", "I-time") +
                           hipe_line("Bund", "B-org") + hipe_line("Ems", "B-LOC") + hipe_line("Ems", "I-LOC") +
                           hipe_line("Rolf", "B-PER") + hipe_line("Presse", "B-HumanProd") + hipe_line("ja", "_");
  const auto s = parse(text, CorpusFormat::hipe);
  REQUIRE(s.size() == 1);
  CHECK(tags(s[0]) == Tags{"B-MISC", "B-MISC", "B-ORG", "B-LOC", "I-LOC", "B-PER", "B-MISC", "O"});
}

TEST_CASE("hipe ignores an EndOfSentence inside an entity", "[ner][corpus]") {
  ReadReport report;
  const std::string text = kHipeHeader + hipe_line("J", "B-pers") + hipe_line(".", "I-pers", "EndOfSentence") +
                           hipe_line("Stump", "I-pers") + hipe_line("sprach", "O") +
                           hipe_line(".", "O", "EndOfSentence") + hipe_line("Ende", "O");
  const auto s = parse(text, CorpusFormat::hipe, {}, &report);
  REQUIRE(s.size() == 2);
  CHECK(tags(s[0]) == Tags{"B-PER", "I-PER", "I-PER", "O", "O"});
  CHECK(report.joined_sentences == 1);
}

TEST_CASE("hipe tokens may start with a hash sign", "[ner][corpus]") {
  const std::string text = kHipeHeader + "# a comment\n" + hipe_line("#", "O") + hipe_line("###ud", "O");
  CHECK(forms(parse(text, CorpusFormat::hipe).at(0)) == Forms{"#", "###ud"});
}

TEST_CASE("hipe errors name the file and the line", "[ner][corpus]") {
  const std::string bad_type = kHipeHeader + "# c\n" + hipe_line("x", "O") + hipe_line("y", "B-animal");
  CHECK(error_of(bad_type, CorpusFormat::hipe) ==
        "fixture.txt:4: invalid tag 'B-animal' (expected O, _ or B-/I- with PER(S), LOC, ORG, PROD, HumanProd, TIME)");
  CHECK(error_of(kHipeHeader + "x\tO\tO\n", CorpusFormat::hipe) ==
        "fixture.txt:2: expected at least 10 tab-separated columns");
}

// ---------------------------------------------------------------- Europeana

TEST_CASE("europeana text is cut into pseudo-sentences after end punctuation", "[ner][corpus]") {
  const auto s =
      parse("Eintracht B-ORG\nsiegt O\n. O\nWas O\n? O\nBerlin B-LOC\nruft O\n! O\nund O\n", CorpusFormat::europeana);
  REQUIRE(s.size() == 4);
  CHECK(forms(s[0]) == Forms{"Eintracht", "siegt", "."});
  CHECK(forms(s[1]) == Forms{"Was", "?"});
  CHECK(tags(s[2]) == Tags{"B-LOC", "O", "O"});
  CHECK(forms(s[3]) == Forms{"und"});
}

TEST_CASE("europeana IOB1 becomes IOB2", "[ner][corpus]") {
  // The French file only has I- tags; B- separates two adjacent entities of one type.
  const auto s =
      parse("Emmanuel I-PER\nDESOLES I-PER\nde O\nLyon I-LOC\nParis B-LOC\nNord I-LOC\n", CorpusFormat::europeana);
  CHECK(tags(s.at(0)) == Tags{"B-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-LOC"});
}

TEST_CASE("europeana cuts long runs at 120 tokens but not inside an entity", "[ner][corpus]") {
  std::string text;
  for (int i = 0; i < 119; ++i) text += "w O\n";
  text += "Karl B-PER\nMay I-PER\nschrieb O\n";
  ReadReport report;
  const auto s = parse(text, CorpusFormat::europeana, {}, &report);
  REQUIRE(s.size() == 2);
  CHECK(s[0].size() == 121);  // the cut waits until "May" closes the entity
  CHECK(tags(s[0]).back() == "I-PER");
  CHECK(forms(s[1]) == Forms{"schrieb"});
  CHECK(report.forced_splits == 1);
}

TEST_CASE("europeana repairs obviously mistyped tags and counts the rest as O", "[ner][corpus]") {
  ReadReport report;
  const std::string text =
      "Ahmed B-PER\nTewfiks I-PEr\nSir B-PEr\nBerliner B-ORG\nTageblatts I_ORG\nMartin B.PER\nRubens B-ER\n"
      "Gruber B-BER\nLa B-OLOC\nPlata I-LOC\nBerlin B-LOCer\nBank B-ORg\nBür v\nKampf\nNew York B-LOC\n# O\n";
  const auto s = parse(text, CorpusFormat::europeana, {}, &report);
  REQUIRE(s.size() == 1);
  CHECK(forms(s[0]) == Forms{"Ahmed", "Tewfiks", "Sir", "Berliner", "Tageblatts", "Martin", "Rubens", "Gruber", "La",
                             "Plata", "Berlin", "Bank", "Bür", "Kampf", "New York", "#"});
  CHECK(tags(s[0]) == Tags{"B-PER", "I-PER", "B-PER", "B-ORG", "I-ORG", "B-PER", "B-PER", "B-PER", "B-LOC", "I-LOC",
                           "B-LOC", "B-ORG", "O", "O", "B-LOC", "O"});
  CHECK(report.repaired_tags == 9);
  CHECK(report.invalid_tags == 1);
  CHECK(report.untagged_tokens == 1);
  REQUIRE(report.notes.size() == 11);
  CHECK(report.notes[0] == "fixture.txt:2: tag 'I-PEr' read as I-PER");
  CHECK(report.notes[9] == "fixture.txt:13: invalid tag 'v', read as O");
  CHECK(report.notes[10] == "fixture.txt:14: no tag after 'Kampf', read as O");
}

TEST_CASE("europeana page metadata separates runs", "[ner][corpus]") {
  const std::string text =
      "# file:\t\tF_SBB_1\n# sbb url:\thttp://example.org/1\n# tel url:\t???\nDonnerstag O\nden O\n"
      "# file: \t\tF_SBB_2\nBerlin B-LOC\n";
  const auto s = parse(text, CorpusFormat::europeana);
  REQUIRE(s.size() == 2);
  CHECK(forms(s[0]) == Forms{"Donnerstag", "den"});
  CHECK(tags(s[1]) == Tags{"B-LOC"});
}

// ---------------------------------------------------------------- NewsFANE

TEST_CASE("newsfane strips BOM and LRM and reads CRLF and lone-tab breaks", "[ner][corpus]") {
  const std::string lrm = "\xE2\x80\x8E";
  const std::string text = "\xEF\xBB\xBF" + lrm + "\xD9\x85\xD8\xB5\xD8\xB1\tB-Nation\r\n(\tO\r\n" + lrm +
                           "\xD8\xA3\tB-Politician\r\n" + lrm + "\xD8\xA8\tI-Politician\r\n\t\r\n" + lrm +
                           "\xD8\xAC\tB-Non-Governmental\r\n" + lrm + "\xD8\xAF\tB-Air\r\n" + lrm +
                           "\xD9\x87\tB-Building-Grounds\r\n";
  const auto s = parse(text, CorpusFormat::newsfane);
  REQUIRE(s.size() == 2);
  CHECK(forms(s[0]) == Forms{"\xD9\x85\xD8\xB5\xD8\xB1", "(", "\xD8\xA3", "\xD8\xA8"});
  CHECK(tags(s[0]) == Tags{"B-LOC", "O", "B-PER", "I-PER"});
  CHECK(tags(s[1]) == Tags{"B-ORG", "B-MISC", "B-LOC"});
}

TEST_CASE("newsfane classes outside the table are errors", "[ner][corpus]") {
  CHECK(error_of("a\tO\r\nb\tB-Spaceship\r\n", CorpusFormat::newsfane) ==
        "fixture.txt:2: invalid tag 'B-Spaceship' (expected O or B-/I- with a NewsFANE class such as Nation or "
        "Politician)");
  CHECK(error_of("a\tO\tx\r\n", CorpusFormat::newsfane) == "fixture.txt:1: expected 'token<TAB>tag'");
}

// ---------------------------------------------------------------- Mac-Cyrillic

TEST_CASE("mac cyrillic mojibake is reversed", "[ner][corpus]") {
  CHECK(repair_mac_cyrillic("M\xD0\xB4rz") == "M\xC3\xA4rz");  // Mдrz -> März
  CHECK(repair_mac_cyrillic("Fl\xD1\x8C"
                            "chtlinge") ==
        "Fl\xC3\xBC"
        "chtlinge");                                                         // Flьchtlinge
  CHECK(repair_mac_cyrillic("l\xD0\xB4\xD1\x8Ft") == "l\xC3\xA4\xC3\x9Ft");  // lдяt -> läßt
  CHECK(repair_mac_cyrillic("\xE2\x84\x96"
                            "bersee") ==
        "\xC3\x9C"
        "bersee");                                                                   // №bersee -> Übersee
  CHECK(repair_mac_cyrillic("\xC6\x92rger \xC3\xB7l") == "\xC3\x84rger \xC3\x96l");  // ƒrger ÷l -> Ärger Öl
  CHECK(repair_mac_cyrillic("plain ASCII\t1") == "plain ASCII\t1");
  CHECK(repair_mac_cyrillic("\xE4\xB8\xAD \xFF") == "\xE4\xB8\xAD \xFF");  // not in the code page; invalid byte
}

TEST_CASE("the reader repairs mac cyrillic when asked", "[ner][corpus]") {
  const std::string text = "0\tIm\tO\n1\tM\xD0\xB4rz\tO\n2\tK\xC3\xB7ln\tB-LOC\n";
  ReadOptions options;
  CHECK(parse(text, CorpusFormat::conll, options).at(0).at(1).form == "M\xD0\xB4rz");
  options.repair_mac_cyrillic = true;
  const auto s = parse(text, CorpusFormat::conll, options);
  CHECK(s.at(0).at(1).form == "M\xC3\xA4rz");
  CHECK(s.at(0).at(2).form == "K\xC3\x96ln");
}

// ---------------------------------------------------------------- formats

TEST_CASE("formats are detected from names and first bytes", "[ner][corpus]") {
  CHECK(detect_format("x/enp_DE.sbb.bio", "whatever") == CorpusFormat::europeana);
  CHECK(detect_format("x/dev.tsv", kHipeHeader + "# hipe2022:document_id = a\n") == CorpusFormat::hipe);
  CHECK(detect_format("x/dev.tsv", "#\thttp://example.org\t[2010-07-04]\t\n1\tDas\tO\tO\n") == CorpusFormat::germeval);
  CHECK(detect_format("x/train", "fr:Saxifrage\tB-LOC\nfr:faux\tI-LOC\n\nfr:REDIRECTION\tO\n") ==
        CorpusFormat::wikiann_prefixed);
  CHECK(detect_format("x/a.txt", "\xEF\xBB\xBF\xE2\x80\x8E\xD9\x85\tB-Population-Center\r\n(\tO\r\n") ==
        CorpusFormat::newsfane);
  CHECK(detect_format("x/a.txt", "x\tO\ny\tB-Nation\n") == CorpusFormat::newsfane);
  CHECK(detect_format("x/train.conllu", "0\t-DOCSTART-\tO\n\n0\tEU\tB-ORG\n") == CorpusFormat::conll);
  CHECK(detect_format("x/a.txt", "EU B-ORG\nrejects O\n\n") == CorpusFormat::conll);
  std::string run;
  for (int i = 0; i < 150; ++i) run += "Wort O\n";
  CHECK(detect_format("x/a.txt", run) == CorpusFormat::europeana);
}

TEST_CASE("format names round-trip", "[ner][corpus]") {
  for (CorpusFormat f : {CorpusFormat::automatic, CorpusFormat::conll, CorpusFormat::germeval, CorpusFormat::hipe,
                         CorpusFormat::europeana, CorpusFormat::newsfane, CorpusFormat::wikiann_prefixed})
    CHECK(parse_format_name(format_name(f)) == f);
  CHECK(std::string(format_name(CorpusFormat::automatic)) == "auto");
  CHECK(parse_format_name("automatic") == CorpusFormat::automatic);
  CHECK(parse_format_name("HIPE") == CorpusFormat::hipe);
  CHECK_FALSE(parse_format_name("conllu").has_value());
}

TEST_CASE("parse_corpus detects the format when asked to", "[ner][corpus]") {
  const auto s = parse("fr:Lyon\tB-LOC\n", CorpusFormat::automatic);
  CHECK(forms(s.at(0)) == Forms{"Lyon"});
}

// ---------------------------------------------------------------- parts

TEST_CASE("corpus specs select parts", "[ner][corpus]") {
  const CorpusSpec plain = parse_corpus_spec("data/train.tsv");
  CHECK(plain.path == "data/train.tsv");
  CHECK(plain.parts == 0);
  const CorpusSpec one = parse_corpus_spec("data/train.tsv#3/6");
  CHECK(one.path == "data/train.tsv");
  CHECK((one.part_from == 3 && one.part_to == 3 && one.parts == 6));
  const CorpusSpec range = parse_corpus_spec("a#b/train.tsv#1-5/6");
  CHECK(range.path == "a#b/train.tsv");
  CHECK((range.part_from == 1 && range.part_to == 5 && range.parts == 6));
}

TEST_CASE("malformed corpus specs are rejected with a clear message", "[ner][corpus]") {
  for (const char* bad : {"", "#3/6", "t.tsv#", "t.tsv#3", "t.tsv#0/6", "t.tsv#7/6", "t.tsv#5-3/6", "t.tsv#x/6",
                          "t.tsv#3/6/7", "t.tsv#-3/6", "t.tsv#1-/6"}) {
    INFO(bad);
    CHECK_THROWS_AS(parse_corpus_spec(bad), std::invalid_argument);
  }
  CHECK_THROWS_WITH(parse_corpus_spec("t.tsv#3"),
                    "corpus spec 't.tsv#3': expected PATH#PART/PARTS or PATH#FROM-TO/PARTS, e.g. train.tsv#3/6 or "
                    "train.tsv#1-5/6");
  CHECK_THROWS_WITH(parse_corpus_spec("t.tsv#7/6"), "corpus spec 't.tsv#7/6': parts 7 are not within 1-6 in order");
}

TEST_CASE("sixths are contiguous blocks that cover every sentence once", "[ner][corpus]") {
  std::vector<LabeledSentence> sentences;
  for (int i = 0; i < 7; ++i) sentences.push_back({LabeledToken{std::to_string(i), "O"}});
  const auto ids = [](const std::vector<LabeledSentence>& s) {
    std::vector<std::string> out;
    for (const auto& x : s) out.push_back(x.at(0).form);
    return out;
  };
  // Sentence s of 7 is in part floor(s * 6 / 7) + 1: parts 1 1 2 3 4 5 6.
  CHECK(ids(select_parts(sentences, 1, 1, 6)) == Forms{"0", "1"});
  CHECK(ids(select_parts(sentences, 3, 3, 6)) == Forms{"3"});
  CHECK(ids(select_parts(sentences, 1, 5, 6)) == Forms{"0", "1", "2", "3", "4", "5"});
  CHECK(ids(select_parts(sentences, 6, 6, 6)) == Forms{"6"});
  CHECK(select_parts({}, 1, 1, 6).empty());
  CHECK_THROWS_AS(select_parts(sentences, 0, 1, 6), std::invalid_argument);
}

TEST_CASE("part options apply to parsed corpora", "[ner][corpus]") {
  std::string text;
  for (int i = 0; i < 12; ++i) text.append("w").append(std::to_string(i)).append("\tO\n\n");
  ReadOptions options;
  options.part_from = options.part_to = 3;
  options.parts = 6;
  const auto s = parse(text, CorpusFormat::conll, options);
  REQUIRE(s.size() == 2);
  CHECK(s[0][0].form == "w4");
  CHECK(s[1][0].form == "w5");
}

// ---------------------------------------------------------------- files

TEST_CASE("read_corpus detects the format and names the file in errors", "[ner][corpus]") {
  TempFile good("enp_XX.test.bio", "Wien B-LOC\nliegt O\n. O\n");
  const auto s = read_corpus(good.path(), ReadOptions{});
  REQUIRE(s.size() == 1);
  CHECK(tags(s[0]) == Tags{"B-LOC", "O", "O"});

  TempFile bad("broken.conllu", "0\tEU\tB-ORG\n\n0\tx\tB-\n");
  try {
    read_corpus(bad.path(), ReadOptions{});
    FAIL("no error");
  } catch (const CorpusError& e) {
    CHECK(std::string(e.what()) == bad.path().string() + ":3: invalid tag 'B-' (expected O, B-TYPE or I-TYPE)");
    CHECK(e.file == bad.path().string());
    CHECK(e.line == 3);
  }
}

TEST_CASE("read_corpus reports missing files", "[ner][corpus]") {
  const std::filesystem::path missing = std::filesystem::temp_directory_path() / "vigil-ner-no-such-file.conllu";
  CHECK_THROWS_WITH(read_corpus(missing, ReadOptions{}), missing.string() + ": cannot open file");
}

TEST_CASE("read_corpus takes the part selection from a spec", "[ner][corpus]") {
  TempFile file("six.conllu", "a\tO\n\nb\tO\n\nc\tO\n\nd\tO\n\ne\tO\n\nf\tB-PER\n");
  const auto s = read_corpus(parse_corpus_spec(file.path().string() + "#6/6"), ReadOptions{});
  REQUIRE(s.size() == 1);
  CHECK(s[0][0].form == "f");
}
