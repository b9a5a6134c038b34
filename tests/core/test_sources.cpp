#include <spdlog/sinks/null_sink.h>
#include <spdlog/spdlog.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "temp_files.hpp"
#include "vigil/core/component_catalog.hpp"
#include "vigil/core/document_json.hpp"
#include "vigil/core/errors.hpp"
#include "vigil/core/param_validation.hpp"

using namespace vigil::core;
using vigil::sdk::Document;
using vigil::sdk::Source;
using vigil::test::TempDir;
using Catch::Matchers::Contains;
using Status = Source::Status;

namespace {

std::unique_ptr<Source> make_source(const std::string& use, const std::string& body, const std::filesystem::path& dir) {
  static ComponentCatalog catalog;
  const CatalogEntry* e = catalog.find(vigil::sdk::ComponentKind::source, use);
  REQUIRE(e != nullptr);
  toml::table root = toml::parse("[source]\nuse = \"" + use + "\"\n" + body, std::string_view("t.toml"));
  ValidationTarget t{"source", root["source"].as_table(), {}, dir};
  auto params = validate_params(e->spec.params, t);
  auto logger = std::make_shared<spdlog::logger>("test", std::make_shared<spdlog::sinks::null_sink_mt>());
  vigil::sdk::CreateContext ctx{params, logger, "source", dir};
  return e->source_factory(ctx);
}

struct Read {
  Status status;
  Document doc;
};

std::vector<Read> read_all(Source& src) {
  std::vector<Read> out;
  for (;;) {
    Read r;
    r.status = src.next(r.doc);
    if (r.status == Status::end) return out;
    out.push_back(std::move(r));
  }
}

}  // namespace

TEST_CASE("vigil.files reads a tree in sorted order, ids relative to the root", "[sources]") {
  TempDir dir;
  dir.write("corpus/b.txt", "second");
  dir.write("corpus/a.txt", "first");
  dir.write("corpus/sub/c.txt", "third");
  dir.write("corpus/notes.md", "not matched");
  dir.write("corpus/.hidden/d.txt", "hidden");
  auto src = make_source("vigil.files", "path = \"corpus\"\nglob = \"*.txt\"\n", dir.path());
  auto docs = read_all(*src);
  REQUIRE(docs.size() == 3);
  CHECK(docs[0].doc.id == "a.txt");
  CHECK(docs[1].doc.id == "b.txt");
  CHECK(docs[2].doc.id == "sub/c.txt");
  CHECK(docs[2].doc.text == "third");
  CHECK(docs[0].doc.meta["path"] == (dir.path() / "corpus/a.txt").string());
  CHECK(src->total_bytes() == 16);

  auto flat = make_source("vigil.files", "path = \"corpus\"\nrecursive = false\n", dir.path());
  CHECK(read_all(*flat).size() == 3);  // a, b, notes.md
}

TEST_CASE("vigil.files skips binary files, strips BOMs, repairs and flags text", "[sources]") {
  TempDir dir;
  dir.write("in/1-bin.txt", std::string("PK\x03\x04\0\0binary", 12));
  dir.write("in/2-bom.txt", "\xEF\xBB\xBFTitle");
  dir.write("in/3-latin1.txt", "S\xE9" "curit\xE9");
  dir.write("in/4-empty.txt", "");
  auto docs = read_all(*make_source("vigil.files", "path = \"in\"\n", dir.path()));
  REQUIRE(docs.size() == 4);
  CHECK(docs[0].status == Status::skipped);
  CHECK(docs[0].doc.diagnostics.at(0).message == "binary file skipped (NUL byte at offset 4)");
  CHECK(docs[1].status == Status::document);
  CHECK(docs[1].doc.text == "Title");
  CHECK(docs[2].doc.text == "S\xEF\xBF\xBD" "curit\xEF\xBF\xBD");
  CHECK_THAT(docs[2].doc.diagnostics.at(0).message, Contains("2 ill-formed sequences replaced by U+FFFD"));
  CHECK(docs[3].status == Status::document);
  CHECK(docs[3].doc.diagnostics.at(0).message == "empty document");
}

