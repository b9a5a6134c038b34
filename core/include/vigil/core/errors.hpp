// Error types of the host. Each maps to one exit code of the `vigil` command.
#pragma once

#include <stdexcept>
#include <string>

namespace vigil::core {

// Exit codes of `vigil run` / `vigil check` (documented in README.md).
enum ExitCode : int {
  kExitOk = 0,
  kExitDocumentsFailed = 1,
  kExitUsage = 2,       // usage or configuration error
  kExitPluginLoad = 3,  // a plugin could not be loaded or a component created
  kExitRuntime = 4,     // the run itself broke (source or sink I/O)
};

// A configuration file or command-line value is wrong. The message starts with
// the location: "pipeline.toml:12:5: ...".
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A plugin library could not be loaded, or a factory refused to create.
class PluginError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The run could not go on (unreadable input, unwritable output).
class RunError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace vigil::core
