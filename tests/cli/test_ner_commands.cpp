// `vigil train ner`, `vigil eval entities` and the vigil.ner stage in a run,
// end to end through the binary, on small corpora written here.
#include <catch2/catch.hpp>

#include "run_vigil.hpp"

using namespace vigil::test;

namespace {

// A CoNLL corpus (token TAB tag) of invented people, places and agencies in
// a few sentence frames; `offset` rotates the pairings so that train and dev
// differ.
std::string corpus(std::size_t offset, std::size_t sentences) {
  const char* people[][2] = {
      {"Anna", "Berg"}, {"Omar", "Idrissi"}, {"Lena", "Vos"}, {"Karim", "Tazi"}, {"Marta", "Ruiz"}};
  const char* places[] = {"Rabat", "Madrid", "Utrecht", "Tangier", "Lyon", "Oslo"};
  const char* agencies[][2] = {{"Harbour", "Police"}, {"Coast", "Guard"}, {"Customs", "Office"}};
  std::string out;
  for (std::size_t i = 0; i < sentences; ++i) {
    const auto& p = people[(i + offset) % 5];
    const char* l = places[(i * 7 + offset) % 6];
    const auto& a = agencies[(i + 2 * offset) % 3];
    if (i % 2 == 0) {
      out += std::string(p[0]) + "\tB-PER\n" + p[1] + "\tI-PER\nvisited\tO\n" + l + "\tB-LOC\nwith\tO\nthe\tO\n" +
             a[0] + "\tB-ORG\n" + a[1] + "\tI-ORG\n.\tO\n\n";
    } else {
      out += std::string("In\tO\n") + l + "\tB-LOC\n,\tO\nthe\tO\n" + a[0] + "\tB-ORG\n" + a[1] +
             "\tI-ORG\nthanked\tO\n" + p[0] + "\tB-PER\n" + p[1] + "\tI-PER\n.\tO\n\n";
    }
  }
  return out;
}

// Runs langid, tokenize and the shipped vigil.ner over JSON lines on stdin
// (plus `extra` arguments) and returns the documents.
std::vector<nlohmann::json> run_shipped_stages(const std::string& json_lines, std::vector<std::string> extra = {}) {
  TempDir dir;
  dir.write("p.toml",
            "[[stage]]\nuse = \"vigil.langid\"\n[[stage]]\nuse = \"vigil.tokenize\"\n"
            "[[stage]]\nuse = \"vigil.ner\"\nname = \"ner\"\n");
  RunOptions input;
  input.stdin_text = json_lines;
  std::vector<std::string> args = {
      "run",           (dir / "p.toml").string(),           "--input", "-", "--output", "-",
      "--plugin-path", VIGIL_BUILD_DIR "/lib/vigil/plugins"};
  args.insert(args.end(), extra.begin(), extra.end());
  auto r = run_vigil(args, input);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return parse_json_lines(r.out);
}

}  // namespace

