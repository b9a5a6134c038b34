// Source `vigil.jsonl`: one JSON object per line, from a file or stdin ("-").
// The id and text fields are configurable; every other field is kept as
// metadata; a `lang` field sets the document's language.
#include <simdjson.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "builtin/builtin_factories.hpp"
#include "vigil/core/document_json.hpp"
#include "vigil/core/errors.hpp"
#include "vigil/core/text_input.hpp"

namespace vigil::core {
namespace fs = std::filesystem;
using sdk::Document;
using sdk::ParamSpec;

namespace {

class JsonlSource final : public sdk::Source {
 public:
  explicit JsonlSource(const sdk::CreateContext& ctx)
      : path_(ctx.params.get_path("path")),
        id_field_(ctx.params.get_string("id_field")),
        text_field_(ctx.params.get_string("text_field")),
        lang_field_(ctx.params.get_string("lang_field")),
        restore_(ctx.params.get_bool("restore")),
        offsets_(sdk::parse_offset_unit(ctx.params.get_string("offsets"))) {
    if (path_ == "-") {
      file_ = stdin;
      name_ = "stdin";
    } else {
      file_ = std::fopen(path_.c_str(), "rb");
      if (!file_) throw RunError("vigil.jsonl: cannot open " + path_ + ": " + std::strerror(errno));
      std::setvbuf(file_, nullptr, _IOFBF, 1 << 20);
      name_ = fs::path(path_).filename().string();
      std::error_code ec;
      if (auto size = fs::file_size(path_, ec); !ec) total_ = size;
    }
  }
  ~JsonlSource() override {
    if (file_ && file_ != stdin) std::fclose(file_);
    std::free(buf_);
  }
  JsonlSource(const JsonlSource&) = delete;
  JsonlSource& operator=(const JsonlSource&) = delete;

  Status next(Document& doc) override {
    for (;;) {
      errno = 0;
      ssize_t n = ::getline(&buf_, &cap_, file_);
      if (n < 0) {
        if (std::ferror(file_)) throw RunError("vigil.jsonl: read error on " + name_ + ": " + std::strerror(errno));
        return Status::end;
      }
      ++line_;
      std::size_t len = static_cast<std::size_t>(n);
      while (len && (buf_[len - 1] == '\n' || buf_[len - 1] == '\r')) --len;
      std::string_view line(buf_, len);
      if (line.find_first_not_of(" \t") == std::string_view::npos) continue;  // blank lines are not records
      try {
        return parse(line, doc);
      } catch (const simdjson::simdjson_error& e) {  // defensive: results are checked
        return fail(doc, std::string("invalid JSON: ") + e.what());
      }
    }
  }

  std::optional<std::uint64_t> total_bytes() const override { return total_; }

 private:
  std::string where() const { return name_ + ":" + std::to_string(line_); }

  // The record is kept whole as the text, so the dead-letter file loses
  // nothing of the input.
  Status fail(Document& doc, const std::string& why) {
    doc.id = where();
    doc.text = scratch_;
    doc.meta = sdk::Json::object();
    doc.language = sdk::Language{};
    doc.diagnose(sdk::Diagnostic::Level::error, "source", where() + ": " + why);
    return Status::failed;
  }

