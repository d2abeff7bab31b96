#ifndef CHAINTRACE_MODEL_ATOMIC_FILE_H_
#define CHAINTRACE_MODEL_ATOMIC_FILE_H_

// Atomic file output: readers of `path` see either the previous file or the
// whole new one, never a part, even when the writing process is killed or
// the machine loses power mid-write.
//
// The content goes to a temporary file in `path`'s directory: an unnamed one
// (O_TMPFILE) where the file system supports it, so that a process killed
// while writing leaves nothing behind, else a hidden `.NAME.tmp.PID.N`. The
// temporary file is flushed to disk (fsync), given a hidden name if it had
// none, renamed over `path`, and the directory is flushed so that the
// rename itself is durable. On any error the temporary file is removed and
// `path` is left untouched. A hidden temporary file can outlive a process
// killed in the short window between naming and renaming it (or, without
// O_TMPFILE, while writing); it never carries `path`'s name.
//
// Thread safety: concurrent calls for different paths are safe; for the same
// path the last rename wins, and each caller's file is whole.

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
