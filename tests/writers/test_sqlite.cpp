// vigil.sqlite: schema, content, offsets, text option, if_exists, idempotent
// re-runs, resume, the runs table.
#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdio>

#include "writer_test_support.hpp"

using namespace vigil::test;

namespace {

// `path = "..."` unless the extra keys set their own.
std::string default_path(const std::string& sink_extra, const std::string& path) {
  return sink_extra.find("path = ") == std::string::npos ? "path = \"" + path + "\"\n" : "";
}

std::string counter_pipeline(int count, const std::string& sink_extra, int entities = 3) {
  return "[pipeline]\nthreads = 2\n[source]\nuse = \"test.counter\"\ncount = " + std::to_string(count) +
         "\n[[stage]]\nuse = \"test.entities\"\ncount = " + std::to_string(entities) +
         "\n[[sink]]\nuse = \"vigil.sqlite\"\n" + default_path(sink_extra, "out/vigil.db") + sink_extra;
}

std::string results_pipeline(const std::string& sink_extra) {
  return "[source]\nuse = \"vigil.jsonl\"\npath = \"results.jsonl\"\n[[sink]]\nuse = \"vigil.sqlite\"\npath = "
         "\"out/vigil.db\"\n" +
         sink_extra;
}

}  // namespace

TEST_CASE("sqlite: schema version, tables, indexes and WAL mode", "[sqlite]") {
  TempDir dir;
  auto r = run_pipeline(dir, counter_pipeline(3, ""));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto db = dir / "out/vigil.db";
  CHECK(query_int(db, "PRAGMA user_version") == 1);
  CHECK(query_int(db, "SELECT version FROM vigil_schema") == 1);
  CHECK(query_int(db, "PRAGMA application_id") == 0x5649474C);
  CHECK(query_one(db, "PRAGMA journal_mode") == "wal");
  CHECK(query_one(db, "PRAGMA integrity_check") == "ok");

  auto tables =
      query(db, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name");
  std::vector<std::string> names;
  for (auto& row : tables) names.push_back(row[0]);
  CHECK(names == std::vector<std::string>{"documents", "entities", "evidence", "runs", "topics", "vigil_schema"});

  auto columns = [&](const std::string& table) {
    std::vector<std::string> cols;
    for (auto& row : query(db, "SELECT name FROM pragma_table_info('" + table + "')")) cols.push_back(row[0]);
    return cols;
  };
  CHECK(columns("entities") == std::vector<std::string>{"doc", "seq", "start", "end", "label", "text", "canonical",
                                                        "entity_id", "score", "component"});
  CHECK(columns("topics") == std::vector<std::string>{"doc", "seq", "label", "score"});
  CHECK(columns("evidence") == std::vector<std::string>{"doc", "seq", "topic", "start", "end", "term", "weight"});

  // The analysts' questions are answered from indexes, not table scans.
  auto plan = [&](const std::string& sql) {
    std::string all;
    for (auto& row : query(db, "EXPLAIN QUERY PLAN " + sql)) all += row.back() + "\n";
    return all;
  };
  CHECK_THAT(plan("SELECT doc FROM topics WHERE label = 'x'"), Catch::Contains("topics_by_label"));
  CHECK_THAT(plan("SELECT doc FROM entities WHERE entity_id = 'Q208'"), Catch::Contains("entities_by_id"));
  CHECK_THAT(plan("SELECT id FROM documents WHERE language = 'fr'"), Catch::Contains("documents_by_language"));
  const auto cooccurring =
      plan("SELECT e.canonical FROM topics t JOIN entities e ON e.doc = t.doc WHERE t.label = 'x'");
  CHECK_THAT(cooccurring, Catch::Contains("topics_by_label"));
  CHECK_THAT(cooccurring, Catch::Contains("SEARCH e USING PRIMARY KEY (doc=?)"));
  CHECK_THAT(plan("SELECT * FROM entities WHERE doc = 7"), Catch::Contains("USING PRIMARY KEY (doc=?)"));
}

TEST_CASE("sqlite: documents, entities, topics and evidence rows hold the document's content", "[sqlite]") {
  TempDir dir;
  write_file(dir / "results.jsonl", sample_results_jsonl());
  auto r = run_pipeline(dir, results_pipeline(""));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto db = dir / "out/vigil.db";

  CHECK(query(db, "SELECT id, language, confidence, reliable FROM documents ORDER BY doc") ==
        Rows{{"en-1", "en", "0.98", "1"},
             {"fr-1", "fr", "0.95", "1"},
             {"ar-1", "ar", "0.99", "1"},
             {"es-1", "es", "0.9", "1"}});
  CHECK(query_one(db, "SELECT json_extract(meta, '$.url') FROM documents WHERE id = 'en-1'") ==
        "https://example.org/a?x=1&y=2");
  CHECK(query_one(db, "SELECT text FROM documents WHERE id = 'fr-1'") ==
        "Attentat déjoué à Marseille, selon le parquet.\nDeuxième ligne, avec une virgule.");
  // Code point offsets by default: the Arabic entity starts at code point 16.
  CHECK(query(db,
              "SELECT start, end, label, text, canonical, entity_id, score FROM entity_mentions WHERE document = "
              "'ar-1'") == Rows{{"16", "22", "LOC", "الرباط", "Rabat", "geonames:2538475", "0.9"}});
  CHECK(query(db, "SELECT document, label, text, canonical, entity_id FROM entity_mentions ORDER BY document, start") ==
        Rows{{"ar-1", "LOC", "الرباط", "Rabat", "geonames:2538475"},
             {"en-1", "ORG", "Europol", "Europol", "Q208"},
             {"en-1", "LOC", "Valencia", "Valencia", "geonames:2509954"},
             {"es-1", "MISC", "Texto", "NULL", "NULL"},
             {"fr-1", "LOC", "Marseille", "Marseille", "NULL"}});
  CHECK(query(db, "SELECT document, topic, score FROM document_topics ORDER BY document") ==
        Rows{{"ar-1", "terrorism", "0.8"}, {"en-1", "drugs", "0.9"}, {"fr-1", "terrorism", "0.7"}});
  CHECK(query(db,
              "SELECT d.id, e.topic, e.start, e.end, e.term, e.weight FROM evidence e JOIN documents d USING (doc) "
              "ORDER BY d.id") == Rows{{"ar-1", "terrorism", "34", "41", "إرهابية", "0.7"},
                                       {"en-1", "drugs", "64", "71", "cocaine", "0.6"},
                                       {"fr-1", "terrorism", "0", "8", "attentat", "0.5"}});
  // Entities co-occurring with a topic.
  CHECK(query(db, "SELECT name, documents FROM topic_entities WHERE topic = 'terrorism' ORDER BY name") ==
        Rows{{"Marseille", "1"}, {"Rabat", "1"}});
}

TEST_CASE("sqlite: offsets in bytes or UTF-16, and text = false", "[sqlite]") {
  TempDir dir;
  write_file(dir / "results.jsonl", sample_results_jsonl());
  auto r = run_pipeline(dir, results_pipeline("offsets = \"byte\"\ntext = false\n"));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto db = dir / "out/vigil.db";
  // 16 Arabic letters and spaces before الرباط: 13 letters of 2 bytes + 3 spaces.
  CHECK(query(db, "SELECT start, end FROM entity_mentions WHERE document = 'ar-1'") == Rows{{"29", "41"}});
  CHECK(query_int(db, "SELECT count(*) FROM documents WHERE text IS NULL") == 4);
  CHECK(query_int(db, "SELECT chars FROM documents WHERE id = 'ar-1'") == 42);
  CHECK(query_int(db, "SELECT bytes FROM documents WHERE id = 'ar-1'") == 77);

  auto r2 = run_pipeline(dir, results_pipeline("offsets = \"utf16\"\nif_exists = \"overwrite\"\n"));
  REQUIRE(r2.exit_code == 0);
  CHECK(query(db, "SELECT start, end FROM entity_mentions WHERE document = 'ar-1'") == Rows{{"16", "22"}});
  CHECK(query_int(db, "SELECT count(*) FROM documents WHERE text IS NOT NULL") == 4);
}

TEST_CASE("sqlite: an existing database is refused by default, with the path and what to do", "[sqlite]") {
  TempDir dir;
  REQUIRE(run_pipeline(dir, counter_pipeline(2, "")).exit_code == 0);
  auto r = run_pipeline(dir, counter_pipeline(2, ""));
  CHECK(r.exit_code == 4);  // an I/O error (sdk::OutputError), not a broken plugin (3)
  CHECK_THAT(r.err,
             Catch::Contains("sink sqlite: " + dir.str("out/vigil.db") +
                             " already exists; remove it, or set if_exists = \"overwrite\" or \"append\" on the sink"));
  CHECK(query_int(dir / "out/vigil.db", "SELECT count(*) FROM runs") == 1);  // untouched

  SECTION("overwrite starts a fresh database") {
    REQUIRE(run_pipeline(dir, counter_pipeline(5, "if_exists = \"overwrite\"\n")).exit_code == 0);
    CHECK(query_int(dir / "out/vigil.db", "SELECT count(*) FROM runs") == 1);
    CHECK(query_int(dir / "out/vigil.db", "SELECT count(*) FROM documents") == 5);
  }
  SECTION("an SQLite database of someone else's is never written to") {
    exec_sql(dir / "out/theirs.db", "CREATE TABLE notes(x TEXT); INSERT INTO notes VALUES ('keep me');");
    auto bad = run_pipeline(dir, counter_pipeline(1, "if_exists = \"append\"\npath = \"out/theirs.db\"\n"));
    CHECK(bad.exit_code != 0);
    CHECK_THAT(bad.err, Catch::Contains("this database was not written by vigil.sqlite"));
    CHECK(query(dir / "out/theirs.db", "SELECT name FROM sqlite_schema") == Rows{{"notes"}});
  }
}

TEST_CASE("sqlite: a file that is not a Vigil database is refused", "[sqlite]") {
  TempDir dir;
  write_file(dir / "out/notes.txt", "plain text, not a database\n");
  auto r = run_pipeline(dir,
                        "[source]\nuse = \"test.counter\"\ncount = 1\n[[sink]]\nuse = \"vigil.sqlite\"\npath = "
                        "\"out/notes.txt\"\nif_exists = \"append\"\n");
  CHECK(r.exit_code != 0);
  CHECK_THAT(r.err, Catch::Contains("sink sqlite: " + dir.str("out/notes.txt")));
  CHECK_THAT(r.err, Catch::Contains("file is not a database"));
  CHECK(read_file(dir / "out/notes.txt") == "plain text, not a database\n");
}

TEST_CASE("sqlite: re-running over the same documents replaces their rows (idempotent by id)", "[sqlite]") {
  TempDir dir;
  const auto db = dir / "out/vigil.db";
  REQUIRE(run_pipeline(dir, counter_pipeline(20, "", 3)).exit_code == 0);
  CHECK(query_int(db, "SELECT count(*) FROM entities") == 60);

  // Same documents again, now with 5 entities each, appended: rows replaced.
  auto r = run_pipeline(dir, counter_pipeline(20, "if_exists = \"append\"\n", 5));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(query_int(db, "SELECT count(*) FROM documents") == 20);
  CHECK(query_int(db, "SELECT count(*) FROM entities") == 100);
  CHECK(query_int(db, "SELECT count(*) FROM topics") == 20);
  CHECK(query_int(db, "SELECT count(*) FROM evidence") == 20);
  CHECK(query_int(db, "SELECT count(*) FROM entities WHERE doc NOT IN (SELECT doc FROM documents)") == 0);
  CHECK(query_int(db, "SELECT max(n) FROM (SELECT count(*) AS n FROM entities GROUP BY doc)") == 5);
  CHECK(query(db, "SELECT run, status, documents_written, documents_replaced, entities FROM runs ORDER BY run") ==
        Rows{{"1", "finished", "20", "0", "60"}, {"2", "finished", "20", "20", "100"}});
  CHECK(query_int(db, "SELECT count(*) FROM documents WHERE run = 2") == 20);

  SECTION("the same id twice in one input keeps the last one") {
    write_file(dir / "dup.jsonl", "{\"id\":\"a\",\"text\":\"first\"}\n{\"id\":\"a\",\"text\":\"second\"}\n");
    auto d = run_pipeline(dir,
                          "[source]\nuse = \"vigil.jsonl\"\npath = \"dup.jsonl\"\n[[sink]]\nuse = "
                          "\"vigil.sqlite\"\npath = \"out/dup.db\"\n");
    REQUIRE(d.exit_code == 0);
    CHECK(query(dir / "out/dup.db", "SELECT id, text FROM documents") == Rows{{"a", "second"}});
  }
}

TEST_CASE("sqlite: resume = true skips documents already present", "[sqlite]") {
  TempDir dir;
  const auto db = dir / "out/vigil.db";
  REQUIRE(run_pipeline(dir, counter_pipeline(10, "", 2)).exit_code == 0);
  // 15 documents now, 4 entities each: the first 10 are skipped, not replaced.
  auto r = run_pipeline(dir, counter_pipeline(15, "resume = true\n", 4));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(query_int(db, "SELECT count(*) FROM documents") == 15);
  CHECK(query_int(db, "SELECT count(*) FROM entities") == 10 * 2 + 5 * 4);
  CHECK(query(db, "SELECT documents_written, documents_skipped, documents_replaced FROM runs WHERE run = 2") ==
        Rows{{"5", "10", "0"}});

  SECTION("resume with overwrite is a contradiction and is refused") {
    auto bad = run_pipeline(dir, counter_pipeline(1, "resume = true\nif_exists = \"overwrite\"\n"));
    CHECK(bad.exit_code != 0);
    CHECK_THAT(bad.err, Catch::Contains("resume = true keeps the documents already in the database, so it cannot be "
                                        "combined with if_exists = \"overwrite\""));
    CHECK(query_int(db, "SELECT count(*) FROM documents") == 15);
  }
  SECTION("resume on a new database writes everything") {
    auto fresh = run_pipeline(dir, counter_pipeline(3, "resume = true\npath = \"out/new.db\"\n"));
    REQUIRE(fresh.exit_code == 0);
    CHECK(query_int(dir / "out/new.db", "SELECT count(*) FROM documents") == 3);
  }
}

TEST_CASE("sqlite: the runs table records each run", "[sqlite]") {
  TempDir dir;
  auto r = run_pipeline(dir, counter_pipeline(7, "run_label = \"nightly-42\"\nbatch_size = 2\n"));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto rows = query(dir / "out/vigil.db",
                    "SELECT label, vigil_version, writer_version, sink, status, documents_written, entities, topics, "
                    "config_hash LIKE 'fnv1a64:%', finished_at >= started_at, json_extract(params, '$.batch_size') "
                    "FROM runs");
  REQUIRE(rows.size() == 1);
  CHECK(rows[0] ==
        std::vector<std::string>{"nightly-42", "0.1.0", "0.1.0", "sqlite", "finished", "7", "21", "7", "1", "1", "2"});
  // The hash is the host's hash of the filled-in configuration: FNV-1a of
  // what --print-config prints for the same pipeline.
  auto printed = run_pipeline(dir, counter_pipeline(7, "run_label = \"nightly-42\"\nbatch_size = 2\n"), {"--print-config"});
  REQUIRE(printed.exit_code == 0);
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : printed.out) h = (h ^ c) * 1099511628211ull;
  char expected[32];
  std::snprintf(expected, sizeof expected, "fnv1a64:%016llx", static_cast<unsigned long long>(h));
  CHECK(query_one(dir / "out/vigil.db", "SELECT config_hash FROM runs") == expected);
  // Another batch size, another configuration, another hash.
  REQUIRE(run_pipeline(dir, counter_pipeline(1, "if_exists = \"append\"\nbatch_size = 3\n")).exit_code == 0);
  CHECK(query_int(dir / "out/vigil.db", "SELECT count(DISTINCT config_hash) FROM runs") == 2);
  // After finish the WAL is folded back: the database is one file.
  CHECK(std::filesystem::file_size(dir / "out/vigil.db") > 0);
  CHECK((!std::filesystem::exists(dir / "out/vigil.db-wal") ||
         std::filesystem::file_size(dir / "out/vigil.db-wal") == 0));
}

TEST_CASE("sqlite: parent folders are created only with mkdirs", "[sqlite]") {
  TempDir dir;
  auto r = run_pipeline(dir, counter_pipeline(1, "path = \"a/b/c.db\"\nmkdirs = false\n"));
  CHECK(r.exit_code != 0);
  CHECK_THAT(r.err, Catch::Contains(dir.str("a/b/c.db")));
  REQUIRE(run_pipeline(dir, counter_pipeline(1, "path = \"a/b/c.db\"\n")).exit_code == 0);
  CHECK(query_int(dir / "a/b/c.db", "SELECT count(*) FROM documents") == 1);
}
