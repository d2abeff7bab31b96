#include "model/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <system_error>

namespace chaintrace {
namespace {

std::string ErrnoText(int error) {
  return std::error_code(error, std::generic_category()).message();
}

// The directory of `path` and its last component.
struct PathParts {
  std::string dir;
  std::string name;
};

PathParts Split(const std::string& path) {
  const std::size_t slash = path.find_last_of('/');
  if (slash == std::string::npos) return {".", path};
  return {slash == 0 ? "/" : path.substr(0, slash), path.substr(slash + 1)};
}

// A hidden name for a temporary file next to `path`, unique within the
// process (pid and a counter); other processes use other pids.
std::string TempName(const PathParts& parts) {
  static std::atomic<unsigned> counter{0};
  return parts.dir + "/." + parts.name + ".tmp." + std::to_string(::getpid()) +
         "." + std::to_string(counter.fetch_add(1));
}

// Gives the unnamed file `fd` the name `tmp` (linkat through /proc, which
// needs no privilege, unlike AT_EMPTY_PATH).
bool LinkUnnamed(int fd, const std::string& tmp) {
  const std::string proc = "/proc/self/fd/" + std::to_string(fd);
  return ::linkat(AT_FDCWD, proc.c_str(), AT_FDCWD, tmp.c_str(),
                  AT_SYMLINK_FOLLOW) == 0;
}

// Flushes the directory entry changes of `dir` (the rename) to disk. File
// systems that cannot sync a directory (EINVAL) have nothing to flush.
Status SyncDirectory(const std::string& dir, const std::string& path) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) {
    return Status::Error(path + ": cannot open directory " + dir + ": " +
                         ErrnoText(errno));
  }
  Status st;
  if (::fsync(fd) != 0 && errno != EINVAL) {
    st = Status::Error(path + ": fsync of directory " + dir +
                       " failed: " + ErrnoText(errno));
  }
  ::close(fd);
  return st;
}

}  // namespace

Status WriteAll(int fd, std::string_view bytes, const std::string& path) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return Status::Error(path + ": write failed: " + ErrnoText(errno));
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return Status::Ok();
}

Status WriteFileAtomically(const std::string& path,
                           const std::function<Status(int fd)>& write) {
  const PathParts parts = Split(path);
  if (parts.name.empty()) return Status::Error(path + ": not a file name");
  // An unnamed file where supported; a hidden named one otherwise.
  std::string tmp;
  int fd = -1;
  if (::access("/proc/self/fd", X_OK) == 0) {
    fd = ::open(parts.dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0644);
  }
  if (fd < 0) {
    tmp = TempName(parts);
    fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) {
      return Status::Error(path + ": cannot create " + tmp + ": " +
                           ErrnoText(errno));
    }
  }
  Status st = write(fd);
  if (st.ok() && ::fsync(fd) != 0) {
    st = Status::Error(path + ": fsync failed: " + ErrnoText(errno));
  }
  if (st.ok() && tmp.empty()) {
    tmp = TempName(parts);
    if (!LinkUnnamed(fd, tmp)) {
      st = Status::Error(path + ": cannot name the temporary file " + tmp +
                         ": " + ErrnoText(errno));
      tmp.clear();
    }
  }
  if (::close(fd) != 0 && st.ok()) {
    st = Status::Error(path + ": close failed: " + ErrnoText(errno));
  }
  if (st.ok() && std::rename(tmp.c_str(), path.c_str()) != 0) {
    st = Status::Error(path + ": cannot rename " + tmp +
                       " into place: " + ErrnoText(errno));
  }
  if (!st.ok()) {
    if (!tmp.empty()) ::unlink(tmp.c_str());
    return st;
  }
  return SyncDirectory(parts.dir, path);
}

}  // namespace chaintrace
