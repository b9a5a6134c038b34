// Parameter specifications (declared once, as data) and the typed, read-only
// view of validated values that a factory receives.
//
// A component declares its parameters as a list of ParamSpec. The host reads
// the user's TOML table, rejects unknown keys, wrong types, values out of
// range and missing required keys (with file:line:col), fills in defaults,
// resolves relative paths against the config file, and only then calls the
// factory with a Params view. `vigil plugins NAME` prints the same specs.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace vigil::sdk {

enum class ParamType : std::uint8_t {
  boolean,      // TOML boolean
  integer,      // TOML integer (int64)
  floating,     // TOML float, or integer (converted)
  string,       // TOML string
  path,         // TOML string; relative paths resolve against the config file
  string_list,  // TOML array of strings
  string_map,   // TOML table of strings
  path_map,     // TOML table of strings, each a path (resolved like `path`)
};

inline const char* to_string(ParamType t) noexcept {
  switch (t) {
    case ParamType::boolean: return "boolean";
    case ParamType::integer: return "integer";
    case ParamType::floating: return "float";
    case ParamType::string: return "string";
    case ParamType::path: return "path";
    case ParamType::string_list: return "list of strings";
    case ParamType::string_map: return "table of strings";
    case ParamType::path_map: return "table of paths";
  }
  return "unknown";
}

using StringList = std::vector<std::string>;
using StringMap = std::map<std::string, std::string>;
// One alternative per ParamType family: bool, int64, double, string (also
// paths), list of strings, table of strings (also tables of paths).
using ParamValue = std::variant<bool, std::int64_t, double, std::string, StringList, StringMap>;

struct ParamSpec {
  std::string key;
  ParamType type = ParamType::string;
  std::optional<ParamValue> default_value;  // none: no default
  std::string doc;
  bool required = false;            // a required key has no default
  std::optional<double> min, max;   // integer/floating: inclusive range
  std::vector<std::string> choices;  // string/string_list: allowed values

  // Builders, so a spec list reads as a table:
  //   ParamSpec::floating("threshold", 0.5, "minimum score").range(0, 1)
  static ParamSpec boolean(std::string key, bool def, std::string doc) {
    return make(std::move(key), ParamType::boolean, ParamValue{def}, std::move(doc));
  }
  static ParamSpec integer(std::string key, std::int64_t def, std::string doc) {
    return make(std::move(key), ParamType::integer, ParamValue{def}, std::move(doc));
  }
  static ParamSpec floating(std::string key, double def, std::string doc) {
    return make(std::move(key), ParamType::floating, ParamValue{def}, std::move(doc));
  }
  static ParamSpec string(std::string key, std::string def, std::string doc) {
    return make(std::move(key), ParamType::string, ParamValue{std::move(def)}, std::move(doc));
  }
  static ParamSpec path(std::string key, std::string def, std::string doc) {
    return make(std::move(key), ParamType::path, ParamValue{std::move(def)}, std::move(doc));
  }
  static ParamSpec string_list(std::string key, StringList def, std::string doc) {
    return make(std::move(key), ParamType::string_list, ParamValue{std::move(def)}, std::move(doc));
  }
  static ParamSpec string_map(std::string key, StringMap def, std::string doc) {
    return make(std::move(key), ParamType::string_map, ParamValue{std::move(def)}, std::move(doc));
  }
  static ParamSpec path_map(std::string key, StringMap def, std::string doc) {
    return make(std::move(key), ParamType::path_map, ParamValue{std::move(def)}, std::move(doc));
  }
  // A required parameter of the given type (no default).
  static ParamSpec required_key(std::string key, ParamType type, std::string doc) {
    ParamSpec s = make(std::move(key), type, std::nullopt, std::move(doc));
    s.required = true;
    return s;
  }

  static ParamSpec make(std::string key, ParamType type, std::optional<ParamValue> def, std::string doc) {
    ParamSpec s;
    s.key = std::move(key);
    s.type = type;
    s.default_value = std::move(def);
    s.doc = std::move(doc);
    return s;
  }

  ParamSpec&& range(double lo, double hi) && {
    min = lo;
    max = hi;
    return std::move(*this);
  }
  ParamSpec&& at_least(double lo) && {
    min = lo;
    return std::move(*this);
  }
  ParamSpec&& one_of(std::vector<std::string> allowed) && {
    choices = std::move(allowed);
    return std::move(*this);
  }
};

// The validated parameters of one component instance.
//
// Ownership: built and owned by the host; a factory may read it during the
// call and must copy what it wants to keep. Every declared key is present
// (defaults filled in) unless it is optional without a default.
// Asking for an undeclared key or with the wrong type is a programming error
// of the plugin and throws std::logic_error.
class Params {
 public:
  Params() = default;
  explicit Params(std::map<std::string, ParamValue, std::less<>> values) : values_(std::move(values)) {}

  bool has(std::string_view key) const { return values_.find(key) != values_.end(); }

  bool get_bool(std::string_view key) const { return get<bool>(key); }
  std::int64_t get_int(std::string_view key) const { return get<std::int64_t>(key); }
  double get_float(std::string_view key) const { return get<double>(key); }
  const std::string& get_string(std::string_view key) const { return get<std::string>(key); }
  // Paths are absolute (or empty) once the host has resolved them.
  const std::string& get_path(std::string_view key) const { return get<std::string>(key); }
  const StringList& get_list(std::string_view key) const { return get<StringList>(key); }
  const StringMap& get_map(std::string_view key) const { return get<StringMap>(key); }

  const std::map<std::string, ParamValue, std::less<>>& values() const noexcept { return values_; }

 private:
  template <class T>
  const T& get(std::string_view key) const {
    auto it = values_.find(key);
    if (it == values_.end()) throw std::logic_error("parameter '" + std::string(key) + "' was not declared or has no value");
    if (auto* v = std::get_if<T>(&it->second)) return *v;
    throw std::logic_error("parameter '" + std::string(key) + "' read with the wrong type");
  }
  std::map<std::string, ParamValue, std::less<>> values_;
};

}  // namespace vigil::sdk
