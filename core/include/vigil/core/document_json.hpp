// Serialises a Document as one line of JSON: the output contract of Vigil
// (README.md, "Output format"). Every field is present, empty when a pipeline
// did not produce it, so consumers never branch on absence.
#pragma once

#include <string>

#include "vigil/sdk/document.hpp"
#include "vigil/sdk/text.hpp"

namespace vigil::core {

struct DocumentJsonOptions {
  sdk::OffsetUnit offsets = sdk::OffsetUnit::codepoint;
  bool text = true;    // include the text
  bool tokens = false;  // include token and sentence spans (counts are always there)
};

// Appends the document's JSON object (no newline) to `out`. When `error` is
// given, an "error" object {stage, message} comes first (dead letters).
void append_document_json(std::string& out, const sdk::Document& doc, const DocumentJsonOptions& options,
                          const sdk::Diagnostic* error = nullptr);

// Appends `s` as a JSON string literal (quotes included). `s` is valid UTF-8.
void append_json_string(std::string& out, std::string_view s);

}  // namespace vigil::core

namespace vigil::core {

// Reads back what append_document_json wrote: moves the fields of Vigil's
// output contract (meta, language, sentences, tokens, entities, topics,
// attributes, diagnostics) from `record` into `doc`, converting offsets given
// in `unit` to bytes of doc.text (which must be set). `stats` is dropped (it
// is recomputed on output); every other field stays in `record`. Returns
// false and sets `error` when a field has the wrong shape.
bool restore_document_fields(sdk::Document& doc, sdk::Json& record, sdk::OffsetUnit unit, std::string& error);

}  // namespace vigil::core
