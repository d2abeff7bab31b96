#include "model/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <system_error>

namespace chaintrace {
namespace {

std::string ErrnoText(int error) {
  return std::error_code(error, std::generic_category()).message();
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
  const std::string tmp = path + ".tmp." + std::to_string(::getpid());
  const int fd =
      ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    return Status::Error(path + ": cannot create " + tmp + ": " +
                         ErrnoText(errno));
  }
  Status st = write(fd);
  if (st.ok() && ::fsync(fd) != 0) {
    st = Status::Error(path + ": fsync failed: " + ErrnoText(errno));
  }
  if (::close(fd) != 0 && st.ok()) {
    st = Status::Error(path + ": close failed: " + ErrnoText(errno));
  }
  if (st.ok() && std::rename(tmp.c_str(), path.c_str()) != 0) {
    st = Status::Error(path + ": cannot rename " + tmp +
                       " into place: " + ErrnoText(errno));
  }
  if (!st.ok()) ::unlink(tmp.c_str());
  return st;
}

}  // namespace chaintrace
