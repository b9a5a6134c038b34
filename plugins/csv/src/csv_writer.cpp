#include "csv_writer.hpp"

#include <vigil/sdk/component.hpp>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>

namespace vigil::csv {
namespace fs = std::filesystem;

namespace {

std::string header_line(const std::vector<std::string>& columns) {
  std::string line;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (i) line.push_back(',');
    append_field(line, columns[i]);
  }
  return line;
}

// The first record of an existing file, without its line end or a BOM.
std::string first_line(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::string line;
  std::getline(in, line);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
  return line;
}

}  // namespace

CsvFile::CsvFile(const fs::path& path, const std::vector<std::string>& columns, bool append, bool bom) : path_(path) {
  const std::string header = header_line(columns);
  std::error_code ec;
  const bool has_rows = append && fs::exists(path, ec) && fs::file_size(path, ec) > 0;
  if (has_rows && first_line(path) != header)
    throw std::runtime_error(path.string() + " has other columns than this writer's (" + header +
                             "); it cannot be appended to. Write to another folder, or set if_exists = \"overwrite\"");
  file_.reset(std::fopen(path.c_str(), append ? "ab" : "wb"));
  if (!file_) throw vigil::sdk::OutputError("cannot open " + path.string() + " for writing: " + std::strerror(errno));
  std::setvbuf(file_.get(), nullptr, _IOFBF, 1 << 18);
  if (!has_rows) {
    if (bom) row_ = "\xEF\xBB\xBF";
    row_ += header;
    fields_ = columns.size();
    end_row();
  }
}

void CsvFile::end_row() {
  row_.append("\r\n");
  if (std::fwrite(row_.data(), 1, row_.size(), file_.get()) != row_.size())
    throw std::runtime_error("write error on " + path_.string() + ": " + std::strerror(errno));
  row_.clear();
  fields_ = 0;
}

void CsvFile::flush() {
  if (std::fflush(file_.get()) != 0)
    throw std::runtime_error("write error on " + path_.string() + ": " + std::strerror(errno));
}

}  // namespace vigil::csv
