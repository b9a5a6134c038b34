// vigil: run text-analytics pipelines of plugins over corpora.
#include <malloc.h>

#include <CLI/CLI.hpp>
#include <cstdio>

#include "vigil/commands.hpp"
#include "vigil/core/errors.hpp"
#include "vigil/eval_language.hpp"
#include "vigil/sdk/version.hpp"

int main(int argc, char** argv) {
  using namespace vigil::cli;
#if defined(__GLIBC__)
  // Libraries under plugins (CLD2 among them) allocate and free large buffers
  // for every document. With glibc's defaults the freed top of the heap goes
  // back to the system after each call and is faulted in again by the next
  // one; keeping 1 MB of padding at the top stops that churn (CLD2 runs
  // several times faster). The host owns this process-wide policy.
  mallopt(M_TOP_PAD, 1 << 20);
#endif
  CLI::App app{"vigil: plugin-based text analytics for multilingual security news"};
  app.require_subcommand(1);
  app.fallthrough();  // global options may also follow the subcommand
  GlobalOptions global;
  app.add_option("--log-level", global.log_level, "trace, debug, info, warn, error, critical or off")
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "critical", "off"}))
      ->capture_default_str();
  app.add_option("--plugin-path", global.plugin_path, "Extra folder to search for plugins (repeatable)");

  RunCommandOptions run;
  auto add_pipeline_options = [&](CLI::App* cmd) {
    cmd->add_option("PIPELINE", run.pipeline, "Pipeline file (TOML)")->required();
    cmd->add_option("-i,--input", run.input,
                    "Replace the source: a folder (a document per file), a .jsonl/.ndjson/.json file or - (JSON "
                    "lines), any other file (one document)");
    cmd->add_option("-o,--output", run.output, "Replace the sinks: a .jsonl file, or - for JSON lines on stdout");
    cmd->add_option("--set", run.overrides, "Override a key: SECTION.KEY=VALUE, e.g. stage.ner.threshold=0.7");
  };

  CLI::App* run_cmd = app.add_subcommand("run", "Run a pipeline over a corpus");
  add_pipeline_options(run_cmd);
  run_cmd->add_option("-t,--threads", run.threads, "Worker threads (0: all cores); overrides [pipeline] threads")
      ->check(CLI::NonNegativeNumber);
  run_cmd->add_flag("--fail-fast", run.fail_fast, "Stop at the first document that fails");
  run_cmd->add_option("--dead-letters", run.dead_letters, "JSON-lines file for failed documents");
  run_cmd->add_flag("--print-config", run.print_config,
                    "Print the filled-in configuration (defaults included) and exit without running");
  run_cmd->add_flag("-q,--quiet", run.quiet, "No progress and no summary line");
  run_cmd->add_flag("--no-progress", run.no_progress, "No progress line, even on a terminal");

  CLI::App* check_cmd = app.add_subcommand("check", "Validate a pipeline and load its plugins; run nothing");
  add_pipeline_options(check_cmd);

  PluginsCommandOptions plugins;
  CLI::App* plugins_cmd = app.add_subcommand("plugins", "List components, or describe one with its parameters");
  plugins_cmd->add_option("NAME", plugins.name, "A component name, e.g. vigil.tokenize");

  EvalTopicsOptions eval_topics;
  CLI::App* eval_cmd = app.add_subcommand("eval", "Score a pipeline against gold data");
  eval_cmd->require_subcommand(1);
  CLI::App* eval_topics_cmd =
      eval_cmd->add_subcommand("topics", "Precision, recall and F1 of topics against gold JSON lines");
  eval_topics_cmd->add_option("--gold", eval_topics.gold, "JSON lines: id, lang, text, topics (a list of labels)")
      ->required();
  eval_topics_cmd->add_option("--pipeline", eval_topics.pipeline, "Pipeline file (default: config/default.toml)");
  eval_topics_cmd->add_option("--set", eval_topics.overrides, "Override a key: SECTION.KEY=VALUE");
  eval_topics_cmd->add_option("-t,--threads", eval_topics.threads, "Worker threads (0: all cores)")
      ->check(CLI::NonNegativeNumber);
  eval_topics_cmd->add_flag("--errors", eval_topics.show_errors, "List every false positive and false negative");

  struct {
    std::string gold, pipeline, errors;
    std::vector<std::string> overrides;
    std::size_t top = 15;
  } eval_language;
  CLI::App* eval_language_cmd =
      eval_cmd->add_subcommand("language", "Accuracy of the language stage against gold JSON lines (id, lang, text)");
  eval_language_cmd->add_option("--gold", eval_language.gold, "JSON lines: id, lang, text")->required();
  eval_language_cmd->add_option("--pipeline", eval_language.pipeline,
                                "Pipeline whose stages up to the language stage run (default: vigil.langid alone)");
  eval_language_cmd->add_option("--set", eval_language.overrides,
                                "Override a key: SECTION.KEY=VALUE (e.g. stage.langid.use_model=false)");
  eval_language_cmd->add_option("--top", eval_language.top, "Confusion pairs to list")->capture_default_str();
  eval_language_cmd->add_option("--errors", eval_language.errors,
                                "Write misidentified records to this JSON-lines file");

