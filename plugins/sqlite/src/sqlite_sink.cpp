#include "sqlite_sink.hpp"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vigil_writer/output_options.hpp>

#include "schema.hpp"
#include "sqlite_handle.hpp"

#ifndef VIGIL_BUILD_VERSION
#define VIGIL_BUILD_VERSION                    \
  VIGIL_SDK_STRINGIFY(VIGIL_SDK_VERSION_MAJOR) \
  "." VIGIL_SDK_STRINGIFY(VIGIL_SDK_VERSION_MINOR) "." VIGIL_SDK_STRINGIFY(VIGIL_SDK_VERSION_PATCH)
#endif
#ifndef VIGIL_SQLITE_VERSION
#define VIGIL_SQLITE_VERSION "0.1.0"
#endif

namespace vigil::sqlite {
namespace fs = std::filesystem;
using sdk::Document;
using sdk::ParamSpec;
using writer::IfExists;
using writer::OutputOptions;

namespace {

constexpr const char* kNow = "strftime('%Y-%m-%dT%H:%M:%fZ','now')";

// A stable text form of the sink's own parameters (sorted by key), hashed
// with 64-bit FNV-1a: the SDK does not hand plugins the pipeline's hash.
std::string params_json(const sdk::Params& params) {
  sdk::Json j = sdk::Json::object();
  for (const auto& [key, value] : params.values()) std::visit([&, k = key](const auto& v) { j[k] = v; }, value);
  return writer::to_json_text(j);
}

std::string fnv1a64(const std::string& s) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "fnv1a64:%016llx", static_cast<unsigned long long>(h));
  return buf;
}

void remove_database_files(const fs::path& path, const std::string& who) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    std::error_code ec;
    fs::path p = path.string() + suffix;
    fs::remove(p, ec);
    if (ec) throw std::runtime_error(who + ": cannot remove " + p.string() + ": " + ec.message());
  }
}

class SqliteSink final : public sdk::Sink {
 public:
  explicit SqliteSink(const sdk::CreateContext& ctx)
      : out_(OutputOptions::from(ctx)),
        batch_size_(ctx.params.get_int("batch_size")),
        commit_interval_(std::chrono::duration<double>(ctx.params.get_float("commit_interval"))),
        resume_(ctx.params.get_bool("resume")) {
    if (resume_) {
      if (out_.if_exists == IfExists::overwrite)
        throw std::runtime_error(out_.who +
                                 ": resume = true keeps the documents already in the database, so it cannot be "
                                 "combined with if_exists = \"overwrite\"; use if_exists = \"append\"");
      out_.if_exists = IfExists::append;  // resuming means adding to what is there
    }
    out_.check_may_write(out_.path);
    if (out_.path.has_parent_path()) out_.ensure_folder(out_.path.parent_path());
    if (out_.if_exists == IfExists::overwrite) remove_database_files(out_.path, out_.who);

    try {
      open(ctx);
    } catch (const std::exception& e) {
      throw std::runtime_error(out_.who + ": " + out_.path.string() + ": " + e.what());
    }
  }

  ~SqliteSink() override {
    if (!db_.get()) return;
    // The run stopped before finish() (an error elsewhere): keep the
    // documents already handed to us, all of them complete, and say so.
    try {
      if (in_transaction_ && !broken_) commit();
      close_run("aborted");
    } catch (...) {  // nothing sensible to do in a destructor
    }
  }
  SqliteSink(const SqliteSink&) = delete;
  SqliteSink& operator=(const SqliteSink&) = delete;

  void write(const Document& doc) override {
    if (broken_) throw std::runtime_error(out_.who + ": an earlier write failed; the database was rolled back");
    try {
      if (resume_) {
        exists_.bind(1, doc.id);
        bool present = exists_.step();
        exists_.reset();
        if (present) {
          ++skipped_;
          return;
        }
      }
      if (!in_transaction_) begin();
      insert(doc);
      if (++in_batch_ >= batch_size_ || std::chrono::steady_clock::now() - last_commit_ >= commit_interval_) {
        commit();
      }
    } catch (const std::exception& e) {
      // The open transaction holds this document's partial rows: drop the
      // whole batch rather than commit half a document.
      broken_ = true;
      if (in_transaction_) {
        sqlite3_exec(db_.get(), "ROLLBACK", nullptr, nullptr, nullptr);
        in_transaction_ = false;
      }
      throw std::runtime_error(out_.who + ": writing document '" + doc.id + "' to " + out_.path.string() + ": " +
                               e.what());
    }
  }

