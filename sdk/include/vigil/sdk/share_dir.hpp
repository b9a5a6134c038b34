// Where a plugin finds the data installed with it (models, word lists):
// `<prefix>/share/vigil` for a plugin installed as
// `<prefix>/lib/vigil/plugins/NAME.so`. The build tree mirrors the install
// tree, so the same path works from `build/`.
#pragma once

#include <dlfcn.h>

#include <filesystem>
#include <optional>

namespace vigil::sdk {

// `anchor` is the address of something defined in the plugin's own library,
// e.g. a `static const char` in an anonymous namespace: dladdr names the file
// that holds it. (The anchor must come from the caller: a static inside this
// inline function could be merged across libraries by the dynamic linker.)
// Empty when the file cannot be found.
inline std::optional<std::filesystem::path> plugin_share_dir(const void* anchor) {
  Dl_info info{};
  if (dladdr(anchor, &info) == 0 || info.dli_fname == nullptr) return std::nullopt;
  std::error_code ec;
  std::filesystem::path so = std::filesystem::canonical(info.dli_fname, ec);
  if (ec) so = info.dli_fname;
  return (so.parent_path() / ".." / ".." / ".." / "share" / "vigil").lexically_normal();
}

}  // namespace vigil::sdk
