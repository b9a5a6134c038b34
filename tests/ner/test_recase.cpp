// Re-casing of sentences written in capitals (recase.hpp).
#include <catch2/catch.hpp>

#include "recase.hpp"

using vigil::ner::all_capitals;
using vigil::ner::capitals_headline;
using vigil::ner::capitals_share;
using vigil::ner::recase;

namespace {

bool caps(std::vector<std::string_view> words) {
  return all_capitals(words);
}

}  // namespace

TEST_CASE("a sentence is in capitals when it has no lower-case letter and two capitals") {
  CHECK(caps({"POLICE", "SEIZE", "COCAINE", "IN", "TANGIER"}));
  CHECK(caps({"RABAT", "2026-11-30"}));
  CHECK(caps({"ÉTATS-UNIS", ":", "L'FBI", "ENQUÊTE"}));
  CHECK_FALSE(caps({"Police", "seize", "cocaine"}));
  CHECK_FALSE(caps({"POLICE", "SEIZE", "cocaine"}));
  CHECK_FALSE(caps({"ENQUÊTe"}));    // a lower-case letter outside ASCII
  CHECK(caps({"LONDON"}));           // a dateline
  CHECK(caps({"OK"}));               // two capitals
  CHECK_FALSE(caps({"A", "1996"}));  // one capital is not a headline
  CHECK_FALSE(caps({"2026-11-30", "."}));
  CHECK_FALSE(caps({"الشرطة", "تحجز", "الكوكايين"}));  // no letter case at all
  CHECK_FALSE(caps({}));
}

TEST_CASE("a headline in capitals that runs into mixed-case text is its leading words in capitals") {
  auto headline = [](std::vector<std::string_view> words) { return capitals_headline(words); };
  // Three words of two capitals or more, then text: the run, with its
  // one-letter words, figures and signs.
  CHECK(headline({"TROMBA", "DE", "AGUA", "Y", "9,7%", "Mérida", ",", "2", "may"}) == 5);
  CHECK(headline({"ÉTATS-UNIS", ":", "L'FBI", "ENQUÊTE", "Washington", "."}) == 4);
  CHECK(headline({"NATO", "and", "EU", "LEADERS", "MET"}) == 0);  // one word, then lower case
  CHECK(headline({"US", "FBI", "agents", "said"}) == 0);          // two words in capitals
  CHECK(headline({"US", "FBI", "Y", "agents"}) == 0);             // a one-letter word does not count
  CHECK(headline({"POLICE", "SEIZE", "COCAINE"}) == 0);           // all in capitals: all_capitals's
  CHECK(headline({"Police", "seize", "cocaine"}) == 0);
  CHECK(headline({}) == 0);
}

TEST_CASE("re-casing lowers every word but the known names, which keep their capital initial") {
  std::vector<std::string_view> words = {"POLICE", "IN", "TANGIER", "SEIZE", "ÉTATS", "UNIS", "CANNABIS", "."};
  std::vector<char> known = {0, 0, 1, 0, 1, 1, 0, 0};
  std::vector<std::string> out;
  recase(words, known, out);
  CHECK(out == std::vector<std::string>{"police", "in", "Tangier", "seize", "États", "Unis", "cannabis", "."});
  recase(words, {}, out);  // nothing known
  CHECK(out == std::vector<std::string>{"police", "in", "tangier", "seize", "états", "unis", "cannabis", "."});
}

TEST_CASE("a model card says what share of its training sentences were in capitals, or nothing") {
  CHECK(capitals_share(R"({"language":"en","capitals_share":0.13})") == Approx(0.13));
  CHECK(capitals_share(R"({"language":"en","capitals_share":0})") == 0.0);
  CHECK(capitals_share(R"({"language":"en"})") < 0);  // a card from before the share was recorded
  CHECK(capitals_share(R"({"capitals_share":"many"})") < 0);
  CHECK(capitals_share("not json") < 0);
  CHECK(capitals_share("") < 0);
}
