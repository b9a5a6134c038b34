#include <catch2/catch.hpp>

#include "temp_files.hpp"
#include "vigil/core/errors.hpp"
#include "vigil/core/pipeline_config.hpp"

using namespace vigil::core;
using vigil::test::TempDir;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {
std::string config_error(const std::filesystem::path& file) {
  try {
    load_pipeline_config(file);
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "no error";
}
}  // namespace

TEST_CASE("a pipeline file is read with its stages, sinks and instance names", "[config]") {
  TempDir dir;
  auto file = dir.write("p.toml", R"([pipeline]
name = "x"
[source]
use = "vigil.files"
path = "in"
[[stage]]
use = "vigil.tokenize"
[[stage]]
use = "acme.ner.crf"
name = "ner"
[[sink]]
use = "vigil.jsonl"
[[sink]]
use = "vigil.jsonl"
)");
  PipelineConfig cfg = load_pipeline_config(file);
  CHECK(cfg.dir == dir.path());
  CHECK(cfg.source.use == "vigil.files");
  REQUIRE(cfg.stages.size() == 2);
  CHECK(cfg.stages[0].name == "tokenize");
  CHECK(cfg.stages[0].section == "stage.tokenize");
  CHECK(cfg.stages[1].name == "ner");
  REQUIRE(cfg.sinks.size() == 2);
  CHECK(cfg.sinks[0].name == "jsonl");
  CHECK(cfg.sinks[1].name == "jsonl-2");  // duplicates get a suffix
  CHECK(describe_origin(cfg.stages[1].where) == file.string() + ":8:1");
}

TEST_CASE("TOML syntax errors carry file, line and column", "[config]") {
  TempDir dir;
  auto file = dir.write("bad.toml", "[source]\nuse = \"vigil.files\"\npath = \"unterminated\n");
  std::string msg = config_error(file);
  CHECK_THAT(msg, StartsWith(file.string() + ":3:"));
  CHECK_THAT(msg, Contains("TOML syntax error"));
}

TEST_CASE("structural mistakes in a pipeline file are named", "[config]") {
  TempDir dir;
  SECTION("missing file") {
    CHECK_THAT(config_error(dir / "nope.toml"), Contains("nope.toml: pipeline file not found"));
  }
  SECTION("no source: left for --input to supply") {
    auto f = dir.write("p.toml", "[[sink]]\nuse = \"vigil.jsonl\"\n");
    CHECK(load_pipeline_config(f).source.use.empty());
  }
  SECTION("unknown section") {
    auto f = dir.write("p.toml", "[source]\nuse = \"vigil.files\"\n[sinks]\nuse = \"vigil.jsonl\"\n");
    std::string msg = config_error(f);
    CHECK_THAT(msg, StartsWith(f.string() + ":3:"));
    CHECK_THAT(msg, Contains("unknown section 'sinks'"));
  }
  SECTION("stage without use") {
    auto f = dir.write("p.toml", "[source]\nuse = \"vigil.files\"\n[[stage]]\nthreshold = 1\n");
    std::string msg = config_error(f);
    CHECK_THAT(msg, StartsWith(f.string() + ":3:1"));
    CHECK_THAT(msg, Contains("[stage] has no 'use' key"));
  }
  SECTION("stage written as a single table") {
    auto f = dir.write("p.toml", "[source]\nuse = \"vigil.files\"\n[stage]\nuse = \"x\"\n");
    CHECK_THAT(config_error(f), Contains("write [[stage]]"));
  }
}

TEST_CASE("overrides (--set) reach the right table, typed as TOML when they parse", "[config][override]") {
  TempDir dir;
  auto file = dir.write("p.toml", R"([source]
use = "vigil.files"
path = "in"
[[stage]]
use = "acme.ner"
threshold = 0.5
[[sink]]
use = "vigil.jsonl"
)");
  PipelineConfig cfg = load_pipeline_config(file);
  apply_override(cfg, "stage.ner.threshold=0.7");
  apply_override(cfg, "stage.0.languages=[\"en\", \"fr\"]");
  apply_override(cfg, "stage.ner.models.en=/m/en.bin");
  apply_override(cfg, "source.path=other folder");
  apply_override(cfg, "pipeline.threads=3");
  apply_override(cfg, "sink.jsonl.path=out.jsonl");

  CHECK(cfg.stages[0].table["threshold"].value<double>() == 0.7);
  CHECK(cfg.stages[0].table["languages"].as_array()->size() == 2);
  CHECK(cfg.stages[0].table["models"]["en"].value<std::string>() == "/m/en.bin");
  CHECK(cfg.source.table["path"].value<std::string>() == "other folder");
  CHECK(cfg.pipeline["threads"].value<int64_t>() == 3);
  CHECK(cfg.sinks[0].table["path"].value<std::string>() == "out.jsonl");
  // The value remembers where it came from, for messages and path resolution.
  CHECK(describe_origin(cfg.stages[0].table["threshold"].node()->source()) == "--set stage.ner.threshold=0.7");
}

TEST_CASE("bad overrides (--set) are explained", "[config][override]") {
  TempDir dir;
  auto file = dir.write("p.toml", "[source]\nuse = \"vigil.files\"\n[[stage]]\nuse = \"vigil.tokenize\"\n");
  PipelineConfig cfg = load_pipeline_config(file);
  auto error = [&](const std::string& s) {
    try {
      apply_override(cfg, s);
    } catch (const ConfigError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK_THAT(error("stage.tokenize"), StartsWith("--set stage.tokenize: expected SECTION.KEY=VALUE"));
  CHECK_THAT(error("stage.ner.threshold=1"), Contains("no stage named 'ner'"));
  CHECK_THAT(error("stage.ner.threshold=1"), Contains("stages: tokenize"));
  CHECK_THAT(error("stages.ner.x=1"), Contains("unknown section 'stages'"));
  CHECK_THAT(error("stage.tokenize.use=other"), Contains("'use' cannot be overridden"));
}

TEST_CASE("the input and output options replace the source and the sinks", "[config]") {
  TempDir dir;
  auto file = dir.write("p.toml", R"([source]
use = "vigil.jsonl"
path = "in.jsonl"
text_field = "body"
[[sink]]
use = "vigil.jsonl"
path = "a.jsonl"
[[sink]]
use = "vigil.jsonl"
path = "b.jsonl"
)");
  PipelineConfig cfg = load_pipeline_config(file);
  replace_source(cfg, "-");
  CHECK(cfg.source.use == "vigil.jsonl");
  CHECK(cfg.source.table["path"].value<std::string>() == "-");
  CHECK(cfg.source.table["text_field"].value<std::string>() == "body");  // kept: same component
  replace_source(cfg, dir.path().string());
  CHECK(cfg.source.use == "vigil.files");
  CHECK_FALSE(cfg.source.table.contains("text_field"));
  replace_sinks(cfg, "-");
  REQUIRE(cfg.sinks.size() == 1);
  CHECK(cfg.sinks[0].table["path"].value<std::string>() == "-");
}
