// Configuration errors through the command line: exit code 2 and a message
// that starts with file:line:col and says what to change.
#include <catch2/catch.hpp>
#include <regex>

#include "run_vigil.hpp"

using namespace vigil::test;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

// "line:col" (1-based) of the first occurrence of `needle` in `text`.
// With `skip`, the position `skip` bytes into the match.
std::string position_of(const std::string& text, const std::string& needle, std::size_t skip = 0) {
  auto at = text.find(needle);
  REQUIRE(at != std::string::npos);
  at += skip;
  auto line_start = text.rfind('\n', at);
  std::size_t col = line_start == std::string::npos ? at + 1 : at - line_start;
  std::size_t line = 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
  return std::to_string(line) + ":" + std::to_string(col);
}

// A pipeline with one test.echo stage; `echo_keys` go into its table.
std::string echo_pipeline(const std::string& echo_keys) {
  return "[source]\nuse = \"test.counter\"\ncount = 1\n\n[[stage]]\nuse = \"test.echo\"\n" + echo_keys +
         "\n[[sink]]\nuse = \"vigil.jsonl\"\npath = \"out.jsonl\"\n";
}

// Runs `vigil check pipe.toml` from inside `dir`, so messages say "pipe.toml:...".
RunResult check_in(const TempDir& dir, const std::string& toml, const std::string& command = "check") {
  write_file(dir / "pipe.toml", toml);
  RunOptions opt;
  opt.cwd = dir.path();
  return run_vigil({"--plugin-path", kTestPlugins, command, "pipe.toml"}, opt);
}

}  // namespace

TEST_CASE("wrong type: file:line:col of the value - the section - what was expected and what was found",
          "[cli][config]") {
  TempDir dir;
  const std::string toml = R"([source]
use = "test.counter"

[[stage]]
use = "test.echo"
needed = "x"
    ratio = "high"

[[sink]]
use = "vigil.jsonl"
path = "out.jsonl"
)";
  REQUIRE(position_of(toml, "\"high\"") == "7:13");
  for (const char* command : {"check", "run"}) {
    auto r = check_in(dir, toml, command);
    INFO(command << "\n" << r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Contains("vigil: error: pipe.toml:7:13: [stage.echo] ratio: expected a float in [0,1], got \"high\"\n"));
  }
  CHECK_FALSE(std::filesystem::exists(dir / "out.jsonl"));
}

TEST_CASE("unknown key: did-you-mean and the list of valid keys", "[cli][config]") {
  TempDir dir;
  const std::string toml = echo_pipeline("needed = \"x\"\nratoi = 0.3\n");
  auto r = check_in(dir, toml);
  INFO(r.err);
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Contains("pipe.toml:" + position_of(toml, "ratoi") +
                             ": [stage.echo] unknown key 'ratoi'; did you mean 'ratio'? Valid keys: flag, count, "
                             "ratio, mode, file, languages, labels, models, needed"));
}

TEST_CASE("unknown key in the pipeline table suggests the pipeline setting", "[cli][config]") {
  TempDir dir;
  const std::string toml = "[pipeline]\nthread = 2\n\n" + echo_pipeline("needed = \"x\"\n");
  auto r = check_in(dir, toml);
  INFO(r.err);
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Contains("pipe.toml:2:1: [pipeline] unknown key 'thread'; did you mean 'threads'?"));
}

TEST_CASE("out of range values name the range", "[cli][config]") {
  TempDir dir;
  SECTION("integer above the maximum") {
    const std::string toml = echo_pipeline("needed = \"x\"\ncount = 11\n");
    auto r = check_in(dir, toml);
    INFO(r.err);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Contains("pipe.toml:" + position_of(toml, "11") +
                               ": [stage.echo] count: expected an integer in [1,10], got 11"));
  }
  SECTION("float below the minimum") {
    const std::string toml = echo_pipeline("needed = \"x\"\nratio = -0.5\n");
    auto r = check_in(dir, toml);
    INFO(r.err);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Contains("pipe.toml:" + position_of(toml, "-0.5") +
                               ": [stage.echo] ratio: expected a float in [0,1], got -0.5"));
  }
  SECTION("a string outside its choices, with a suggestion") {
    const std::string toml = echo_pipeline("needed = \"x\"\nmode = \"fsat\"\n");
    auto r = check_in(dir, toml);
    INFO(r.err);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Contains("pipe.toml:" + position_of(toml, "\"fsat\"") +
                               ": [stage.echo] mode: expected one of \"fast\", \"accurate\", got \"fsat\"; did you "
                               "mean \"fast\"?"));
  }
  SECTION("a list item outside its choices points at the item") {
    const std::string toml = echo_pipeline("needed = \"x\"\nlanguages = [\"en\", \"xx\"]\n");
    auto r = check_in(dir, toml);
    INFO(r.err);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Contains("pipe.toml:" + position_of(toml, "\"xx\"") + ": [stage.echo] languages: expected a list of"));
  }
  SECTION("pipeline threads below zero") {
    const std::string toml = "[pipeline]\nthreads = -2\n\n" + echo_pipeline("needed = \"x\"\n");
    auto r = check_in(dir, toml);
    INFO(r.err);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Contains("pipe.toml:2:11: [pipeline] threads: expected an integer >= 0, got -2"));
  }
}