  void finish() override {
    if (broken_) return;
    try {
      if (in_transaction_) commit();
      close_run("finished");
      db_.exec("PRAGMA optimize");
      // Fold the WAL back into the main file so the database is one file
      // an analyst can copy.
      db_.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    } catch (const std::exception& e) {
      throw std::runtime_error(out_.who + ": finishing " + out_.path.string() + ": " + e.what());
    }
    db_ = Connection();
  }

 private:
  void open(const sdk::CreateContext& ctx) {
    db_ = Connection(out_.path.string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX);
    sqlite3_busy_timeout(db_.get(), 10000);
    const std::int64_t version = db_.query_int("PRAGMA user_version");
    const std::int64_t tables = db_.query_int("SELECT count(*) FROM sqlite_schema");
    if (version == 0 && tables > 0)
      throw std::runtime_error(
          "this database was not written by vigil.sqlite (it has tables but no Vigil schema version); choose another "
          "path or set if_exists = \"overwrite\"");
    if (version != 0 && version != kSchemaVersion)
      throw std::runtime_error("this database has schema version " + std::to_string(version) +
                               "; this vigil.sqlite writes version " + std::to_string(kSchemaVersion) +
                               ". Write to a new file, or set if_exists = \"overwrite\"");
    if (db_.query_text("PRAGMA journal_mode=WAL") != "wal")
      throw std::runtime_error("cannot switch the database to WAL mode");
    db_.exec("PRAGMA synchronous=" + ctx.params.get_string("synchronous"));
    // 32 MB of page cache: index pages stay in memory between batches.
    db_.exec("PRAGMA cache_size=-32768");
    // Checkpoint every ~40 MB of WAL rather than 4 MB: a page changed by many
    // batches is copied back into the database once, not once per batch.
    db_.exec("PRAGMA wal_autocheckpoint=10000");
    if (version == 0) {
      db_.exec("BEGIN IMMEDIATE");
      db_.exec(kSchemaSql);
      db_.exec("INSERT INTO vigil_schema(version, created_at, writer) VALUES (" + std::to_string(kSchemaVersion) +
               ", " + kNow + ", 'vigil.sqlite " VIGIL_SQLITE_VERSION "')");
      db_.exec("PRAGMA application_id=" + std::to_string(kApplicationId));
      db_.exec("PRAGMA user_version=" + std::to_string(kSchemaVersion));
      db_.exec("COMMIT");
    }

    const std::string params = params_json(ctx.params);
    // The host's hash of the whole pipeline when it gives one (vigil run), else
    // a hash of this sink's own parameters.
    const std::string hash = ctx.run.pipeline_hash.empty() ? fnv1a64(params) : ctx.run.pipeline_hash;
    const std::string host_version = ctx.run.host_version.empty() ? VIGIL_BUILD_VERSION : ctx.run.host_version;
    Statement run(db_, std::string("INSERT INTO runs(label, vigil_version, writer_version, sink, config_hash, params, "
                                   "started_at, status) VALUES (?, ?, ?, ?, ?, ?, ") +
                           kNow + ", 'running')");
    run.bind_or_null(1, ctx.params.get_string("run_label"))
        .bind(2, host_version)
        .bind(3, std::string_view(VIGIL_SQLITE_VERSION))
        .bind(4, ctx.instance)
        .bind(5, hash)
        .bind(6, params);
    run.run();
    run_id_ = sqlite3_last_insert_rowid(db_.get());

    exists_ = Statement(db_, "SELECT 1 FROM documents WHERE id = ?");
    insert_doc_ = Statement(db_,
                            "INSERT INTO documents(id, language, confidence, reliable, language_source, chars, bytes, "
                            "tokens, sentences, meta, text, attributes, diagnostics, run) "
                            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO NOTHING");
    find_doc_ = Statement(db_, "SELECT doc FROM documents WHERE id = ?");
    delete_entities_ = Statement(db_, "DELETE FROM entities WHERE doc = ?");
    delete_topics_ = Statement(db_, "DELETE FROM topics WHERE doc = ?");
    delete_evidence_ = Statement(db_, "DELETE FROM evidence WHERE doc = ?");
    delete_doc_ = Statement(db_, "DELETE FROM documents WHERE doc = ?");
    insert_entity_ = Statement(db_,
                               "INSERT INTO entities(doc, seq, start, end, label, text, canonical, entity_id, "
                               "score, component) VALUES (?,?,?,?,?,?,?,?,?,?)");
    insert_topic_ = Statement(db_, "INSERT INTO topics(doc, seq, label, score) VALUES (?,?,?,?)");
    insert_evidence_ =
        Statement(db_, "INSERT INTO evidence(doc, seq, topic, start, end, term, weight) VALUES (?,?,?,?,?,?,?)");
    begin_ = Statement(db_, "BEGIN IMMEDIATE");
    commit_ = Statement(db_, "COMMIT");
    last_commit_ = std::chrono::steady_clock::now();
  }

  void begin() {
    begin_.run();
    in_transaction_ = true;
  }

  void commit() {
    commit_.run();
    in_transaction_ = false;
    in_batch_ = 0;
    last_commit_ = std::chrono::steady_clock::now();
  }

  void close_run(const char* status) {
    Statement s(db_, std::string("UPDATE runs SET finished_at = ") + kNow +
                         ", status = ?, documents_written = ?, documents_replaced = ?, documents_skipped = ?, "
                         "entities = ?, topics = ? WHERE run = ?");
    s.bind(1, std::string_view(status))
        .bind(2, written_)
        .bind(3, replaced_)
        .bind(4, skipped_)
        .bind(5, entities_)
        .bind(6, topics_)
        .bind(7, run_id_);
    s.run();
  }

  // One document's rows, inside the open transaction. A document already in
  // the database (same id) has its rows replaced.
  void insert(const Document& doc) {
    const sdk::OffsetConverter conv(doc.text, out_.offsets);
    const auto chars =
        static_cast<std::int64_t>(sdk::OffsetConverter(doc.text, sdk::OffsetUnit::codepoint).convert(doc.text.size()));
    meta_ = writer::to_json_text(doc.meta);
    attributes_ = writer::to_json_text(doc.attributes);
    diagnostics_ = diagnostics_json(doc);

    auto bind_doc = [&] {
      auto& s = insert_doc_;
      s.bind(1, doc.id);
      if (doc.language.is_set()) {
        s.bind(2, doc.language.code).bind(3, doc.language.confidence);
        s.bind(4, std::int64_t{doc.language.reliable}).bind_or_null(5, doc.language.source);
      }
      s.bind(6, chars).bind(7, static_cast<std::int64_t>(doc.text.size()));
      s.bind(8, static_cast<std::int64_t>(doc.tokens.size())).bind(9, static_cast<std::int64_t>(doc.sentences.size()));
      s.bind(10, meta_);
      if (out_.text) s.bind(11, doc.text);
      s.bind(12, attributes_).bind(13, diagnostics_).bind(14, run_id_);
    };
    bind_doc();
    insert_doc_.run();
    if (sqlite3_changes(db_.get()) == 0) {  // same id already there: replace it
      find_doc_.bind(1, doc.id);
      find_doc_.step();
      const std::int64_t old = find_doc_.column_int(0);
      find_doc_.reset();
      for (Statement* s : {&delete_entities_, &delete_topics_, &delete_evidence_, &delete_doc_}) {
        s->bind(1, old);
        s->run();
      }
      bind_doc();
      insert_doc_.run();
      ++replaced_;
    }
    const std::int64_t row = sqlite3_last_insert_rowid(db_.get());

    std::int64_t seq = 0;
    for (const auto& e : doc.entities) {
      auto& s = insert_entity_;
      s.bind(1, row)
          .bind(2, seq++)
          .bind(3, static_cast<std::int64_t>(conv.convert(e.begin)))
          .bind(4, static_cast<std::int64_t>(conv.convert(e.end)))
          .bind(5, e.label)
          .bind(6, doc.slice(e))
          .bind_or_null(7, e.canonical)
          .bind_or_null(8, e.id)
          .bind(9, e.score)
          .bind_or_null(10, e.component);
      s.run();
    }
    std::int64_t topic_seq = 0, evidence_seq = 0;
    for (const auto& t : doc.topics) {
      insert_topic_.bind(1, row).bind(2, topic_seq++).bind(3, t.label).bind(4, t.score);
      insert_topic_.run();
      for (const auto& ev : t.evidence) {
        insert_evidence_.bind(1, row)
            .bind(2, evidence_seq++)
            .bind(3, t.label)
            .bind(4, static_cast<std::int64_t>(conv.convert(ev.begin)))
            .bind(5, static_cast<std::int64_t>(conv.convert(ev.end)))
            .bind(6, ev.term)
            .bind(7, ev.weight);
        insert_evidence_.run();
      }
    }
    ++written_;
    entities_ += static_cast<std::int64_t>(doc.entities.size());
    topics_ += static_cast<std::int64_t>(doc.topics.size());
  }

  static std::string diagnostics_json(const Document& doc) {
    if (doc.diagnostics.empty()) return "[]";
    sdk::Json list = sdk::Json::array();
    for (const auto& d : doc.diagnostics)
      list.push_back({{"level", sdk::to_string(d.level)}, {"stage", d.stage}, {"message", d.message}});
    return writer::to_json_text(list);
  }

  OutputOptions out_;
  std::int64_t batch_size_;
  std::chrono::duration<double> commit_interval_;
  bool resume_;

  Connection db_;
  Statement exists_, insert_doc_, find_doc_, delete_entities_, delete_topics_, delete_evidence_, delete_doc_,
      insert_entity_, insert_topic_, insert_evidence_, begin_, commit_;
  std::int64_t run_id_ = 0;
  bool in_transaction_ = false;
  bool broken_ = false;
  std::int64_t in_batch_ = 0;
  std::chrono::steady_clock::time_point last_commit_;
  std::int64_t written_ = 0, replaced_ = 0, skipped_ = 0, entities_ = 0, topics_ = 0;
  // Bound as SQLITE_STATIC: they must live until the statement has run.
  std::string meta_, attributes_, diagnostics_;
};

}  // namespace

