#include <catch2/catch.hpp>

#include "temp_files.hpp"
#include "vigil/core/errors.hpp"
#include "vigil/core/param_validation.hpp"

using namespace vigil::core;
using vigil::sdk::ParamSpec;
using vigil::sdk::ParamType;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

std::vector<ParamSpec> specs() {
  return {
      ParamSpec::floating("threshold", 0.5, "Minimum score").range(0, 1),
      ParamSpec::integer("beam", 4, "Beam width").range(1, 64),
      ParamSpec::boolean("lowercase", false, "Lowercase first"),
      ParamSpec::string("mode", "fast", "Speed or accuracy").one_of({"fast", "accurate"}),
      ParamSpec::path("model", "models/en.bin", "Model file"),
      ParamSpec::string_list("languages", {"en"}, "Languages").one_of({"en", "fr", "ar"}),
      ParamSpec::path_map("models", {}, "Model per language"),
      ParamSpec::required_key("rules", ParamType::path, "Rule file"),
  };
}

struct Parsed {
  toml::table root;
  const toml::table* table = nullptr;
};

Parsed parse(const std::string& body) {
  Parsed p;
  p.root = toml::parse("[stage]\n" + body, std::string_view("pipe.toml"));
  p.table = p.root["stage"].as_table();
  return p;
}

std::string error_of(const std::string& body) {
  Parsed p = parse(body);
  ValidationTarget t{"stage.ner", p.table, p.table->source(), "/cfg"};
  try {
    validate_params(specs(), t);
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("valid parameters come back typed, with defaults and resolved paths", "[validation]") {
  Parsed p = parse("use = \"acme.ner\"\nthreshold = 1\nrules = \"topics/r.toml\"\nmodels = { en = \"m/en.bin\" }\n");
  ValidationTarget t{"stage.ner", p.table, p.table->source(), "/cfg"};
  auto params = validate_params(specs(), t);
  CHECK(params.get_float("threshold") == 1.0);  // an integer is accepted as a float
  CHECK(params.get_int("beam") == 4);
  CHECK(params.get_bool("lowercase") == false);
  CHECK(params.get_string("mode") == "fast");
  CHECK(params.get_path("model") == "/cfg/models/en.bin");  // defaults resolve too
  CHECK(params.get_path("rules") == "/cfg/topics/r.toml");
  CHECK(params.get_map("models").at("en") == "/cfg/m/en.bin");
  CHECK(params.get_list("languages") == std::vector<std::string>{"en"});
  CHECK_THROWS_AS(params.get_string("threshold"), std::logic_error);  // wrong type asked
  CHECK_THROWS_AS(params.get_int("undeclared"), std::logic_error);
}

TEST_CASE("each validation error names file, line, column, section and key", "[validation]") {
  SECTION("wrong type") {
    CHECK(error_of("rules = \"r\"\nthreshold = \"high\"\n") ==
          "pipe.toml:3:13: [stage.ner] threshold: expected a float in [0,1], got \"high\"");
  }
  SECTION("out of range") {
    CHECK(error_of("rules = \"r\"\nbeam = 100\n") == "pipe.toml:3:8: [stage.ner] beam: expected an integer in [1,64], got 100");
  }
  SECTION("unknown key with a suggestion") {
    std::string msg = error_of("rules = \"r\"\ntreshold = 0.3\n");
    CHECK_THAT(msg, StartsWith("pipe.toml:3:1: [stage.ner] unknown key 'treshold'; did you mean 'threshold'?"));
    CHECK_THAT(msg, Contains("Valid keys: threshold, beam, lowercase"));
  }
  SECTION("unknown key without a close match") {
    CHECK_THAT(error_of("rules = \"r\"\nzzzzzz = 1\n"), !Contains("did you mean"));
  }
  SECTION("missing required key") {
    CHECK(error_of("beam = 2\n") ==
          "pipe.toml:1:1: [stage.ner] missing required key 'rules' (a path (string)): Rule file");
  }
  SECTION("a value outside its choices") {
    CHECK(error_of("rules = \"r\"\nmode = \"acurate\"\n") ==
          "pipe.toml:3:8: [stage.ner] mode: expected one of \"fast\", \"accurate\", got \"acurate\"; did you mean "
          "\"accurate\"?");
  }
  SECTION("a list item outside the choices") {
    CHECK_THAT(error_of("rules = \"r\"\nlanguages = [\"en\", \"xx\"]\n"), Contains("pipe.toml:3:20:"));
  }
  SECTION("a table of paths holding a number") {
    CHECK_THAT(error_of("rules = \"r\"\nmodels = { en = 3 }\n"),
               Contains("[stage.ner] models.en: expected a string, got 3"));
  }
  SECTION("every problem is reported, one per line") {
    std::string msg = error_of("threshold = 2.0\nbeam = 0\n");
    CHECK(std::count(msg.begin(), msg.end(), '\n') == 2);
    CHECK_THAT(msg, Contains("threshold"));
    CHECK_THAT(msg, Contains("beam"));
    CHECK_THAT(msg, Contains("missing required key 'rules'"));
  }
}

TEST_CASE("did_you_mean picks the closest name within a small distance", "[validation]") {
  CHECK(did_you_mean("vigil.tokenise", {"vigil.tokenize", "vigil.ner"}) == "vigil.tokenize");
  CHECK(did_you_mean("treshold", {"threshold", "beam"}) == "threshold");
  CHECK(did_you_mean("xyz", {"threshold", "beam"}).empty());
}

TEST_CASE("describe_expected and format_value read like the docs", "[validation]") {
  CHECK(describe_expected(ParamSpec::integer("n", 1, "").at_least(1)) == "an integer >= 1");
  CHECK(describe_expected(ParamSpec::floating("t", 0.5, "").range(0, 1)) == "a float in [0,1]");
  CHECK(format_value(vigil::sdk::ParamValue{std::vector<std::string>{"en", "fr"}}) == "[\"en\", \"fr\"]");
  CHECK(format_value(vigil::sdk::ParamValue{0.5}) == "0.5");
}
