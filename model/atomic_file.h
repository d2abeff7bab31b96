#ifndef CHAINTRACE_MODEL_ATOMIC_FILE_H_
#define CHAINTRACE_MODEL_ATOMIC_FILE_H_

// Atomic file output: the content is written to `path.tmp.<pid>` in the
// same directory, flushed to disk, then renamed over `path`, so that readers
// see either the old file or the whole new one. On any error the temporary
// file is removed and `path` is left untouched.

#include <functional>
#include <string>
#include <string_view>

#include "model/status.h"

namespace chaintrace {

// Calls `write` with a file descriptor open for writing on the temporary
// file; `write` returns an error to abandon the output.
Status WriteFileAtomically(const std::string& path,
                           const std::function<Status(int fd)>& write);

// Writes all of `bytes` to `fd`; the error names `path`.
Status WriteAll(int fd, std::string_view bytes, const std::string& path);

}  // namespace chaintrace

#endif  // CHAINTRACE_MODEL_ATOMIC_FILE_H_