#ifdef VIGIL_HAVE_NER
  EvalEntitiesOptions eval_entities;
  CLI::App* eval_entities_cmd = eval_cmd->add_subcommand(
      "entities", "Exact-span precision, recall and F1 of entities against CoNLL-style gold files (as conlleval)");
  eval_entities_cmd->add_option("--gold", eval_entities.gold, "Gold file(s); PATH#FROM-TO/PARTS selects a part")
      ->required();
  eval_entities_cmd->add_option("--lang", eval_entities.language, "Language of the gold text")->required();
  eval_entities_cmd->add_option("--pipeline", eval_entities.pipeline,
                                "Pipeline file whose entity stage(s) run (default: vigil.ner with its defaults)");
  eval_entities_cmd->add_option("--set", eval_entities.overrides,
                                "Override a key: SECTION.KEY=VALUE, e.g. stage.ner.models.en=en.model");
  eval_entities_cmd->add_option("--types", eval_entities.types, "Entity types scored (default: PER ORG LOC MISC)")
      ->delimiter(',');
  eval_entities_cmd->add_option("--format", eval_entities.format,
                                "conll, germeval, hipe, europeana, newsfane, wikiann_prefixed (default: detect)");
  eval_entities_cmd
      ->add_option("--group", eval_entities.group,
                   "Sentences per document for gold files that mark no documents, read as running text "
                   "(1: sentence by sentence; files with -DOCSTART- or HIPE document ids are read "
                   "document by document)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  eval_entities_cmd->add_option("--errors", eval_entities.errors, "Write the sentences with an error to this file");

  TrainNerOptions train_ner;
  CLI::App* train_cmd = app.add_subcommand("train", "Train a model");
  train_cmd->require_subcommand(1);
  CLI::App* train_ner_cmd = train_cmd->add_subcommand("ner", "Train a vigil.ner tagger from CoNLL-style files");
  train_ner_cmd->add_option("--lang", train_ner.language, "Language of the model")->required();
  train_ner_cmd->add_option("--train", train_ner.train, "Training file(s); PATH#FROM-TO/PARTS selects a part")
      ->required();
  train_ner_cmd->add_option("--dev", train_ner.dev, "Development file(s): scored every epoch, best epoch kept");
  train_ner_cmd->add_option("--out", train_ner.out, "Model file to write")->required();
  train_ner_cmd->add_option("--gazetteers", train_ner.gazetteers, "Gazetteer files or folders (features)");
  train_ner_cmd->add_option("--clusters", train_ner.clusters,
                            "Word cluster paths (vigil-ner-clusters), stored in the model");
  train_ner_cmd->add_option("--types", train_ner.types, "Entity types learnt (others become O)")->delimiter(',');
  train_ner_cmd->add_option("--format", train_ner.format, "Input format (default: detect per file)");
  train_ner_cmd->add_flag("--repair-mac-cyrillic", train_ner.repair_mac_cyrillic,
                          "Undo the Mac-Cyrillic mis-decoding of the German CoNLL-2003 training file");
  train_ner_cmd->add_option("--epochs", train_ner.epochs, "Maximum epochs")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  train_ner_cmd
      ->add_option("--patience", train_ner.patience, "Stop after this many epochs without a better dev F1 (0: never)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  train_ner_cmd
      ->add_option("--group", train_ner.group,
                   "Sentences per document for files that mark no documents (the document history reads "
                   "a document's sentences in order)")
      ->check(CLI::Range(1, 1000000))
      ->capture_default_str();
  train_ner_cmd->add_flag("--no-history{false}", train_ner.document_history,
                          "No features from the labels given earlier in the document");
  train_ner_cmd->add_option("--seed", train_ner.seed, "Random seed (sentence order)")->capture_default_str();
  train_ner_cmd
      ->add_option("--max-features", train_ner.max_features,
                   "Keep this many feature rows (largest weights) in the model; 0: all")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
#endif

  app.add_subcommand("version", "Print the version of vigil and of its plugin API");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : vigil::core::kExitUsage;
  }

  if (app.got_subcommand("version")) {
    std::printf("vigil %s (plugin API %u, ABI %s)\n", VIGIL_VERSION, vigil::sdk::kApiVersion, vigil::sdk::kAbiTag);
    return 0;
  }
  if (app.got_subcommand("plugins")) return plugins_command(plugins, global);
#ifdef VIGIL_HAVE_NER
  if (train_cmd->got_subcommand(train_ner_cmd)) return train_ner_command(train_ner, global);
  if (eval_cmd->got_subcommand(eval_entities_cmd)) return eval_entities_command(eval_entities, global);
#endif
  if (eval_cmd->got_subcommand(eval_topics_cmd)) return eval_topics_command(eval_topics, global);
  if (eval_cmd->got_subcommand(eval_language_cmd))
    return eval_language_command(eval_language.gold, eval_language.pipeline, eval_language.overrides, global,
                                 eval_language.top, eval_language.errors);
  run.check_only = app.got_subcommand("check");
  return run_command(run, global);
}
