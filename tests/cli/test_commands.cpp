// `vigil check`, `vigil run --print-config`, `vigil plugins [NAME]`, `vigil version`.
#include <catch2/catch.hpp>
#include <sstream>
#include <toml++/toml.h>

#include "run_vigil.hpp"
#include "vigil/sdk/version.hpp"

using namespace vigil::test;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
namespace fs = std::filesystem;

namespace {

const char* kPipeline = R"([pipeline]
name = "cli-test"

[source]
use = "vigil.jsonl"
path = "in.jsonl"

[[stage]]
use = "test.space_tokens"

[[stage]]
use = "test.echo"
needed = "n"
ratio = 0.125

[[sink]]
use = "vigil.jsonl"
path = "out/docs.jsonl"
)";

}  // namespace

TEST_CASE("vigil check validates - prints OK and processes nothing", "[cli][check]") {
  TempDir dir;
  write_file(dir / "pipe.toml", kPipeline);
  write_file(dir / "in.jsonl", "{\"id\":\"a\",\"text\":\"hello\"}\n");
  auto r = run_vigil({"--plugin-path", kTestPlugins, "check", dir.str("pipe.toml")});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Contains(dir.str("pipe.toml") + ": OK: source vigil.jsonl, 2 stages, 1 sink"));
  CHECK_THAT(r.err, !Contains("read "));
  CHECK_FALSE(fs::exists(dir / "out"));
  CHECK_FALSE(fs::exists(dir / "out/docs.jsonl"));
}

TEST_CASE("vigil check accepts --set - --input and --output like run", "[cli][check]") {
  TempDir dir;
  write_file(dir / "pipe.toml", kPipeline);
  auto r = run_vigil({"--plugin-path", kTestPlugins, "check", dir.str("pipe.toml"), "--input", "-", "--output", "-",
                      "--set", "stage.echo.ratio=2"});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Contains("--set stage.echo.ratio=2: [stage.echo] ratio: expected a float in [0,1], got 2"));
}

TEST_CASE("vigil run --print-config prints parseable TOML with the defaults filled in and runs nothing",
          "[cli][check]") {
  TempDir dir;
  write_file(dir / "pipe.toml", kPipeline);
  write_file(dir / "in.jsonl", "{\"id\":\"a\",\"text\":\"hello\"}\n");
  auto r = run_vigil({"--plugin-path", kTestPlugins, "run", dir.str("pipe.toml"), "--print-config", "--set",
                      "stage.echo.count=9"});
  INFO(r.err << "\n" << r.out);
  REQUIRE(r.exit_code == 0);
  CHECK_FALSE(fs::exists(dir / "out"));
  CHECK_THAT(r.out, Contains("offsets = 'codepoint'"));

  toml::table t;
  try {
    t = toml::parse(r.out);
  } catch (const toml::parse_error& e) {
    FAIL("--print-config output is not TOML: " << e.description());
  }
  CHECK(t["pipeline"]["name"].value<std::string>() == "cli-test");
  CHECK(t["pipeline"]["threads"].value<int64_t>() == 0);
  CHECK(t["pipeline"]["in_flight_per_thread"].value<int64_t>() == 4);
  CHECK(t["source"]["use"].value<std::string>() == "vigil.jsonl");
  CHECK(t["source"]["path"].value<std::string>() == dir.str("in.jsonl"));
  CHECK(t["source"]["id_field"].value<std::string>() == "id");
  CHECK(t["stage"][1]["use"].value<std::string>() == "test.echo");
  CHECK(t["stage"][1]["ratio"].value<double>() == 0.125);
  CHECK(t["stage"][1]["count"].value<int64_t>() == 9);
  CHECK(t["stage"][1]["mode"].value<std::string>() == "fast");
  CHECK(t["stage"][1]["file"].value<std::string>() == dir.str("data/model.bin"));
  CHECK(t["sink"][0]["offsets"].value<std::string>() == "codepoint");
  CHECK(t["sink"][0]["if_exists"].value<std::string>() == "fail");
  CHECK(t["sink"][0]["path"].value<std::string>() == dir.str("out/docs.jsonl"));

  // What it prints is itself a pipeline that checks.
  write_file(dir / "filled.toml", r.out);
  auto again = run_vigil({"--plugin-path", kTestPlugins, "check", dir.str("filled.toml")});
  INFO(again.err);
  CHECK(again.exit_code == 0);
}

TEST_CASE("vigil plugins lists the built-in components - and the test ones with --plugin-path", "[cli][plugins-cmd]") {
  auto plain = run_vigil({"plugins"});
  INFO(plain.err);
  CHECK(plain.exit_code == 0);
  CHECK_THAT(plain.out, Contains("sources:\n"));
  CHECK_THAT(plain.out, Contains("annotators:\n"));
  CHECK_THAT(plain.out, Contains("sinks:\n"));
  CHECK_THAT(plain.out, Contains("  vigil.files "));
  CHECK_THAT(plain.out, Contains("  vigil.jsonl "));
  CHECK_THAT(plain.out, Contains("[built-in]"));
  CHECK_THAT(plain.out, !Contains("test.echo"));
  CHECK_THAT(plain.out, Contains("plugin folders searched:\n"));

  auto with = run_vigil({"--plugin-path", kTestPlugins, "plugins"});
  CHECK(with.exit_code == 0);
  for (const char* name : {"test.echo", "test.fail_on", "test.shuffle", "test.space_tokens", "test.count_tokens", "test.counter"})
    CHECK_THAT(with.out, Contains(std::string("  ") + name + " "));
  CHECK_THAT(with.out, Contains("[vigil-test]"));
  CHECK_THAT(with.out, Contains("  " + kTestPlugins + "\n"));
}

