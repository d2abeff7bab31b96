#ifndef CHAINTRACE_MODEL_LEDGER_IO_H_
#define CHAINTRACE_MODEL_LEDGER_IO_H_

// Reading and writing ledger files in the two encodings of
// proto/ledger.proto:
// - binary: length-delimited chaintrace.ledger.Record messages, read and
//   written one record at a time (each record at most kMaxRecordBytes);
// - text: one chaintrace.ledger.Ledger message in Protobuf text format,
//   for small hand-written ledgers; addresses that transactions name but
//   `addresses` does not declare are created on the transaction's chain.
// A path ending in .textproto, .txtpb or .pbtxt is text; any other is
// binary.
//
// Errors carry their location: "path:line:col: message" (1-based) for
// text, "path: record N at byte B: message" for binary; semantic errors
// name the chain and transaction id ("chain 'btc' transaction 'tx7': input
// 0: double spend: ..."). Writes are atomic (model/atomic_file.h) and
// canonical (model/ledger_encode.h): text -> model -> binary -> model ->
// text gives identical text, and model -> binary -> model identical arrays.

#include <cstddef>
#include <string>
#include <string_view>

#include "model/ledger_file.h"
#include "model/status.h"

namespace chaintrace {

enum class LedgerFormat { kBinary, kText };

// The format a path is read or written in, by its extension.
LedgerFormat LedgerFormatForPath(std::string_view path);

// Largest binary record accepted (a transaction with ~1 million outputs).
inline constexpr std::size_t kMaxRecordBytes = std::size_t{64} << 20;

struct ReadOptions {
  // Refuse transactions that do not conserve value (model/conservation.h).
  bool check_conservation = true;
  // Accept faults that leave the model well formed, so that
  // `chaintrace verify` (model/verify.h) can name them all: double spends and
  // transactions out of time order (TxChecks::kStructureOnly), and output
  // truth whose stolen amount is outside 0..amount.
  bool lenient = false;
};

// Reads `path` in the format its extension names.
Result<LedgerFile> ReadLedger(const std::string& path,
                              const ReadOptions& options = {});
// Parses text-format `text`; `name` (usually its path) prefixes errors.
Result<LedgerFile> ReadLedgerText(std::string_view text, std::string_view name,
                                  const ReadOptions& options = {});
// Reads a binary stream from `path`, record by record.
Result<LedgerFile> ReadLedgerBinary(const std::string& path,
                                    const ReadOptions& options = {});
// Parses a binary stream held in memory; `name` prefixes errors.
Result<LedgerFile> ParseLedgerBinary(std::string_view bytes,
                                     std::string_view name,
                                     const ReadOptions& options = {});

// The canonical encodings, in memory.
std::string FormatLedgerText(const LedgerFile& file);
std::string EncodeLedgerBinary(const LedgerFile& file);

// Atomic writes to `path`.
Status WriteLedger(const LedgerFile& file, const std::string& path);
Status WriteLedgerText(const LedgerFile& file, const std::string& path);
Status WriteLedgerBinary(const LedgerFile& file, const std::string& path);

}  // namespace chaintrace

#endif  // CHAINTRACE_MODEL_LEDGER_IO_H_
