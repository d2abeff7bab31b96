#include "sim/io/fd_writer.h"

#include <charconv>
#include <utility>

#include "model/atomic_file.h"

namespace chaintrace::io {
namespace {

constexpr std::size_t kBufferBytes = std::size_t{64} << 10;

}  // namespace

FdWriter::FdWriter(int fd, std::string path) : fd_(fd), path_(std::move(path)) {
  buffer_.reserve(kBufferBytes);
}

FdWriter& FdWriter::Put(std::string_view text) {
  if (buffer_.size() + text.size() > kBufferBytes) Flush();
  if (text.size() > kBufferBytes) {
    if (status_.ok()) status_ = WriteAll(fd_, text, path_);
  } else {
    buffer_.append(text);
  }
  return *this;
}

FdWriter& FdWriter::Put(char c) {
  if (buffer_.size() + 1 > kBufferBytes) Flush();
  buffer_.push_back(c);
  return *this;
}

FdWriter& FdWriter::PutInt(std::int64_t value) {
  char digits[24];
  const auto result = std::to_chars(digits, digits + sizeof(digits), value);
  return Put(
      std::string_view(digits, static_cast<std::size_t>(result.ptr - digits)));
}

void FdWriter::Flush() {
  if (status_.ok() && !buffer_.empty()) {
    status_ = WriteAll(fd_, buffer_, path_);
  }
  buffer_.clear();
}

Status FdWriter::Finish() {
  Flush();
  return status_;
}

}  // namespace chaintrace::io
