// Fuzzes the text ledger reader (model/ledger_io.h ReadLedgerText), strict
// and lenient, the canonical encodings of what it accepts, and verify.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "model/ledger_io.h"
#include "tests/fuzz/ledger_fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  using namespace chaintrace;  // NOLINT(google-build-using-namespace)
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  ReadOptions lenient;
  lenient.check_conservation = false;
  lenient.lenient = true;
  fuzz::CheckLedgerReads(ReadLedgerText(text, "fuzz.textproto"),
                         ReadLedgerText(text, "fuzz.textproto", lenient));
  return 0;
}
