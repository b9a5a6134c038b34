// Source `vigil.files`: every file under a folder (recursive, glob filter),
// one document per file, id = path relative to the folder, in sorted order.
#include <fnmatch.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "builtin/builtin_factories.hpp"
#include "vigil/core/errors.hpp"
#include "vigil/core/text_input.hpp"

namespace vigil::core {
namespace fs = std::filesystem;
using sdk::Document;
using sdk::ParamSpec;

namespace {

// A NUL byte in the first 8 KiB marks a binary file, as git and grep decide.
constexpr std::size_t kSniffBytes = 8192;

class FilesSource final : public sdk::Source {
 public:
  explicit FilesSource(const sdk::CreateContext& ctx)
      : root_(ctx.params.get_path("path")), glob_(ctx.params.get_string("glob")), logger_(ctx.logger) {
    const bool recursive = ctx.params.get_bool("recursive");
    const bool hidden = ctx.params.get_bool("hidden");
    std::error_code ec;
    if (fs::is_regular_file(root_, ec)) {
      files_.push_back(root_.filename());
      root_ = root_.parent_path();
    } else if (fs::is_directory(root_, ec)) {
      collect(recursive, hidden);
    } else {
      throw RunError("vigil.files: " + root_.string() + ": no such file or folder");
    }
    std::sort(files_.begin(), files_.end());
    for (const auto& f : files_) total_ += fs::file_size(root_ / f, ec);
  }

  Status next(Document& doc) override {
    if (index_ >= files_.size()) return Status::end;
    const fs::path rel = files_[index_++];
    const fs::path full = root_ / rel;
    doc.id = rel.generic_string();
    std::ifstream in(full, std::ios::binary);
    std::error_code ec;
    const auto size = fs::file_size(full, ec);
    if (!in || ec) {
      doc.diagnose(sdk::Diagnostic::Level::error, "source", "cannot read " + full.string() + ": " + std::strerror(errno));
      return Status::failed;
    }
    if (size > kMaxDocumentBytes) {
      doc.diagnose(sdk::Diagnostic::Level::error, "source",
                   full.string() + ": " + std::to_string(size) + " bytes is over the 2 GiB document limit");
      return Status::failed;
    }
    doc.text.resize(size);
    in.read(doc.text.data(), static_cast<std::streamsize>(size));
    doc.text.resize(static_cast<std::size_t>(in.gcount()));
    const auto sniff = std::string_view(doc.text).substr(0, kSniffBytes);
    if (auto nul = sniff.find('\0'); nul != std::string_view::npos) {
      doc.warn("source", "binary file skipped (NUL byte at offset " + std::to_string(nul) + ")");
      doc.text.clear();
      return Status::skipped;
    }
    doc.meta["path"] = full.string();
    normalize_input_text(doc);
    return Status::document;
  }

  std::optional<std::uint64_t> total_bytes() const override { return total_; }

 private:
  void collect(bool recursive, bool hidden) {
    auto visible = [&](const fs::path& p) { return hidden || p.filename().string().rfind('.', 0) != 0; };
    auto consider = [&](const fs::directory_entry& e) {
      if (!e.is_regular_file()) return;
      const std::string name = e.path().filename().string();
      if (!visible(e.path()) || ::fnmatch(glob_.c_str(), name.c_str(), 0) != 0) return;
      files_.push_back(e.path().lexically_relative(root_));
    };
    if (recursive) {
      auto it = fs::recursive_directory_iterator(root_, fs::directory_options::skip_permission_denied);
      for (; it != fs::recursive_directory_iterator(); ++it) {
        if (it->is_directory() && !visible(it->path())) {
          it.disable_recursion_pending();
          continue;
        }
        consider(*it);
      }
    } else {
      for (const auto& e : fs::directory_iterator(root_)) consider(e);
    }
  }

  fs::path root_;
  std::string glob_;
  std::shared_ptr<spdlog::logger> logger_;
  std::vector<fs::path> files_;
  std::size_t index_ = 0;
  std::uint64_t total_ = 0;
};

std::unique_ptr<sdk::Source> make_files_source(const sdk::CreateContext& ctx) {
  return std::make_unique<FilesSource>(ctx);
}

}  // namespace

CatalogEntry files_source_entry() {
  CatalogEntry e;
  e.kind = sdk::ComponentKind::source;
  e.spec.name = "vigil.files";
  e.spec.description = "Reads every file under a folder (or one file) as a document; id = path relative to the folder";
  e.spec.params = {
      ParamSpec::required_key("path", sdk::ParamType::path, "Folder to read (or a single file)"),
      ParamSpec::string("glob", "*", "Shell pattern the file name must match, e.g. \"*.txt\""),
      ParamSpec::boolean("recursive", true, "Descend into sub-folders"),
      ParamSpec::boolean("hidden", false, "Also read files and folders whose name starts with a dot"),
  };
  e.source_factory = &make_files_source;
  return e;
}

}  // namespace vigil::core
