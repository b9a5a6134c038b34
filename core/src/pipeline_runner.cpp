#include "vigil/core/pipeline_runner.hpp"

#include <tbb/concurrent_queue.h>
#include <tbb/info.h>
#include <tbb/parallel_pipeline.h>
#include <tbb/task_arena.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <sstream>

#include "vigil/core/builtin_components.hpp"
#include "vigil/core/document_json.hpp"
#include "vigil/core/errors.hpp"
#include "vigil/core/progress_reporter.hpp"

namespace vigil::core {
namespace fs = std::filesystem;
using sdk::Document;

namespace {

// An object made by a plugin, holding the plugin's library: `origin` is
// declared first, so `object` is destroyed while the code is still loaded.
template <class T>
struct Owned {
  std::shared_ptr<const Origin> origin;
  std::unique_ptr<T> object;
};

std::string describe(const CheckedComponent& c) {
  const auto& o = c.entry->origin;
  std::string from = o && o->file.empty() ? "built-in" : o ? "plugin " + o->plugin + " (" + o->file.string() + ")" : "";
  return "[" + c.section + "] " + c.use + " at " + c.where + ", from " + from;
}

template <class T, class Factory>
Owned<T> create(const CheckedComponent& c, Factory factory, const RunOptions& opt) {
  sdk::CreateContext ctx{c.params, opt.logger, c.name, c.config_dir, opt.run_info};
  Owned<T> out{c.entry->origin, nullptr};
  try {
    out.object = factory(ctx);
  } catch (const RunError&) {
    throw;
  } catch (const sdk::OutputError& e) {
    throw RunError(describe(c) + ": " + e.what());
  } catch (const std::exception& e) {
    throw PluginError(describe(c) + ": could not be created: " + e.what());
  } catch (...) {
    throw PluginError(describe(c) + ": could not be created: unknown exception");
  }
  if (!out.object) throw PluginError(describe(c) + ": factory returned nothing");
  return out;
}

// One stage: a shared instance when the component is thread-safe, otherwise
// a pool holding one instance per thread that is using it.
class StageInstances {
 public:
  StageInstances(const CheckedComponent& c, const RunOptions& opt) : component_(c), options_(opt) {
    // Created now, so a factory that throws stops the run before any input.
    auto first = std::make_unique<Owned<sdk::Annotator>>(create<sdk::Annotator>(c, c.entry->annotator_factory, opt));
    if (c.entry->spec.thread_safe)
      shared_ = std::move(first);
    else
      pool_.push(first.release());
  }
  ~StageInstances() {
    Owned<sdk::Annotator>* p = nullptr;
    while (pool_.try_pop(p)) delete p;
  }
  StageInstances(const StageInstances&) = delete;
  StageInstances& operator=(const StageInstances&) = delete;

  void annotate(Document& doc) {
    if (shared_) {
      shared_->object->annotate(doc);
      return;
    }
    Owned<sdk::Annotator>* mine = nullptr;
    if (!pool_.try_pop(mine))
      mine = new Owned<sdk::Annotator>(create<sdk::Annotator>(component_, component_.entry->annotator_factory, options_));
    struct Return {
      tbb::concurrent_queue<Owned<sdk::Annotator>*>& pool;
      Owned<sdk::Annotator>* item;
      ~Return() { pool.push(item); }
    } give_back{pool_, mine};
    mine->object->annotate(doc);
  }

  const std::string& name() const { return component_.name; }
  const std::string& use() const { return component_.use; }

 private:
  const CheckedComponent& component_;
  const RunOptions& options_;
  std::unique_ptr<Owned<sdk::Annotator>> shared_;       // thread-safe components
  tbb::concurrent_queue<Owned<sdk::Annotator>*> pool_;  // the others: idle instances
};

struct Item {
  Document doc;
  sdk::Source::Status status = sdk::Source::Status::document;
  sdk::Diagnostic error;  // why it failed, when it did
};

}  // namespace

struct PipelineRunner::Impl {
  const CheckedPipeline& pipeline;
  RunOptions options;
  Owned<sdk::Source> source;
  std::vector<std::unique_ptr<StageInstances>> stages;
  std::vector<Owned<sdk::Sink>> sinks;
  FilePtr dead_letters{nullptr, nullptr};
  std::string dead_letters_path;

  Impl(const CheckedPipeline& p, RunOptions o) : pipeline(p), options(std::move(o)) {
    // Stages first: a model that fails to load stops the run before the
    // source opens its input or a sink creates its output.
    for (const auto& s : p.stages) stages.push_back(std::make_unique<StageInstances>(s, options));
    source = create<sdk::Source>(p.source, p.source.entry->source_factory, options);
    for (const auto& s : p.sinks) sinks.push_back(create<sdk::Sink>(s, s.entry->sink_factory, options));
    dead_letters_path = options.dead_letters.empty() ? "vigil-dead-letters.jsonl" : options.dead_letters;
  }

