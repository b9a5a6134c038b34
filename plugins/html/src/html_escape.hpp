// Escaping for the two places the report puts data: HTML text and JSON
// inside a <script> element.
#pragma once

#include <string>
#include <string_view>

namespace vigil::html {

// &, <, >, " and ' as character references.
inline std::string escape_html(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

// Makes JSON text safe inside <script type="application/json">: `<`, `>` and
// `&` become \u003c, \u003e, \u0026, so no "</script>" or "<!--" can end or
// change the element; U+2028/U+2029 are escaped too. Outside strings JSON
// never contains these characters, so the result is the same JSON value.
inline void append_script_safe(std::string& out, std::string_view json) {
  for (std::size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (c == '<')
      out += "\\u003c";
    else if (c == '>')
      out += "\\u003e";
    else if (c == '&')
      out += "\\u0026";
    else if (c == '\xE2' && i + 2 < json.size() && json[i + 1] == '\x80' &&
             (json[i + 2] == '\xA8' || json[i + 2] == '\xA9')) {
      out += json[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out.push_back(c);
    }
  }
}

}  // namespace vigil::html
