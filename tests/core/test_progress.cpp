#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <catch2/catch.hpp>
#include <sstream>
#include <thread>

#include "vigil/core/progress_reporter.hpp"

using vigil::core::ProgressReporter;

namespace {
std::shared_ptr<spdlog::logger> logger_into(std::ostringstream& out) {
  auto logger = std::make_shared<spdlog::logger>("progress", std::make_shared<spdlog::sinks::ostream_sink_mt>(out));
  logger->set_pattern("%v");
  return logger;
}
}  // namespace

TEST_CASE("off a terminal, progress is a log line every interval", "[progress]") {
  std::ostringstream out;
  ProgressReporter progress(false, 0.01, std::uint64_t{4'000'000}, logger_into(out));
  progress.update(64, 1'000'000);  // too early: nothing yet
  CHECK(out.str().empty());
  std::this_thread::sleep_for(std::chrono::milliseconds(30));
  progress.update(128, 2'000'000);
  CHECK(out.str().rfind("progress: 128 docs, 2.0 MB, ", 0) == 0);
  CHECK(out.str().find("ETA 0:") != std::string::npos);  // half the input read
  progress.finish();
}

TEST_CASE("a zero interval disables progress lines", "[progress]") {
  std::ostringstream out;
  ProgressReporter progress(false, 0.0, std::nullopt, logger_into(out));
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  progress.update(64, 100);
  CHECK(out.str().empty());
}
