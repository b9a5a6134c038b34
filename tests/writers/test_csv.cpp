// vigil.csv: RFC 4180 quoting (commas, quotes, newlines), UTF-8 (Arabic),
// header rows, offsets, text option, if_exists.
#include <catch2/catch.hpp>

#include "writer_test_support.hpp"

using namespace vigil::test;
using Table = std::vector<std::vector<std::string>>;

namespace {

std::string csv_pipeline(const std::string& sink_extra) {
  const std::string path = sink_extra.find("path = ") == std::string::npos ? "path = \"out/csv\"\n" : "";
  return "[source]\nuse = \"vigil.jsonl\"\npath = \"results.jsonl\"\n[[sink]]\nuse = \"vigil.csv\"\n" + path +
         sink_extra;
}

}  // namespace

TEST_CASE("csv: the quoting in the files follows RFC 4180", "[csv]") {
  TempDir dir;
  write_file(dir / "results.jsonl", sample_results_jsonl());
  auto r = run_pipeline(dir, csv_pipeline(""));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::string docs = read_file(dir / "out/csv/documents.csv");

  // Byte for byte: header, CRLF record ends, a quoted field for a comma and
  // for doubled quotes, an embedded LF kept inside quotes.
  CHECK(docs.rfind(
            "id,language,confidence,reliable,chars,bytes,tokens,sentences,entities,topics,topic_labels,meta,text\r\n",
            0) == 0);
  CHECK_THAT(docs,
             Catch::Contains("\"Europol and the Spanish police, in Valencia, seized \"\"500 kg\"\" of cocaine.\"\r\n"));
  CHECK_THAT(docs, Catch::Contains(
                       "\"Attentat déjoué à Marseille, selon le parquet.\nDeuxième ligne, avec une virgule.\"\r\n"));
  CHECK_THAT(docs,
             Catch::Contains("\"{\"\"source\"\":\"\"test\"\",\"\"url\"\":\"\"https://example.org/a?x=1&y=2\"\"}\""));
  // Arabic needs no quoting and is written as UTF-8.
  CHECK_THAT(docs, Catch::Contains(",أعلنت الشرطة في الرباط تفكيك خلية إرهابية.\r\n"));
}

TEST_CASE("csv: the files parse back to the documents, entities and topics", "[csv]") {
  TempDir dir;
  write_file(dir / "results.jsonl", sample_results_jsonl());
  REQUIRE(run_pipeline(dir, csv_pipeline("")).exit_code == 0);

  Table docs = parse_csv(read_file(dir / "out/csv/documents.csv"));
  REQUIRE(docs.size() == 5);
  for (const auto& row : docs) CHECK(row.size() == 13);
  CHECK(docs[1][0] == "en-1");
  CHECK(docs[1][1] == "en");
  CHECK(docs[1][2] == "0.98");
  CHECK(docs[1][3] == "true");
  CHECK(docs[1][8] == "2");  // entities
  CHECK(docs[1][10] == "drugs");
  CHECK(docs[1][12] == "Europol and the Spanish police, in Valencia, seized \"500 kg\" of cocaine.");
  CHECK(docs[2][12] == "Attentat déjoué à Marseille, selon le parquet.\nDeuxième ligne, avec une virgule.");
  CHECK(docs[3][4] == "42");  // code points
  CHECK(docs[3][5] == "77");  // bytes
  CHECK(docs[4][12] == "Texto con </script><script>window.pwned=1</script> y <!-- comentario --> & más.");

  Table entities = parse_csv(read_file(dir / "out/csv/entities.csv"));
  CHECK(entities == Table{{"document", "start", "end", "label", "text", "canonical", "entity_id", "score", "component"},
                          {"en-1", "0", "7", "ORG", "Europol", "Europol", "Q208", "0.9", ""},
                          {"en-1", "35", "43", "LOC", "Valencia", "Valencia", "geonames:2509954", "0.8", ""},
                          {"fr-1", "18", "27", "LOC", "Marseille", "Marseille", "", "0.9", ""},
                          {"ar-1", "16", "22", "LOC", "الرباط", "Rabat", "geonames:2538475", "0.9", ""},
                          {"es-1", "0", "5", "MISC", "Texto", "", "", "0.5", ""}});
  Table topics = parse_csv(read_file(dir / "out/csv/topics.csv"));
  CHECK(topics == Table{{"document", "label", "score", "terms"},
                        {"en-1", "drugs", "0.9", "cocaine"},
                        {"fr-1", "terrorism", "0.7", "attentat"},
                        {"ar-1", "terrorism", "0.8", "إرهابية"}});
  Table evidence = parse_csv(read_file(dir / "out/csv/evidence.csv"));
  REQUIRE(evidence.size() == 4);
  CHECK(evidence[3] == std::vector<std::string>{"ar-1", "terrorism", "34", "41", "إرهابية", "0.7"});
}

