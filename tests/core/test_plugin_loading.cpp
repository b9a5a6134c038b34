#include <catch2/catch.hpp>

#include "temp_files.hpp"
#include "vigil/core/component_catalog.hpp"
#include "vigil/core/errors.hpp"

using namespace vigil::core;
using vigil::sdk::ComponentKind;
using Catch::Matchers::Contains;
namespace fs = std::filesystem;

namespace {
const fs::path kBroken = VIGIL_TEST_BROKEN_PLUGIN_DIR;
const fs::path kGood = VIGIL_TEST_PLUGIN_DIR;

std::string load_error(const fs::path& file) {
  ComponentCatalog catalog;
  try {
    catalog.load_plugin(file);
  } catch (const PluginError& e) {
    return e.what();
  }
  return "no error";
}
}  // namespace

TEST_CASE("the built-in components are always there", "[plugins]") {
  ComponentCatalog catalog;
  CHECK(catalog.find(ComponentKind::source, "vigil.files") != nullptr);
  CHECK(catalog.find(ComponentKind::source, "vigil.jsonl") != nullptr);
  CHECK(catalog.find(ComponentKind::sink, "vigil.jsonl") != nullptr);
  CHECK(catalog.find(ComponentKind::annotator, "vigil.jsonl") == nullptr);
}

TEST_CASE("a good plugin registers its components with their origin", "[plugins]") {
  ComponentCatalog catalog;
  catalog.load_plugin(kGood / "vigil_test.so");
  const CatalogEntry* e = catalog.find(ComponentKind::annotator, "test.echo");
  REQUIRE(e != nullptr);
  CHECK(e->origin->plugin == "vigil-test");
  CHECK(e->origin->version == "1.0.0");
  CHECK(e->origin->library->is_loaded());
  CHECK(catalog.find(ComponentKind::source, "test.counter") != nullptr);
  REQUIRE(catalog.plugins().size() == 1);
  const auto& listed = catalog.plugins()[0].components;
  CHECK(std::count(listed.begin(), listed.end(), "annotator test.echo") == 1);
  CHECK(std::count(listed.begin(), listed.end(), "source test.counter") == 1);
  catalog.load_plugin(kGood / "vigil_test.so");  // loading twice is a no-op
  CHECK(catalog.plugins().size() == 1);
}

TEST_CASE("each way a plugin can be broken has its own message naming the file", "[plugins]") {
  SECTION("not a shared library") {
    auto f = kBroken / "not_a_library.so";
    CHECK(load_error(f) == "plugin " + f.string() +
                               ": not a shared library (no ELF header); expected a .so built with vigil_add_plugin()");
  }
  SECTION("entry symbol missing") {
    auto f = kBroken / "broken_no_entry.so";
    CHECK_THAT(load_error(f), Contains(f.string()) && Contains("entry symbol 'vigil_plugin_entry' not found"));
  }
  SECTION("API version mismatch") {
    auto f = kBroken / "broken_api_version.so";
    CHECK_THAT(load_error(f), Contains(f.string()) && Contains("wrong API version: plugin has 999, this vigil supports " +
                                                                     std::to_string(vigil::sdk::kApiVersion)));
  }
  SECTION("ABI tag mismatch") {
    auto f = kBroken / "broken_abi_tag.so";
    CHECK_THAT(load_error(f), Contains("ABI tag mismatch: plugin was built as 'itanium-clang/libc++/sdk0', this vigil is '" +
                                       std::string(vigil::sdk::kAbiTag) + "'"));
  }
  SECTION("callback missing") {
    CHECK_THAT(load_error(kBroken / "broken_null_callback.so"), Contains("register_components callback is null"));
  }
  SECTION("duplicate component name") {
    CHECK_THAT(load_error(kBroken / "broken_duplicate.so"),
               Contains("duplicate component name: source 'vigil.files' is already registered by built-in"));
  }
  SECTION("file not found") {
    CHECK_THAT(load_error(kBroken / "missing.so"), Contains("missing.so: file not found"));
  }
}

TEST_CASE("a rejected plugin leaves no component behind", "[plugins]") {
  ComponentCatalog catalog;
  CHECK_THROWS_AS(catalog.load_plugin(kBroken / "broken_duplicate.so"), PluginError);
  CHECK(catalog.plugins().empty());
  CHECK(catalog.names(ComponentKind::source) == std::vector<std::string>{"vigil.files", "vigil.jsonl"});
}

TEST_CASE("a plugin named without a path is searched for, and a miss lists the folders", "[plugins]") {
  ComponentCatalog catalog;
  catalog.load_named_plugin("vigil_test", {kBroken, kGood});
  CHECK(catalog.find(ComponentKind::annotator, "test.fail_on") != nullptr);
  try {
    catalog.load_named_plugin("acme_ner", {kBroken, kGood});
    FAIL("expected an error");
  } catch (const PluginError& e) {
    CHECK_THAT(e.what(), Contains("plugin 'acme_ner': file not found; searched " + kBroken.string() + ", " + kGood.string()));
  }
}

TEST_CASE("discovery loads what it can and keeps the failures for later messages", "[plugins]") {
  ComponentCatalog catalog;
  catalog.discover({kGood, kBroken});
  CHECK(catalog.find(ComponentKind::annotator, "test.echo") != nullptr);
  // broken_throwing_factory loads fine: its factory only fails when called.
  CHECK(catalog.find(ComponentKind::annotator, "test.throwing_factory") != nullptr);
  CHECK(catalog.discovery_failures().size() == 6);
}

TEST_CASE("the search path puts explicit folders first and the install folder last", "[plugins]") {
  ::setenv("VIGIL_PLUGIN_PATH", "/env/a:/env/b", 1);
  auto dirs = plugin_search_path({"/cli"});
  ::unsetenv("VIGIL_PLUGIN_PATH");
  REQUIRE(dirs.size() == 4);
  CHECK(dirs[0] == "/cli");
  CHECK(dirs[1] == "/env/a");
  CHECK(dirs[2] == "/env/b");
  CHECK(dirs[3].string().size() >= std::string("lib/vigil/plugins").size());
  CHECK(dirs[3].filename() == "plugins");
}