TEST_CASE("vigil.files on a missing folder says so", "[sources]") {
  TempDir dir;
  CHECK_THROWS_WITH(make_source("vigil.files", "path = \"nope\"\n", dir.path()),
                    Contains("nope: no such file or folder"));
}

TEST_CASE("vigil.jsonl reads fields, keeps metadata and the input language", "[sources]") {
  TempDir dir;
  dir.write("in.jsonl",
            "{\"id\": \"a\", \"text\": \"Bonjour\", \"lang\": \"fr\", \"source\": \"AFP\", \"tags\": [1, 2]}\n"
            "\n"
            "{\"id\": 42, \"text\": \"numeric id\"}\n"
            "{\"text\": \"no id\"}\r\n");
  auto docs = read_all(*make_source("vigil.jsonl", "path = \"in.jsonl\"\n", dir.path()));
  REQUIRE(docs.size() == 3);
  CHECK(docs[0].doc.id == "a");
  CHECK(docs[0].doc.text == "Bonjour");
  CHECK(docs[0].doc.language.code == "fr");
  CHECK(docs[0].doc.language.source == "input");
  CHECK(docs[0].doc.meta == nlohmann::json({{"source", "AFP"}, {"tags", {1, 2}}}));
  CHECK(docs[1].doc.id == "42");
  CHECK(docs[1].doc.meta.empty());
  CHECK(docs[2].doc.id == "in.jsonl:4");  // blank lines are not records, but count as lines
}

TEST_CASE("vigil.jsonl reports broken lines and goes on", "[sources]") {
  TempDir dir;
  dir.write("in.jsonl",
            "{\"id\": \"ok1\", \"text\": \"fine\"}\n"
            "{\"id\": \"broken\", \"text\": \"no end\n"
            "[1, 2]\n"
            "{\"id\": \"notext\", \"body\": \"x\"}\n"
            "{\"id\": \"badtext\", \"text\": 7}\n"
            "{\"id\": \"bad-utf8\", \"text\": \"caf\xE9\"}\n"
            "{\"id\": \"ok2\", \"text\": \"fine\"} trailing\n"
            "{\"id\": \"ok3\", \"text\": \"fine\"}\n");
  auto docs = read_all(*make_source("vigil.jsonl", "path = \"in.jsonl\"\n", dir.path()));
  REQUIRE(docs.size() == 8);
  CHECK(docs[0].status == Status::document);
  CHECK(docs[1].status == Status::failed);
  CHECK(docs[1].doc.id == "in.jsonl:2");
  CHECK(docs[1].doc.text == "{\"id\": \"broken\", \"text\": \"no end");  // the raw record, for the dead letters
  CHECK_THAT(docs[1].doc.diagnostics.at(0).message, Contains("in.jsonl:2: invalid JSON"));
  CHECK(docs[2].status == Status::failed);
  CHECK_THAT(docs[2].doc.diagnostics.at(0).message, Contains("not a JSON object"));
  CHECK_THAT(docs[3].doc.diagnostics.at(0).message, Contains("in.jsonl:4: no \"text\" field"));
  CHECK_THAT(docs[4].doc.diagnostics.at(0).message, Contains("field \"text\" is not a string"));
  CHECK(docs[5].status == Status::document);
  CHECK(docs[5].doc.text == "caf\xEF\xBF\xBD");
  CHECK_THAT(docs[5].doc.diagnostics.at(0).message, Contains("invalid UTF-8"));
  CHECK(docs[6].status == Status::failed);
  CHECK(docs[7].status == Status::document);
  CHECK(docs[7].doc.id == "ok3");
}

TEST_CASE("vigil.jsonl field names are configurable", "[sources]") {
  TempDir dir;
  dir.write("in.jsonl", "{\"uid\": \"u1\", \"body\": \"text here\", \"lang\": \"de\"}\n");
  auto docs = read_all(
      *make_source("vigil.jsonl", "path = \"in.jsonl\"\nid_field = \"uid\"\ntext_field = \"body\"\nlang_field = \"\"\n",
                   dir.path()));
  REQUIRE(docs.size() == 1);
  CHECK(docs[0].doc.id == "u1");
  CHECK(docs[0].doc.text == "text here");
  CHECK_FALSE(docs[0].doc.language.is_set());
  CHECK(docs[0].doc.meta["lang"] == "de");  // not consumed: kept as metadata
}