TEST_CASE("VIGIL_PLUGIN_PATH adds plugin folders", "[cli][plugins-cmd]") {
  RunOptions opt;
  opt.env = {"VIGIL_PLUGIN_PATH=/nonexistent/folder:" + kTestPlugins};
  auto r = run_vigil({"plugins"}, opt);
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Contains("test.echo"));
  CHECK_THAT(r.out, Contains("  /nonexistent/folder\n"));
}

TEST_CASE("option --plugin-path is accepted after the subcommand too", "[cli][plugins-cmd]") {
  // Users write `vigil plugins --plugin-path DIR` and `vigil run P --plugin-path DIR`.
  auto r = run_vigil({"plugins", "--plugin-path", kTestPlugins});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Contains("test.echo"));
}

TEST_CASE("vigil plugins NAME describes every parameter: type - default - range and doc", "[cli][plugins-cmd]") {
  auto r = run_vigil({"--plugin-path", kTestPlugins, "plugins", "test.echo"});
  INFO(r.err << r.out);
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, StartsWith("test.echo (annotator)\n  Echoes its parameters into attributes\n"));
  CHECK_THAT(r.out, Contains("from: vigil-test 1.0.0 ("));
  CHECK_THAT(r.out, Contains("license Apache-2.0"));
  CHECK_THAT(r.out, Contains("thread-safe: yes"));
  CHECK_THAT(r.out, Contains("parameters:\n"));
  struct Param {
    const char *key, *expected, *def, *doc;
  };
  const Param params[] = {
      {"flag", "a boolean (true or false)", "default false", "A boolean"},
      {"count", "an integer in [1,10]", "default 3", "An integer in [1,10]"},
      {"ratio", "a float in [0,1]", "default 0.5", "A float in [0,1]"},
      {"mode", "one of \"fast\", \"accurate\"", "default \"fast\"", "A choice"},
      {"file", "a path (string)", "default \"data/model.bin\"", "A path"},
      {"languages", "a list of \"en\", \"fr\", \"es\", \"de\", \"ar\"", "default [\"en\"]", "Languages"},
      {"labels", "a table of strings", "default {}", "Label renames"},
      {"models", "a table of paths", "default {}", "Model per language"},
      {"needed", "a string", "required", "A required string"},
  };
  for (const auto& p : params) {
    INFO(p.key);
    std::ostringstream line;
    line << "  " << p.key << std::string(20 - std::string(p.key).size() + 1, ' ') << p.expected << "; " << p.def << "\n";
    CHECK_THAT(r.out, Contains(line.str()));
    CHECK_THAT(r.out, Contains(std::string(p.doc) + "\n"));
  }

  auto counter = run_vigil({"--plugin-path", kTestPlugins, "plugins", "test.counter"});
  CHECK(counter.exit_code == 0);
  CHECK_THAT(counter.out, Contains("test.counter (source)"));
  CHECK_THAT(counter.out, Contains("an integer >= 0; default 10"));

  auto tokens = run_vigil({"--plugin-path", kTestPlugins, "plugins", "test.count_tokens"});
  CHECK_THAT(tokens.out, Contains("requires: tokens\n"));
  CHECK_THAT(tokens.out, Contains("(none)"));
}

TEST_CASE("vigil plugins NAME describes a built-in - and both kinds when a name is a source and a sink",
          "[cli][plugins-cmd]") {
  auto r = run_vigil({"plugins", "vigil.jsonl"});
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Contains("vigil.jsonl (source)"));
  CHECK_THAT(r.out, Contains("vigil.jsonl (sink)"));
  CHECK_THAT(r.out, Contains("from: built-in"));
  CHECK_THAT(r.out, Contains("one of \"codepoint\", \"byte\", \"utf16\"; default \"codepoint\""));
}

TEST_CASE("vigil plugins with an unknown name: exit 2 and did-you-mean", "[cli][plugins-cmd]") {
  auto r = run_vigil({"--plugin-path", kTestPlugins, "plugins", "test.ecko"});
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Contains("vigil: error: no component named 'test.ecko'"));
  CHECK_THAT(r.err, Contains("did you mean 'test.echo'?"));
  auto far = run_vigil({"plugins", "zzzzzzzzzz"});
  CHECK(far.exit_code == 2);
  CHECK_THAT(far.err, Contains("no component named 'zzzzzzzzzz' (`vigil plugins` lists them)"));
}

TEST_CASE("vigil version prints the version - the plugin API and the ABI tag", "[cli][version]") {
  auto r = run_vigil({"version"});
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, StartsWith("vigil "));
  CHECK_THAT(r.out, Contains("(plugin API " + std::to_string(vigil::sdk::kApiVersion) + ", ABI " +
                             std::string(vigil::sdk::kAbiTag) + ")\n"));
}
