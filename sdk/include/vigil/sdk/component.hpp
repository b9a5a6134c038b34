// Component interfaces: sources read documents, annotators add to them, sinks
// write them. A plugin registers factories for them with a ComponentSpec.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <spdlog/logger.h>
#include <string>
#include <vector>

#include "vigil/sdk/document.hpp"
#include "vigil/sdk/params.hpp"

namespace vigil::sdk {

enum class ComponentKind : std::uint8_t { source, annotator, sink };

inline const char* to_string(ComponentKind k) noexcept {
  switch (k) {
    case ComponentKind::source: return "source";
    case ComponentKind::annotator: return "annotator";
    case ComponentKind::sink: return "sink";
  }
  return "unknown";
}

// Well-known names for `requires` / `assigns`. Custom names are allowed.
namespace layer {
inline constexpr const char* language = "language";
inline constexpr const char* tokens = "tokens";
inline constexpr const char* sentences = "sentences";
inline constexpr const char* entities = "entities";
inline constexpr const char* topics = "topics";
}  // namespace layer

// Everything the host knows about a component before creating it. Plain data,
// copied by the host at registration.
struct ComponentSpec {
  ComponentSpec() = default;
  ComponentSpec(std::string name_, std::string description_)
      : name(std::move(name_)), description(std::move(description_)) {}

  std::string name;         // dotted, unique per kind: "vigil.tokenize", "acme.ner.crf"
  std::string description;  // one line
  std::vector<ParamSpec> params;
  std::vector<std::string> requires_layers;  // annotators: what must be there before
  std::vector<std::string> assigns_layers;   // annotators: what this one adds
  // Annotators: true if one instance may be called from several threads at
  // once; otherwise the host creates one instance per worker thread.
  bool thread_safe = false;
};

// The run a component is created for. Empty strings when unknown (a
// component created outside `vigil run`, e.g. in a unit test).
struct RunInfo {
  std::string host_version;   // version of the vigil host, "0.1.0"
  std::string pipeline_name;  // [pipeline] name
  // Hash of the filled-in configuration (what `vigil run --print-config`
  // prints), "fnv1a64:<16 hex digits>": the same for runs with the same
  // effective configuration. Writers store it to tell runs apart.
  std::string pipeline_hash;
};

// What a factory receives. Valid only during the factory call.
struct CreateContext {
  const Params& params;
  std::shared_ptr<spdlog::logger> logger;  // the host's logger; keep a copy if needed
  std::string instance;                    // stage name in the pipeline ("ner", "tokenize")
  std::filesystem::path config_dir;        // folder of the pipeline file
  RunInfo run = {};                        // API 2
};

// Reads documents, in order, from one thread.
class Source {
 public:
  enum class Status : std::uint8_t {
    document,  // `doc` holds the next document
    skipped,   // an input was read but is not a document (binary file...);
               // `doc.id` names it and `doc.diagnostics` says why
    failed,    // an input could not be read or parsed (malformed line...);
               // `doc.id` names it and `doc.diagnostics` says why
    end,       // no more input
  };
  virtual ~Source() = default;
  // Fills `doc` (cleared by the host beforehand). Throwing stops the run.
  virtual Status next(Document& doc) = 0;
  // Total input size in bytes when known in advance (for progress and ETA).
  virtual std::optional<std::uint64_t> total_bytes() const { return std::nullopt; }
};

// Adds to documents. Called concurrently on different documents when the spec
// says thread_safe; otherwise each instance is used by one thread at a time.
class Annotator {
 public:
  virtual ~Annotator() = default;
  // Throwing marks this document as failed (the host records the message and
  // stage, sends the document to the dead-letter file) and the run goes on.
  virtual void annotate(Document& doc) = 0;
};

// Writes documents, in input order, from one thread.
class Sink {
 public:
  virtual ~Sink() = default;
  virtual void write(const Document& doc) = 0;
  // Called once after the last document; flush and close here.
  virtual void finish() {}
};

// Thrown by a source or sink (factory or call) when its input or output
// cannot be opened, read or written: an output file that exists, a missing
// folder, a full disk. The host reports it as an I/O error (exit code 4), not
// as a broken plugin (exit code 3). Default visibility, so that the host
// catches the type a hidden-visibility plugin throws.
class __attribute__((visibility("default"))) OutputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Factories are plain functions: the objects they return are owned by the
// host, which keeps the plugin's library loaded for as long as they live.
// A factory throws (any std::exception) to report that it cannot create the
// component; the host reports the message with the stage and plugin.
using SourceFactory = std::unique_ptr<Source> (*)(const CreateContext&);
using AnnotatorFactory = std::unique_ptr<Annotator> (*)(const CreateContext&);
using SinkFactory = std::unique_ptr<Sink> (*)(const CreateContext&);

// Handed to a plugin's register_components callback. Implemented by the host;
// valid only during the callback. Duplicate names are reported by the host
// after the callback returns.
class Registry {
 public:
  virtual void add_source(ComponentSpec spec, SourceFactory factory) = 0;
  virtual void add_annotator(ComponentSpec spec, AnnotatorFactory factory) = 0;
  virtual void add_sink(ComponentSpec spec, SinkFactory factory) = 0;

 protected:
  ~Registry() = default;
};

}  // namespace vigil::sdk
