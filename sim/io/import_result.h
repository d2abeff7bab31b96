#ifndef CHAINTRACE_SIM_IO_IMPORT_RESULT_H_
#define CHAINTRACE_SIM_IO_IMPORT_RESULT_H_

// What an importer returns: the ledger file (no ground truth) and counts
// that tell the user what was made of the input, including everything that
// was not carried over one to one, so that nothing is dropped silently.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "model/ledger_file.h"

namespace chaintrace::io {

struct ImportStats {
  std::size_t rows = 0;  // CSV data rows or JSON transactions read
  std::size_t blocks = 0;
  std::size_t transactions = 0;  // ledger transactions written, synthetic
                                 // ones included
  std::size_t addresses = 0;
  // Synthetic coinbase transactions standing for value from outside the
  // imported window, and the outputs (credits) they make.
  std::size_t external_transactions = 0;
  std::size_t external_outputs = 0;
  // transfers-csv: rows of value 0, which move nothing and are not
  // transactions of the ledger; the first few of their lines.
  std::size_t zero_value_rows = 0;
  std::vector<std::size_t> zero_value_lines;
  // bitcoin-json: outputs of value 0 (OP_RETURN and the like), which are
  // unspendable and not stored; external inputs whose individual value is
  // not in the JSON (only the transaction's total), split evenly.
  std::size_t zero_value_outputs = 0;
  std::size_t estimated_inputs = 0;
};

struct ImportedLedger {
  LedgerFile file;
  ImportStats stats;
};

}  // namespace chaintrace::io

#endif  // CHAINTRACE_SIM_IO_IMPORT_RESULT_H_