TEST_CASE("every problem of a table is reported at once - one per line", "[cli][config]") {
  TempDir dir;
  const std::string toml = echo_pipeline("needed = \"x\"\ncount = 0\nratio = \"high\"\n");
  auto r = check_in(dir, toml);
  INFO(r.err);
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Contains("pipe.toml:" + position_of(toml, "count = 0", 8) + ": [stage.echo] count: expected an integer in [1,10], got 0\n"));
  CHECK_THAT(r.err, Contains("pipe.toml:" + position_of(toml, "\"high\"") + ": [stage.echo] ratio: expected a float in [0,1], got \"high\""));
}

TEST_CASE("missing required key names the key - its type and its documentation", "[cli][config]") {
  TempDir dir;
  const std::string toml = echo_pipeline("");
  auto r = check_in(dir, toml);
  INFO(r.err);
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Contains(": [stage.echo] missing required key 'needed' (a string): A required string"));
  CHECK_THAT(r.err, Contains("vigil: error: pipe.toml:" + position_of(toml, "[[stage]]")));
}

TEST_CASE("unknown component: did-you-mean and the available ones", "[cli][config]") {
  TempDir dir;
  SECTION("annotator") {
    const std::string toml = "[source]\nuse = \"test.counter\"\n\n[[stage]]\nuse = \"test.ecko\"\n\n[[sink]]\nuse = \"vigil.jsonl\"\n";
    auto r = check_in(dir, toml);
    INFO(r.err);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Contains("pipe.toml:" + position_of(toml, "[[stage]]") +
                               ": [stage.ecko] unknown annotator 'test.ecko'; did you mean 'test.echo'? Available "
                               "annotators: "));
    for (const char* name : {"test.count_tokens", "test.echo", "test.fail_on", "test.shuffle", "test.space_tokens"})
      CHECK_THAT(r.err, Contains(name));
  }
  SECTION("source") {
    auto r = check_in(dir, "[source]\nuse = \"vigil.file\"\npath = \".\"\n\n[[sink]]\nuse = \"vigil.jsonl\"\n");
    INFO(r.err);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Contains("pipe.toml:1:1: [source] unknown source 'vigil.file'; did you mean 'vigil.files'? "
                               "Available sources: test.counter, vigil.files, vigil.jsonl"));
  }
  SECTION("sink") {
    auto r = check_in(dir, "[source]\nuse = \"test.counter\"\n\n[[sink]]\nuse = \"vigil.json\"\n");
    INFO(r.err);
    CHECK(r.exit_code == 2);
    // The writer plugins (vigil.csv, vigil.html, vigil.sqlite) are listed too when they are built.
    CHECK_THAT(r.err, Contains("[sink.json] unknown sink 'vigil.json'; did you mean 'vigil.jsonl'? Available sinks: "));
    CHECK(std::regex_search(r.err, std::regex(R"(Available sinks: ([a-z.]+, )*vigil\.jsonl(, [a-z.]+)*\n)")));
  }
}