TEST_CASE("vigil.jsonl handles a 100 MB record", "[sources][big]") {
  TempDir dir;
  {
    std::ofstream out(dir / "big.jsonl", std::ios::binary);
    out << "{\"id\": \"big\", \"text\": \"" << std::string(100u << 20, 'w') << "\"}\n";
  }
  auto docs = read_all(*make_source("vigil.jsonl", "path = \"big.jsonl\"\n", dir.path()));
  REQUIRE(docs.size() == 1);
  CHECK(docs[0].doc.text.size() == (100u << 20));
}

TEST_CASE("vigil.jsonl reads Vigil's own output back without loss", "[sources][roundtrip]") {
  Document doc;
  doc.id = "rt-1";
  doc.text = "😀 La DGSN à Rabat.";
  doc.meta = {{"source", "AFP"}, {"n", 3}};
  doc.language = {"fr", 0.97, true, "vigil.langid", {{"fr", 0.97}, {"ca", 0.02}}};
  doc.tokens = {{5, 7}, {8, 12}};
  doc.sentences = {{5, 22}};
  doc.entities.push_back({8, 12, "ORG", 0.9, "Direction générale de la Sûreté nationale", "vigil:org:dgsn", "vigil.ner"});
  doc.topics.push_back({"terrorism", 0.75, {{8, 12, "dgsn", 0.5}}});
  doc.attributes = {{"acme", {{"x", 1}}}};
  doc.warn("ner", "a warning");

  for (const char* unit : {"codepoint", "utf16", "byte"}) {
    INFO("offsets = " << unit);
    TempDir dir;
    DocumentJsonOptions opt;
    opt.offsets = vigil::sdk::parse_offset_unit(unit);
    opt.tokens = true;
    std::string line;
    append_document_json(line, doc, opt);
    dir.write("out.jsonl", line + "\n");
    auto docs = read_all(*make_source("vigil.jsonl", std::string("path = \"out.jsonl\"\noffsets = \"") + unit + "\"\n", dir.path()));
    REQUIRE(docs.size() == 1);
    const Document& back = docs[0].doc;
    CHECK(back.id == doc.id);
    CHECK(back.text == doc.text);
    CHECK(back.meta == doc.meta);
    CHECK(back.language.code == "fr");
    CHECK(back.language.source == "vigil.langid");
    CHECK(back.language.alternatives.size() == 2);
    REQUIRE(back.tokens.size() == 2);
    CHECK(back.tokens[1].begin == 8);
    CHECK(back.sentences.at(0).end == 22);
    REQUIRE(back.entities.size() == 1);
    CHECK(back.entities[0].begin == 8);
    CHECK(back.entities[0].end == 12);
    CHECK(back.entities[0].canonical == doc.entities[0].canonical);
    CHECK(back.entities[0].id == "vigil:org:dgsn");
    REQUIRE(back.topics.size() == 1);
    CHECK(back.topics[0].evidence.at(0).begin == 8);
    CHECK(back.topics[0].evidence.at(0).weight == 0.5);
    CHECK(back.attributes == doc.attributes);
    REQUIRE(back.diagnostics.size() == 1);
    CHECK(back.diagnostics[0].message == "a warning");
    // And what it writes again is identical.
    std::string again;
    append_document_json(again, back, opt);
    CHECK(again == line);
  }
}

TEST_CASE("a record with a malformed Vigil field fails with the reason", "[sources][roundtrip]") {
  TempDir dir;
  dir.write("in.jsonl", "{\"id\": \"x\", \"text\": \"abc\", \"meta\": {}, \"entities\": [{\"start\": 1, \"end\": 9}]}\n");
  auto docs = read_all(*make_source("vigil.jsonl", "path = \"in.jsonl\"\n", dir.path()));
  REQUIRE(docs.size() == 1);
  CHECK(docs[0].status == Status::failed);
  CHECK_THAT(docs[0].doc.diagnostics.at(0).message, Contains("entities[0]: span [1,9) is outside the text"));
}
