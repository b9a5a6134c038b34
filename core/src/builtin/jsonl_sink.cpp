// Sink `vigil.jsonl`: one JSON object per document (the output contract in
// README.md), to a file or stdout ("-").
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "builtin/builtin_factories.hpp"
#include "vigil/core/builtin_components.hpp"
#include "vigil/core/document_json.hpp"
#include "vigil/core/errors.hpp"

namespace vigil::core {
using sdk::ParamSpec;

namespace {

class JsonlSink final : public sdk::Sink {
 public:
  explicit JsonlSink(const sdk::CreateContext& ctx)
      : path_(ctx.params.get_path("path")),
        file_(open_output(path_, parse_if_exists(ctx.params.get_string("if_exists")), ctx.params.get_bool("mkdirs"),
                          "sink " + ctx.instance)) {
    options_.offsets = sdk::parse_offset_unit(ctx.params.get_string("offsets"));
    options_.text = ctx.params.get_bool("text");
    options_.tokens = ctx.params.get_bool("tokens");
    // A person watching a terminal sees each document as it is written.
    flush_each_ = path_ == "-" && ::isatty(STDOUT_FILENO);
  }

  void write(const sdk::Document& doc) override {
    line_.clear();
    append_document_json(line_, doc, options_);
    line_.push_back('\n');
    if (std::fwrite(line_.data(), 1, line_.size(), file_.get()) != line_.size())
      throw RunError("vigil.jsonl: write error on " + path_ + ": " + std::strerror(errno));
    if (flush_each_) std::fflush(file_.get());
  }

  void finish() override {
    if (std::fflush(file_.get()) != 0)
      throw RunError("vigil.jsonl: write error on " + path_ + ": " + std::strerror(errno));
  }

 private:
  std::string path_;
  FilePtr file_;
  DocumentJsonOptions options_;
  std::string line_;
  bool flush_each_ = false;
};

std::unique_ptr<sdk::Sink> make_jsonl_sink(const sdk::CreateContext& ctx) { return std::make_unique<JsonlSink>(ctx); }

}  // namespace

CatalogEntry jsonl_sink_entry() {
  CatalogEntry e;
  e.kind = sdk::ComponentKind::sink;
  e.spec.name = "vigil.jsonl";
  e.spec.description = "Writes one JSON object per document (Vigil's output contract), to a file or stdout";
  e.spec.params = {
      ParamSpec::path("path", "-", "File to write, or \"-\" for standard output"),
      ParamSpec::string("offsets", "codepoint", "Unit of start/end offsets").one_of({"codepoint", "byte", "utf16"}),
      ParamSpec::boolean("text", true, "Include each document's text"),
      ParamSpec::boolean("tokens", false, "Include token and sentence spans (their counts are always in \"stats\")"),
      ParamSpec::string("if_exists", "fail", "What to do when the file exists").one_of({"fail", "overwrite", "append"}),
      ParamSpec::boolean("mkdirs", true, "Create missing parent folders"),
  };
  e.sink_factory = &make_jsonl_sink;
  return e;
}

}  // namespace vigil::core
