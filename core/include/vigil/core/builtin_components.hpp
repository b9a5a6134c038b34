// The components compiled into the host: sources vigil.files and vigil.jsonl,
// sink vigil.jsonl. They go through the same catalog, specs and validation as
// plugin components.
#pragma once

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

namespace vigil::core {

class ComponentCatalog;
void register_builtin_components(ComponentCatalog& catalog);

// How an output file that already exists is treated.
enum class IfExists { fail, overwrite, append };
IfExists parse_if_exists(const std::string& s);

// Opens `path` for writing ("-": stdout), creating parent folders when asked.
// Throws RunError with the path and the reason. The FILE* is closed by the
// deleter unless it is stdout.
using FilePtr = std::unique_ptr<std::FILE, int (*)(std::FILE*)>;
FilePtr open_output(const std::filesystem::path& path, IfExists policy, bool create_dirs, const std::string& who);

}  // namespace vigil::core