std::vector<ParamSpec> sqlite_sink_params() {
  auto specs = writer::output_param_specs(
      "vigil.db", "Database file to write (created with the Vigil schema when new)",
      "What to do when the database exists: fail, overwrite (delete and recreate it), append (add to it; documents "
      "with the same id are replaced)");
  specs.push_back(ParamSpec::integer("batch_size", 5000, "Documents per transaction").range(1, 1000000));
  specs.push_back(ParamSpec::floating("commit_interval", 1.0,
                                      "Also commit when this many seconds passed since the last commit, so readers "
                                      "see progress in slow pipelines")
                      .range(0, 3600));
  specs.push_back(ParamSpec::boolean(
      "resume", false,
      "Skip documents whose id is already in the database (implies if_exists = \"append\"); the stages still run "
      "for them"));
  specs.push_back(ParamSpec::string("synchronous", "normal",
                                    "SQLite durability: normal (WAL: a power cut may lose the last commits, never "
                                    "corrupts), full (also survives power loss), off")
                      .one_of({"off", "normal", "full"}));
  specs.push_back(
      ParamSpec::string("run_label", "", "Free text stored in the runs table (e.g. a vigil version or a job id)"));
  return specs;
}

std::unique_ptr<sdk::Sink> make_sqlite_sink(const sdk::CreateContext& ctx) {
  return std::make_unique<SqliteSink>(ctx);
}

}  // namespace vigil::sqlite
