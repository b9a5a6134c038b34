#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "vigil/core/document_json.hpp"

using namespace vigil::core;
using vigil::sdk::Document;
using Json = nlohmann::json;

namespace {
Json to_json(const Document& doc, DocumentJsonOptions opt = {}, const vigil::sdk::Diagnostic* error = nullptr) {
  std::string out;
  append_document_json(out, doc, opt, error);
  CHECK(out.find('\n') == std::string::npos);  // one line
  return Json::parse(out);
}
}  // namespace

TEST_CASE("an unannotated document has every field, empty", "[json]") {
  Document doc;
  doc.id = "d1";
  doc.text = "Hello";
  Json j = to_json(doc);
  for (const char* k : {"id", "text", "meta", "language", "stats", "entities", "topics", "attributes", "diagnostics"})
    CHECK(j.contains(k));
  CHECK(j["language"]["code"] == "");
  CHECK(j["entities"].empty());
  CHECK(j["topics"].empty());
  CHECK(j["meta"].is_object());
  CHECK(j["stats"]["chars"] == 5);
  CHECK_FALSE(j.contains("tokens"));
}

TEST_CASE("strings are escaped so any text round-trips", "[json]") {
  Document doc;
  doc.id = "quote\"back\\slash";
  doc.text = "line\nbreak\ttab \x01 ctrl \"q\" é المغرب \x7f";
  doc.text += std::string(1, '\0');
  Json j = to_json(doc);
  CHECK(j["id"] == doc.id);
  CHECK(j["text"] == doc.text);
}

TEST_CASE("spans are written in the unit asked for", "[json]") {
  Document doc;
  doc.id = std::string("x");  // not a literal: GCC 12 -Wrestrict false positive (PR 105329)
  doc.text = "😀 Rabat";  // the emoji is 4 bytes, 1 code point, 2 UTF-16 units
  doc.entities.push_back({5, 10, "LOC", 0.9, "Rabat", "MA-RAB", "test"});
  doc.tokens.push_back({5, 10});
  doc.topics.push_back({"terrorism", 0.5, {{5, 10, "rabat", 0.25}}});
  DocumentJsonOptions opt;
  opt.tokens = true;
  Json cp = to_json(doc, opt);
  CHECK(cp["entities"][0]["start"] == 2);
  CHECK(cp["entities"][0]["end"] == 7);
  CHECK(cp["entities"][0]["text"] == "Rabat");
  CHECK(cp["entities"][0]["canonical"] == "Rabat");
  CHECK(cp["entities"][0]["id"] == "MA-RAB");
  CHECK(cp["tokens"][0]["start"] == 2);
  CHECK(cp["topics"][0]["evidence"][0]["start"] == 2);
  CHECK(cp["topics"][0]["evidence"][0]["weight"] == 0.25);
  opt.offsets = vigil::sdk::OffsetUnit::utf16;
  CHECK(to_json(doc, opt)["entities"][0]["start"] == 3);
  opt.offsets = vigil::sdk::OffsetUnit::byte;
  CHECK(to_json(doc, opt)["entities"][0]["start"] == 5);
}

TEST_CASE("dead letters carry the error first", "[json]") {
  Document doc;
  doc.id = "bad";
  vigil::sdk::Diagnostic error{vigil::sdk::Diagnostic::Level::error, "ner", "model exploded"};
  std::string out;
  append_document_json(out, doc, {}, &error);
  CHECK(out.rfind("{\"error\":{\"stage\":\"ner\",\"message\":\"model exploded\"},\"id\":\"bad\"", 0) == 0);
}

TEST_CASE("language, metadata and attributes are written as set", "[json]") {
  Document doc;
  doc.id = std::string("x");  // not a literal: GCC 12 -Wrestrict false positive (PR 105329)
  doc.language = {"fr", 0.98, true, "vigil.langid", {{"fr", 0.98}, {"ca", 0.01}}};
  doc.meta["source"] = "AFP";
  doc.attributes["acme"] = {{"score", 3}};
  doc.warn("ner", "model for 'xx' missing");
  Json j = to_json(doc);
  CHECK(j["language"]["code"] == "fr");
  CHECK(j["language"]["reliable"] == true);
  CHECK(j["language"]["alternatives"][1]["code"] == "ca");
  CHECK(j["meta"]["source"] == "AFP");
  CHECK(j["attributes"]["acme"]["score"] == 3);
  CHECK(j["diagnostics"][0]["level"] == "warning");
  CHECK(j["diagnostics"][0]["stage"] == "ner");
}
