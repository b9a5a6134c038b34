// The runner through the command line: `--input - --output -` as a filter,
// order preservation at any thread count, error isolation, dead letters and
// --fail-fast.
#include <catch2/catch.hpp>

#include "run_vigil.hpp"

using namespace vigil::test;
using Catch::Matchers::Contains;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::string jsonl_docs(int n, int boom_at = -1) {
  std::string out;
  for (int i = 0; i < n; ++i) {
    json rec = {{"id", "d" + std::to_string(i)}, {"text", i == boom_at ? "this one goes BOOM" : "text number " + std::to_string(i)}};
    out += rec.dump() + "\n";
  }
  return out;
}

const char* kFailOnPipeline = R"([source]
use = "vigil.jsonl"
path = "-"

[[stage]]
use = "test.fail_on"

[[sink]]
use = "vigil.jsonl"
path = "-"
)";

}  // namespace

TEST_CASE("option --input - --output - is a filter: one JSON line per input line on stdout - logs on stderr",
          "[cli][streaming]") {
  TempDir dir;
  // The file's own source and sink point elsewhere: the options replace them.
  write_file(dir / "pipe.toml", R"([source]
use = "vigil.files"
path = "no-such-folder"

[[stage]]
use = "test.space_tokens"

[[sink]]
use = "vigil.jsonl"
path = "out/never.jsonl"
)");
  RunOptions opt;
  opt.stdin_text = jsonl_docs(50);
  auto r = run_vigil({"--plugin-path", kTestPlugins, "--log-level", "debug", "run", dir.str("pipe.toml"), "--input", "-",
                      "--output", "-"},
                     opt);
  INFO(r.err);
  CHECK(r.exit_code == 0);
  auto lines = split_lines(r.out);
  REQUIRE(lines.size() == 50);
  CHECK(r.out.back() == '\n');
  auto docs = parse_json_lines(r.out);
  for (int i = 0; i < 50; ++i) {
    CHECK(docs[i]["id"] == "d" + std::to_string(i));
    CHECK(docs[i]["text"] == "text number " + std::to_string(i));
    CHECK(docs[i]["stats"]["tokens"] == 3);
  }
  CHECK_THAT(r.err, Contains("vigil: read 50 = written 50 + failed 0 + skipped 0 in "));
  CHECK_THAT(r.err, !Contains("vigil: wrote"));
  CHECK_FALSE(fs::exists(dir / "out"));
}

TEST_CASE("a pipeline whose own source and sink are stdin and stdout streams too", "[cli][streaming]") {
  TempDir dir;
  write_file(dir / "pipe.toml", kFailOnPipeline);
  RunOptions opt;
  opt.stdin_text = jsonl_docs(3);
  auto r = run_vigil({"--plugin-path", kTestPlugins, "run", dir.str("pipe.toml")}, opt);
  INFO(r.err);
  CHECK(r.exit_code == 0);
  auto docs = parse_json_lines(r.out);
  REQUIRE(docs.size() == 3);
  CHECK(docs[2]["id"] == "d2");
}

TEST_CASE("empty stdin: nothing on stdout - a summary of zero", "[cli][streaming]") {
  TempDir dir;
  write_file(dir / "pipe.toml", kFailOnPipeline);
  RunOptions opt;
  opt.stdin_text = "";
  auto r = run_vigil({"--plugin-path", kTestPlugins, "run", dir.str("pipe.toml"), "--input", "-", "--output", "-"}, opt);
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Contains("read 0 = written 0 + failed 0 + skipped 0"));
}

TEST_CASE("output order is input order at 1 - 2 and 8 threads", "[cli][streaming][order]") {
  const int threads = GENERATE(1, 2, 8);
  TempDir dir;
  write_file(dir / "pipe.toml", R"([source]
use = "test.counter"
count = 200

[[stage]]
use = "test.shuffle"
max_sleep_us = 3000

[[sink]]
use = "vigil.jsonl"
path = "-"
)");
  auto r = run_vigil({"--plugin-path", kTestPlugins, "run", dir.str("pipe.toml"), "--threads", std::to_string(threads)});
  INFO("threads " << threads << "\n" << r.err);
  CHECK(r.exit_code == 0);
  auto docs = parse_json_lines(r.out);
  REQUIRE(docs.size() == 200);
  bool in_order = true;
  for (int i = 0; i < 200; ++i) in_order = in_order && docs[i]["id"] == "doc-" + std::to_string(i);
  CHECK(in_order);
  CHECK(docs[7]["attributes"]["test.shuffle"]["bytes"] == std::string("document 7").size());
  CHECK_THAT(r.err, Contains("read 200 = written 200 + failed 0 + skipped 0"));
  CHECK_THAT(r.err, Contains("(" + std::to_string(threads) + (threads == 1 ? " thread," : " threads,")));
}

