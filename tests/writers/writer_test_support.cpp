#include "writer_test_support.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

extern char** environ;

namespace vigil::test {
namespace fs = std::filesystem;

RunResult run_pipeline(const TempDir& dir, const std::string& toml, const std::vector<std::string>& extra,
                       const std::string& name) {
  write_file(dir / name, toml);
  std::vector<std::string> args{"--plugin-path", kTestPlugins, "run", dir.str(name)};
  args.insert(args.end(), extra.begin(), extra.end());
  RunOptions options;
  options.cwd = dir.path();
  options.timeout = std::chrono::seconds(120);
  return run_vigil(args, options);
}

Rows query(const fs::path& db, const std::string& sql) {
  sqlite3* h = nullptr;
  if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    std::string why = h ? sqlite3_errmsg(h) : "out of memory";
    sqlite3_close(h);
    throw std::runtime_error("cannot open " + db.string() + ": " + why);
  }
  sqlite3_busy_timeout(h, 5000);
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(h, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
    std::string why = sqlite3_errmsg(h);
    sqlite3_close(h);
    throw std::runtime_error(why + " in: " + sql);
  }
  Rows rows;
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    std::vector<std::string> row;
    for (int i = 0; i < sqlite3_column_count(st); ++i) {
      auto* p = sqlite3_column_text(st, i);
      row.push_back(
          p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(st, i)))
            : "NULL");
    }
    rows.push_back(std::move(row));
  }
  std::string why = rc == SQLITE_DONE ? "" : sqlite3_errmsg(h);
  sqlite3_finalize(st);
  sqlite3_close(h);
  if (!why.empty()) throw std::runtime_error(why + " in: " + sql);
  return rows;
}

std::string query_one(const fs::path& db, const std::string& sql) {
  auto rows = query(db, sql);
  if (rows.size() != 1 || rows[0].size() != 1)
    throw std::runtime_error("expected one value from: " + sql + " (got " + std::to_string(rows.size()) + " rows)");
  return rows[0][0];
}

long long query_int(const fs::path& db, const std::string& sql) {
  return std::stoll(query_one(db, sql));
}

void exec_sql(const fs::path& db, const std::string& sql) {
  fs::create_directories(db.parent_path());
  sqlite3* h = nullptr;
  if (sqlite3_open(db.c_str(), &h) != SQLITE_OK) throw std::runtime_error("cannot open " + db.string());
  char* err = nullptr;
  int rc = sqlite3_exec(h, sql.c_str(), nullptr, nullptr, &err);
  std::string why = err ? err : "";
  sqlite3_free(err);
  sqlite3_close(h);
  if (rc != SQLITE_OK) throw std::runtime_error(why + " in: " + sql);
}

std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    if (text[i] == '"') {  // quoted field
      ++i;
      for (;;) {
        if (i >= n) throw std::runtime_error("unterminated quoted field");
        if (text[i] == '"') {
          if (i + 1 < n && text[i + 1] == '"') {
            field.push_back('"');
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        field.push_back(text[i++]);
      }
      if (i < n && text[i] != ',' && text[i] != '\r' && text[i] != '\n')
        throw std::runtime_error("text after a closing quote at byte " + std::to_string(i));
    } else {
      while (i < n && text[i] != ',' && text[i] != '\r' && text[i] != '\n') {
        if (text[i] == '"') throw std::runtime_error("quote inside an unquoted field at byte " + std::to_string(i));
        field.push_back(text[i++]);
      }
    }
    record.push_back(std::move(field));
    field.clear();
    if (i < n && text[i] == ',') {
      ++i;
      if (i == n) record.emplace_back();
      continue;
    }
    if (i < n && text[i] == '\r') ++i;
    if (i < n && text[i] == '\n') ++i;
    records.push_back(std::move(record));
    record.clear();
  }
  return records;
}

BackgroundVigil::BackgroundVigil(const std::vector<std::string>& args, const fs::path& log_dir) {
  std::vector<std::string> argv_s{VIGIL_BINARY};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);
  const std::string out = (log_dir / "vigil.out").string(), err = (log_dir / "vigil.err").string();
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
  if (pid_ == 0) {
    int in = ::open("/dev/null", O_RDONLY);
    int o = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int e = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (in < 0 || o < 0 || e < 0) ::_exit(126);
    ::dup2(in, 0);
    ::dup2(o, 1);
    ::dup2(e, 2);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
}

BackgroundVigil::~BackgroundVigil() {
  if (running()) kill_hard();
}

bool BackgroundVigil::running() {
  if (pid_ < 0 || status_ >= 0) return false;
  int st = 0;
  pid_t r = ::waitpid(pid_, &st, WNOHANG);
  if (r == 0) return true;
  status_ = WIFEXITED(st) ? WEXITSTATUS(st) : WIFSIGNALED(st) ? 128 + WTERMSIG(st) : 255;
  return false;
}

void BackgroundVigil::kill_hard() {
  if (!running()) return;
  ::kill(pid_, SIGKILL);
  wait();
}

int BackgroundVigil::wait() {
  if (status_ >= 0) return status_;
  int st = 0;
  while (::waitpid(pid_, &st, 0) < 0 && errno == EINTR) {
  }
  status_ = WIFEXITED(st) ? WEXITSTATUS(st) : WIFSIGNALED(st) ? 128 + WTERMSIG(st) : 255;
  return status_;
}

std::string sample_results_jsonl() {
  // Offsets are code points (the jsonl source's default `offsets`).
  return R"({"id":"en-1","text":"Europol and the Spanish police, in Valencia, seized \"500 kg\" of cocaine.","meta":{"source":"test","url":"https://example.org/a?x=1&y=2"},"language":{"code":"en","confidence":0.98,"reliable":true},"entities":[{"start":0,"end":7,"text":"Europol","label":"ORG","score":0.9,"canonical":"Europol","id":"Q208"},{"start":35,"end":43,"text":"Valencia","label":"LOC","score":0.8,"canonical":"Valencia","id":"geonames:2509954"}],"topics":[{"label":"drugs","score":0.9,"evidence":[{"start":64,"end":71,"term":"cocaine","weight":0.6}]}]})"
         "\n"
         R"({"id":"fr-1","text":"Attentat déjoué à Marseille, selon le parquet.\nDeuxième ligne, avec une virgule.","language":{"code":"fr","confidence":0.95,"reliable":true},"entities":[{"start":18,"end":27,"text":"Marseille","label":"LOC","score":0.9,"canonical":"Marseille"}],"topics":[{"label":"terrorism","score":0.7,"evidence":[{"start":0,"end":8,"term":"attentat","weight":0.5}]}]})"
         "\n"
         R"({"id":"ar-1","text":"أعلنت الشرطة في الرباط تفكيك خلية إرهابية.","language":{"code":"ar","confidence":0.99,"reliable":true},"entities":[{"start":16,"end":22,"text":"الرباط","label":"LOC","score":0.9,"canonical":"Rabat","id":"geonames:2538475"}],"topics":[{"label":"terrorism","score":0.8,"evidence":[{"start":34,"end":41,"term":"إرهابية","weight":0.7}]}]})"
         "\n"
         R"({"id":"es-1","text":"Texto con </script><script>window.pwned=1</script> y <!-- comentario --> & más.","language":{"code":"es","confidence":0.9,"reliable":true},"entities":[{"start":0,"end":5,"text":"Texto","label":"MISC","score":0.5}],"topics":[]})"
         "\n";
}

}  // namespace vigil::test
