// --set overrides and path resolution: relative paths in the file resolve
// against the file's folder, relative paths on the command line against the
// current folder.
#include <catch2/catch.hpp>

#include "run_vigil.hpp"

using namespace vigil::test;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const char* kEchoPipeline = R"([source]
use = "vigil.jsonl"
path = "input/in.jsonl"

[[stage]]
use = "test.echo"
needed = "yes"
file = "models/m.bin"

[[sink]]
use = "vigil.jsonl"
path = "-"
)";

// Writes conf/pipe.toml and conf/input/in.jsonl, and runs vigil from
// dir/elsewhere so that the file's folder and the current folder differ.
RunResult run_echo(const TempDir& dir, std::vector<std::string> extra) {
  write_file(dir / "conf/pipe.toml", kEchoPipeline);
  write_file(dir / "conf/input/in.jsonl", "{\"id\":\"only\",\"text\":\"hello\"}\n");
  fs::create_directories(dir / "elsewhere");
  std::vector<std::string> args{"--plugin-path", kTestPlugins, "run", dir.str("conf/pipe.toml")};
  args.insert(args.end(), extra.begin(), extra.end());
  RunOptions opt;
  opt.cwd = dir / "elsewhere";
  return run_vigil(args, opt);
}

json echo_of(const RunResult& r) {
  auto docs = parse_json_lines(r.out);
  REQUIRE(docs.size() == 1);
  return docs[0]["attributes"]["test.echo"];
}

}  // namespace

TEST_CASE("without overrides test.echo sees the defaults - and file paths resolve against the config's folder",
          "[cli][set]") {
  TempDir dir;
  auto r = run_echo(dir, {});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  json e = echo_of(r);
  CHECK(e["ratio"] == 0.5);
  CHECK(e["count"] == 3);
  CHECK(e["flag"] == false);
  CHECK(e["mode"] == "fast");
  CHECK(e["languages"] == json::array({"en"}));
  CHECK(e["needed"] == "yes");
  // The source's path ("input/in.jsonl") was found from another cwd, and the
  // stage's path parameter is absolute, under the config's folder.
  CHECK(e["file"] == dir.str("conf/models/m.bin"));
}

TEST_CASE("option --set overrides values of every type", "[cli][set]") {
  TempDir dir;
  auto r = run_echo(dir, {"--set", "stage.echo.ratio=0.25", "--set", "stage.echo.flag=true", "--set",
                          "stage.echo.count=7", "--set", "stage.echo.mode=accurate", "--set",
                          "stage.echo.languages=[\"fr\",\"ar\"]", "--set", "stage.echo.labels.PER=person"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  json e = echo_of(r);
  CHECK(e["ratio"] == 0.25);
  CHECK(e["flag"] == true);
  CHECK(e["count"] == 7);
  CHECK(e["mode"] == "accurate");
  CHECK(e["languages"] == json::array({"fr", "ar"}));
  CHECK(e["labels"] == json{{"PER", "person"}});
}

TEST_CASE("option --set addresses a stage by index as well as by name", "[cli][set]") {
  TempDir dir;
  auto r = run_echo(dir, {"--set", "stage.0.ratio=0.75"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(echo_of(r)["ratio"] == 0.75);
}

TEST_CASE("paths given with --set resolve against the current folder", "[cli][set]") {
  TempDir dir;
  auto r = run_echo(dir, {"--set", "stage.echo.models.en=m.bin", "--set", "stage.echo.file=other/x.bin"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  json e = echo_of(r);
  CHECK(e["models"] == json{{"en", dir.str("elsewhere/m.bin")}});
  CHECK(e["file"] == dir.str("elsewhere/other/x.bin"));
}

TEST_CASE("option --set on the source: a relative path from the command line is relative to the cwd", "[cli][set]") {
  TempDir dir;
  write_file(dir / "elsewhere/mine.jsonl", "{\"id\":\"from-cwd\",\"text\":\"x\"}\n");
  auto r = run_echo(dir, {"--set", "source.path=mine.jsonl"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto docs = parse_json_lines(r.out);
  REQUIRE(docs.size() == 1);
  CHECK(docs[0]["id"] == "from-cwd");
}

TEST_CASE("a bad --set is reported with the option itself", "[cli][set]") {
  TempDir dir;
  struct Case {
    std::string arg, message;
  };
  const Case cases[] = {
      {"stage.echo.ratio=high", "vigil: error: --set stage.echo.ratio=high: [stage.echo] ratio: expected a float in [0,1], got \"high\""},
      {"stage.echo.ratio=2.5", "vigil: error: --set stage.echo.ratio=2.5: [stage.echo] ratio: expected a float in [0,1], got 2.5"},
      {"stage.echo.ratoi=0.1", "vigil: error: --set stage.echo.ratoi=0.1: [stage.echo] unknown key 'ratoi'; did you mean 'ratio'?"},
      {"stage.ner.threshold=0.7", "vigil: error: --set stage.ner.threshold=0.7: no stage named 'ner' in " + dir.str("conf/pipe.toml") + " (stages: echo)"},
      {"ratio", "vigil: error: --set ratio: expected SECTION.KEY=VALUE"},
      {"stage.echo=1", "vigil: error: --set stage.echo=1: expected stage.NAME.KEY=VALUE"},
      {"stages.echo.ratio=1", "vigil: error: --set stages.echo.ratio=1: unknown section 'stages'"},
      {"stage.echo.use=test.fail_on", "vigil: error: --set stage.echo.use=test.fail_on: 'use' cannot be overridden"},
      {"pipeline.threads=-1", "vigil: error: --set pipeline.threads=-1: [pipeline] threads: expected an integer >= 0, got -1"},
  };
  for (const auto& c : cases) {
    auto r = run_echo(dir, {"--set", c.arg});
    INFO(c.arg << "\n" << r.err);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, StartsWith(c.message));
    CHECK(r.out.empty());
  }
}