TEST_CASE("vigil train ner trains a model and vigil eval entities scores it") {
  TempDir dir;
  const auto train = dir.write("train.conll", corpus(0, 60));
  const auto dev = dir.write("dev.conll", corpus(3, 20));
  const auto model = dir / "en.model";
  auto r = run_vigil({"train", "ner", "--lang", "en", "--train", train.string(), "--dev", dev.string(), "--out",
                      model.string(), "--epochs", "4", "--patience", "0"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("read " + train.string() + ": 60 sentences, 570 tokens, 180 entities"));
  CHECK_THAT(r.out, Catch::Contains("epoch   errors  seconds    dev P    dev R   dev F1"));
  CHECK_THAT(r.out, Catch::Contains("best epoch"));
  REQUIRE(std::filesystem::exists(model));
  // The card records the share of training sentences in capitals (none here),
  // which decides whether the stage re-cases such sentences for this model.
  CHECK_THAT(read_file(model), Catch::Contains("\"capitals_share\":0.0"));
  const auto caps = dir.write("caps.conll", corpus(0, 6) + "RABAT\tB-LOC\nNEWS\tO\n\n");
  const auto caps_model = dir / "caps.model";
  REQUIRE(run_vigil(
              {"train", "ner", "--lang", "en", "--train", caps.string(), "--out", caps_model.string(), "--epochs", "1"})
              .exit_code == 0);
  CHECK_THAT(read_file(caps_model), Catch::Contains("\"capitals_share\":0.14285714285714285"));  // 1 of 7
  // The card says whether the model learnt from the document history, and
  // how many sentences made a document where the files mark none.
  CHECK_THAT(read_file(model), Catch::Contains("\"document_history\":true"));
  CHECK_THAT(read_file(model), Catch::Contains("\"group\":30"));
  const auto flat_model = dir / "flat.model";
  REQUIRE(run_vigil({"train", "ner", "--lang", "en", "--train", train.string(), "--out", flat_model.string(),
                     "--epochs", "1", "--no-history", "--group", "5"})
              .exit_code == 0);
  CHECK_THAT(read_file(flat_model), Catch::Contains("\"document_history\":false"));
  CHECK_THAT(read_file(flat_model), Catch::Contains("\"group\":5"));
  auto zero_group = run_vigil(
      {"train", "ner", "--lang", "en", "--train", train.string(), "--out", flat_model.string(), "--group", "0"});
  CHECK(zero_group.exit_code == 2);
  CHECK_THAT(zero_group.err, Catch::Contains("--group: Value 0 not in range 1 to 1000000"));

  const auto gaz = dir.write("g.tsv", "geonames:2538475\tLOC\tRabat\t*\tRabat\n");
  auto e =
      run_vigil({"eval", "entities", "--gold", dev.string(), "--lang", "en", "--set",
                 "stage.ner.models.en=" + model.string(), "--set", "stage.ner.gazetteers=[\"" + gaz.string() + "\"]",
                 "--plugin-path", VIGIL_BUILD_DIR "/lib/vigil/plugins"});
  INFO(e.err);
  REQUIRE(e.exit_code == 0);
  // No document marks: read as running text, 30 sentences to a document by default.
  CHECK_THAT(e.out, Catch::Contains("vigil eval entities: 20 sentences in 1 document, 190 tokens, language en"));
  CHECK_THAT(e.out, Catch::Contains("processed 190 tokens with 60 phrases"));
  CHECK_THAT(e.out, Catch::Contains("FB1: 100.00"));
  CHECK_THAT(e.out, Catch::Contains("PER: precision: 100.00%"));

  // A model trained without places: LOC is missed, the errors file lists the sentences, the score says so.
  const auto no_loc = dir / "no-loc.model";
  REQUIRE(run_vigil({"train", "ner", "--lang", "en", "--train", train.string(), "--types", "PER,ORG", "--out",
                     no_loc.string(), "--epochs", "3"})
              .exit_code == 0);
  const auto errors = dir / "errors.tsv";
  auto f = run_vigil({"eval", "entities", "--gold", dev.string(), "--lang", "en", "--group", "5", "--errors",
                      errors.string(), "--set", "stage.ner.models.en=" + no_loc.string(), "--set",
                      "stage.ner.known_names=false", "--plugin-path", VIGIL_BUILD_DIR "/lib/vigil/plugins"});
  INFO(f.err);
  REQUIRE(f.exit_code == 0);
  CHECK_THAT(f.out, Catch::Contains("LOC: precision:   0.00%; recall:   0.00%"));
  const std::string listed = read_file(errors);
  CHECK_THAT(listed, Catch::Contains("\tB-LOC\tO\n"));
}

TEST_CASE("vigil eval entities reads a gold file that marks documents document by document") {
  TempDir dir;
  // The surname alone is a person only where the full name came first in the
  // same document (resolution within the document); the model alone reads
  // "Quelvane left ." as no name.
  const std::string doc1 = "Anna B-PER\nQuelvane I-PER\nspoke O\n. O\n\nQuelvane B-PER\nleft O\n. O\n\n";
  const std::string doc2 = "Quelvane O\nleft O\n. O\n";
  const auto marked = dir.write("marked.conll", "-DOCSTART- O\n\n" + doc1 + "-DOCSTART- O\n\n" + doc2);
  const auto unmarked = dir.write("unmarked.conll", doc1 + doc2);
  std::string train;
  for (int i = 0; i < 5; ++i)
    train +=
        "Anna B-PER\nQuelvane I-PER\nspoke O\n. O\n\nMarta B-PER\nRuiz I-PER\nspoke O\n. O\n\n"
        "Quelvane O\nleft O\n. O\n\nHe O\nleft O\n. O\n\n";
  const auto model = dir / "m.model";
  REQUIRE(run_vigil({"train", "ner", "--lang", "en", "--train", dir.write("train.conll", train).string(), "--out",
                     model.string(), "--epochs", "5"})
              .exit_code == 0);
  const auto gazetteer = dir.write("g.tsv", "");
  auto eval = [&](const std::filesystem::path& gold, const std::string& group) {
    std::vector<std::string> args = {"eval",          "entities",
                                     "--gold",        gold.string(),
                                     "--lang",        "en",
                                     "--set",         "stage.ner.models.en=" + model.string(),
                                     "--set",         "stage.ner.gazetteers=[\"" + gazetteer.string() + "\"]",
                                     "--plugin-path", VIGIL_BUILD_DIR "/lib/vigil/plugins"};
    if (!group.empty()) args.insert(args.end(), {"--group", group});
    auto r = run_vigil(args);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return r.out;
  };
  // By documents, whatever --group says: the second "Quelvane" is the person, the third is not.
  const auto by_document = eval(marked, "1");
  CHECK_THAT(by_document, Catch::Contains("3 sentences in 2 documents"));
  CHECK_THAT(by_document, Catch::Contains("found: 2 phrases; correct: 2."));
  // Without marks: sentence by sentence the second is missed; all as one document the third is taken too.
  CHECK_THAT(eval(unmarked, "1"), Catch::Contains("found: 1 phrases; correct: 1."));
  CHECK_THAT(eval(unmarked, "3"), Catch::Contains("found: 3 phrases; correct: 2."));
  // The default reads unmarked files as running text: the three sentences are one document.
  const auto by_default = eval(unmarked, "");
  CHECK_THAT(by_default, Catch::Contains("3 sentences in 1 document,"));
  CHECK_THAT(by_default, Catch::Contains("found: 3 phrases; correct: 2."));
}

TEST_CASE("vigil train ner names the file and line of a bad tag, and refuses missing input") {
  TempDir dir;
  const auto bad = dir.write("bad.conll", "Anna\tB-PER\nvisited\tO\nRabat\tBLOC\n\n");
  auto r = run_vigil({"train", "ner", "--lang", "en", "--train", bad.string(), "--out", (dir / "m.model").string()});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("bad.conll:3: invalid tag 'BLOC' (expected O, B-TYPE or I-TYPE)"));
  CHECK_FALSE(std::filesystem::exists(dir / "m.model"));

  auto missing = run_vigil({"eval", "entities", "--gold", (dir / "absent.conll").string(), "--lang", "en"});
  CHECK(missing.exit_code == 2);
  CHECK_THAT(missing.err, Catch::Contains("--gold: no such file: " + (dir / "absent.conll").string()));

  auto zero_epochs = run_vigil(
      {"train", "ner", "--lang", "en", "--train", bad.string(), "--out", (dir / "m.model").string(), "--epochs", "0"});
  CHECK(zero_epochs.exit_code == 2);
  CHECK_THAT(zero_epochs.err, Catch::Contains("--epochs"));

  auto no_lang = run_vigil({"train", "ner", "--train", bad.string(), "--out", (dir / "m.model").string()});
  CHECK(no_lang.exit_code == 2);
  CHECK_THAT(no_lang.err, Catch::Contains("--lang is required"));
}

