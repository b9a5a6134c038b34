#include <catch2/catch.hpp>

#include "temp_files.hpp"
#include "vigil/core/errors.hpp"
#include "vigil/core/pipeline_check.hpp"

using namespace vigil::core;
using vigil::test::TempDir;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {
const std::filesystem::path kGood = VIGIL_TEST_PLUGIN_DIR;

CheckedPipeline check(const std::filesystem::path& file, ComponentCatalog& catalog) {
  PipelineConfig cfg = load_pipeline_config(file);
  return check_pipeline(cfg, catalog, {kGood});
}

std::string check_error(const std::filesystem::path& file) {
  ComponentCatalog catalog;
  try {
    check(file, catalog);
  } catch (const std::exception& e) {
    return e.what();
  }
  return "no error";
}

const char* kSource = "[source]\nuse = \"test.counter\"\n";
}  // namespace

TEST_CASE("a valid pipeline checks, with settings and parameters filled in", "[check]") {
  TempDir dir;
  auto file = dir.write("p.toml", std::string("[pipeline]\nthreads = 3\n") + kSource +
                                      "[[stage]]\nuse = \"test.space_tokens\"\n[[stage]]\nuse = \"test.count_tokens\"\n"
                                      "[[sink]]\nuse = \"vigil.jsonl\"\npath = \"out/docs.jsonl\"\n");
  ComponentCatalog catalog;
  CheckedPipeline p = check(file, catalog);
  CHECK(p.settings.threads == 3);
  CHECK(p.settings.fail_fast == false);
  CHECK(p.stages.size() == 2);
  CHECK(p.sinks[0].params.get_path("path") == (dir.path() / "out/docs.jsonl").string());
  CHECK(p.sinks[0].params.get_string("offsets") == "codepoint");
  CHECK(p.source.params.get_int("count") == 10);

  std::string filled = filled_config_toml(p);
  CHECK_THAT(filled, Contains("threads = 3"));
  CHECK_THAT(filled, Contains("offsets = 'codepoint'"));
  CHECK_THAT(filled, Contains("[[stage]]"));
  // What --print-config prints is itself a valid pipeline.
  auto again = dir.write("filled.toml", filled);
  ComponentCatalog catalog2;
  CHECK(check(again, catalog2).stages.size() == 2);
}

TEST_CASE("an unknown component lists the available ones", "[check]") {
  TempDir dir;
  auto file = dir.write("p.toml", std::string(kSource) + "[[stage]]\nuse = \"test.shufle\"\n[[sink]]\nuse = \"vigil.jsonl\"\n");
  std::string msg = check_error(file);
  CHECK_THAT(msg, StartsWith(file.string() + ":3:1: [stage.shufle] unknown annotator 'test.shufle'; did you mean "
                                             "'test.shuffle'?"));
  CHECK_THAT(msg, Contains("Available annotators: test.count_tokens, test.echo, "));
  CHECK_THAT(msg, Contains(", test.fail_on, test.shuffle, "));
}

TEST_CASE("a stage whose requirements come later is rejected with the fix", "[check]") {
  TempDir dir;
  SECTION("the provider is placed after it") {
    auto file = dir.write("p.toml", std::string(kSource) +
                                        "[[stage]]\nuse = \"test.count_tokens\"\n[[stage]]\nuse = \"test.space_tokens\"\n"
                                        "[[sink]]\nuse = \"vigil.jsonl\"\n");
    CHECK(check_error(file) == file.string() +
                                   ":3:1: [stage.count_tokens] test.count_tokens requires 'tokens', which no earlier stage "
                                   "assigns; move stage 'space_tokens' before stage 'count_tokens'");
  }
  SECTION("no provider in the pipeline") {
    auto file = dir.write("p.toml", std::string(kSource) + "[[stage]]\nuse = \"test.count_tokens\"\n[[sink]]\nuse = \"vigil.jsonl\"\n");
    CHECK_THAT(check_error(file), Contains("add a stage (") && Contains("test.space_tokens") &&
                                      Contains(") before stage 'count_tokens'"));
  }
}

TEST_CASE("the [pipeline] table is validated like a component", "[check]") {
  TempDir dir;
  auto file = dir.write("p.toml", std::string("[pipeline]\nthreds = 2\n") + kSource + "[[sink]]\nuse = \"vigil.jsonl\"\n");
  CHECK_THAT(check_error(file), StartsWith(file.string() + ":2:1: [pipeline] unknown key 'threds'; did you mean 'threads'?"));
}

TEST_CASE("a pipeline without a source is refused, pointing at --input", "[check]") {
  TempDir dir;
  auto file = dir.write("p.toml", "[[sink]]\nuse = \"vigil.jsonl\"\n");
  CHECK(check_error(file) == file.string() +
                                 ": no [source] table; add one (e.g. [source] use = \"vigil.files\" path = \"samples\") "
                                 "or pass --input");
}

TEST_CASE("a pipeline without sinks is refused", "[check]") {
  TempDir dir;
  auto file = dir.write("p.toml", kSource);
  CHECK_THAT(check_error(file), Contains("the pipeline has no [[sink]]"));
}

TEST_CASE("a plugin listed in [pipeline] plugins must load", "[check]") {
  TempDir dir;
  auto file = dir.write("p.toml", "[pipeline]\nplugins = [\"" + std::string(VIGIL_TEST_BROKEN_PLUGIN_DIR) +
                                      "/broken_api_version.so\"]\n" + kSource + "[[sink]]\nuse = \"vigil.jsonl\"\n");
  ComponentCatalog catalog;
  PipelineConfig cfg = load_pipeline_config(file);
  CHECK_THROWS_WITH(check_pipeline(cfg, catalog, {kGood}), Contains("wrong API version"));
}