TEST_CASE("csv: offsets, text = false and bom", "[csv]") {
  TempDir dir;
  write_file(dir / "results.jsonl", sample_results_jsonl());
  REQUIRE(run_pipeline(dir, csv_pipeline("offsets = \"byte\"\ntext = false\nbom = true\n")).exit_code == 0);
  const std::string raw = read_file(dir / "out/csv/entities.csv");
  CHECK(raw.rfind("\xEF\xBB\xBF"
                  "document,",
                  0) == 0);
  Table entities = parse_csv(raw.substr(3));
  CHECK(entities[4][0] == "ar-1");
  CHECK(entities[4][1] == "29");
  CHECK(entities[4][2] == "41");
  Table docs = parse_csv(read_file(dir / "out/csv/documents.csv").substr(3));
  CHECK(docs[0].back() == "meta");  // no text column
  CHECK(docs[1].size() == 12);
}

TEST_CASE("csv: if_exists fail, overwrite and append", "[csv]") {
  TempDir dir;
  write_file(dir / "results.jsonl", sample_results_jsonl());
  REQUIRE(run_pipeline(dir, csv_pipeline("")).exit_code == 0);

  auto again = run_pipeline(dir, csv_pipeline(""));
  CHECK(again.exit_code == 4);  // an I/O error (sdk::OutputError), not a broken plugin (3)
  CHECK_THAT(again.err,
             Catch::Contains("sink csv: " + dir.str("out/csv/documents.csv") +
                             " already exists; remove it, or set if_exists = \"overwrite\" or \"append\" on the sink"));

  REQUIRE(run_pipeline(dir, csv_pipeline("if_exists = \"append\"\n")).exit_code == 0);
  Table docs = parse_csv(read_file(dir / "out/csv/documents.csv"));
  CHECK(docs.size() == 9);  // one header, 2 x 4 documents
  CHECK(parse_csv(read_file(dir / "out/csv/entities.csv")).size() == 11);

  REQUIRE(run_pipeline(dir, csv_pipeline("if_exists = \"overwrite\"\n")).exit_code == 0);
  CHECK(parse_csv(read_file(dir / "out/csv/documents.csv")).size() == 5);

  SECTION("appending with other columns is refused") {
    auto bad = run_pipeline(dir, csv_pipeline("if_exists = \"append\"\ntext = false\n"));
    CHECK(bad.exit_code != 0);
    CHECK_THAT(bad.err, Catch::Contains(dir.str("out/csv/documents.csv") + " has other columns than this writer's"));
  }
  SECTION("a file in place of the folder is refused") {
    write_file(dir / "out/file", "x");
    auto bad = run_pipeline(dir, csv_pipeline("path = \"out/file\"\n"));
    CHECK(bad.exit_code != 0);
    CHECK_THAT(bad.err, Catch::Contains(dir.str("out/file") + " is a file; vigil.csv writes a folder of CSV files"));
  }
}
