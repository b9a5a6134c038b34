// Progress of a run on stderr: a redrawn line when stderr is a terminal
// (documents, MB, docs/s, ETA when the input size is known), else a log line
// every few seconds. Called from the single ordered writer thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>

#include <spdlog/logger.h>

namespace vigil::core {

class ProgressReporter {
 public:
  ProgressReporter(bool terminal, double log_interval_s, std::optional<std::uint64_t> total_bytes,
                   std::shared_ptr<spdlog::logger> logger);
  void update(std::uint64_t docs, std::uint64_t bytes);
  void finish();  // clears the terminal line

 private:
  void emit(std::uint64_t docs, std::uint64_t bytes, double elapsed);

  bool terminal_;
  double interval_;
  std::optional<std::uint64_t> total_;
  std::shared_ptr<spdlog::logger> logger_;
  std::chrono::steady_clock::time_point start_, last_;
  bool drawn_ = false;
};

}  // namespace vigil::core
