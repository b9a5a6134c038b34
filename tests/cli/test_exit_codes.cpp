// Exit codes of `vigil run`: 0 ok, 1 some documents failed, 2 usage or
// configuration error, 3 plugin load error (README, "Exit codes").
#include <catch2/catch.hpp>

#include "run_vigil.hpp"

using namespace vigil::test;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

const char* kCounterPipeline = R"([source]
use = "test.counter"
count = 5

[[sink]]
use = "vigil.jsonl"
path = "out.jsonl"
)";

}  // namespace

TEST_CASE("exit 0 when every document is processed: the summary names the output", "[cli][exit]") {
  TempDir dir;
  write_file(dir / "pipe.toml", kCounterPipeline);
  auto r = run_vigil({"--plugin-path", kTestPlugins, "run", dir.str("pipe.toml")});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Contains("vigil: read 5 = written 5 + failed 0 + skipped 0 in "));
  CHECK_THAT(r.err, Contains("vigil: wrote " + dir.str("out.jsonl")));
  auto docs = parse_json_lines(read_file(dir / "out.jsonl"));
  REQUIRE(docs.size() == 5);
  CHECK(docs[0]["id"] == "doc-0");
  CHECK(docs[4]["id"] == "doc-4");
}

TEST_CASE("exit 1 when some documents failed", "[cli][exit]") {
  TempDir dir;
  write_file(dir / "pipe.toml", R"([source]
use = "vigil.jsonl"
path = "in.jsonl"

[[stage]]
use = "test.fail_on"

[[sink]]
use = "vigil.jsonl"
path = "out.jsonl"
)");
  write_file(dir / "in.jsonl", "{\"id\":\"a\",\"text\":\"fine\"}\n{\"id\":\"b\",\"text\":\"a BOOM here\"}\n");
  auto r = run_vigil({"--plugin-path", kTestPlugins, "run", dir.str("pipe.toml"), "--dead-letters", dir.str("dead.jsonl")});
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Contains("read 2 = written 1 + failed 1 + skipped 0"));
  CHECK_THAT(r.err, Contains("vigil: 1 failed document in " + dir.str("dead.jsonl")));
  CHECK(parse_json_lines(read_file(dir / "out.jsonl")).size() == 1);
}

TEST_CASE("exit 2 for usage errors on the command line", "[cli][exit]") {
  TempDir dir;
  SECTION("no pipeline given") {
    auto r = run_vigil({"run"});
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Contains("PIPELINE is required"));
  }
  SECTION("no subcommand") {
    auto r = run_vigil({});
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Contains("subcommand"));
  }
  SECTION("unknown subcommand") {
    auto r = run_vigil({"frobnicate"});
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Contains("Run with --help for more information."));
  }
  SECTION("pipeline file that does not exist") {
    auto r = run_vigil({"run", dir.str("nope.toml")});
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Contains("vigil: error: " + dir.str("nope.toml") + ": pipeline file not found"));
  }
  SECTION("negative thread count") {
    write_file(dir / "pipe.toml", kCounterPipeline);
    auto r = run_vigil({"--plugin-path", kTestPlugins, "run", dir.str("pipe.toml"), "--threads", "-1"});
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Contains("--threads"));
    CHECK_FALSE(std::filesystem::exists(dir / "out.jsonl"));
  }
  SECTION("--help is not an error") {
    auto r = run_vigil({"run", "--help"});
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Contains("--fail-fast"));
  }
}

TEST_CASE("an output file that exists is refused unless --output replaces it", "[cli][exit]") {
  TempDir dir;
  write_file(dir / "pipe.toml", kCounterPipeline);
  write_file(dir / "out.jsonl", "precious\n");
  auto r = run_vigil({"--plugin-path", kTestPlugins, "run", dir.str("pipe.toml")});
  INFO(r.err);
  CHECK(r.exit_code != 0);
  CHECK_THAT(r.err, Contains(dir.str("out.jsonl")));
  CHECK(read_file(dir / "out.jsonl") == "precious\n");

  auto r2 = run_vigil({"--plugin-path", kTestPlugins, "run", dir.str("pipe.toml"), "--output", dir.str("out.jsonl")});
  INFO(r2.err);
  CHECK(r2.exit_code == 0);
  CHECK(parse_json_lines(read_file(dir / "out.jsonl")).size() == 5);
}
