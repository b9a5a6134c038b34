// The built-in sources through the command line: binary files, BOM, invalid
// UTF-8, empty documents, malformed JSON lines, `lang` and metadata fields.
#include <catch2/catch.hpp>

#include "run_vigil.hpp"

using namespace vigil::test;
using Catch::Matchers::Contains;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const char* kPassThrough = R"([source]
use = "vigil.files"
path = "corpus"

[[sink]]
use = "vigil.jsonl"
path = "-"
)";

std::map<std::string, json> by_id(const std::vector<json>& docs) {
  std::map<std::string, json> out;
  for (const auto& d : docs) out[d["id"]] = d;
  return out;
}

// `vigil run PIPE --input INPUT --output -` must succeed; its documents.
std::vector<json> run_input(const TempDir& dir, const std::string& input, const RunOptions& options = {}) {
  auto r = run_vigil({"run", dir.str("pipe.toml"), "--input", input, "--output", "-"}, options);
  INFO(r.err);
  CHECK(r.exit_code == 0);
  return parse_json_lines(r.out);
}

bool has_diagnostic(const json& doc, const std::string& level, const std::string& stage, const std::string& text) {
  for (const auto& d : doc["diagnostics"])
    if (d["level"] == level && d["stage"] == stage && d["message"].get<std::string>().find(text) != std::string::npos)
      return true;
  return false;
}

}  // namespace

TEST_CASE("vigil.files: binary skipped - BOM stripped - invalid UTF-8 repaired - empty file passed through",
          "[cli][sources]") {
  TempDir dir;
  write_file(dir / "pipe.toml", kPassThrough);
  write_file(dir / "corpus/a_plain.txt", "Plain text.");
  write_file(dir / "corpus/b_binary.bin", std::string("GIF89a\0\0\x01\x02 data", 15));
  write_file(dir / "corpus/c_bom.txt", "\xEF\xBB\xBFWith a BOM.");
  write_file(dir / "corpus/d_invalid.txt", "caf\xE9 and \xFF\xFE end");
  write_file(dir / "corpus/e_empty.txt", "");
  write_file(dir / "corpus/sub/f_nested.txt", "Nested.");
  write_file(dir / "corpus/.hidden.txt", "Hidden.");

  auto r = run_vigil({"run", dir.str("pipe.toml")});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  auto docs = parse_json_lines(r.out);
  REQUIRE(docs.size() == 5);
  // Sorted order; ids are paths relative to the folder; hidden files left out.
  std::vector<std::string> ids;
  for (const auto& d : docs) ids.push_back(d["id"]);
  CHECK(ids ==
        std::vector<std::string>{"a_plain.txt", "c_bom.txt", "d_invalid.txt", "e_empty.txt", "sub/f_nested.txt"});
  auto d = by_id(docs);

  CHECK(d["a_plain.txt"]["text"] == "Plain text.");
  CHECK(d["a_plain.txt"]["diagnostics"].empty());
  CHECK(d["a_plain.txt"]["meta"]["path"] == dir.str("corpus/a_plain.txt"));

  CHECK(d["c_bom.txt"]["text"] == "With a BOM.");
  CHECK(d["c_bom.txt"]["stats"]["bytes"] == 11);

  CHECK(d["d_invalid.txt"]["text"] == "caf\xEF\xBF\xBD and \xEF\xBF\xBD\xEF\xBF\xBD end");
  CHECK(has_diagnostic(d["d_invalid.txt"], "warning", "source",
                       "invalid UTF-8: 3 ill-formed sequences replaced by U+FFFD (first at byte 3)"));

  CHECK(d["e_empty.txt"]["text"] == "");
  CHECK(has_diagnostic(d["e_empty.txt"], "warning", "source", "empty document"));

  CHECK_THAT(r.err, Contains("b_binary.bin: binary file skipped (NUL byte at offset 6)"));
  CHECK_THAT(r.err, Contains("read 6 = written 5 + failed 0 + skipped 1"));
}

