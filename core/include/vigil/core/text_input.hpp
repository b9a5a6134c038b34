// What every source does to incoming text before a document leaves it: strip
// a UTF-8 byte-order mark, repair invalid UTF-8, flag empty documents.
#pragma once

#include <cstddef>
#include <string>

#include "vigil/sdk/document.hpp"

namespace vigil::core {

// Replaces each ill-formed UTF-8 subsequence with U+FFFD (the "maximal
// subpart" practice of Unicode ch. 3, as ICU decodes). Returns how many
// replacements were made; 0 leaves `text` untouched.
std::size_t repair_utf8(std::string& text, std::size_t* first_bad_offset = nullptr);

// Strips a BOM, repairs UTF-8 and adds diagnostics (stage "source") to `doc`
// for repaired or empty text. Operates on doc.text. A source that has already
// validated (or repaired) the bytes says so and the UTF-8 pass is skipped.
void normalize_input_text(sdk::Document& doc, bool known_valid_utf8 = false);

// Sources refuse larger documents (offsets are 32-bit; ICU indexes with int32).
inline constexpr std::size_t kMaxDocumentBytes = 0x7FFFFFFFu;  // 2 GiB - 1

}  // namespace vigil::core
