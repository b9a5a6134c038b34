// The output contract of the jsonl sink: every field present even when empty,
// offsets in code points by default, bytes or UTF-16 on request; and a huge
// document through the whole chain.
#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>

#include "run_vigil.hpp"

using namespace vigil::test;
using Catch::Matchers::Contains;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::vector<std::pair<int, int>> spans(const json& list) {
  std::vector<std::pair<int, int>> out;
  for (const auto& s : list) out.emplace_back(s["start"].get<int>(), s["end"].get<int>());
  return out;
}

}  // namespace

TEST_CASE("every documented field is present - and empty when the pipeline did not produce it", "[cli][output]") {
  TempDir dir;
  write_file(dir / "pipe.toml", "[source]\nuse = \"vigil.jsonl\"\npath = \"-\"\n\n[[sink]]\nuse = \"vigil.jsonl\"\npath = \"-\"\n");
  RunOptions opt;
  opt.stdin_text = "{\"id\":\"bare\",\"text\":\"Nothing runs on me.\"}\n";
  auto r = run_vigil({"run", dir.str("pipe.toml")}, opt);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  auto docs = parse_json_lines(r.out);
  REQUIRE(docs.size() == 1);
  const json& d = docs[0];
  CHECK(d["id"] == "bare");
  CHECK(d["text"] == "Nothing runs on me.");
  REQUIRE(d.contains("meta"));
  CHECK(d["meta"] == json::object());
  REQUIRE(d.contains("language"));
  CHECK(d["language"]["code"] == "");
  CHECK(d["language"].contains("confidence"));
  CHECK(d["language"]["reliable"] == false);
  REQUIRE(d.contains("entities"));
  CHECK(d["entities"] == json::array());
  REQUIRE(d.contains("topics"));
  CHECK(d["topics"] == json::array());
  REQUIRE(d.contains("attributes"));
  CHECK(d["attributes"] == json::object());
  REQUIRE(d.contains("diagnostics"));
  CHECK(d["diagnostics"] == json::array());
  REQUIRE(d.contains("stats"));
  CHECK(d["stats"]["tokens"] == 0);
  CHECK(d["stats"]["sentences"] == 0);
  CHECK(d["stats"]["chars"] == 19);
  // Token spans only when asked for.
  CHECK_FALSE(d.contains("tokens"));
}

TEST_CASE("token offsets in code points (default) - bytes and UTF-16", "[cli][output]") {
  TempDir dir;
  write_file(dir / "pipe.toml", R"([source]
use = "vigil.jsonl"
path = "in.jsonl"

[[stage]]
use = "test.space_tokens"

[[sink]]
use = "vigil.jsonl"
path = "-"
tokens = true
)");
  // "café" (é: 2 bytes, 1 code point, 1 UTF-16 unit), "😀" (4 bytes, 1 code
  // point, 2 UTF-16 units), "ok".
  const std::string text = "caf\xC3\xA9 \xF0\x9F\x98\x80 ok";
  write_file(dir / "in.jsonl", json{{"id", "t"}, {"text", text}}.dump() + "\n");

  struct Case {
    const char* unit;
    std::vector<std::pair<int, int>> tokens;
    int chars_end;
  };
  const Case cases[] = {
      {"codepoint", {{0, 4}, {5, 6}, {7, 9}}, 9},
      {"byte", {{0, 5}, {6, 10}, {11, 13}}, 13},
      {"utf16", {{0, 4}, {5, 7}, {8, 10}}, 10},
  };
  for (const auto& c : cases) {
    std::vector<std::string> args{"--plugin-path", kTestPlugins, "run", dir.str("pipe.toml")};
    if (std::string(c.unit) != "codepoint") args.insert(args.end(), {"--set", std::string("sink.jsonl.offsets=") + c.unit});
    auto r = run_vigil(args);
    INFO(c.unit << "\n" << r.err);
    REQUIRE(r.exit_code == 0);
    auto docs = parse_json_lines(r.out);
    REQUIRE(docs.size() == 1);
    CHECK(docs[0]["text"] == text);
    CHECK(spans(docs[0]["tokens"]) == c.tokens);
    CHECK(spans(docs[0]["sentences"]) == std::vector<std::pair<int, int>>{{0, c.chars_end}});
    CHECK(docs[0]["stats"]["tokens"] == 3);
    CHECK(docs[0]["stats"]["bytes"] == 13);
    CHECK(docs[0]["stats"]["chars"] == 9);
  }
}

