// Plugin "vigil-test": small components that let the tests drive the host
// (failures on demand, shuffled completion order, every parameter type).
#include <chrono>
#include <functional>
#include <stdexcept>
#include <thread>
#include <vigil/sdk.hpp>

namespace {
using namespace vigil::sdk;

// Throws when the text contains `marker`: exercises error isolation.
class FailOn final : public Annotator {
 public:
  explicit FailOn(const CreateContext& ctx) : marker_(ctx.params.get_string("marker")) {}
  void annotate(Document& doc) override {
    if (auto at = doc.text.find(marker_); at != std::string::npos)
      throw std::runtime_error("marker '" + marker_ + "' found at byte " + std::to_string(at));
  }

 private:
  std::string marker_;
};

// Sleeps a pseudo-random time derived from the id, so documents finish out
// of order; records the text length and which instance handled it.
class Shuffle final : public Annotator {
 public:
  explicit Shuffle(const CreateContext& ctx) : max_us_(ctx.params.get_int("max_sleep_us")) {
    static std::atomic<int> instances{0};
    instance_ = ++instances;
  }
  void annotate(Document& doc) override {
    if (busy_.exchange(true)) throw std::logic_error("instance used by two threads at once");
    if (max_us_ > 0) {
      auto us = static_cast<std::int64_t>(std::hash<std::string>{}(doc.id) % static_cast<std::size_t>(max_us_));
      std::this_thread::sleep_for(std::chrono::microseconds(us));
    }
    doc.attributes["test.shuffle"] = {{"bytes", doc.text.size()}, {"instance", instance_}};
    busy_ = false;
  }

 private:
  std::int64_t max_us_;
  int instance_ = 0;
  std::atomic<bool> busy_{false};
};

// Splits on spaces: a tokenizer stand-in so core tests need no ICU plugin.
class SpaceTokens final : public Annotator {
 public:
  explicit SpaceTokens(const CreateContext&) {}
  void annotate(Document& doc) override {
    doc.tokens.clear();
    Offset start = 0;
    for (Offset i = 0; i <= doc.text.size(); ++i) {
      if (i == doc.text.size() || doc.text[i] == ' ') {
        if (i > start) doc.tokens.push_back({start, i, TokenKind::word});
        start = i + 1;
      }
    }
    if (!doc.text.empty()) doc.sentences = {{0, static_cast<Offset>(doc.text.size())}};
  }
};

// Requires tokens: for the pipeline-order check.
class CountTokens final : public Annotator {
 public:
  explicit CountTokens(const CreateContext&) {}
  void annotate(Document& doc) override { doc.attributes["test.count_tokens"] = doc.tokens.size(); }
};

// Declares one parameter of every type and echoes the values it received.
class Echo final : public Annotator {
 public:
  explicit Echo(const CreateContext& ctx) {
    const auto& p = ctx.params;
    values_ = {{"flag", p.get_bool("flag")},     {"count", p.get_int("count")},  {"ratio", p.get_float("ratio")},
               {"mode", p.get_string("mode")},   {"file", p.get_path("file")},   {"languages", p.get_list("languages")},
               {"labels", p.get_map("labels")}, {"models", p.get_map("models")}, {"instance", ctx.instance}};
    if (p.has("needed")) values_["needed"] = p.get_string("needed");
  }
  void annotate(Document& doc) override { doc.attributes["test.echo"] = values_; }

 private:
  Json values_;
};

// Generates `count` documents "doc-0" .. : a source that needs no files.
class Counter final : public Source {
 public:
  explicit Counter(const CreateContext& ctx)
      : count_(ctx.params.get_int("count")), bytes_(static_cast<std::size_t>(ctx.params.get_int("bytes"))) {}
  Status next(Document& doc) override {
    if (i_ >= count_) return Status::end;
    doc.id = "doc-" + std::to_string(i_);
    doc.text = "document " + std::to_string(i_);
    if (doc.text.size() < bytes_) doc.text.resize(bytes_, 'x');
    ++i_;
    return Status::document;
  }

