// Hand-worked scoring examples; the expected numbers follow conlleval's rules.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "chunk_score.hpp"

using namespace vigil::ner;
using Tags = std::vector<std::string>;

TEST_CASE("chunks of an IOB2 sequence", "[ner][score]") {
  const auto chunks = extract_chunks({"B-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-LOC", "O"});
  CHECK(chunks == std::vector<Chunk>{{0, 2, "PER"}, {3, 4, "LOC"}, {4, 6, "LOC"}});
}

TEST_CASE("chunks of an IOB1 sequence", "[ner][score]") {
  // I- after O or after another type starts a chunk; B- only splits two of one type.
  const auto chunks = extract_chunks({"I-PER", "I-PER", "I-LOC", "B-LOC", "O", "I-ORG"});
  CHECK(chunks == std::vector<Chunk>{{0, 2, "PER"}, {2, 3, "LOC"}, {3, 4, "LOC"}, {5, 6, "ORG"}});
}

TEST_CASE("chunks of IOBES and BILOU sequences", "[ner][score]") {
  CHECK(extract_chunks({"S-PER", "S-PER", "B-LOC", "I-LOC", "E-LOC", "I-LOC"}) ==
        std::vector<Chunk>{{0, 1, "PER"}, {1, 2, "PER"}, {2, 5, "LOC"}, {5, 6, "LOC"}});
  CHECK(extract_chunks({"U-ORG", "B-ORG", "L-ORG", "O", "L-ORG"}) ==
        std::vector<Chunk>{{0, 1, "ORG"}, {1, 3, "ORG"}, {4, 5, "ORG"}});
}

TEST_CASE("empty and all-O sequences have no chunks", "[ner][score]") {
  CHECK(extract_chunks({}).empty());
  CHECK(extract_chunks({"O", "O", ""}).empty());
}

TEST_CASE("invalid tags are rejected", "[ner][score]") {
  CHECK_THROWS_AS(extract_chunks({"PER"}), std::invalid_argument);
  CHECK_THROWS_AS(extract_chunks({"B-"}), std::invalid_argument);
  CHECK_THROWS_WITH(extract_chunks({"O", "X-PER"}),
                    "invalid entity tag 'X-PER' (expected O or B-, I-, E-, S-, L-, U- followed by a type)");
}

TEST_CASE("a perfect prediction scores 1", "[ner][score]") {
  ChunkScore score;
  add_sentence(score, {"B-PER", "I-PER", "O", "B-LOC"}, {"B-PER", "I-PER", "O", "B-LOC"});
  CHECK(score.overall.gold == 2);
  CHECK(score.overall.predicted == 2);
  CHECK(score.overall.correct == 2);
  CHECK(score.overall.f1() == Approx(1.0));
  CHECK(score.tokens == 4);
  CHECK(score.tokens_correct == 4);
}

TEST_CASE("type and boundary mismatches are both errors", "[ner][score]") {
  ChunkScore score;
  // Gold: PER[0,2) LOC[3,4) ORG[5,7). Predicted: PER[0,1) (boundary), ORG[3,4) (type), ORG[5,7) (right).
  add_sentence(score, {"B-PER", "I-PER", "O", "B-LOC", "O", "B-ORG", "I-ORG"},
               {"B-PER", "O", "O", "B-ORG", "O", "B-ORG", "I-ORG"});
  CHECK(score.overall.gold == 3);
  CHECK(score.overall.predicted == 3);
  CHECK(score.overall.correct == 1);
  CHECK(score.overall.precision() == Approx(1.0 / 3));
  CHECK(score.overall.recall() == Approx(1.0 / 3));
  CHECK(score.by_type.at("PER").gold == 1);
  CHECK(score.by_type.at("PER").correct == 0);
  CHECK(score.by_type.at("LOC").predicted == 0);
  CHECK(score.by_type.at("ORG").gold == 1);
  CHECK(score.by_type.at("ORG").predicted == 2);
  CHECK(score.by_type.at("ORG").correct == 1);
  CHECK(score.by_type.at("ORG").precision() == Approx(0.5));
  CHECK(score.by_type.at("ORG").recall() == Approx(1.0));
  CHECK(score.by_type.at("ORG").f1() == Approx(2.0 / 3));
  CHECK(score.tokens_correct == 5);
}