TEST_CASE("vigil.files: glob and recursive options", "[cli][sources]") {
  TempDir dir;
  write_file(dir / "pipe.toml", kPassThrough);
  write_file(dir / "corpus/a.txt", "a");
  write_file(dir / "corpus/b.md", "b");
  write_file(dir / "corpus/sub/c.txt", "c");
  auto r = run_vigil({"run", dir.str("pipe.toml"), "--set", "source.glob=*.txt", "--set", "source.recursive=false"});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  auto docs = parse_json_lines(r.out);
  REQUIRE(docs.size() == 1);
  CHECK(docs[0]["id"] == "a.txt");
}

TEST_CASE("vigil.files: a source folder that does not exist stops the run with its path", "[cli][sources]") {
  TempDir dir;
  write_file(dir / "pipe.toml", kPassThrough);
  auto r = run_vigil({"run", dir.str("pipe.toml")});
  CHECK(r.exit_code != 0);
  CHECK(r.exit_code != 1);
  CHECK_THAT(r.err, Contains(dir.str("corpus") + ": no such file or folder"));
}

TEST_CASE("option --input with a folder reads it with vigil.files", "[cli][sources]") {
  TempDir dir;
  write_file(dir / "pipe.toml",
             "[source]\nuse = \"vigil.jsonl\"\npath = \"x.jsonl\"\n\n[[sink]]\nuse = \"vigil.jsonl\"\n");
  write_file(dir / "texts/one.txt", "One.");
  auto docs = run_input(dir, dir.str("texts"));
  REQUIRE(docs.size() == 1);
  CHECK(docs[0]["id"] == "one.txt");
  CHECK(docs[0]["text"] == "One.");
}

TEST_CASE("option --input with a text file reads it as one document, a .jsonl file as JSON lines", "[cli][sources]") {
  TempDir dir;
  write_file(dir / "pipe.toml",
             "[source]\nuse = \"vigil.jsonl\"\npath = \"x.jsonl\"\n\n[[sink]]\nuse = \"vigil.jsonl\"\n");
  write_file(dir / "article.txt", "Police seized cocaine in the port.\nTwo men were arrested.\n");
  write_file(dir / "docs.JSONL", "{\"id\":\"a\",\"text\":\"One.\"}\n{\"id\":\"b\",\"text\":\"Two.\"}\n");
  {
    auto docs = run_input(dir, dir.str("article.txt"));
    REQUIRE(docs.size() == 1);
    CHECK(docs[0]["id"] == "article.txt");
    CHECK(docs[0]["text"] == "Police seized cocaine in the port.\nTwo men were arrested.\n");
  }
  {
    auto docs = run_input(dir, dir.str("docs.JSONL"));
    REQUIRE(docs.size() == 2);
    CHECK(docs[1]["id"] == "b");
  }
  {
    auto r = run_vigil({"run", dir.str("pipe.toml"), "--input", dir.str("missing.txt"), "--output", "-"});
    CHECK(r.exit_code != 0);
    CHECK_THAT(r.err, Contains(dir.str("missing.txt")));
  }
  {
    // Not a regular file (a pipe, as from <(...) or /dev/stdin): JSON lines.
    RunOptions opt;
    opt.stdin_text = "{\"id\":\"p\",\"text\":\"Piped.\"}\n";
    auto docs = run_input(dir, "/dev/stdin", opt);
    REQUIRE(docs.size() == 1);
    CHECK(docs[0]["id"] == "p");
  }
}

