#include <spdlog/sinks/null_sink.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <mutex>

#include "temp_files.hpp"
#include "vigil/core/errors.hpp"
#include "vigil/core/pipeline_runner.hpp"

using namespace vigil::core;
using vigil::sdk::Document;
using vigil::test::TempDir;
using Catch::Matchers::Contains;
namespace fs = std::filesystem;

namespace {

// In-test components, registered straight into the catalog: a sink that
// records ids, and a source that tracks how many documents are alive.
std::mutex g_mutex;
std::vector<std::string> g_written;
std::atomic<int> g_alive{0}, g_max_alive{0};

class CollectSink final : public vigil::sdk::Sink {
 public:
  void write(const Document& doc) override {
    std::lock_guard lock(g_mutex);
    g_written.push_back(doc.id);
    --g_alive;
  }
};

class TrackedSource final : public vigil::sdk::Source {
 public:
  explicit TrackedSource(std::int64_t n) : n_(n) {}
  Status next(Document& doc) override {
    if (i_ >= n_) return Status::end;
    doc.id = "t-" + std::to_string(i_++);
    doc.text = i_ % 10 == 0 ? "" : "some text";
    if (i_ % 50 == 0) return Status::skipped;  // skipped inputs never reach a sink
    int now = ++g_alive;
    int prev = g_max_alive.load();
    while (now > prev && !g_max_alive.compare_exchange_weak(prev, now)) {
    }
    return Status::document;
  }

 private:
  std::int64_t n_, i_ = 0;
};

void add_test_components(ComponentCatalog& catalog) {
  CatalogEntry sink;
  sink.kind = vigil::sdk::ComponentKind::sink;
  sink.spec.name = "test.collect";
  sink.sink_factory = [](const vigil::sdk::CreateContext&) -> std::unique_ptr<vigil::sdk::Sink> {
    return std::make_unique<CollectSink>();
  };
  catalog.add(sink);
  CatalogEntry source;
  source.kind = vigil::sdk::ComponentKind::source;
  source.spec.name = "test.tracked";
  source.spec.params = {vigil::sdk::ParamSpec::integer("count", 1000, "documents")};
  source.source_factory = [](const vigil::sdk::CreateContext& ctx) -> std::unique_ptr<vigil::sdk::Source> {
    return std::make_unique<TrackedSource>(ctx.params.get_int("count"));
  };
  catalog.add(source);
}

struct Fixture {
  TempDir dir;
  ComponentCatalog catalog;
  CheckedPipeline pipeline;

  explicit Fixture(const std::string& toml) {
    g_written.clear();
    g_alive = 0;
    g_max_alive = 0;
    add_test_components(catalog);
    auto file = dir.write("p.toml", toml);
    pipeline = check_pipeline(load_pipeline_config(file), catalog, {VIGIL_TEST_PLUGIN_DIR});
  }

  RunStats run(int threads, bool fail_fast = false) {
    RunOptions opt;
    opt.threads = threads;
    opt.fail_fast = fail_fast;
    opt.dead_letters = (dir / "dead.jsonl").string();
    opt.logger = std::make_shared<spdlog::logger>("test", std::make_shared<spdlog::sinks::null_sink_mt>());
    PipelineRunner runner(pipeline, opt);
    return runner.run();
  }
};

std::vector<std::string> expected_ids(int n) {
  std::vector<std::string> ids;
  for (int i = 0; i < n; ++i) ids.push_back("doc-" + std::to_string(i));
  return ids;
}

}  // namespace

TEST_CASE("output order is input order whatever the thread count", "[runner]") {
  Fixture f(R"([source]
use = "test.counter"
count = 300
[[stage]]
use = "test.shuffle"
max_sleep_us = 800
[[sink]]
use = "test.collect"
)");
  for (int threads : {1, 2, 8}) {
    INFO("threads = " << threads);
    RunStats stats = f.run(threads);
    CHECK(stats.read == 300);
    CHECK(stats.written == 300);
    CHECK(stats.threads == threads);
    CHECK(g_written == expected_ids(300));
    g_written.clear();
  }
}

