// Sink `vigil.csv`: documents.csv, entities.csv, topics.csv and evidence.csv
// in one folder, one row per document / entity / topic / evidence span.
#include <map>
#include <memory>
#include <optional>
#include <vigil/sdk.hpp>
#include <vigil_writer/output_options.hpp>

#include "csv_writer.hpp"

#ifndef VIGIL_CSV_VERSION
#define VIGIL_CSV_VERSION "0.1.0"
#endif

namespace vigil::csv {
namespace {
namespace fs = std::filesystem;
using sdk::Document;
using sdk::ParamSpec;
using writer::IfExists;
using writer::OutputOptions;

const std::vector<std::string> kDocumentColumns = {"id",       "language", "confidence",   "reliable",
                                                   "chars",    "bytes",    "tokens",       "sentences",
                                                   "entities", "topics",   "topic_labels", "meta"};
const std::vector<std::string> kEntityColumns = {"document",  "start",     "end",   "label",    "text",
                                                 "canonical", "entity_id", "score", "component"};
const std::vector<std::string> kTopicColumns = {"document", "label", "score", "terms"};
const std::vector<std::string> kEvidenceColumns = {"document", "topic", "start", "end", "term", "weight"};

class CsvSink final : public sdk::Sink {
 public:
  explicit CsvSink(const sdk::CreateContext& ctx) : out_(OutputOptions::from(ctx)) {
    const bool bom = ctx.params.get_bool("bom");
    const fs::path folder = out_.path;
    std::error_code ec;
    if (fs::exists(folder, ec) && !fs::is_directory(folder, ec))
      throw std::runtime_error(out_.who + ": " + folder.string() +
                               " is a file; vigil.csv writes a folder of CSV files");
    const char* names[] = {"documents.csv", "entities.csv", "topics.csv", "evidence.csv"};
    for (const char* name : names) out_.check_may_write(folder / name);
    out_.ensure_folder(folder);
    if (!fs::is_directory(folder, ec))
      throw std::runtime_error(out_.who + ": folder " + folder.string() + " does not exist (set mkdirs = true)");

    auto doc_columns = kDocumentColumns;
    if (out_.text) doc_columns.push_back("text");
    const bool append = out_.if_exists == IfExists::append;
    try {
      documents_.emplace(folder / names[0], doc_columns, append, bom);
      entities_.emplace(folder / names[1], kEntityColumns, append, bom);
      topics_.emplace(folder / names[2], kTopicColumns, append, bom);
      evidence_.emplace(folder / names[3], kEvidenceColumns, append, bom);
    } catch (const std::exception& e) {
      throw std::runtime_error(out_.who + ": " + e.what());
    }
  }

  void write(const Document& doc) override {
    try {
      write_rows(doc);
    } catch (const std::exception& e) {
      throw std::runtime_error(out_.who + ": " + e.what());
    }
  }

  void finish() override {
    try {
      for (auto* f : {&*documents_, &*entities_, &*topics_, &*evidence_}) f->flush();
    } catch (const std::exception& e) {
      throw std::runtime_error(out_.who + ": " + e.what());
    }
  }

 private:
  void write_rows(const Document& doc) {
    const sdk::OffsetConverter conv(doc.text, out_.offsets);
    const sdk::OffsetConverter chars(doc.text, sdk::OffsetUnit::codepoint);
    auto offset = [&](sdk::Offset b) { return static_cast<std::uint64_t>(conv.convert(b)); };

    std::string topic_labels;
    for (const auto& t : doc.topics) {
      if (!topic_labels.empty()) topic_labels += "; ";
      topic_labels += t.label;
    }
    auto& d = *documents_;
    d.field(doc.id).field(doc.language.code);
    if (doc.language.is_set())
      d.field(doc.language.confidence).field(std::string_view(doc.language.reliable ? "true" : "false"));
    else
      d.field(std::string_view()).field(std::string_view());
    d.field(static_cast<std::uint64_t>(chars.convert(doc.text.size())))
        .field(static_cast<std::uint64_t>(doc.text.size()))
        .field(static_cast<std::uint64_t>(doc.tokens.size()))
        .field(static_cast<std::uint64_t>(doc.sentences.size()))
        .field(static_cast<std::uint64_t>(doc.entities.size()))
        .field(static_cast<std::uint64_t>(doc.topics.size()))
        .field(topic_labels)
        .field(writer::to_json_text(doc.meta));
    if (out_.text) d.field(doc.text);
    d.end_row();

    for (const auto& e : doc.entities) {
      entities_->field(doc.id)
          .field(offset(e.begin))
          .field(offset(e.end))
          .field(e.label)
          .field(doc.slice(e))
          .field(e.canonical)
          .field(e.id)
          .field(e.score)
          .field(e.component);
      entities_->end_row();
    }
    for (const auto& t : doc.topics) {
      // Distinct matched terms, in the order first matched: readable in a cell.
      std::string terms;
      std::map<std::string_view, bool> seen;
      for (const auto& ev : t.evidence) {
        if (seen.emplace(ev.term, true).second) {
          if (!terms.empty()) terms += "; ";
          terms += ev.term;
        }
      }
      topics_->field(doc.id).field(t.label).field(t.score).field(terms);
      topics_->end_row();
      for (const auto& ev : t.evidence) {
        evidence_->field(doc.id)
            .field(t.label)
            .field(offset(ev.begin))
            .field(offset(ev.end))
            .field(ev.term)
            .field(ev.weight);
        evidence_->end_row();
      }
    }
  }

  OutputOptions out_;
  std::optional<CsvFile> documents_, entities_, topics_, evidence_;
};

std::unique_ptr<sdk::Sink> make_csv_sink(const sdk::CreateContext& ctx) {
  return std::make_unique<CsvSink>(ctx);
}

void register_components(sdk::Registry& r) {
  sdk::ComponentSpec spec{"vigil.csv",
                          "Writes documents.csv, entities.csv, topics.csv and evidence.csv (RFC 4180, UTF-8) into a "
                          "folder"};
  spec.params = writer::output_param_specs(
      "csv", "Folder to write the CSV files into",
      "What to do when one of the CSV files exists: fail, overwrite (truncate them), append (add rows; the header "
      "must match)");
  spec.params.push_back(
      ParamSpec::boolean("bom", false, "Start each file with a UTF-8 byte-order mark (helps Excel detect UTF-8)"));
  r.add_sink(spec, &make_csv_sink);
}

}  // namespace
}  // namespace vigil::csv

VIGIL_PLUGIN("vigil-csv", VIGIL_CSV_VERSION, "CSV writer", "Apache-2.0", vigil::csv::register_components)