TEST_CASE("one failing document is isolated: the others are written in order - it goes to dead letters",
          "[cli][streaming][errors]") {
  TempDir dir;
  write_file(dir / "pipe.toml", kFailOnPipeline);
  RunOptions opt;
  opt.stdin_text = jsonl_docs(20, 7);
  auto r = run_vigil({"--plugin-path", kTestPlugins, "run", dir.str("pipe.toml"), "--threads", "2", "--dead-letters",
                      dir.str("dl/dead.jsonl")},
                     opt);
  INFO(r.err);
  CHECK(r.exit_code == 1);

  auto docs = parse_json_lines(r.out);
  REQUIRE(docs.size() == 19);
  std::vector<std::string> ids;
  for (const auto& d : docs) ids.push_back(d["id"]);
  std::vector<std::string> expected;
  for (int i = 0; i < 20; ++i)
    if (i != 7) expected.push_back("d" + std::to_string(i));
  CHECK(ids == expected);

  auto dead = parse_json_lines(read_file(dir / "dl/dead.jsonl"));
  REQUIRE(dead.size() == 1);
  CHECK(dead[0]["id"] == "d7");
  CHECK(dead[0]["text"] == "this one goes BOOM");
  CHECK(dead[0]["error"]["stage"] == "fail_on");
  CHECK_THAT(dead[0]["error"]["message"].get<std::string>(), Contains("marker 'BOOM' found at byte 14"));
  // The document's own diagnostics name the stage too.
  bool diagnosed = false;
  for (const auto& d : dead[0]["diagnostics"])
    diagnosed = diagnosed || (d["stage"] == "fail_on" && d["level"] == "error" &&
                              d["message"].get<std::string>().find("marker 'BOOM' found") != std::string::npos);
  CHECK(diagnosed);

  CHECK_THAT(r.err, Contains("document d7 failed: [fail_on] test.fail_on failed: marker 'BOOM' found at byte 14"));
  CHECK_THAT(r.err, Contains("vigil: read 20 = written 19 + failed 1 + skipped 0 in "));
  CHECK_THAT(r.err, Contains("vigil: 1 failed document in " + dir.str("dl/dead.jsonl")));
  auto s = parse_summary(r.err);
  CHECK(s.reconciles());
}

TEST_CASE("dead letters default to vigil-dead-letters.jsonl in the current folder - created only on failure",
          "[cli][streaming][errors]") {
  TempDir dir;
  write_file(dir / "pipe.toml", kFailOnPipeline);
  fs::create_directory(dir / "cwd");
  RunOptions opt;
  opt.cwd = dir / "cwd";
  opt.stdin_text = jsonl_docs(3);
  auto ok = run_vigil({"--plugin-path", kTestPlugins, "run", dir.str("pipe.toml")}, opt);
  CHECK(ok.exit_code == 0);
  CHECK_FALSE(fs::exists(dir / "cwd" / "vigil-dead-letters.jsonl"));

  opt.stdin_text = jsonl_docs(3, 1);
  auto bad = run_vigil({"--plugin-path", kTestPlugins, "run", dir.str("pipe.toml")}, opt);
  INFO(bad.err);
  CHECK(bad.exit_code == 1);
  REQUIRE(fs::exists(dir / "cwd" / "vigil-dead-letters.jsonl"));
  CHECK(parse_json_lines(read_file(dir / "cwd" / "vigil-dead-letters.jsonl")).size() == 1);
}

TEST_CASE("option --fail-fast stops at the first failure and the counts still reconcile", "[cli][streaming][errors]") {
  TempDir dir;
  write_file(dir / "pipe.toml", kFailOnPipeline);
  RunOptions opt;
  opt.stdin_text = jsonl_docs(400, 5);
  auto r = run_vigil({"--plugin-path", kTestPlugins, "run", dir.str("pipe.toml"), "--threads", "2", "--fail-fast",
                      "--dead-letters", dir.str("dead.jsonl")},
                     opt);
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Contains("vigil: stopped at the first failure (--fail-fast)"));
  auto docs = parse_json_lines(r.out);
  // The documents before the failing one are written, in order; none after.
  REQUIRE(docs.size() == 5);
  for (int i = 0; i < 5; ++i) CHECK(docs[i]["id"] == "d" + std::to_string(i));
  auto s = parse_summary(r.err);
  REQUIRE(s.found);
  CHECK(s.written == 5);
  CHECK(s.failed == 1);
  CHECK(s.read < 400);
  CHECK(s.reconciles());
  CHECK(parse_json_lines(read_file(dir / "dead.jsonl")).size() == 1);
}

TEST_CASE("fail_fast in the pipeline table acts like --fail-fast", "[cli][streaming][errors]") {
  TempDir dir;
  write_file(dir / "pipe.toml", std::string("[pipeline]\nfail_fast = true\ndead_letters = \"dead.jsonl\"\n\n") + kFailOnPipeline);
  RunOptions opt;
  opt.stdin_text = jsonl_docs(100, 0);
  auto r = run_vigil({"--plugin-path", kTestPlugins, "run", dir.str("pipe.toml"), "--threads", "1"}, opt);
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Contains("stopped at the first failure"));
  CHECK(r.out.empty());
  // dead_letters in the file resolves against the file's folder.
  CHECK(fs::exists(dir / "dead.jsonl"));
  CHECK(parse_summary(r.err).reconciles());
}