TEST_CASE("text = false leaves the text out but keeps the field", "[cli][output]") {
  TempDir dir;
  write_file(dir / "pipe.toml", "[source]\nuse = \"vigil.jsonl\"\npath = \"-\"\n\n[[sink]]\nuse = \"vigil.jsonl\"\npath = \"-\"\ntext = false\n");
  RunOptions opt;
  opt.stdin_text = "{\"id\":\"a\",\"text\":\"secret\"}\n";
  auto r = run_vigil({"run", dir.str("pipe.toml")}, opt);
  REQUIRE(r.exit_code == 0);
  auto docs = parse_json_lines(r.out);
  REQUIRE(docs.size() == 1);
  CHECK(docs[0]["text"] == "");
  CHECK(docs[0]["stats"]["bytes"] == 6);
}

TEST_CASE("two sinks receive the same documents", "[cli][output]") {
  TempDir dir;
  write_file(dir / "pipe.toml", R"([source]
use = "test.counter"
count = 3

[[sink]]
use = "vigil.jsonl"
path = "a/out.jsonl"

[[sink]]
use = "vigil.jsonl"
path = "b/out.jsonl"
offsets = "byte"
)");
  auto r = run_vigil({"--plugin-path", kTestPlugins, "run", dir.str("pipe.toml")});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(read_file(dir / "a/out.jsonl") == read_file(dir / "b/out.jsonl"));
  CHECK(parse_json_lines(read_file(dir / "a/out.jsonl")).size() == 3);
  CHECK_THAT(r.err, Contains("vigil: wrote " + dir.str("a/out.jsonl")));
  CHECK_THAT(r.err, Contains("vigil: wrote " + dir.str("b/out.jsonl")));
}

TEST_CASE("a 100 MB document goes through vigil.files -> tokens -> jsonl", "[cli][output][huge]") {
  TempDir dir;
  constexpr std::size_t kSize = 100u * 1024u * 1024u;
  const std::string word = "abcdefghijklmnopqrstuvwxy ";  // 26 bytes
  {
    std::string chunk;
    for (int i = 0; i < 40000; ++i) chunk += word;  // 1,040,000 bytes
    std::size_t left = kSize;
    fs::create_directories(dir / "corpus");
    std::ofstream g(dir / "corpus/huge.txt", std::ios::binary);
    while (left) {
      std::size_t n = std::min(left, chunk.size());
      g.write(chunk.data(), static_cast<std::streamsize>(n));
      left -= n;
    }
  }
  REQUIRE(fs::file_size(dir / "corpus/huge.txt") == kSize);
  write_file(dir / "pipe.toml", R"([source]
use = "vigil.files"
path = "corpus"

[[stage]]
use = "test.space_tokens"

[[sink]]
use = "vigil.jsonl"
path = "out.jsonl"
text = false
)");
  RunOptions opt;
  opt.timeout = std::chrono::seconds(90);
  const auto start = std::chrono::steady_clock::now();
  auto r = run_vigil({"--plugin-path", kTestPlugins, "run", dir.str("pipe.toml")}, opt);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  INFO(r.err << "\n" << secs << " s");
  CHECK_FALSE(r.timed_out);
  REQUIRE(r.exit_code == 0);
  auto docs = parse_json_lines(read_file(dir / "out.jsonl"));
  REQUIRE(docs.size() == 1);
  CHECK(docs[0]["id"] == "huge.txt");
  CHECK(docs[0]["stats"]["bytes"] == kSize);
  CHECK(docs[0]["stats"]["chars"] == kSize);
  // Every full word is a token; the file ends mid-word, which is one more.
  const std::size_t full = kSize / word.size();
  CHECK(docs[0]["stats"]["tokens"] == full + (kSize % word.size() ? 1 : 0));
  CHECK(docs[0]["stats"]["sentences"] == 1);
  CHECK(docs[0]["diagnostics"].empty());
  CHECK_THAT(r.err, Contains("read 1 = written 1 + failed 0 + skipped 0"));
}
