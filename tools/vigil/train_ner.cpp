// `vigil train ner`: trains a vigil.ner model from CoNLL-style files.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "corpus_reader.hpp"
#include "gazetteer.hpp"
#include "labels.hpp"
#include "ner_corpus.hpp"
#include "ner_model.hpp"
#include "perceptron_trainer.hpp"
#include "recase.hpp"
#include "sub_tokens.hpp"
#include "vigil/core/errors.hpp"

namespace vigil::cli {
namespace {

namespace fs = std::filesystem;
using namespace vigil::ner;

struct LoadedCorpus {
  std::vector<TrainingSentence> sentences;
  nlohmann::json card = nlohmann::json::array();
};

// Splits tokens the way the tagger will see them at run time (sub_tokens.hpp).
// The name is the last piece after an elision or clitics ("l'|Espagne",
// "و|المغرب"), the first before a possessive ("Spain|'s"). A clitic before a
// name is O (I- inside one); a possessive is O unless the name goes on after
// it ("McDonald|'s Corporation").
TrainingSentence to_training(const LabeledSentence& sentence, const Gazetteer* gazetteer, const std::string& where) {
  TrainingSentence out;
  std::vector<SubToken> pieces;
  std::vector<std::size_t> possessives;  // positions in `out` of split-off possessives
  for (const auto& token : sentence) {
    auto label = parse_label(token.tag);
    if (!label) throw core::ConfigError(where + ": tag \"" + token.tag + "\" is not O or B-/I- of PER ORG LOC MISC");
    pieces.clear();
    split_token(token.form, 0, static_cast<sdk::Offset>(token.form.size()), gazetteer, pieces);
    const std::string_view last_piece(token.form.data() + pieces.back().begin, pieces.back().end - pieces.back().begin);
    const bool possessive = pieces.size() > 1 && (last_piece == "'s" || last_piece == "\xE2\x80\x99s");
    // With a possessive the name is the piece before it ("l'|Espagne|'s").
    const std::size_t name_piece = possessive ? pieces.size() - 2 : pieces.size() - 1;
    for (std::size_t k = 0; k < pieces.size(); ++k) {
      out.words.push_back(token.form.substr(pieces[k].begin, pieces[k].end - pieces[k].begin));
      Label l = *label;
      if (k < name_piece && is_begin(l)) l = kOutside;
      if (k > name_piece) {
        l = *label == kOutside ? kOutside : inside_label(type_of(*label));
        possessives.push_back(out.labels.size());
      }
      out.labels.push_back(l);
    }
  }
  for (std::size_t p : possessives) {
    const bool name_goes_on = p + 1 < out.labels.size() && is_inside(out.labels[p + 1]) && out.labels[p] != kOutside &&
                              type_of(out.labels[p + 1]) == type_of(out.labels[p]);
    if (!name_goes_on) out.labels[p] = kOutside;
  }
  return out;
}

// Documents: as the file marks them, else `group` consecutive sentences.
LoadedCorpus load(const std::string& option, const std::vector<std::string>& specs, const ReadOptions& base,
                  const Gazetteer* gazetteer, std::size_t group) {
  LoadedCorpus out;
  for (const auto& text : specs) {
    const auto argument = read_corpus_argument(option, text, base);
    const auto& spec = argument.spec;
    const auto& sentences = argument.sentences;
    std::size_t tokens = 0, entities = 0;
    const std::size_t first = out.sentences.size();
    for (const auto& s : sentences) {
      out.sentences.push_back(to_training(s, gazetteer, spec.path.string()));
      const std::size_t at = out.sentences.size() - 1 - first;
      out.sentences.back().continues_document =
          argument.document_starts.empty()
              ? at % group != 0
              : !std::binary_search(argument.document_starts.begin(), argument.document_starts.end(), at);
      tokens += s.size();
      for (const auto& t : s) entities += t.tag.starts_with("B-");
    }
    // Folder and file name ("wikiann/train.conllu"): enough to identify the
    // data set without the machine's paths.
    const std::string name = (spec.path.parent_path().filename() / spec.path.filename()).string();
    const auto hash = text.rfind('#');
    out.card.push_back({{"file", name},
                        {"part", hash == std::string::npos ? "" : text.substr(hash + 1)},
                        {"sentences", sentences.size()},
                        {"tokens", tokens},
                        {"entities", entities}});
    std::printf("read %s: %zu sentences, %zu tokens, %zu entities\n", text.c_str(), sentences.size(), tokens, entities);
  }
  return out;
}

nlohmann::json score_json(const ChunkScore& score) {
  nlohmann::json j = {{"precision", score.overall.precision()},
                      {"recall", score.overall.recall()},
                      {"f1", score.overall.f1()},
                      {"types", nlohmann::json::object()}};
  for (const auto& [type, c] : score.by_type)
    j["types"][type] = {{"precision", c.precision()}, {"recall", c.recall()}, {"f1", c.f1()}, {"gold", c.gold}};
  return j;
}

}  // namespace

int train_ner_command(const TrainNerOptions& opt, const GlobalOptions& /*global*/) {
  try {
    if (opt.language.empty()) throw core::ConfigError("--lang is required");
    ReadOptions read;
    if (!opt.format.empty()) {
      auto f = parse_format_name(opt.format);
      if (!f) throw core::ConfigError("--format: unknown format \"" + opt.format + "\"");
      read.format = *f;
    }
    if (!opt.types.empty()) read.types = opt.types;
    read.repair_mac_cyrillic = opt.repair_mac_cyrillic;

    std::shared_ptr<const Gazetteer> gazetteer;
    std::vector<fs::path> gazetteer_paths(opt.gazetteers.begin(), opt.gazetteers.end());
    if (!gazetteer_paths.empty()) gazetteer = Gazetteer::load(gazetteer_paths);

    WordClusters clusters;
    if (!opt.clusters.empty()) {
      clusters = WordClusters::read_paths(opt.clusters);
      std::printf("clusters: %zu words from %s\n", clusters.size(), opt.clusters.c_str());
    }

    const auto group = static_cast<std::size_t>(std::max(opt.group, 1));
    LoadedCorpus train = load("--train", opt.train, read, gazetteer.get(), group);
    ReadOptions dev_read = read;
    dev_read.repair_mac_cyrillic = false;
    LoadedCorpus dev = load("--dev", opt.dev, dev_read, gazetteer.get(), group);
    if (train.sentences.empty()) throw core::ConfigError("--train: no sentences read");

    TrainerOptions options;
    options.epochs = static_cast<std::size_t>(opt.epochs);
    options.patience = static_cast<std::size_t>(opt.patience);
    options.seed = opt.seed;
    options.language = opt.language;
    options.gazetteer = gazetteer.get();
    options.clusters = clusters.empty() ? nullptr : &clusters;
    options.document_history = opt.document_history;
    const auto start = std::chrono::steady_clock::now();
    std::printf("%5s %8s %8s %8s %8s %8s\n", "epoch", "errors", "seconds", "dev P", "dev R", "dev F1");
    TrainedWeights trained = train_perceptron(train.sentences, dev.sentences, options, [](const EpochReport& r) {
      std::printf("%5zu %8zu %8.1f %8.2f %8.2f %8.2f%s\n", r.epoch, r.sentence_errors, r.seconds,
                  100 * r.dev.overall.precision(), 100 * r.dev.overall.recall(), 100 * r.dev.overall.f1(),
                  r.best ? "  *" : "");
      std::fflush(stdout);
    });
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    nlohmann::json card = {
        {"language", opt.language},
        {"tagger", "averaged perceptron, BIO, first-order Viterbi"},
        {"train", train.card},
        {"dev", dev.card},
        {"types", read.types},
        {"seed", opt.seed},
        {"document_history", opt.document_history},
        {"group", opt.group},
        {"epochs", opt.epochs},
        {"best_epoch", trained.best_epoch},
        {"features_seen", trained.features_seen},
        {"max_features", opt.max_features},
        {"gazetteer_names", gazetteer ? gazetteer->name_count() : 0},
        {"gazetteer_fingerprint", gazetteer ? gazetteer->fingerprint() : 0},
        {"vigil_version", VIGIL_VERSION},
    };
    if (!dev.sentences.empty()) card["dev_scores"] = score_json(trained.best_dev);
    // The share of training sentences in capitals: the stage re-cases such
    // sentences only for models that did not learn from them (recase.hpp).
    std::size_t capitals = 0;
    std::vector<std::string_view> words;
    for (const auto& sentence : train.sentences) {
      words.assign(sentence.words.begin(), sentence.words.end());
      if (all_capitals(words)) ++capitals;
    }
    card["capitals_share"] = static_cast<double>(capitals) / static_cast<double>(train.sentences.size());
    card["cluster_words"] = clusters.size();
    trained.contents.clusters = std::move(clusters);
    trained.contents.metadata_json = card.dump();
    const std::size_t kept = write_model(opt.out, trained.contents, static_cast<std::size_t>(opt.max_features));
    std::printf("\nbest epoch %zu", trained.best_epoch);
    if (!dev.sentences.empty()) std::printf(", dev F1 %.2f", 100 * trained.best_dev.overall.f1());
    std::printf("; %zu of %zu features kept; %s written (%.1f MB) in %.0f s\n", kept, trained.features_seen,
                opt.out.c_str(), static_cast<double>(fs::file_size(opt.out)) / 1e6, seconds);
    if (!dev.sentences.empty()) std::printf("\n%s", format_score(trained.best_dev).c_str());
  } catch (const std::exception& e) {
    return report_error(e);
  }
  return 0;
}

}  // namespace vigil::cli