TEST_CASE("vigil.jsonl: malformed lines are failed documents with the line number: the run goes on - lang and meta",
          "[cli][sources]") {
  TempDir dir;
  write_file(dir / "pipe.toml", kPassThrough);
  write_file(dir / "in.jsonl",
             "{\"id\":\"first\",\"text\":\"Hello.\"}\n"
             "{\"id\": \"broken\", \"text\": \n"
             "\n"
             "{\"id\":\"fr\",\"text\":\"Bonjour.\",\"lang\":\"fr\",\"source\":\"afp\",\"n\":3,\"tags\":[\"a\"]}\n"
             "[1,2]\n"
             "{\"id\":\"notext\"}\n"
             "{\"id\":42,\"text\":\"numeric id\"}\n"
             "{\"text\":\"no id\"}\n"
             "{\"id\":\"bad-utf8\",\"text\":\"x\xC3\"}\n");
  auto r = run_vigil({"run", dir.str("pipe.toml"), "--input", dir.str("in.jsonl"), "--output", "-", "--dead-letters",
                      dir.str("dead.jsonl")});
  INFO(r.err);
  CHECK(r.exit_code == 1);
  auto docs = parse_json_lines(r.out);
  std::vector<std::string> ids;
  for (const auto& d : docs) ids.push_back(d["id"]);
  CHECK(ids == std::vector<std::string>{"first", "fr", "42", "in.jsonl:8", "bad-utf8"});
  auto d = by_id(docs);

  CHECK(d["first"]["meta"] == json::object());
  CHECK(d["first"]["language"]["code"] == "");
  CHECK(d["fr"]["language"]["code"] == "fr");
  CHECK(d["fr"]["language"]["source"] == "input");
  CHECK(d["fr"]["language"]["reliable"] == true);
  CHECK(d["fr"]["meta"] == json{{"source", "afp"}, {"n", 3}, {"tags", {"a"}}});
  CHECK(d["42"]["text"] == "numeric id");
  CHECK(d["bad-utf8"]["text"] == "x\xEF\xBF\xBD");
  CHECK(has_diagnostic(d["bad-utf8"], "warning", "source", "invalid UTF-8"));

  auto dead = parse_json_lines(read_file(dir / "dead.jsonl"));
  REQUIRE(dead.size() == 3);
  CHECK(dead[0]["id"] == "in.jsonl:2");
  CHECK(dead[0]["error"]["stage"] == "source");
  CHECK_THAT(dead[0]["error"]["message"].get<std::string>(), Contains("in.jsonl:2: invalid JSON"));
  CHECK_THAT(dead[1]["error"]["message"].get<std::string>(), Contains("in.jsonl:5: not a JSON object"));
  CHECK_THAT(dead[2]["error"]["message"].get<std::string>(), Contains("in.jsonl:6: no \"text\" field"));
  CHECK_THAT(r.err, Contains("read 8 = written 5 + failed 3 + skipped 0"));
}

TEST_CASE("vigil.jsonl: configurable field names", "[cli][sources]") {
  TempDir dir;
  write_file(dir / "pipe.toml", R"([source]
use = "vigil.jsonl"
path = "in.jsonl"
id_field = "doc_id"
text_field = "body"
lang_field = ""

[[sink]]
use = "vigil.jsonl"
path = "-"
)");
  write_file(dir / "in.jsonl", "{\"doc_id\":\"x1\",\"body\":\"Texte.\",\"lang\":\"fr\",\"id\":\"kept\"}\n");
  auto r = run_vigil({"run", dir.str("pipe.toml")});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  auto docs = parse_json_lines(r.out);
  REQUIRE(docs.size() == 1);
  CHECK(docs[0]["id"] == "x1");
  CHECK(docs[0]["text"] == "Texte.");
  CHECK(docs[0]["language"]["code"] == "");
  CHECK(docs[0]["meta"] == json{{"lang", "fr"}, {"id", "kept"}});
}

TEST_CASE("option --input - keeps the options of a jsonl source in the file", "[cli][sources]") {
  TempDir dir;
  write_file(dir / "pipe.toml",
             "[source]\nuse = \"vigil.jsonl\"\npath = \"nope.jsonl\"\ntext_field = \"body\"\n\n"
             "[[sink]]\nuse = \"vigil.jsonl\"\npath = \"nope-out.jsonl\"\n");
  RunOptions opt;
  opt.stdin_text = "{\"id\":\"s\",\"body\":\"from stdin\"}\n";
  auto r = run_vigil({"run", dir.str("pipe.toml"), "--input", "-", "--output", "-"}, opt);
  INFO(r.err);
  CHECK(r.exit_code == 0);
  auto docs = parse_json_lines(r.out);
  REQUIRE(docs.size() == 1);
  CHECK(docs[0]["text"] == "from stdin");
}
