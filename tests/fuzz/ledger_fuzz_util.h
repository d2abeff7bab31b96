#ifndef CHAINTRACE_TESTS_FUZZ_LEDGER_FUZZ_UTIL_H_
#define CHAINTRACE_TESTS_FUZZ_LEDGER_FUZZ_UTIL_H_

// Properties every ledger reader must keep on any input, shared by the text
// and binary ledger fuzzers: a file read strictly is also read leniently;
// its canonical encodings read back to the same model (ledger_io.h); verify
// runs on whatever the lenient reader accepts. A broken property aborts, so
// that libFuzzer reports it as a crash with the input that broke it.

#include "model/ledger_file.h"
#include "model/status.h"

namespace chaintrace::fuzz {

// Aborts with `what` on stderr when `condition` is false.
void Require(bool condition, const char* what);

// Checks the properties above for `strict` (the strict read of an input) and
// `lenient` (its lenient read without conservation checks).
void CheckLedgerReads(const Result<LedgerFile>& strict,
                      const Result<LedgerFile>& lenient);

}  // namespace chaintrace::fuzz

#endif  // CHAINTRACE_TESTS_FUZZ_LEDGER_FUZZ_UTIL_H_
