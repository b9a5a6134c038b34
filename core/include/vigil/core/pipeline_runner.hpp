// Runs a checked pipeline: an ordered, bounded, parallel stream on oneTBB.
// The source reads in order on one thread, annotators run in parallel, sinks
// receive documents in input order on one thread. oneTBB admits at most
// threads * in_flight_per_thread documents at a time (plus a little slack in
// its hand-over between filters): memory does not grow with the corpus.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <spdlog/logger.h>

#include "vigil/core/pipeline_check.hpp"

namespace vigil::core {

struct RunOptions {
  int threads = 0;  // 0: all cores
  bool fail_fast = false;
  std::string dead_letters;  // empty: ./vigil-dead-letters.jsonl
  int in_flight_per_thread = 4;
  bool progress_on_terminal = false;  // redraw a progress line on stderr
  double log_interval = 10.0;         // otherwise log a line this often (s); 0: never
  std::shared_ptr<spdlog::logger> logger;
  sdk::RunInfo run_info;  // handed to every component's factory
};

// read = written + failed + skipped + discarded always holds; discarded is
// non-zero only when --fail-fast stopped the run with documents in flight.
struct RunStats {
  std::uint64_t read = 0, written = 0, failed = 0, skipped = 0, discarded = 0;
  std::uint64_t bytes = 0;  // text bytes of the documents read
  double seconds = 0.0;
  bool stopped_by_fail_fast = false;
  std::string dead_letters_path;  // set when at least one document failed
  int threads = 0;

  std::string summary() const;  // the final line printed by `vigil run`
};

class PipelineRunner {
 public:
  // Creates every component: factories run here. Throws PluginError naming
  // the stage, its config location and plugin when a factory throws.
  PipelineRunner(const CheckedPipeline& pipeline, RunOptions options);
  ~PipelineRunner();
  PipelineRunner(const PipelineRunner&) = delete;
  PipelineRunner& operator=(const PipelineRunner&) = delete;

  // Throws RunError when the source or a sink fails (exit code 4).
  RunStats run();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vigil::core
