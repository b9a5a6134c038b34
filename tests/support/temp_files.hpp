// Test support shared by every test executable: per-test temporary folders
// and whole-file reads and writes.
#pragma once

#include <filesystem>
#include <string>

namespace vigil::test {

// A fresh folder under temp_directory_path() (canonical, so paths that vigil
// resolves compare equal), removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& rel) const { return path_ / rel; }
  std::string str(const std::string& rel = "") const { return (rel.empty() ? path_ : path_ / rel).string(); }
  // Writes `content` to path()/rel (creating folders) and returns that path.
  std::filesystem::path write(const std::string& rel, const std::string& content) const;

 private:
  std::filesystem::path path_;
};

// Writes `content` byte for byte, creating parent folders; throws on failure.
void write_file(const std::filesystem::path& path, const std::string& content);
// Reads a whole file; throws when it cannot be opened.
std::string read_file(const std::filesystem::path& path);

}  // namespace vigil::test
