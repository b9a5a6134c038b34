// Options shared by the file writers (vigil.sqlite, vigil.csv, vigil.html),
// declared and read the same way as the built-in vigil.jsonl sink: `path`,
// `offsets`, `text`, `if_exists`, `mkdirs`.
//
// Header-only and linked into each writer plugin; it uses nothing but the SDK.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>
#include <vigil/sdk.hpp>

namespace vigil::writer {

enum class IfExists { fail, overwrite, append };

inline IfExists parse_if_exists(const std::string& s) {
  if (s == "overwrite") return IfExists::overwrite;
  if (s == "append") return IfExists::append;
  return IfExists::fail;
}

// The parameter specs every writer declares, with the writer's own wording
// for `path` and for what "append" means to it.
inline std::vector<sdk::ParamSpec> output_param_specs(const std::string& default_path, const std::string& path_doc,
                                                      const std::string& if_exists_doc, bool can_append = true) {
  using sdk::ParamSpec;
  std::vector<std::string> if_exists = {"fail", "overwrite"};
  if (can_append) if_exists.push_back("append");
  return {
      ParamSpec::path("path", default_path, path_doc),
      ParamSpec::string("offsets", "codepoint", "Unit of start/end offsets").one_of({"codepoint", "byte", "utf16"}),
      ParamSpec::boolean("text", true, "Include each document's text"),
      ParamSpec::string("if_exists", "fail", if_exists_doc).one_of(std::move(if_exists)),
      ParamSpec::boolean("mkdirs", true, "Create missing parent folders"),
  };
}

struct OutputOptions {
  std::filesystem::path path;
  sdk::OffsetUnit offsets = sdk::OffsetUnit::codepoint;
  bool text = true;
  IfExists if_exists = IfExists::fail;
  bool mkdirs = true;
  std::string who;         // "sink NAME", the prefix of every message
  bool can_append = true;  // whether the writer offers if_exists = "append"

  static OutputOptions from(const sdk::CreateContext& ctx) {
    OutputOptions o;
    o.path = ctx.params.get_path("path");
    o.offsets = sdk::parse_offset_unit(ctx.params.get_string("offsets"));
    o.text = ctx.params.get_bool("text");
    o.if_exists = parse_if_exists(ctx.params.get_string("if_exists"));
    o.mkdirs = ctx.params.get_bool("mkdirs");
    o.who = "sink " + ctx.instance;
    return o;
  }

  // The message vigil.jsonl gives, so every writer refuses the same way.
  [[noreturn]] void refuse_existing(const std::filesystem::path& existing) const {
    throw vigil::sdk::OutputError(who + ": " + existing.string() + " already exists; remove it, or set if_exists = " +
                             (can_append ? "\"overwrite\" or \"append\"" : "\"overwrite\"") + " on the sink");
  }

  // Throws when `p` exists and if_exists is "fail".
  void check_may_write(const std::filesystem::path& p) const {
    std::error_code ec;
    if (if_exists == IfExists::fail && std::filesystem::exists(p, ec)) refuse_existing(p);
  }

  // Creates `folder` (and its parents) when mkdirs is set.
  void ensure_folder(const std::filesystem::path& folder) const {
    if (!mkdirs || folder.empty()) return;
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec) throw vigil::sdk::OutputError(who + ": cannot create folder " + folder.string() + ": " + ec.message());
  }
};

// JSON text of a value, never throwing on bad UTF-8 (replaced by U+FFFD).
inline std::string to_json_text(const sdk::Json& v) {
  return v.dump(-1, ' ', false, sdk::Json::error_handler_t::replace);
}

}  // namespace vigil::writer
