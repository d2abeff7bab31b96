#include "sim/sweep/files.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "model/atomic_file.h"

namespace chaintrace::sweep {

Result<std::string> ReadWholeFile(const std::string& path,
                                  std::size_t max_bytes) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return Status::Error(path + ": is a directory, not a file");
  }
  const std::uintmax_t size = std::filesystem::file_size(path, ec);
  if (ec) return Status::Error(path + ": cannot read: " + ec.message());
  if (size > max_bytes) {
    return Status::Error(path + ": too large (" + std::to_string(size) +
                         " bytes)");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::Error(path + ": cannot open: " + std::strerror(errno));
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Status::Error(path + ": read error");
  return text.str();
}

Status WriteWholeFile(const std::string& path, const std::string& text) {
  return WriteFileAtomically(path,
                             [&](int fd) { return WriteAll(fd, text, path); });
}

}  // namespace chaintrace::sweep
