// `vigil run` and `vigil check`.
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "vigil/commands.hpp"
#include "vigil/core/component_catalog.hpp"
#include "vigil/core/errors.hpp"
#include "vigil/core/pipeline_check.hpp"
#include "vigil/core/pipeline_config.hpp"
#include "vigil/core/pipeline_runner.hpp"

namespace vigil::cli {
using namespace vigil::core;

int run_command(const RunCommandOptions& opt, const GlobalOptions& global) {
  auto logger = make_logger(global.log_level);
  const bool to_stdout = opt.output == "-";
  try {
    PipelineConfig config = load_pipeline_config(opt.pipeline);
    if (!opt.input.empty()) replace_source(config, opt.input);
    if (!opt.output.empty()) replace_sinks(config, opt.output);
    for (const auto& assignment : opt.overrides) apply_override(config, assignment);

    ComponentCatalog catalog;
    CheckedPipeline pipeline = check_pipeline(config, catalog, global.plugin_path);
    for (const auto& failure : catalog.discovery_failures()) logger->warn("{}", failure);

    if (opt.print_config) {
      std::cout << filled_config_toml(pipeline);
      return kExitOk;
    }
    if (opt.check_only) {
      std::fprintf(stderr, "%s: OK: source %s, %zu stage%s, %zu sink%s\n", opt.pipeline.c_str(),
                   pipeline.source.use.c_str(), pipeline.stages.size(), pipeline.stages.size() == 1 ? "" : "s",
                   pipeline.sinks.size(), pipeline.sinks.size() == 1 ? "" : "s");
      return kExitOk;
    }

    RunOptions run;
    run.threads = opt.threads >= 0 ? opt.threads : pipeline.settings.threads;
    run.fail_fast = opt.fail_fast || pipeline.settings.fail_fast;
    run.dead_letters = !opt.dead_letters.empty() ? opt.dead_letters : pipeline.settings.dead_letters;
    run.in_flight_per_thread = pipeline.settings.in_flight_per_thread;
    run.progress_on_terminal = !opt.quiet && !opt.no_progress && ::isatty(STDERR_FILENO);
    run.log_interval = opt.quiet ? 0.0 : pipeline.settings.log_interval;
    run.logger = logger;
    run.run_info = {VIGIL_VERSION, pipeline.settings.name, config_hash(pipeline)};

    PipelineRunner runner(pipeline, run);
    RunStats stats = runner.run();
    if (!opt.quiet) {
      std::fprintf(stderr, "vigil: %s\n", stats.summary().c_str());
      if (!to_stdout)
        for (const auto& sink : pipeline.sinks)
          if (sink.params.has("path") && sink.params.get_path("path") != "-")
            std::fprintf(stderr, "vigil: wrote %s\n", sink.params.get_path("path").c_str());
      if (stats.failed)
        std::fprintf(stderr, "vigil: %llu failed document%s in %s\n", static_cast<unsigned long long>(stats.failed),
                     stats.failed == 1 ? "" : "s", stats.dead_letters_path.c_str());
      if (stats.stopped_by_fail_fast) std::fprintf(stderr, "vigil: stopped at the first failure (--fail-fast)\n");
    }
    return stats.failed ? kExitDocumentsFailed : kExitOk;
  } catch (const std::exception& e) {
    return report_error(e);
  }
}

}  // namespace vigil::cli
