#ifndef CHAINTRACE_SIM_SWEEP_FILES_H_
#define CHAINTRACE_SIM_SWEEP_FILES_H_

// Whole-file reads and atomic whole-file writes for the small text files a
// sweep reads and writes (sweep files, CSV, SVG, HTML).

#include <string>

#include "model/status.h"

namespace chaintrace::sweep {

// The content of `path`; files over `max_bytes` are refused.
Result<std::string> ReadWholeFile(const std::string& path,
                                  std::size_t max_bytes = std::size_t{1} << 30);

// Replaces `path` with `text` atomically (model/atomic_file.h).
Status WriteWholeFile(const std::string& path, const std::string& text);

}  // namespace chaintrace::sweep

#endif  // CHAINTRACE_SIM_SWEEP_FILES_H_
