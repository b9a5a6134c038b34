// RFC 4180 CSV output: fields separated by commas, records ended by CRLF, a
// field quoted when it holds a comma, a double quote, CR or LF, with inner
// quotes doubled. Text is written as it is (UTF-8).
#pragma once

#include <charconv>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::csv {

// Appends `field` to `out`, quoted when RFC 4180 requires it.
inline void append_field(std::string& out, std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out.append(field);
    return;
  }
  out.push_back('"');
  for (char c : field) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

// Shortest text that reads back as the same double ("0.5", "1", "0.1").
inline std::string format_number(double v) {
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

// One CSV file: a header, then rows built field by field.
class CsvFile {
 public:
  // `append`: keep existing rows; the header is written only to an empty
  // file, and an existing header must equal ours.
  CsvFile(const std::filesystem::path& path, const std::vector<std::string>& columns, bool append, bool bom);
  CsvFile(const CsvFile&) = delete;
  CsvFile& operator=(const CsvFile&) = delete;

  CsvFile& field(std::string_view text) {
    if (fields_ > 0) row_.push_back(',');
    append_field(row_, text);
    ++fields_;
    return *this;
  }
  CsvFile& field(double v) { return field(std::string_view(format_number(v))); }
  CsvFile& field(std::int64_t v) { return field(std::string_view(std::to_string(v))); }
  CsvFile& field(std::uint64_t v) { return field(std::string_view(std::to_string(v))); }
  void end_row();
  void flush();
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file_{nullptr, &std::fclose};
  std::string row_;
  std::size_t fields_ = 0;
};

}  // namespace vigil::csv
