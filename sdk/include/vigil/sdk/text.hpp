// Converting byte offsets to the units consumers expect.
//
// Inside the process every offset is a byte offset into UTF-8 text. Writers
// give code points by default (what Python, spaCy, doccano and Label Studio
// use), or UTF-16 code units (JavaScript, Java), or bytes.
#pragma once

#include <algorithm>
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
    for (std::size_t block = 0; block < text_.size(); block += kStride) {
      checkpoints_.push_back(units);
      units += count_units(block, std::min(block + kStride, text_.size()));
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
    return checkpoints_[block] + count_units(block * kStride, byte_offset);
  }

  OffsetUnit unit() const noexcept { return unit_; }

 private:
  // Units in text_[from, to): every byte that is not a continuation byte
  // starts a code point, and a 4-byte lead (>= 0xF0) adds a second UTF-16
  // unit. Written branch-free so the compiler vectorises it.
  std::uint32_t count_units(std::size_t from, std::size_t to) const noexcept {
    std::uint32_t n = 0;
    const bool utf16 = unit_ == OffsetUnit::utf16;
    for (std::size_t i = from; i < to; ++i) {
      const auto c = static_cast<unsigned char>(text_[i]);
      n += static_cast<std::uint32_t>((c & 0xC0) != 0x80) + static_cast<std::uint32_t>(utf16 && c >= 0xF0);
    }
    return n;
  }

  std::string_view text_;
  OffsetUnit unit_;
  std::vector<std::uint32_t> checkpoints_;
};

}  // namespace vigil::sdk
