// Plugin load errors through the command line: exit code 3 and one distinct
// message per failure, naming the file, what was found and what was expected.
#include <catch2/catch.hpp>

#include "run_vigil.hpp"

using namespace vigil::test;
using Catch::Matchers::Contains;
namespace fs = std::filesystem;

namespace {

std::string broken(const std::string& file) { return (fs::path(kBrokenPlugins) / file).string(); }

// A pipeline that must load `plugin` ([pipeline] plugins) and then runs
// `stage_use` when given.
RunResult run_with_plugin(const TempDir& dir, const std::string& plugin, const std::string& stage_use = "",
                          const std::string& command = "run") {
  std::string toml = "[pipeline]\nplugins = [\"" + plugin + "\"]\n\n[source]\nuse = \"vigil.jsonl\"\npath = \"in.jsonl\"\n\n";
  if (!stage_use.empty()) toml += "[[stage]]\nuse = \"" + stage_use + "\"\n\n";
  toml += "[[sink]]\nuse = \"vigil.jsonl\"\npath = \"out.jsonl\"\n";
  write_file(dir / "pipe.toml", toml);
  write_file(dir / "in.jsonl", "{\"id\":\"a\",\"text\":\"hello\"}\n");
  return run_vigil({"--plugin-path", kTestPlugins, command, dir.str("pipe.toml")});
}

}  // namespace

TEST_CASE("a plugin name that matches no file lists the folders searched", "[cli][plugins]") {
  TempDir dir;
  auto r = run_with_plugin(dir, "acme_missing");
  INFO(r.err);
  CHECK(r.exit_code == 3);
  const std::string installed = (fs::path(VIGIL_BINARY).parent_path() / ".." / "lib" / "vigil" / "plugins").lexically_normal().string();
  CHECK_THAT(r.err, Contains("vigil: error: plugin 'acme_missing': file not found; searched " + kTestPlugins + ", " + installed));
  CHECK_THAT(r.err, Contains("--plugin-path"));
  CHECK_FALSE(fs::exists(dir / "out.jsonl"));
}

TEST_CASE("a plugin path that does not exist", "[cli][plugins]") {
  TempDir dir;
  auto r = run_with_plugin(dir, dir.str("nowhere/acme.so"));
  INFO(r.err);
  CHECK(r.exit_code == 3);
  CHECK_THAT(r.err, Contains("vigil: error: plugin " + dir.str("nowhere/acme.so") + ": file not found"));
}

TEST_CASE("each broken plugin gets its own message", "[cli][plugins]") {
  TempDir dir;
  struct Case {
    const char* file;
    const char* message;
  };
  const Case cases[] = {
      {"not_a_library.so", ": not a shared library (no ELF header)"},
      {"broken_no_entry.so", ": entry symbol 'vigil_plugin_entry' not found; is this a Vigil plugin?"},
      {"broken_api_version.so", ": wrong API version: plugin has 999, this vigil supports "},
      {"broken_abi_tag.so", ": ABI tag mismatch: plugin was built as 'itanium-clang/libc++/sdk0', this vigil is '"},
      {"broken_null_callback.so", ": register_components callback is null"},
      {"broken_duplicate.so", ": duplicate component name: source 'vigil.files' is already registered by built-in"},
  };
  for (const auto& c : cases) {
    for (const char* command : {"run", "check"}) {
      auto r = run_with_plugin(dir, broken(c.file), "", command);
      INFO(c.file << " (" << command << ")\n" << r.err);
      CHECK(r.exit_code == 3);
      CHECK_THAT(r.err, Contains("vigil: error: plugin " + broken(c.file) + c.message));
      CHECK_FALSE(fs::exists(dir / "out.jsonl"));
    }
  }
}

TEST_CASE("a factory that throws: the stage - its location - the plugin and the reason", "[cli][plugins]") {
  TempDir dir;
  auto r = run_with_plugin(dir, broken("broken_throwing_factory.so"), "test.throwing_factory");
  INFO(r.err);
  CHECK(r.exit_code == 3);
  CHECK_THAT(r.err, Contains("vigil: error: [stage.throwing_factory] test.throwing_factory at " + dir.str("pipe.toml") +
                             ":8:1, from plugin throwing-factory (" + broken("broken_throwing_factory.so") +
                             "): could not be created: model file /nonexistent/model.bin is missing"));
  // Components are created before any input is read: nothing was written.
  CHECK_FALSE(fs::exists(dir / "out.jsonl"));
  CHECK_THAT(r.err, !Contains("read 1"));
}

TEST_CASE("broken plugins found by discovery are warnings - not errors", "[cli][plugins]") {
  auto r = run_vigil({"--plugin-path", kBrokenPlugins, "--plugin-path", kTestPlugins, "plugins"});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.err, Contains("[warning] plugin " + broken("broken_api_version.so") + ": wrong API version"));
  CHECK_THAT(r.err, Contains("[warning] plugin " + broken("broken_abi_tag.so") + ": ABI tag mismatch"));
  CHECK_THAT(r.err, Contains("[warning] plugin " + broken("not_a_library.so") + ": not a shared library"));
  CHECK_THAT(r.err, Contains("[warning] plugin " + broken("broken_duplicate.so") + ": duplicate component name"));
  // The loadable ones are listed.
  CHECK_THAT(r.out, Contains("test.throwing_factory"));
  CHECK_THAT(r.out, Contains("test.echo"));
}
