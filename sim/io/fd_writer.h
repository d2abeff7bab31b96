#ifndef CHAINTRACE_SIM_IO_FD_WRITER_H_
#define CHAINTRACE_SIM_IO_FD_WRITER_H_

// A buffered writer on a file descriptor for streamed exports: text is
// appended to a fixed 64 KiB buffer that is flushed to the descriptor when
// full, so that writing a file of any size holds one buffer. The first
// write error is kept and later writes are ignored; Finish() flushes and
// returns it. The writer does not own the descriptor.

#include <cstdint>
#include <string>
#include <string_view>

#include "model/status.h"

namespace chaintrace::io {

class FdWriter {
 public:
  // `path` names the file in error messages.
  FdWriter(int fd, std::string path);
  FdWriter(const FdWriter&) = delete;
  FdWriter& operator=(const FdWriter&) = delete;

  FdWriter& Put(std::string_view text);
  FdWriter& Put(char c);
  FdWriter& PutInt(std::int64_t value);

  // Flushes the buffer; the first error seen, or ok.
  Status Finish();

 private:
  void Flush();

  int fd_;
  std::string path_;
  std::string buffer_;
  Status status_;
};

}  // namespace chaintrace::io

#endif  // CHAINTRACE_SIM_IO_FD_WRITER_H_
