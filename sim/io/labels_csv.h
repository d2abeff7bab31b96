#ifndef CHAINTRACE_SIM_IO_LABELS_CSV_H_
#define CHAINTRACE_SIM_IO_LABELS_CSV_H_

// Address labels for an imported ledger, from CSV: `address,kind,service`,
// one label per row. A header row is optional; when a field of the first row
// is "address" (any case) it is a header and columns are matched by
// name (kind may also be called label or label_kind; service may be called
// entity or name), otherwise the columns are address, kind, service in that
// order. `kind` is a proto/common.proto LabelKind name, without or with its
// LABEL_ prefix, in any case: exchange_deposit, exchange_wallet, mixer,
// bridge, dex, otc, coinjoin.
//
// Labels are public knowledge (model/labels.h), so a labelled address the
// imported window never touches is still added to the ledger, with no
// transactions: the knowledge base is larger than the window. Errors are
// `name:line: message`; on error `file` may hold part of the labels and
// should be discarded.

#include <cstddef>
#include <string>
#include <string_view>

#include "model/ids.h"
#include "model/ledger_file.h"
#include "model/status.h"

namespace chaintrace::io {

struct LabelsCsvOptions {
  // The chain the addresses are on.
  ChainId chain = ChainId::kNone;
  // Normalise addresses as account-chain hex (import_fields.h); otherwise
  // they are taken as written (spaces trimmed).
  bool hex_addresses = false;
  // Type of addresses the labels add to the ledger.
  std::string new_address_type;
};

struct LabelsCsvStats {
  std::size_t labels = 0;
  // Labelled addresses that were not in the ledger before.
  std::size_t added_addresses = 0;
};

// Reads `text` (named `name` in errors) into file->labels.
Result<LabelsCsvStats> ReadLabelsCsv(std::string_view text,
                                     std::string_view name,
                                     const LabelsCsvOptions& options,
                                     LedgerFile* file);

// The LabelKind called `name` ("exchange_deposit", "LABEL_MIXER"), or an
// error listing the known names.
Result<LabelKind> ParseLabelKind(std::string_view name);

}  // namespace chaintrace::io

#endif  // CHAINTRACE_SIM_IO_LABELS_CSV_H_