  Status parse(std::string_view line, Document& doc) {
    // simdjson reads up to SIMDJSON_PADDING bytes past the end. The DOM API
    // picks the fastest kernel for this CPU at run time.
    scratch_.assign(line.data(), line.size());
    std::size_t repaired = 0, first_bad = 0;
    if (!simdjson::validate_utf8(scratch_.data(), scratch_.size())) repaired = repair_utf8(scratch_, &first_bad);
    scratch_.reserve(scratch_.size() + simdjson::SIMDJSON_PADDING);

    bool extra_fields = false, has_text = false;
    simdjson::dom::element record;
    if (auto err = parser_.parse(scratch_.data(), scratch_.size(), false).get(record))
      return fail(doc, std::string("invalid JSON: ") + simdjson::error_message(err));
    simdjson::dom::object obj;
    if (record.get_object().get(obj)) return fail(doc, "not a JSON object");
    for (auto [key, value] : obj) {
      if (key == text_field_) {
        std::string_view text;
        if (value.get_string().get(text)) return fail(doc, "field \"" + text_field_ + "\" is not a string");
        doc.text.assign(text);
        has_text = true;
      } else if (key == id_field_) {
        std::string_view id;
        if (!value.get_string().get(id))
          doc.id.assign(id);
        else if (value.is_number())
          doc.id = simdjson::minify(value);  // a numeric id, kept as written
        else
          return fail(doc, "field \"" + id_field_ + "\" is not a string or number");
      } else if (!lang_field_.empty() && key == lang_field_) {
        std::string_view lang;
        if (!value.get_string().get(lang) && !lang.empty()) {
          doc.language.code.assign(lang);
          doc.language.confidence = 1.0;
          doc.language.reliable = true;
          doc.language.source = "input";
        }
      } else {
        extra_fields = true;
      }
    }
    if (!has_text) return fail(doc, "no \"" + text_field_ + "\" field (string); set text_field on the source");
    if (doc.id.empty()) doc.id = where();
    bool restored = false;
    if (extra_fields) {
      // Rare path: the metadata is parsed again as a DOM, kept as it came.
      sdk::Json record;
      try {
        record = sdk::Json::parse(scratch_);
      } catch (const std::exception& e) {
        return fail(doc, std::string("invalid JSON: ") + e.what());
      }
      record.erase(text_field_);
      record.erase(id_field_);
      if (!lang_field_.empty()) record.erase(lang_field_);
      if (restore_ && (record.contains("meta") || record.contains("language") || record.contains("entities"))) {
        // Vigil's own output: bring back what earlier stages found.
        std::string error;
        if (!restore_document_fields(doc, record, offsets_, error)) return fail(doc, error);
        restored = true;
        for (auto& [k, v] : record.items()) doc.meta[k] = std::move(v);
      } else {
        doc.meta = std::move(record);
      }
    }
    if (doc.text.size() > kMaxDocumentBytes) return fail(doc, "text is over the 2 GiB document limit");
    if (repaired)
      doc.warn("source", "invalid UTF-8 in input line: " + std::to_string(repaired) +
                             " ill-formed sequence(s) replaced by U+FFFD (first at byte " + std::to_string(first_bad) +
                             " of the line)");
    // The whole line was validated (and repaired) above and simdjson rejects
    // ill-formed escapes, so the text is valid UTF-8. Restored documents were
    // normalised when first read.
    if (!restored) normalize_input_text(doc, true);
    return Status::document;
  }

  std::string path_, id_field_, text_field_, lang_field_, name_;
  bool restore_ = true;
  sdk::OffsetUnit offsets_ = sdk::OffsetUnit::codepoint;
  std::FILE* file_ = nullptr;
  char* buf_ = nullptr;
  std::size_t cap_ = 0;
  std::uint64_t line_ = 0;
  std::optional<std::uint64_t> total_;
  std::string scratch_;
  simdjson::dom::parser parser_;
};

std::unique_ptr<sdk::Source> make_jsonl_source(const sdk::CreateContext& ctx) {
  return std::make_unique<JsonlSource>(ctx);
}

}  // namespace

CatalogEntry jsonl_source_entry() {
  CatalogEntry e;
  e.kind = sdk::ComponentKind::source;
  e.spec.name = "vigil.jsonl";
  e.spec.description = "Reads JSON lines (a file, or \"-\" for stdin): one document per object";
  e.spec.params = {
      ParamSpec::path("path", "-", "File to read, or \"-\" for standard input"),
      ParamSpec::string("id_field", "id", "Field holding the document id (string or number); default: FILE:LINE"),
      ParamSpec::string("text_field", "text", "Field holding the text (string, required in every record)"),
      ParamSpec::string("lang_field", "lang",
                        "Field whose value, when present, sets the document's language (a language stage keeps it); "
                        "empty: none"),
      ParamSpec::boolean("restore", true,
                         "Read Vigil's own output back: a record with meta/language/entities objects gets its "
                         "language, tokens, sentences, entities, topics, attributes and diagnostics restored"),
      ParamSpec::string("offsets", "codepoint", "Unit of the offsets in restored spans (as the writer's `offsets`)")
          .one_of({"codepoint", "byte", "utf16"}),
  };
  e.source_factory = &make_jsonl_source;
  return e;
}

}  // namespace vigil::core
