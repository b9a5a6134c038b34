#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "vigil/commands.hpp"

namespace vigil::cli {

std::shared_ptr<spdlog::logger> make_logger(const std::string& level) {
  // stderr only: with `--output -` stdout carries the documents.
  auto logger = spdlog::stderr_color_mt("vigil");
  logger->set_pattern("%^[%l]%$ %v");
  logger->set_level(spdlog::level::from_str(level));
  spdlog::set_default_logger(logger);
  return logger;
}

}  // namespace vigil::cli