 private:
  std::int64_t count_, i_ = 0;
  std::size_t bytes_;
};

// Adds `count` entities and one topic (with one evidence span) to every
// document, so writer tests know exactly how many rows each document has.
// Entity k covers the first word when k is even, the rest of the text when odd.
class Entities final : public Annotator {
 public:
  explicit Entities(const CreateContext& ctx)
      : count_(ctx.params.get_int("count")), topic_(ctx.params.get_string("topic")) {}
  void annotate(Document& doc) override {
    static const char* const labels[] = {"PER", "ORG", "LOC", "MISC"};
    const auto space = doc.text.find(' ');
    const Offset first_end = static_cast<Offset>(space == std::string::npos ? doc.text.size() : space);
    const Offset rest_begin = static_cast<Offset>(space == std::string::npos ? doc.text.size() : space + 1);
    for (std::int64_t k = 0; k < count_; ++k) {
      Entity e;
      e.begin = k % 2 == 0 ? 0 : rest_begin;
      e.end = k % 2 == 0 ? first_end : static_cast<Offset>(doc.text.size());
      e.label = labels[k % 4];
      e.score = 0.5 + 0.1 * static_cast<double>(k % 5);
      e.canonical = "Entity " + std::to_string(k);
      e.id = "test:" + std::to_string(k);
      e.component = "test.entities";
      doc.entities.push_back(std::move(e));
    }
    if (!topic_.empty()) doc.topics.push_back({topic_, 0.5, {{0, first_end, "document", 1.0}}});
  }

 private:
  std::int64_t count_;
  std::string topic_;
};

template <class T, class Base>
std::unique_ptr<Base> make(const CreateContext& ctx) {
  return std::make_unique<T>(ctx);
}

void register_components(Registry& r) {
  ComponentSpec fail{"test.fail_on", "Throws when the text contains a marker"};
  fail.params = {ParamSpec::string("marker", "BOOM", "Text that makes the document fail")};
  fail.thread_safe = true;
  r.add_annotator(fail, &make<FailOn, Annotator>);

  ComponentSpec shuffle{"test.shuffle", "Sleeps a pseudo-random time per document"};
  shuffle.params = {ParamSpec::integer("max_sleep_us", 2000, "Longest sleep in microseconds").range(0, 1000000)};
  shuffle.assigns_layers = {"test.shuffle"};
  r.add_annotator(shuffle, &make<Shuffle, Annotator>);

  ComponentSpec tokens{"test.space_tokens", "Splits on spaces"};
  tokens.assigns_layers = {layer::tokens, layer::sentences};
  tokens.thread_safe = true;
  r.add_annotator(tokens, &make<SpaceTokens, Annotator>);

  ComponentSpec count{"test.count_tokens", "Counts tokens"};
  count.requires_layers = {layer::tokens};
  count.thread_safe = true;
  r.add_annotator(count, &make<CountTokens, Annotator>);

  ComponentSpec echo{"test.echo", "Echoes its parameters into attributes"};
  echo.params = {
      ParamSpec::boolean("flag", false, "A boolean"),
      ParamSpec::integer("count", 3, "An integer in [1,10]").range(1, 10),
      ParamSpec::floating("ratio", 0.5, "A float in [0,1]").range(0, 1),
      ParamSpec::string("mode", "fast", "A choice").one_of({"fast", "accurate"}),
      ParamSpec::path("file", "data/model.bin", "A path"),
      ParamSpec::string_list("languages", {"en"}, "Languages").one_of({"en", "fr", "es", "de", "ar"}),
      ParamSpec::string_map("labels", {}, "Label renames"),
      ParamSpec::path_map("models", {}, "Model per language"),
      ParamSpec::required_key("needed", ParamType::string, "A required string"),
  };
  echo.thread_safe = true;
  r.add_annotator(echo, &make<Echo, Annotator>);

  ComponentSpec entities{"test.entities", "Adds a known number of entities and one topic per document"};
  entities.params = {ParamSpec::integer("count", 3, "Entities per document").range(0, 1000),
                     ParamSpec::string("topic", "test-topic", "Label of the one topic per document (empty: none)")};
  entities.assigns_layers = {layer::entities, layer::topics};
  entities.thread_safe = true;
  r.add_annotator(entities, &make<Entities, Annotator>);

  ComponentSpec counter{"test.counter", "Generates numbered documents"};
  counter.params = {ParamSpec::integer("count", 10, "How many documents").at_least(0),
                    ParamSpec::integer("bytes", 0, "Pad each text to this many bytes").at_least(0)};
  r.add_source(counter, &make<Counter, Source>);
}

}  // namespace

VIGIL_PLUGIN("vigil-test", "1.0.0", "Components for Vigil's own tests", "Apache-2.0", register_components)
