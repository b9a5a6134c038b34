// The crash test: vigil writing to SQLite is killed with SIGKILL mid-run; the
// database must open, pass integrity_check, hold only whole documents, and a
// resumed run must complete it with nothing lost or duplicated.
#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "writer_test_support.hpp"

using namespace vigil::test;

TEST_CASE("sqlite: SIGKILL mid-run leaves a consistent database, and resume completes it", "[sqlite][kill]") {
  TempDir dir;
  constexpr long long kDocs = 300000, kEntities = 3;
  const auto db = dir / "out/vigil.db";
  const std::string pipeline =
      "[pipeline]\nthreads = 2\n[source]\nuse = \"test.counter\"\ncount = " + std::to_string(kDocs) +
      "\nbytes = 64\n[[stage]]\nuse = \"test.entities\"\ncount = " + std::to_string(kEntities) +
      "\n[[sink]]\nuse = \"vigil.sqlite\"\npath = \"out/vigil.db\"\nbatch_size = 500\n"
      "resume = true\n";
  write_file(dir / "pipeline.toml", pipeline);
  const std::vector<std::string> args{"--plugin-path", kTestPlugins, "--log-level",
                                      "warn",          "run",        dir.str("pipeline.toml")};

  long long before_kill = 0;
  {
    BackgroundVigil vigil(args, dir.path());
    // Wait until some batches are committed, then kill without warning.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (std::chrono::steady_clock::now() < deadline && vigil.running()) {
      try {
        before_kill = query_int(db, "SELECT count(*) FROM documents");
      } catch (const std::exception&) {  // not created yet
      }
      if (before_kill >= 20000) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    INFO(read_file(dir / "vigil.err"));
    REQUIRE(vigil.running());  // the kill must land mid-run
    vigil.kill_hard();
    CHECK(vigil.wait() == 128 + 9);
  }

  // The database opens and is intact.
  CHECK(query_one(db, "PRAGMA integrity_check") == "ok");
  const long long docs = query_int(db, "SELECT count(*) FROM documents");
  INFO("documents after the kill: " << docs);
  CHECK(docs >= before_kill);
  CHECK(docs < kDocs);
  // No partial document: every document has all its rows, and no row is orphaned.
  CHECK(query_int(db, "SELECT count(*) FROM entities") == docs * kEntities);
  CHECK(query_int(db, "SELECT count(*) FROM topics") == docs);
  CHECK(query_int(db, "SELECT count(*) FROM evidence") == docs);
  CHECK(
      query_int(db, "SELECT count(*) FROM documents d WHERE (SELECT count(*) FROM entities e WHERE e.doc = d.doc) != " +
                        std::to_string(kEntities)) == 0);
  CHECK(query_int(db, "SELECT count(*) FROM entities WHERE doc NOT IN (SELECT doc FROM documents)") == 0);
  CHECK(query_one(db, "SELECT status FROM runs WHERE run = 1") == "running");  // it never finished

  // Resume: the same pipeline again completes the rest.
  auto r = run_vigil(args, RunOptions{std::nullopt, dir.path(), std::chrono::seconds(120), {}});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(query_one(db, "PRAGMA integrity_check") == "ok");
  CHECK(query_int(db, "SELECT count(*) FROM documents") == kDocs);
  CHECK(query_int(db, "SELECT count(DISTINCT id) FROM documents") == kDocs);
  CHECK(query_int(db, "SELECT count(*) FROM entities") == kDocs * kEntities);
  CHECK(query_int(db, "SELECT count(*) FROM topics") == kDocs);
  CHECK(query_int(db, "SELECT count(*) FROM documents WHERE id = 'doc-0' OR id = 'doc-" + std::to_string(kDocs - 1) +
                          "'") == 2);
  CHECK(query(db, "SELECT status, documents_skipped, documents_written FROM runs WHERE run = 2") ==
        Rows{{"finished", std::to_string(docs), std::to_string(kDocs - docs)}});
}
