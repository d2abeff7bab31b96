// ledger_seed_tool OUT_DIR FILE...: writes the binary encoding of each text
// ledger FILE to OUT_DIR/<its name>.bin, for the binary ledger fuzzer's seed
// corpus (tests/fuzz/seeds.sh). Ledgers that break an invariant are read
// leniently so that their faults reach the fuzzer too; unreadable files are
// skipped with a note. Exit 0, or 2 on bad usage or a failed write.

#include <cstdio>
#include <string>

#include "model/ledger_io.h"

int main(int argc, char** argv) {
  using namespace chaintrace;  // NOLINT(google-build-using-namespace)
  if (argc < 2) {
    std::fprintf(stderr, "usage: ledger_seed_tool OUT_DIR FILE...\n");
    return 2;
  }
  const std::string out_dir = argv[1];
  ReadOptions lenient;
  lenient.check_conservation = false;
  lenient.lenient = true;
  for (int i = 2; i < argc; ++i) {
    const std::string path = argv[i];
    Result<LedgerFile> file = ReadLedger(path, lenient);
    if (!file.ok()) {
      std::fprintf(stderr, "skipped: %s\n", file.message().c_str());
      continue;
    }
    const std::string name = path.substr(path.find_last_of('/') + 1);
    const std::string out = std::string(out_dir).append("/").append(name);
    const Status st = WriteLedgerBinary(*file, out + ".bin");
    if (!st.ok()) {
      std::fprintf(stderr, "%s\n", st.message().c_str());
      return 2;
    }
  }
  return 0;
}
