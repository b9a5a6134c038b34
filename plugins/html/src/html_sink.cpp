// Sink `vigil.html`: one self-contained HTML report (inline CSS, JavaScript
// and SVG; nothing fetched from the network). Documents are streamed into a
// JSON <script> element as they arrive; the overview counts, gathered on the
// way, and the page script follow at the end. The file is written under a
// temporary name and renamed when complete, so a broken run never leaves a
// half report behind under the final name.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <vigil/sdk.hpp>
#include <vigil_writer/output_options.hpp>

#include "html_escape.hpp"
#include "report_assets.hpp"
#include "report_summary.hpp"

#ifndef VIGIL_HTML_VERSION
#define VIGIL_HTML_VERSION "0.1.0"
#endif

namespace vigil::html {
namespace {
namespace fs = std::filesystem;
using sdk::Document;
using sdk::Json;
using sdk::ParamSpec;
using writer::OutputOptions;

class HtmlSink final : public sdk::Sink {
 public:
  explicit HtmlSink(const sdk::CreateContext& ctx)
      : out_(OutputOptions::from(ctx)),
        title_(ctx.params.get_string("title")),
        max_documents_(static_cast<std::uint64_t>(ctx.params.get_int("max_documents"))),
        top_entities_(static_cast<std::size_t>(ctx.params.get_int("top_entities"))) {
    out_.can_append = false;
    out_.check_may_write(out_.path);
    if (out_.path.has_parent_path()) out_.ensure_folder(out_.path.parent_path());
    partial_ = out_.path.string() + ".partial";
    file_.reset(std::fopen(partial_.c_str(), "wb"));
    if (!file_)
      throw std::runtime_error(out_.who + ": cannot open " + partial_ + " for writing: " + std::strerror(errno));
    std::setvbuf(file_.get(), nullptr, _IOFBF, 1 << 20);
    std::string head = kReportHead;
    replace_all(head, "@TITLE@", escape_html(title_));
    put(head);
    put("<script type=\"application/json\" id=\"vigil-docs\">[");
  }

  ~HtmlSink() override {
    if (file_) {  // not finished: drop the partial report
      file_.reset();
      std::error_code ec;
      fs::remove(partial_, ec);
    }
  }
  HtmlSink(const HtmlSink&) = delete;
  HtmlSink& operator=(const HtmlSink&) = delete;

  void write(const Document& doc) override {
    summary_.add(doc);
    if (embedded_ >= max_documents_ && max_documents_ > 0) return;
    line_.clear();
    if (embedded_++) line_.append(",\n");
    append_script_safe(line_, writer::to_json_text(document_json(doc)));
    put(line_);
  }

  void finish() override {
    Json s = summary_.to_json(top_entities_, top_entities_);
    s["embedded"] = embedded_;
    s["title"] = title_;
    s["offsets"] = out_.offsets == sdk::OffsetUnit::byte    ? "byte"
                   : out_.offsets == sdk::OffsetUnit::utf16 ? "utf16"
                                                            : "codepoint";
    s["text"] = out_.text;
    s["writer"] = "vigil.html " VIGIL_HTML_VERSION;
    std::string tail = "]</script>\n<script type=\"application/json\" id=\"vigil-summary\">";
    append_script_safe(tail, writer::to_json_text(s));
    tail += "</script>\n";
    tail += kReportTail;
    put(tail);
    if (std::fclose(file_.release()) != 0)
      throw std::runtime_error(out_.who + ": write error on " + partial_ + ": " + std::strerror(errno));
    std::error_code ec;
    fs::rename(partial_, out_.path, ec);
    if (ec)
      throw std::runtime_error(out_.who + ": cannot rename " + partial_ + " to " + out_.path.string() + ": " +
                               ec.message());
  }

 private:
  // Compact, positional JSON (10 000 documents must stay light to parse):
  // {"i": id, "l": language, "t": text, "m": meta,
  //  "e": [[start16, end16, label, name, id, score, start, end, text]],
  //  "p": [[label, score, [[start16, end16, term, weight]]]]}
  // start16/end16 are UTF-16 offsets (what JavaScript strings index by);
  // start/end are in the sink's `offsets` unit, for display.
  Json document_json(const Document& doc) const {
    const sdk::OffsetConverter u16(doc.text, sdk::OffsetUnit::utf16);
    const sdk::OffsetConverter shown(doc.text, out_.offsets);
    Json entities = Json::array();
    for (const auto& e : doc.entities)
      entities.push_back({u16.convert(e.begin), u16.convert(e.end), e.label, entity_name(doc, e), e.id, e.score,
                          shown.convert(e.begin), shown.convert(e.end), doc.slice(e)});
    Json topics = Json::array();
    for (const auto& t : doc.topics) {
      Json evidence = Json::array();
      for (const auto& ev : t.evidence)
        evidence.push_back({u16.convert(ev.begin), u16.convert(ev.end), ev.term, ev.weight});
      topics.push_back({t.label, t.score, std::move(evidence)});
    }
    Json j = {{"i", doc.id}, {"l", language_of(doc)}, {"e", std::move(entities)}, {"p", std::move(topics)}};
    if (out_.text) j["t"] = doc.text;
    if (!doc.meta.empty()) j["m"] = doc.meta;
    return j;
  }

  void put(const std::string& s) {
    if (std::fwrite(s.data(), 1, s.size(), file_.get()) != s.size())
      throw std::runtime_error(out_.who + ": write error on " + partial_ + ": " + std::strerror(errno));
  }

  static void replace_all(std::string& s, const std::string& from, const std::string& to) {
    for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
      s.replace(at, from.size(), to);
  }

  OutputOptions out_;
  std::string title_;
  std::uint64_t max_documents_;
  std::size_t top_entities_;
  std::string partial_;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file_{nullptr, &std::fclose};
  ReportSummary summary_;
  std::uint64_t embedded_ = 0;
  std::string line_;
};

std::unique_ptr<sdk::Sink> make_html_sink(const sdk::CreateContext& ctx) {
  return std::make_unique<HtmlSink>(ctx);
}

void register_components(sdk::Registry& r) {
  sdk::ComponentSpec spec{
      "vigil.html", "Writes one self-contained HTML report: corpus overview, charts, filters and a document view"};
  spec.params = writer::output_param_specs("report.html", "HTML file to write",
                                           "What to do when the file exists: fail, overwrite", /*can_append=*/false);
  spec.params.push_back(ParamSpec::string("title", "Vigil report", "Title shown at the top of the page"));
  spec.params.push_back(ParamSpec::integer("max_documents", 20000,
                                           "Documents embedded for the document view (0 = all); the overview counts "
                                           "every document")
                            .at_least(0));
  spec.params.push_back(
      ParamSpec::integer("top_entities", 15, "Entities listed per type, and per topic, in the overview")
          .range(1, 1000));
  r.add_sink(spec, &make_html_sink);
}

}  // namespace
}  // namespace vigil::html

VIGIL_PLUGIN("vigil-html", VIGIL_HTML_VERSION, "HTML report writer", "Apache-2.0", vigil::html::register_components)
