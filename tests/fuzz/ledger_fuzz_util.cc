#include "tests/fuzz/ledger_fuzz_util.h"

#include <cstdio>
#include <cstdlib>

#include "model/ledger_io.h"
#include "model/verify.h"

namespace chaintrace::fuzz {

void Require(bool condition, const char* what) {
  if (condition) return;
  std::fprintf(stderr, "fuzz property broken: %s\n", what);
  std::abort();
}

void CheckLedgerReads(const Result<LedgerFile>& strict,
                      const Result<LedgerFile>& lenient) {
  if (lenient.ok()) (void)VerifyLedger(*lenient);
  if (!strict.ok()) return;
  Require(lenient.ok(), "a file read strictly is also read leniently");

  const Result<LedgerFile> from_binary =
      ParseLedgerBinary(EncodeLedgerBinary(*strict), "binary");
  Require(from_binary.ok(), "the binary encoding of a ledger reads back");
  Require(*from_binary == *strict,
          "the binary encoding reads back to the same model");

  const Result<LedgerFile> from_text =
      ReadLedgerText(FormatLedgerText(*strict), "text");
  Require(from_text.ok(), "the text encoding of a ledger reads back");
  Require(*from_text == *strict,
          "the text encoding reads back to the same model");
}

}  // namespace chaintrace::fuzz
