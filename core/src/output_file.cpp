#include <cerrno>
#include <cstring>

#include "vigil/core/builtin_components.hpp"
#include "vigil/core/errors.hpp"

namespace vigil::core {
namespace fs = std::filesystem;

IfExists parse_if_exists(const std::string& s) {
  if (s == "overwrite") return IfExists::overwrite;
  if (s == "append") return IfExists::append;
  return IfExists::fail;
}

namespace {
int close_file(std::FILE* f) { return f ? std::fclose(f) : 0; }
int keep_open(std::FILE* f) { return f ? std::fflush(f) : 0; }
}  // namespace

FilePtr open_output(const fs::path& path, IfExists policy, bool create_dirs, const std::string& who) {
  if (path == "-") return FilePtr(stdout, keep_open);
  std::error_code ec;
  if (policy == IfExists::fail && fs::exists(path, ec) && path != "/dev/null")
    throw RunError(who + ": " + path.string() +
                   " already exists; remove it, or set if_exists = \"overwrite\" or \"append\" on the sink");
  if (create_dirs && path.has_parent_path()) {
    fs::create_directories(path.parent_path(), ec);
    if (ec) throw RunError(who + ": cannot create folder " + path.parent_path().string() + ": " + ec.message());
  }
  std::FILE* f = std::fopen(path.c_str(), policy == IfExists::append ? "ab" : "wb");
  if (!f) throw RunError(who + ": cannot open " + path.string() + " for writing: " + std::strerror(errno));
  std::setvbuf(f, nullptr, _IOFBF, 1 << 20);
  return FilePtr(f, close_file);
}

}  // namespace vigil::core
