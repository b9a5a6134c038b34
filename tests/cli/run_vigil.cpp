#include "run_vigil.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace vigil::test {
namespace fs = std::filesystem;

namespace {

void close_quietly(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

struct Pipe {
  int fd[2] = {-1, -1};
  Pipe() {
    if (::pipe2(fd, O_CLOEXEC) != 0) throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
  }
  ~Pipe() {
    close_quietly(fd[0]);
    close_quietly(fd[1]);
  }
};

}  // namespace

RunResult run_program(const std::string& program, const std::vector<std::string>& args, const RunOptions& options) {
  // Everything the child needs is prepared before fork(): after it, only
  // async-signal-safe calls.
  std::vector<std::string> argv_s{program};
  argv_s.insert(argv_s.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_s) argv.push_back(a.data());
  argv.push_back(nullptr);

  std::vector<std::string> env_s;
  for (char** e = environ; *e; ++e)
    if (std::strncmp(*e, "VIGIL_PLUGIN_PATH=", 18) != 0) env_s.emplace_back(*e);
  env_s.insert(env_s.end(), options.env.begin(), options.env.end());
  std::vector<char*> envp;
  for (auto& e : env_s) envp.push_back(e.data());
  envp.push_back(nullptr);
  const std::string cwd = options.cwd.string();

  Pipe in, out, err;
  int devnull = options.stdin_text ? -1 : ::open("/dev/null", O_RDONLY | O_CLOEXEC);

  pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
  if (pid == 0) {
    ::dup2(options.stdin_text ? in.fd[0] : devnull, STDIN_FILENO);
    ::dup2(out.fd[1], STDOUT_FILENO);
    ::dup2(err.fd[1], STDERR_FILENO);
    if (!cwd.empty() && ::chdir(cwd.c_str()) != 0) ::_exit(126);
    ::execve(program.c_str(), argv.data(), envp.data());
    ::_exit(127);
  }
  if (devnull >= 0) ::close(devnull);
  close_quietly(in.fd[0]);
  close_quietly(out.fd[1]);
  close_quietly(err.fd[1]);
  if (!options.stdin_text) close_quietly(in.fd[1]);
  // The child may exit before reading all of stdin: no SIGPIPE for us.
  ::signal(SIGPIPE, SIG_IGN);
  if (in.fd[1] >= 0) ::fcntl(in.fd[1], F_SETFL, O_NONBLOCK);

  RunResult result;
  const std::string empty;
  const std::string& input = options.stdin_text ? *options.stdin_text : empty;
  std::size_t written = 0;
  if (in.fd[1] >= 0 && input.empty()) close_quietly(in.fd[1]);

  const auto deadline = std::chrono::steady_clock::now() + options.timeout;
  char buf[1 << 16];
  while (out.fd[0] >= 0 || err.fd[0] >= 0 || in.fd[1] >= 0) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      result.timed_out = true;
      ::kill(pid, SIGKILL);
      break;
    }
    pollfd fds[3];
    int n = 0;
    int idx_out = -1, idx_err = -1, idx_in = -1;
    if (out.fd[0] >= 0) fds[idx_out = n++] = {out.fd[0], POLLIN, 0};
    if (err.fd[0] >= 0) fds[idx_err = n++] = {err.fd[0], POLLIN, 0};
    if (in.fd[1] >= 0) fds[idx_in = n++] = {in.fd[1], POLLOUT, 0};
    int r = ::poll(fds, static_cast<nfds_t>(n), static_cast<int>(std::min<long long>(left.count(), 1000)));
    if (r < 0) {
      if (errno == EINTR) continue;
      break;
    }
    auto drain = [&](int idx, int& fd, std::string& into) {
      if (idx < 0 || !(fds[idx].revents & (POLLIN | POLLHUP | POLLERR))) return;
      ssize_t got = ::read(fd, buf, sizeof buf);
      if (got > 0)
        into.append(buf, static_cast<std::size_t>(got));
      else if (got == 0 || (errno != EINTR && errno != EAGAIN))
        close_quietly(fd);
    };
    drain(idx_out, out.fd[0], result.out);
    drain(idx_err, err.fd[0], result.err);
    if (idx_in >= 0 && (fds[idx_in].revents & (POLLOUT | POLLERR | POLLHUP))) {
      ssize_t put = ::write(in.fd[1], input.data() + written, input.size() - written);
      if (put > 0) written += static_cast<std::size_t>(put);
      if ((put < 0 && errno != EAGAIN && errno != EINTR) || written == input.size()) close_quietly(in.fd[1]);
    }
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status))
    result.exit_code = WEXITSTATUS(status);
  else if (WIFSIGNALED(status))
    result.exit_code = 128 + WTERMSIG(status);
  return result;
}

RunResult run_vigil(const std::vector<std::string>& args, const RunOptions& options) {
  return run_program(VIGIL_BINARY, args, options);
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    lines.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return lines;
}

std::vector<nlohmann::json> parse_json_lines(const std::string& text) {
  std::vector<nlohmann::json> out;
  for (const auto& line : split_lines(text)) {
    try {
      out.push_back(nlohmann::json::parse(line));
    } catch (const std::exception& e) {
      throw std::runtime_error("not a JSON line (" + std::string(e.what()) + "): " + line.substr(0, 200));
    }
  }
  return out;
}

Summary parse_summary(const std::string& err) {
  static const std::regex re(R"(read (\d+) = written (\d+) \+ failed (\d+) \+ skipped (\d+)(?: \+ discarded (\d+))? in )");
  std::smatch m;
  Summary s;
  if (!std::regex_search(err, m, re)) return s;
  s.found = true;
  s.read = std::stoull(m[1]);
  s.written = std::stoull(m[2]);
  s.failed = std::stoull(m[3]);
  s.skipped = std::stoull(m[4]);
  if (m[5].matched) s.discarded = std::stoull(m[5]);
  return s;
}

}  // namespace vigil::test
