// Converting byte offsets to the units consumers expect.
//
// Inside the process every offset is a byte offset into UTF-8 text. Writers
// give code points by default (what Python, spaCy, doccano and Label Studio
// use), or UTF-16 code units (JavaScript, Java), or bytes.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::sdk {

enum class OffsetUnit : std::uint8_t { byte, codepoint, utf16 };

inline OffsetUnit parse_offset_unit(std::string_view s) {
  if (s == "codepoint") return OffsetUnit::codepoint;
  if (s == "byte") return OffsetUnit::byte;
  if (s == "utf16") return OffsetUnit::utf16;
  throw std::invalid_argument("unknown offset unit '" + std::string(s) + "' (expected codepoint, byte or utf16)");
}

// Maps byte offsets of one (valid UTF-8) text to code points or UTF-16 units.
// Keeps a checkpoint every kStride bytes, so memory is text.size()/64 bytes and
// a lookup scans at most kStride bytes: fine for a 100 MB document.
// Ownership: keeps a view of `text`, which must outlive the converter.
// Thread-safety: const member functions may be called concurrently.
class OffsetConverter {
 public:
  static constexpr std::size_t kStride = 256;

  OffsetConverter(std::string_view text, OffsetUnit unit) : text_(text), unit_(unit) {
    if (unit_ == OffsetUnit::byte) return;
    checkpoints_.reserve(text_.size() / kStride + 1);
    std::uint32_t units = 0;
    for (std::size_t i = 0; i < text_.size(); ++i) {
      if (i % kStride == 0) checkpoints_.push_back(units);
      units += units_of_byte(static_cast<unsigned char>(text_[i]));
    }
  }

  // `byte_offset` may be text.size(); offsets inside a character count the
  // character as started.
  std::uint64_t convert(std::uint64_t byte_offset) const {
    if (unit_ == OffsetUnit::byte) return byte_offset;
    if (byte_offset > text_.size()) byte_offset = text_.size();
    std::size_t block = byte_offset / kStride;
    if (block >= checkpoints_.size()) {  // only when byte_offset == size and size % stride == 0
      if (checkpoints_.empty()) return 0;
      block = checkpoints_.size() - 1;
    }
    std::uint64_t units = checkpoints_[block];
    for (std::size_t i = block * kStride; i < byte_offset; ++i)
      units += units_of_byte(static_cast<unsigned char>(text_[i]));
    return units;
  }

  OffsetUnit unit() const noexcept { return unit_; }

 private:
  // A lead byte starts a code point; 4-byte sequences are two UTF-16 units.
  std::uint32_t units_of_byte(unsigned char c) const noexcept {
    if ((c & 0xC0) == 0x80) return 0;  // continuation byte
    if (unit_ == OffsetUnit::utf16 && c >= 0xF0) return 2;
    return 1;
  }

  std::string_view text_;
  OffsetUnit unit_;
  std::vector<std::uint32_t> checkpoints_;
};

}  // namespace vigil::sdk