TEST_CASE("a pipeline with vigil.ner writes entities with canonical names and ids") {
  TempDir dir;
  const auto train = dir.write("train.conll", corpus(0, 60));
  const auto model = dir / "en.model";
  REQUIRE(
      run_vigil({"train", "ner", "--lang", "en", "--train", train.string(), "--out", model.string(), "--epochs", "4"})
          .exit_code == 0);
  dir.write("g.tsv", "geonames:2538475\tLOC\tRabat\t*\tRabat\n");
  dir.write("p.toml",
            "[[stage]]\nuse = \"vigil.langid\"\n[[stage]]\nuse = \"vigil.tokenize\"\n"
            "[[stage]]\nuse = \"vigil.ner\"\nname = \"ner\"\ngazetteers = [\"g.tsv\"]\n");
  RunOptions input;
  input.stdin_text =
      R"({"id":"d1","lang":"en","text":"Karim Tazi visited Rabat with the Coast Guard. In Madrid, the Harbour Police thanked Tazi."})"
      "\n";
  auto r = run_vigil({"run", (dir / "p.toml").string(), "--input", "-", "--output", "-", "--set",
                      "stage.ner.models.en=" + model.string(), "--plugin-path", VIGIL_BUILD_DIR "/lib/vigil/plugins"},
                     input);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto docs = parse_json_lines(r.out);
  REQUIRE(docs.size() == 1);
  std::map<std::string, nlohmann::json> by_text;
  for (const auto& e : docs[0]["entities"]) by_text[e["text"].get<std::string>()] = e;
  INFO(docs[0]["entities"].dump());
  REQUIRE(by_text.size() == 6);
  CHECK(by_text["Karim Tazi"]["label"] == "PER");
  CHECK(by_text["Rabat"]["id"] == "geonames:2538475");
  CHECK(by_text["Rabat"]["canonical"] == "Rabat");
  CHECK(by_text["Coast Guard"]["label"] == "ORG");
  CHECK(by_text["Madrid"]["label"] == "LOC");
  CHECK(by_text["Harbour Police"]["label"] == "ORG");
  CHECK(by_text["Tazi"]["label"] == "PER");
  CHECK(by_text["Tazi"]["canonical"] == "Karim Tazi");
  CHECK(by_text["Tazi"]["id"] == by_text["Karim Tazi"]["id"]);
}

