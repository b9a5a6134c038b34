// Saved results become other outputs without running any stage again:
// `vigil run config/report.toml --input results.jsonl` writes the HTML
// report, the SQLite database and the CSV files.
#include <catch2/catch.hpp>

#include "writer_test_support.hpp"

using namespace vigil::test;

TEST_CASE("report.toml turns saved JSON-lines results into a report, a database and CSV files", "[report]") {
  TempDir dir;
  // 1. A pipeline with stages writes its results as JSON lines.
  auto first = run_pipeline(dir,
                            "[source]\nuse = \"test.counter\"\ncount = 25\n[[stage]]\nuse = \"test.entities\"\n"
                            "count = 2\ntopic = \"cybercrime\"\n[[sink]]\nuse = \"vigil.jsonl\"\npath = "
                            "\"results.jsonl\"\n");
  INFO(first.err);
  REQUIRE(first.exit_code == 0);

  // 2. The shipped report pipeline reads them back; outputs go to the temp
  //    folder instead of config/out.
  const std::string config = std::string(VIGIL_SOURCE_DIR) + "/config/report.toml";
  RunOptions options;
  options.cwd = dir.path();
  auto r = run_vigil(
      {"run", config, "--input", dir.str("results.jsonl"), "--set", "sink.html.path=" + dir.str("out/report.html"),
       "--set", "sink.sqlite.path=" + dir.str("out/vigil.db"), "--set", "sink.csv.path=" + dir.str("out/csv")},
      options);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.err, Catch::Contains("read 25 = written 25 + failed 0 + skipped 0"));
  CHECK_THAT(r.err, Catch::Contains("wrote " + dir.str("out/report.html")));

  // Entities and topics came through without any stage in report.toml.
  const auto db = dir / "out/vigil.db";
  CHECK(query_int(db, "SELECT count(*) FROM documents") == 25);
  CHECK(query_int(db, "SELECT count(*) FROM entities") == 50);
  CHECK(query(db, "SELECT label, count(*) FROM topics GROUP BY label") == Rows{{"cybercrime", "25"}});
  CHECK(query(db,
              "SELECT start, end, label, canonical, entity_id FROM entity_mentions WHERE document = 'doc-7' ORDER "
              "BY start") == Rows{{"0", "8", "PER", "Entity 0", "test:0"}, {"9", "10", "ORG", "Entity 1", "test:1"}});
  CHECK(query_int(db, "SELECT count(*) FROM evidence WHERE term = 'document'") == 25);

  auto entities = parse_csv(read_file(dir / "out/csv/entities.csv"));
  CHECK(entities.size() == 51);
  CHECK(entities[1] ==
        std::vector<std::string>{"doc-0", "0", "8", "PER", "document", "Entity 0", "test:0", "0.5", "test.entities"});
  CHECK(parse_csv(read_file(dir / "out/csv/topics.csv")).size() == 26);

  const std::string html = read_file(dir / "out/report.html");
  CHECK_THAT(html, Catch::Contains("\"documents\":25"));
  CHECK_THAT(html, Catch::Contains("\"topics\":{\"cybercrime\":{\"und\":25}}"));
}