TEST_CASE("a failing document is isolated, dead-lettered, and the run goes on", "[runner]") {
  Fixture f(R"([source]
use = "test.counter"
count = 100
[[stage]]
use = "test.fail_on"
marker = "document 13"
[[sink]]
use = "test.collect"
)");
  RunStats stats = f.run(2);
  CHECK(stats.read == 100);
  CHECK(stats.written == 99);
  CHECK(stats.failed == 1);
  CHECK(stats.read == stats.written + stats.failed + stats.skipped + stats.discarded);
  CHECK(std::find(g_written.begin(), g_written.end(), "doc-13") == g_written.end());
  CHECK(g_written.back() == "doc-99");

  auto dead = nlohmann::json::parse(vigil::test::read_file(f.dir / "dead.jsonl"));
  CHECK(dead["id"] == "doc-13");
  CHECK(dead["error"]["stage"] == "fail_on");
  CHECK(dead["error"]["message"] == "test.fail_on failed: marker 'document 13' found at byte 0");
  CHECK(dead["diagnostics"][0]["stage"] == "fail_on");
  CHECK(stats.summary().rfind("read 100 = written 99 + failed 1 + skipped 0 in ", 0) == 0);
}

TEST_CASE("fail-fast stops at the first failure and still reconciles", "[runner]") {
  Fixture f(R"([source]
use = "test.counter"
count = 1000
[[stage]]
use = "test.fail_on"
marker = "document 13"
[[sink]]
use = "test.collect"
)");
  RunStats stats = f.run(2, true);
  CHECK(stats.stopped_by_fail_fast);
  CHECK(stats.failed == 1);
  CHECK(stats.written == 13);  // everything before the failure, in order, and nothing after
  CHECK(g_written == expected_ids(13));
  CHECK(stats.read == stats.written + stats.failed + stats.skipped + stats.discarded);
  CHECK(stats.read < 1000);
}

TEST_CASE("documents in memory stay bounded by threads x in_flight_per_thread", "[runner]") {
  Fixture f(R"([pipeline]
in_flight_per_thread = 3
[source]
use = "test.tracked"
count = 5000
[[stage]]
use = "test.shuffle"
max_sleep_us = 50
[[sink]]
use = "test.collect"
)");
  RunStats stats = f.run(2);
  CHECK(stats.read == 5000);
  CHECK(stats.skipped == 100);  // every 50th input
  CHECK(stats.written == 4900);
  // The bound depends on threads and in_flight_per_thread, never on the corpus
  // size (5000 here). oneTBB hands items between filters with a little slack
  // over its token count (8 seen for 6 tokens), hence the factor 2.
  CHECK(g_max_alive.load() <= 2 * (2 * 3));
}

TEST_CASE("a factory that throws stops the run before any input, naming the stage", "[runner]") {
  TempDir dir;
  ComponentCatalog catalog;
  catalog.load_plugin(fs::path(VIGIL_TEST_BROKEN_PLUGIN_DIR) / "broken_throwing_factory.so");
  auto file = dir.write("p.toml", "[source]\nuse = \"vigil.jsonl\"\npath = \"in.jsonl\"\n[[stage]]\nuse = "
                                  "\"test.throwing_factory\"\n[[sink]]\nuse = \"vigil.jsonl\"\n");
  CheckedPipeline p = check_pipeline(load_pipeline_config(file), catalog, {});
  RunOptions opt;
  opt.logger = std::make_shared<spdlog::logger>("test", std::make_shared<spdlog::sinks::null_sink_mt>());
  try {
    PipelineRunner runner(p, opt);
    FAIL("expected PluginError");
  } catch (const RunError& e) {
    FAIL(std::string("source opened before the stage failed: ") + e.what());
  } catch (const PluginError& e) {
    CHECK_THAT(e.what(), Contains("[stage.throwing_factory] test.throwing_factory at " + file.string() + ":4:1"));
    CHECK_THAT(e.what(), Contains("could not be created: model file /nonexistent/model.bin is missing"));
  }
}

TEST_CASE("a thread-safe stage is one instance shared by every worker", "[runner]") {
  // test.space_tokens is thread-safe and test.shuffle is not: the first is
  // called concurrently on its one instance, the second gets one per thread
  // (test.shuffle throws if two threads ever share an instance).
  Fixture f(R"([source]
use = "test.counter"
count = 3000
[[stage]]
use = "test.space_tokens"
[[stage]]
use = "test.shuffle"
max_sleep_us = 20
[[sink]]
use = "test.collect"
)");
  RunStats stats = f.run(8);
  CHECK(stats.written == 3000);
  CHECK(stats.failed == 0);
  CHECK(g_written == expected_ids(3000));
}