TEST_CASE("with the shipped models, a wire agency in a dateline is an organisation with its id") {
  const auto docs = run_shipped_stages(
      R"({"id":"es","lang":"es","text":"MADRID, 3 dic (EFE). La policía detuvo a dos hombres en el puerto."})"
      "\n"
      R"({"id":"fr","lang":"fr","text":"Deux hommes ont été arrêtés au port, selon l'AFP."})"
      "\n");
  REQUIRE(docs.size() == 2);
  auto agency = [](const auto& doc) {
    std::vector<std::string> found;
    for (const auto& e : doc["entities"])
      if (e["label"] == "ORG")
        found.push_back(e["text"].template get<std::string>() + "/" + e["id"].template get<std::string>());
    return found;
  };
  CHECK(agency(docs[0]) == std::vector<std::string>{"EFE/vigil:org/efe"});
  CHECK(agency(docs[1]) == std::vector<std::string>{"AFP/vigil:org/afp"});
}

TEST_CASE("with the shipped gazetteers, a stock index is MISC with its canonical name") {
  const auto docs = run_shipped_stages(
      R"({"id":"es","lang":"es","text":"El Nasdaq cayó un 3 % y el Dow Jones de Industriales bajó un 1 %."})"
      "\n");
  REQUIRE(docs.size() == 1);
  std::vector<std::string> misc;
  for (const auto& e : docs[0]["entities"])
    if (e["label"] == "MISC")
      misc.push_back(e["text"].get<std::string>() + "=" + e["canonical"].get<std::string>() + "/" +
                     e["id"].get<std::string>());
  INFO(docs[0]["entities"].dump());
  CHECK(misc ==
        std::vector<std::string>{"Nasdaq=Nasdaq Composite/vigil:misc/index-nasdaq",
                                 "Dow Jones de Industriales=Dow Jones Industrial Average/vigil:misc/index-dow-jones"});
}

TEST_CASE("with the shipped English model, titles split off by the tokenizer leave the person's name alone") {
  const auto docs = run_shipped_stages(
      R"({"id":"t","lang":"en","text":"The plan was praised by Mr. John Smith and by Gen. Colin Powell in London."})"
      "\n");
  REQUIRE(docs.size() == 1);
  std::vector<std::string> people;
  for (const auto& e : docs[0]["entities"]) {
    CHECK(e["text"] != ".");  // the tokenizer's "Mr" "." once left a bare full stop as a person
    if (e["label"] == "PER") people.push_back(e["text"].get<std::string>());
  }
  CHECK(people == std::vector<std::string>{"John Smith", "Colin Powell"});
}

TEST_CASE("with the shipped English model, a headline in capitals yields its places, not its words") {
  auto run = [](std::vector<std::string> extra) {
    const auto docs = run_shipped_stages(
        R"({"id":"h","lang":"en","text":"POLICE IN TANGIER SEIZE TWO TONNES OF CANNABIS BOUND FOR SPAIN"})"
        "\n",
        extra);
    REQUIRE(docs.size() == 1);
    std::vector<std::string> found;
    for (const auto& e : docs[0]["entities"])
      found.push_back(e["text"].get<std::string>() + "/" + e["label"].get<std::string>() + "/" +
                      e["canonical"].get<std::string>());
    return found;
  };
  const auto recased = run({});
  CHECK(recased == std::vector<std::string>{"TANGIER/LOC/Tangier", "SPAIN/LOC/Spain"});
  // The re-casing is the model's call: its card says it learnt from (almost)
  // no sentences in capitals, so the language list does not matter.
  const std::string model = read_file(VIGIL_BUILD_DIR "/share/vigil/ner/en.model");
  const auto at = model.rfind("\"capitals_share\":");
  REQUIRE(at != std::string::npos);
  CHECK(std::stod(model.substr(at + 17, 24)) < 0.005);
  CHECK(run({"--set", "stage.ner.recase_all_caps=[]"}) == recased);
}