  void write_dead_letter(const Item& item) {
    if (!dead_letters) dead_letters = open_output(dead_letters_path, IfExists::overwrite, true, "dead letters");
    std::string line;
    append_document_json(line, item.doc, DocumentJsonOptions{}, &item.error);
    line.push_back('\n');
    std::fwrite(line.data(), 1, line.size(), dead_letters.get());
  }
};

PipelineRunner::PipelineRunner(const CheckedPipeline& pipeline, RunOptions options)
    : impl_(std::make_unique<Impl>(pipeline, std::move(options))) {}

PipelineRunner::~PipelineRunner() = default;

RunStats PipelineRunner::run() {
  Impl& m = *impl_;
  RunStats stats;
  const int threads = m.options.threads > 0 ? m.options.threads : tbb::info::default_concurrency();
  stats.threads = threads;
  const std::size_t max_in_flight = static_cast<std::size_t>(threads) * static_cast<std::size_t>(m.options.in_flight_per_thread);

  ProgressReporter progress(m.options.progress_on_terminal, m.options.log_interval, m.source.object->total_bytes(),
                            m.options.logger);
  std::atomic<bool> stop{false};
  const auto start = std::chrono::steady_clock::now();

  auto read = [&](tbb::flow_control& fc) -> Item* {
    if (stop.load(std::memory_order_relaxed)) {
      fc.stop();
      return nullptr;
    }
    auto item = std::make_unique<Item>();
    item->status = m.source.object->next(item->doc);
    if (item->status == sdk::Source::Status::end) {
      fc.stop();
      return nullptr;
    }
    return item.release();
  };

  auto annotate = [&](Item* item) -> Item* {
    if (item->status != sdk::Source::Status::document || stop.load(std::memory_order_relaxed)) return item;
    for (auto& stage : m.stages) {
      try {
        stage->annotate(item->doc);
      } catch (const std::exception& e) {
        item->error = {sdk::Diagnostic::Level::error, stage->name(), stage->use() + " failed: " + e.what()};
      } catch (...) {
        item->error = {sdk::Diagnostic::Level::error, stage->name(), stage->use() + " failed: unknown exception"};
      }
      if (!item->error.message.empty()) {
        item->doc.diagnostics.push_back(item->error);
        item->status = sdk::Source::Status::failed;
        break;
      }
    }
    return item;
  };

  auto write = [&](Item* raw) {
    std::unique_ptr<Item> item(raw);
    ++stats.read;
    stats.bytes += item->doc.text.size();
    if (stop.load(std::memory_order_relaxed)) {
      ++stats.discarded;
      return;
    }
    switch (item->status) {
      case sdk::Source::Status::document:
        for (auto& sink : m.sinks) sink.object->write(item->doc);
        ++stats.written;
        break;
      case sdk::Source::Status::skipped:
        ++stats.skipped;
        for (const auto& d : item->doc.diagnostics) m.options.logger->warn("{}: {}", item->doc.id, d.message);
        break;
      case sdk::Source::Status::failed:
      case sdk::Source::Status::end:
        if (item->error.message.empty() && !item->doc.diagnostics.empty()) item->error = item->doc.diagnostics.back();
        ++stats.failed;
        m.options.logger->error("document {} failed: [{}] {}", item->doc.id, item->error.stage, item->error.message);
        m.write_dead_letter(*item);
        stats.dead_letters_path = m.dead_letters_path;
        if (m.options.fail_fast) {
          stats.stopped_by_fail_fast = true;
          stop.store(true, std::memory_order_relaxed);
        }
        break;
    }
    progress.update(stats.read, stats.bytes);
  };

  tbb::task_arena arena(threads);
  arena.execute([&] {
    tbb::parallel_pipeline(max_in_flight,
                           tbb::make_filter<void, Item*>(tbb::filter_mode::serial_in_order, read) &
                               tbb::make_filter<Item*, Item*>(tbb::filter_mode::parallel, annotate) &
                               tbb::make_filter<Item*, void>(tbb::filter_mode::serial_in_order, write));
  });
  for (auto& sink : m.sinks) sink.object->finish();
  if (m.dead_letters) std::fflush(m.dead_letters.get());
  progress.finish();
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return stats;
}

std::string RunStats::summary() const {
  char buf[512];
  const double secs = seconds > 0 ? seconds : 1e-9;
  std::snprintf(buf, sizeof buf,
                "read %llu = written %llu + failed %llu + skipped %llu%s in %.2f s (%d thread%s, %.0f docs/s, %.1f MB/s)",
                static_cast<unsigned long long>(read), static_cast<unsigned long long>(written),
                static_cast<unsigned long long>(failed), static_cast<unsigned long long>(skipped),
                discarded ? (" + discarded " + std::to_string(discarded)).c_str() : "", seconds, threads,
                threads == 1 ? "" : "s", static_cast<double>(read) / secs, static_cast<double>(bytes) / 1e6 / secs);
  return buf;
}

}  // namespace vigil::core