TEST_CASE("I- after O starts a chunk as in conlleval", "[ner][score]") {
  ChunkScore score;
  // A tagger that emits I-PER without B-PER still finds "Ann Lee" (conlleval
  // counts it), but its token accuracy is lower because tags differ.
  add_sentence(score, {"O", "B-PER", "I-PER", "O"}, {"O", "I-PER", "I-PER", "O"});
  CHECK(score.overall.correct == 1);
  CHECK(score.overall.f1() == Approx(1.0));
  CHECK(score.tokens_correct == 3);
  // I-LOC right after I-PER is a new LOC chunk, not a continuation.
  ChunkScore mixed;
  add_sentence(mixed, {"B-PER", "B-LOC"}, {"I-PER", "I-LOC"});
  CHECK(mixed.overall.correct == 2);
}

TEST_CASE("IOB1 gold against IOB2 predictions", "[ner][score]") {
  ChunkScore score;
  add_sentence(score, {"I-ORG", "I-ORG", "B-ORG", "O"}, {"B-ORG", "I-ORG", "B-ORG", "O"});
  CHECK(score.overall.gold == 2);
  CHECK(score.overall.correct == 2);
  CHECK(score.tokens_correct == 3);
}

TEST_CASE("sentences are independent and empty ones count nothing", "[ner][score]") {
  ChunkScore score;
  add_sentence(score, {}, {});
  add_sentence(score, {"B-PER"}, {"B-PER"});
  // A chunk does not continue across sentences: I-PER starts a new one.
  add_sentence(score, {"B-PER"}, {"I-PER"});
  CHECK(score.overall.gold == 2);
  CHECK(score.overall.correct == 2);
  CHECK(score.tokens == 2);
  CHECK(score.tokens_correct == 1);
}

TEST_CASE("no chunks give zero rather than dividing by zero", "[ner][score]") {
  ChunkScore score;
  add_sentence(score, {"O", "O"}, {"O", "O"});
  CHECK(score.overall.precision() == 0.0);
  CHECK(score.overall.recall() == 0.0);
  CHECK(score.overall.f1() == 0.0);
  ChunkCounts only_predicted{0, 3, 0};
  CHECK(only_predicted.f1() == 0.0);
}

TEST_CASE("length mismatch throws and leaves the score alone", "[ner][score]") {
  ChunkScore score;
  CHECK_THROWS_AS(add_sentence(score, {"O", "B-PER"}, {"O"}), std::invalid_argument);
  CHECK_THROWS_AS(add_sentence(score, {"B-PER"}, {"Z-PER"}), std::invalid_argument);
  CHECK(score.tokens == 0);
  CHECK(score.overall.gold == 0);
  CHECK(score.by_type.empty());
}

TEST_CASE("format_score prints a conlleval table", "[ner][score]") {
  ChunkScore score;
  add_sentence(score, {"B-PER", "I-PER", "O", "B-LOC", "O", "B-ORG", "I-ORG"},
               {"B-PER", "O", "O", "B-ORG", "O", "B-ORG", "I-ORG"});
  const std::string expected =
      "processed 7 tokens with 3 phrases; found: 3 phrases; correct: 1.\n"
      "accuracy:  71.43%; precision:  33.33%; recall:  33.33%; FB1:  33.33\n"
      "              LOC: precision:   0.00%; recall:   0.00%; FB1:   0.00  0 (gold 1, correct 0)\n"
      "              ORG: precision:  50.00%; recall: 100.00%; FB1:  66.67  2 (gold 1, correct 1)\n"
      "              PER: precision:   0.00%; recall:   0.00%; FB1:   0.00  1 (gold 1, correct 0)\n";
  CHECK(format_score(score) == expected);
}

TEST_CASE("format_score of an empty score", "[ner][score]") {
  CHECK(format_score(ChunkScore{}) ==
        "processed 0 tokens with 0 phrases; found: 0 phrases; correct: 0.\n"
        "accuracy:   0.00%; precision:   0.00%; recall:   0.00%; FB1:   0.00\n");
}