TEST_CASE("unsatisfiable order: the message says which stage to move or add before which", "[cli][config]") {
  TempDir dir;
  SECTION("the provider comes too late") {
    const std::string toml = R"([source]
use = "test.counter"

[[stage]]
use = "test.count_tokens"

[[stage]]
use = "test.space_tokens"

[[sink]]
use = "vigil.jsonl"
)";
    auto r = check_in(dir, toml);
    INFO(r.err);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Contains("vigil: error: pipe.toml:4:1: [stage.count_tokens] test.count_tokens requires 'tokens', "
                               "which no earlier stage assigns; move stage 'space_tokens' before stage 'count_tokens'"));
  }
  SECTION("no provider in the pipeline") {
    auto r = check_in(dir, "[source]\nuse = \"test.counter\"\n\n[[stage]]\nuse = \"test.count_tokens\"\n\n[[sink]]\nuse = \"vigil.jsonl\"\n");
    INFO(r.err);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Contains("[stage.count_tokens] test.count_tokens requires 'tokens', which no earlier stage "
                               "assigns; add a stage ("));
    CHECK_THAT(r.err, Contains("test.space_tokens"));
    CHECK_THAT(r.err, Contains(") before stage 'count_tokens'"));
  }
  SECTION("the right order passes") {
    auto r = check_in(dir, "[source]\nuse = \"test.counter\"\n\n[[stage]]\nuse = \"test.space_tokens\"\n\n[[stage]]\n"
                           "use = \"test.count_tokens\"\n\n[[sink]]\nuse = \"vigil.jsonl\"\n");
    INFO(r.err);
    CHECK(r.exit_code == 0);
  }
}

TEST_CASE("TOML syntax errors carry line:col", "[cli][config]") {
  TempDir dir;
  SECTION("unterminated string") {
    auto r = check_in(dir, "[source]\nuse = \"test.counter\"\ncount = \"unterminated\n");
    INFO(r.err);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, StartsWith("vigil: error: pipe.toml:3:"));
    CHECK_THAT(r.err, Contains(": TOML syntax error: "));
  }
  SECTION("key without value") {
    auto r = check_in(dir, "[source]\nuse = \"test.counter\"\n\n[[sink]]\nuse =\n");
    INFO(r.err);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, StartsWith("vigil: error: pipe.toml:5:"));
    CHECK_THAT(r.err, Contains("TOML syntax error"));
  }
}

TEST_CASE("missing a source table: the file and the remedy", "[cli][config]") {
  TempDir dir;
  SECTION("missing [source]") {
    auto r = check_in(dir, "[pipeline]\nname = \"x\"\n\n[[sink]]\nuse = \"vigil.jsonl\"\n");
    INFO(r.err);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, StartsWith("vigil: error: pipe.toml: no [source] table; add one"));
    CHECK_THAT(r.err, Contains("--input"));
  }
}

TEST_CASE("a pipeline without a source table runs with --input - as the error message suggests", "[cli][config]") {
  TempDir dir;
  {
    write_file(dir / "in.jsonl", "{\"id\":\"a\",\"text\":\"x\"}\n");
    write_file(dir / "pipe.toml", "[[sink]]\nuse = \"vigil.jsonl\"\n");
    auto r = run_vigil({"check", dir.str("pipe.toml"), "--input", dir.str("in.jsonl")});
    INFO(r.err);
    // The brief's error text advertises --input as the remedy; it must work.
    CHECK(r.exit_code == 0);
  }
}

TEST_CASE("structural errors: unknown section - table without use - no sink", "[cli][config]") {
  TempDir dir;
  SECTION("unknown top-level section") {
    const std::string toml = "[source]\nuse = \"test.counter\"\n\n[sinks]\nuse = \"vigil.jsonl\"\n";
    auto r = check_in(dir, toml);
    INFO(r.err);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Contains("vigil: error: pipe.toml:" + position_of(toml, "sinks") +
                               ": unknown section 'sinks'; expected [pipeline], [source], [[stage]] or [[sink]]"));
  }
  SECTION("a stage without use") {
    auto r = check_in(dir, "[source]\nuse = \"test.counter\"\n\n[[stage]]\nratio = 1\n\n[[sink]]\nuse = \"vigil.jsonl\"\n");
    INFO(r.err);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Contains("pipe.toml:4:1: [stage] has no 'use' key"));
  }
  SECTION("no sink") {
    auto r = check_in(dir, "[source]\nuse = \"test.counter\"\n");
    INFO(r.err);
    CHECK(r.exit_code == 2);
    // No [pipeline] table, so no line to point at: the file alone.
    CHECK_THAT(r.err, StartsWith("vigil: error: pipe.toml: the pipeline has no [[sink]]; add one"));
  }
}
