#include "vigil/core/progress_reporter.hpp"

#include <cstdio>

namespace vigil::core {

ProgressReporter::ProgressReporter(bool terminal, double log_interval_s, std::optional<std::uint64_t> total_bytes,
                                   std::shared_ptr<spdlog::logger> logger)
    : terminal_(terminal),
      interval_(terminal ? 0.2 : log_interval_s),
      total_(total_bytes),
      logger_(std::move(logger)),
      start_(std::chrono::steady_clock::now()),
      last_(start_) {}

void ProgressReporter::update(std::uint64_t docs, std::uint64_t bytes) {
  if (interval_ <= 0 || (docs & 63) != 0) return;  // look at the clock every 64 documents
  auto now = std::chrono::steady_clock::now();
  if (std::chrono::duration<double>(now - last_).count() < interval_) return;
  last_ = now;
  emit(docs, bytes, std::chrono::duration<double>(now - start_).count());
}

void ProgressReporter::emit(std::uint64_t docs, std::uint64_t bytes, double elapsed) {
  const double rate = elapsed > 0 ? static_cast<double>(docs) / elapsed : 0;
  const double mb = static_cast<double>(bytes) / 1e6;
  char eta[32] = "";
  if (total_ && *total_ > 0 && bytes > 0 && bytes < *total_) {
    // Input bytes include markup (JSON) the text does not: an estimate.
    const double left = elapsed * (static_cast<double>(*total_) / static_cast<double>(bytes) - 1.0);
    std::snprintf(eta, sizeof eta, ", ETA %d:%02d", static_cast<int>(left) / 60, static_cast<int>(left) % 60);
  }
  if (terminal_) {
    std::fprintf(stderr, "\r\033[K%llu docs, %.1f MB, %.0f docs/s%s", static_cast<unsigned long long>(docs), mb, rate,
                 eta);
    std::fflush(stderr);
    drawn_ = true;
  } else if (logger_) {
    logger_->info("progress: {} docs, {:.1f} MB, {:.0f} docs/s{}", docs, mb, rate, eta);
  }
}

void ProgressReporter::finish() {
  if (drawn_) {
    std::fprintf(stderr, "\r\033[K");
    std::fflush(stderr);
  }
}

}  // namespace vigil::core
