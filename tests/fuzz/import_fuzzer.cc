// Fuzzes the importers (sim/io/): transfers CSV, Bitcoin Core block JSON
// and labels CSV. The first byte picks the importer, the rest is the file.
// Properties: an import either succeeds with a ledger whose every
// transaction conserves value (model/conservation.h) or fails with a
// message naming the input; nothing crashes, leaks or hangs.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "model/conservation.h"
#include "sim/io/bitcoin_json.h"
#include "sim/io/labels_csv.h"
#include "sim/io/transfers_csv.h"

namespace {

void CheckImported(
    const chaintrace::Result<chaintrace::io::ImportedLedger>& r) {
  if (!r.ok()) {
    if (r.message().empty()) std::abort();
    return;
  }
  if (!chaintrace::CheckConservation(r->file.ledger).ok()) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  if (size == 0) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data + 1),
                              size - 1);
  switch (data[0] % 3) {
    case 0:
      CheckImported(chaintrace::io::ImportTransfersCsv(text, "fuzz.csv", {}));
      break;
    case 1: {
      chaintrace::io::BitcoinJsonImporter importer;
      const chaintrace::Status st = importer.AddText(text, "fuzz.json");
      if (!st.ok()) {
        if (st.message().empty()) std::abort();
        break;
      }
      CheckImported(importer.Finish());
      break;
    }
    default: {
      // Labels name addresses of a ledger: read them into the ledger of a
      // small valid transfers file, as `chaintrace import --labels` does.
      static const char kTransfers[] =
          "block_time,from,to,value\n"
          "2021-01-01T00:00:00Z,0x00000000000000000000000000000000000000aa,"
          "0x00000000000000000000000000000000000000bb,1.5\n";
      auto ledger =
          chaintrace::io::ImportTransfersCsv(kTransfers, "base.csv", {});
      if (!ledger.ok()) std::abort();
      chaintrace::io::LabelsCsvOptions options;
      options.chain = *ledger->file.ledger.chain_ids().begin();
      options.hex_addresses = true;
      const auto st = chaintrace::io::ReadLabelsCsv(text, "fuzz.csv", options,
                                                    &ledger->file);
      if (!st.ok() && st.message().empty()) std::abort();
      break;
    }
  }
  return 0;
}
