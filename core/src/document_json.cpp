#include "vigil/core/document_json.hpp"

#include <charconv>
#include <cmath>

namespace vigil::core {

// The escaping is written here rather than built with a JSON DOM: writing
// straight into one reused buffer keeps the host's overhead at a few hundred
// MB/s, and the input is already valid UTF-8 (sources repair it).
void append_json_string(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  std::size_t run = 0;  // start of the current run of bytes that need no escape
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        out += "\\u00";
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 0xF]);
    }
  }
  out.append(s.data() + run, s.size() - run);
  out.push_back('"');
}

namespace {

void append_number(std::string& out, double v) {
  if (!std::isfinite(v)) {
    out += "null";
    return;
  }
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, end);
}

void append_uint(std::string& out, std::uint64_t v) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, end);
}

std::uint64_t count_code_points(std::string_view s) {
  std::uint64_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

void key(std::string& out, const char* k, bool first = false) {
  if (!first) out.push_back(',');
  out.push_back('"');
  out += k;
  out += "\":";
}

void span(std::string& out, const sdk::OffsetConverter& conv, sdk::Offset b, sdk::Offset e) {
  key(out, "start", true);
  append_uint(out, conv.convert(b));
  key(out, "end");
  append_uint(out, conv.convert(e));
}

}  // namespace

void append_document_json(std::string& out, const sdk::Document& doc, const DocumentJsonOptions& opt,
                          const sdk::Diagnostic* error) {
  // The converter costs a pass over the text: build it only when a span is written.
  const bool has_spans = !doc.entities.empty() || !doc.topics.empty() ||
                         (opt.tokens && (!doc.tokens.empty() || !doc.sentences.empty()));
  const sdk::OffsetConverter conv(has_spans ? std::string_view(doc.text) : std::string_view(), opt.offsets);
  out.push_back('{');
  if (error) {
    key(out, "error", true);
    out += "{\"stage\":";
    append_json_string(out, error->stage);
    out += ",\"message\":";
    append_json_string(out, error->message);
    out.push_back('}');
  }
  key(out, "id", error == nullptr);
  append_json_string(out, doc.id);
  key(out, "text");
  if (opt.text)
    append_json_string(out, doc.text);
  else
    out += "\"\"";
  key(out, "meta");
  out += doc.meta.is_object() ? doc.meta.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) : "{}";

  key(out, "language");
  out += "{\"code\":";
  append_json_string(out, doc.language.code);
  key(out, "confidence");
  append_number(out, doc.language.confidence);
  key(out, "reliable");
  out += doc.language.reliable ? "true" : "false";
  key(out, "source");
  append_json_string(out, doc.language.source);
  key(out, "alternatives");
  out.push_back('[');
  for (std::size_t i = 0; i < doc.language.alternatives.size(); ++i) {
    if (i) out.push_back(',');
    out += "{\"code\":";
    append_json_string(out, doc.language.alternatives[i].code);
    key(out, "confidence");
    append_number(out, doc.language.alternatives[i].confidence);
    out.push_back('}');
  }
  out += "]}";

  key(out, "stats");
  out += "{\"chars\":";
  append_uint(out, count_code_points(doc.text));
  key(out, "bytes");
  append_uint(out, doc.text.size());
  key(out, "sentences");
  append_uint(out, doc.sentences.size());
  key(out, "tokens");
  append_uint(out, doc.tokens.size());
  out.push_back('}');

  if (opt.tokens) {
    key(out, "sentences");
    out.push_back('[');
    for (std::size_t i = 0; i < doc.sentences.size(); ++i) {
      out += i ? ",{" : "{";
      span(out, conv, doc.sentences[i].begin, doc.sentences[i].end);
      out.push_back('}');
    }
    out.push_back(']');
    key(out, "tokens");
    out.push_back('[');
    for (std::size_t i = 0; i < doc.tokens.size(); ++i) {
      out += i ? ",{" : "{";
      span(out, conv, doc.tokens[i].begin, doc.tokens[i].end);
      out.push_back('}');
    }
    out.push_back(']');
  }

  key(out, "entities");
  out.push_back('[');
  for (std::size_t i = 0; i < doc.entities.size(); ++i) {
    const auto& e = doc.entities[i];
    out += i ? ",{" : "{";
    span(out, conv, e.begin, e.end);
    key(out, "text");
    append_json_string(out, doc.slice(e.begin, e.end));
    key(out, "label");
    append_json_string(out, e.label);
    key(out, "score");
    append_number(out, e.score);
    if (!e.canonical.empty()) {
      key(out, "canonical");
      append_json_string(out, e.canonical);
    }
    if (!e.id.empty()) {
      key(out, "id");
      append_json_string(out, e.id);
    }
    key(out, "component");
    append_json_string(out, e.component);
    out.push_back('}');
  }
  out.push_back(']');

  key(out, "topics");
  out.push_back('[');
  for (std::size_t i = 0; i < doc.topics.size(); ++i) {
    const auto& t = doc.topics[i];
    out += i ? ",{" : "{";
    key(out, "label", true);
    append_json_string(out, t.label);
    key(out, "score");
    append_number(out, t.score);
    key(out, "evidence");
    out.push_back('[');
    for (std::size_t j = 0; j < t.evidence.size(); ++j) {
      const auto& ev = t.evidence[j];
      out += j ? ",{" : "{";
      span(out, conv, ev.begin, ev.end);
      key(out, "term");
      append_json_string(out, ev.term);
      key(out, "weight");
      append_number(out, ev.weight);
      out.push_back('}');
    }
    out += "]}";
  }
  out.push_back(']');

  key(out, "attributes");
  out += doc.attributes.is_object() ? doc.attributes.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
                                    : "{}";

  key(out, "diagnostics");
  out.push_back('[');
  for (std::size_t i = 0; i < doc.diagnostics.size(); ++i) {
    const auto& d = doc.diagnostics[i];
    out += i ? ",{" : "{";
    key(out, "level", true);
    append_json_string(out, sdk::to_string(d.level));
    key(out, "stage");
    append_json_string(out, d.stage);
    key(out, "message");
    append_json_string(out, d.message);
    out.push_back('}');
  }
  out += "]}";
}

}  // namespace vigil::core
