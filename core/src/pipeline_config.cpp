#include "vigil/core/pipeline_config.hpp"

#include <algorithm>
#include <cctype>
#include <sstream>

#include "vigil/core/errors.hpp"

namespace vigil::core {
namespace fs = std::filesystem;

std::string describe_origin(const toml::source_region& where) {
  std::string path = where.path ? *where.path : std::string();
  if (path.rfind("--", 0) == 0) return path;  // a command-line option
  std::ostringstream out;
  out << (path.empty() ? "<config>" : path);
  if (where.begin.line) out << ':' << where.begin.line << ':' << where.begin.column;
  return out.str();
}

namespace {

[[noreturn]] void fail(const toml::source_region& where, const std::string& message) {
  throw ConfigError(describe_origin(where) + ": " + message);
}

std::string default_instance_name(const std::string& use) {
  auto dot = use.rfind('.');
  return dot == std::string::npos ? use : use.substr(dot + 1);
}

// Makes instance names unique within stages or sinks: "jsonl", "jsonl-2".
void uniquify(std::vector<ComponentConfig>& list) {
  for (std::size_t i = 0; i < list.size(); ++i) {
    int n = 1;
    std::string base = list[i].name, candidate = base;
    auto taken = [&](const std::string& nm) {
      for (std::size_t j = 0; j < i; ++j)
        if (list[j].name == nm) return true;
      return false;
    };
    while (taken(candidate)) candidate = base + "-" + std::to_string(++n);
    list[i].name = candidate;
  }
}

// Moves `table` out of the parsed document: toml++ keeps source positions
// when a node is moved, not when it is copied.
ComponentConfig read_component(toml::table& table, const std::string& kind, const fs::path& base_dir) {
  ComponentConfig c;
  c.where = table.source();
  c.table = std::move(table);
  const toml::table& table_ref = c.table;
  c.base_dir = base_dir;
  const toml::node* use = table_ref.get("use");
  if (!use) fail(c.where, "[" + kind + "] has no 'use' key; say which component runs here, e.g. use = \"vigil.jsonl\"");
  if (!use->is_string()) fail(use->source(), "[" + kind + "] use: expected a component name (string)");
  c.use = use->value<std::string>().value();
  c.name = default_instance_name(c.use);
  if (const toml::node* name = table_ref.get("name")) {
    if (!name->is_string() || name->value<std::string>()->empty())
      fail(name->source(), "[" + kind + "] name: expected a non-empty string");
    c.name = name->value<std::string>().value();
  }
  return c;
}

std::vector<ComponentConfig> read_component_array(toml::node& node, const std::string& kind, const fs::path& base_dir) {
  std::vector<ComponentConfig> out;
  toml::array* arr = node.as_array();
  if (!arr) fail(node.source(), "'" + kind + "' must be an array of tables: write [[" + kind + "]]");
  for (auto& item : *arr) {
    toml::table* t = item.as_table();
    if (!t) fail(item.source(), "'" + kind + "' must be an array of tables: write [[" + kind + "]]");
    out.push_back(read_component(*t, kind, base_dir));
  }
  uniquify(out);
  for (auto& c : out) c.section = kind + "." + c.name;
  return out;
}

}  // namespace

PipelineConfig load_pipeline_config(const fs::path& file) {
  PipelineConfig cfg;
  cfg.file = file;
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) throw ConfigError(file.string() + ": pipeline file not found");
  cfg.dir = fs::absolute(file, ec).parent_path();

  toml::table root;
  try {
    root = toml::parse_file(file.string());
  } catch (const toml::parse_error& e) {
    fail(e.source(), "TOML syntax error: " + std::string(e.description()));
  }

  for (const auto& [key, node] : root) {
    const std::string k(key.str());
    if (k != "pipeline" && k != "source" && k != "stage" && k != "sink")
      fail(key.source(), "unknown section '" + k + "'; expected [pipeline], [source], [[stage]] or [[sink]]");
  }

  if (toml::node* p = root.get("pipeline")) {
    if (!p->is_table()) fail(p->source(), "'pipeline' must be a table: write [pipeline]");
    cfg.pipeline_where = p->source();
    cfg.pipeline = std::move(*p->as_table());
  } else {
    cfg.pipeline_where.path = std::make_shared<const std::string>(file.string());
  }

  // A missing [source] is reported by check_pipeline: --input may supply it.
  if (toml::node* src = root.get("source")) {
    if (!src->is_table()) fail(src->source(), "'source' must be a table: write [source]");
    cfg.source = read_component(*src->as_table(), "source", cfg.dir);
  }
  cfg.source.section = "source";

  if (toml::node* st = root.get("stage")) cfg.stages = read_component_array(*st, "stage", cfg.dir);
  if (toml::node* sk = root.get("sink")) cfg.sinks = read_component_array(*sk, "sink", cfg.dir);
  return cfg;
}

namespace {

ComponentConfig* find_instance(std::vector<ComponentConfig>& list, const std::string& ref) {
  for (auto& c : list)
    if (c.name == ref) return &c;
  if (!ref.empty() && std::all_of(ref.begin(), ref.end(), ::isdigit)) {
    std::size_t i = std::stoul(ref);
    if (i < list.size()) return &list[i];
  }
  return nullptr;
}

std::string instance_names(const std::vector<ComponentConfig>& list) {
  std::string out;
  for (const auto& c : list) out += (out.empty() ? "" : ", ") + c.name;
  return out.empty() ? "none" : out;
}

std::vector<std::string> split_dots(const std::string& s) {
  std::vector<std::string> parts;
  std::string cur;
  for (char ch : s) {
    if (ch == '.') {
      parts.push_back(cur);
      cur.clear();
    } else {
      cur += ch;
    }
  }
  parts.push_back(cur);
  return parts;
}

}  // namespace

void apply_override(PipelineConfig& cfg, const std::string& assignment) {
  const std::string opt = "--set " + assignment;
  auto eq = assignment.find('=');
  if (eq == std::string::npos || eq == 0)
    throw ConfigError(opt + ": expected SECTION.KEY=VALUE, e.g. --set stage.ner.threshold=0.7");
  const std::string lhs = assignment.substr(0, eq), rhs = assignment.substr(eq + 1);
  std::vector<std::string> parts = split_dots(lhs);
  if (std::any_of(parts.begin(), parts.end(), [](const std::string& p) { return p.empty(); }))
    throw ConfigError(opt + ": empty part in '" + lhs + "'");

  toml::table* target = nullptr;
  std::size_t key_start = 1;
  if (parts[0] == "pipeline") {
    target = &cfg.pipeline;
  } else if (parts[0] == "source") {
    target = &cfg.source.table;
  } else if (parts[0] == "stage" || parts[0] == "sink") {
    if (parts.size() < 3)
      throw ConfigError(opt + ": expected " + parts[0] + ".NAME.KEY=VALUE (NAME is the instance name or index)");
    auto& list = parts[0] == "stage" ? cfg.stages : cfg.sinks;
    ComponentConfig* c = find_instance(list, parts[1]);
    if (!c)
      throw ConfigError(opt + ": no " + parts[0] + " named '" + parts[1] + "' in " + cfg.file.string() + " (" +
                        parts[0] + "s: " + instance_names(list) + ")");
    target = &c->table;
    key_start = 2;
  } else {
    throw ConfigError(opt + ": unknown section '" + parts[0] + "'; expected pipeline, source, stage.NAME or sink.NAME");
  }
  if (parts.size() <= key_start) throw ConfigError(opt + ": no key after '" + lhs + "'");
  if (parts[key_start] == "use" || parts[key_start] == "name")
    throw ConfigError(opt + ": '" + parts[key_start] + "' cannot be overridden; edit the pipeline file");

  // The value: TOML if it parses as one, else a plain string.
  // Parsed with the option as its source name, so messages and path
  // resolution know the value came from the command line.
  toml::table holder;
  try {
    holder = toml::parse("v = " + rhs, std::string_view(opt));
  } catch (const toml::parse_error&) {
    // Not TOML: a bare string. Quote it through toml++'s own formatter.
    std::ostringstream quoted;
    quoted << toml::value<std::string>(rhs);
    holder = toml::parse("v = " + quoted.str(), std::string_view(opt));
  }

  toml::table* t = target;
  for (std::size_t i = key_start; i + 1 < parts.size(); ++i) {
    toml::node* sub = t->get(parts[i]);
    if (!sub) {
      t->insert_or_assign(parts[i], toml::table{});
      sub = t->get(parts[i]);
    }
    if (!sub->is_table()) throw ConfigError(opt + ": '" + parts[i] + "' is not a table");
    t = sub->as_table();
  }
  t->insert_or_assign(parts.back(), std::move(*holder.get("v")));
}

namespace {

// --input PATH: a regular file is JSON lines when its name says so (.jsonl,
// .ndjson, .json) and otherwise one document, as a folder's files are
// ("vigil run p.toml --input article.txt"). Anything else that is not a
// folder (a pipe such as <(...), anything under /dev or /proc, or a path
// that does not exist, so that the error names the source the user most
// likely meant) is JSON lines.
bool reads_as_json_lines(const std::string& input) {
  std::error_code ec;
  if (fs::is_directory(input, ec)) return false;
  // /dev/stdin, /dev/fd/N, /proc/self/fd/N are streams even when the shell
  // redirected a regular file into them ("--input /dev/stdin < docs.jsonl").
  if (input.starts_with("/dev/") || input.starts_with("/proc/")) return true;
  if (!fs::is_regular_file(input, ec)) return true;
  std::string ext = fs::path(input).extension().string();
  for (auto& ch : ext) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return ext == ".jsonl" || ext == ".ndjson" || ext == ".json";
}

}  // namespace

void replace_source(PipelineConfig& cfg, const std::string& input) {
  std::error_code ec;
  ComponentConfig c;
  c.where.path = std::make_shared<const std::string>("--input " + input);
  c.section = "source";
  c.base_dir = fs::current_path(ec);
  c.use = input == "-" || reads_as_json_lines(input) ? "vigil.jsonl" : "vigil.files";
  c.name = c.use.substr(c.use.find('.') + 1);
  c.table.insert("use", c.use);
  c.table.insert("path", input);
  // Keep the old source's options that the new component also has (a glob,
  // field names), so --input only changes where documents come from.
  if (cfg.source.use == c.use)
    for (auto& [k, v] : cfg.source.table)
      if (k.str() != "path" && k.str() != "use" && k.str() != "name") c.table.insert(k, std::move(v));
  cfg.source = std::move(c);
}

void replace_sinks(PipelineConfig& cfg, const std::string& output) {
  std::error_code ec;
  ComponentConfig c;
  c.where.path = std::make_shared<const std::string>("--output " + output);
  c.use = "vigil.jsonl";
  c.name = "jsonl";
  c.section = "sink.jsonl";
  c.base_dir = fs::current_path(ec);
  c.table.insert("use", c.use);
  c.table.insert("path", output);
  // --output is an explicit request: replace a file that is there.
  if (output != "-") c.table.insert("if_exists", "overwrite");
  cfg.sinks.clear();
  cfg.sinks.push_back(std::move(c));
}

}  // namespace vigil::core
