#ifndef CHAINTRACE_SIM_IO_EXPORT_H_
#define CHAINTRACE_SIM_IO_EXPORT_H_

// Export of a ledger for the tools analysts already use. Formats (README
// "Export" documents every column, attribute and key):
// - csv:     a directory of CSV files (transactions, inputs, outputs of UTXO
//            chains, transfers of ACCOUNT chains, addresses, thefts) that
//            pandas and Python's csv module read without options;
// - graphml: the address-transaction flow graph in GraphML (networkx,
//            igraph, Gephi);
// - dot:     the same graph in Graphviz DOT;
// - json:    one JSON document (shape in export_json.cc and README).
// The flow graph is bipartite: a node per address and per transaction, an
// edge from an input's address to its transaction (amount debited) and from
// a transaction to each output's address (amount paid). This keeps every
// amount exact; an address-to-address graph would have to split amounts
// between several inputs and outputs.
//
// With `stolen_only`, only the subgraph carrying stolen value is written
// (stolen_selection.h); this needs ground truth.
//
// Files are streamed through a fixed buffer (no per-transaction objects)
// and written atomically: a file via model/atomic_file.h; the CSV
// directory is built beside its destination and then swapped in with one
// rename, so readers see the old directory or the whole new one.

#include <cstddef>
#include <string>
#include <string_view>

#include "model/ledger_file.h"
#include "model/status.h"

namespace chaintrace::io {

enum class ExportFormat { kCsv, kGraphMl, kDot, kJson };

// "csv", "graphml", "dot", "json". Errors: any other name.
Result<ExportFormat> ParseExportFormat(std::string_view name);

struct ExportOptions {
  ExportFormat format = ExportFormat::kCsv;
  bool stolen_only = false;
};

// What was written.
struct ExportStats {
  std::size_t transactions = 0;
  std::size_t inputs = 0;
  std::size_t outputs = 0;
  std::size_t addresses = 0;
};

// Writes `file` to `path` (a directory for csv, a file otherwise).
// Errors: stolen_only without ground truth (the message says so), a csv
// destination that exists and is not a directory chaintrace wrote, and I/O
// failures naming the path.
Result<ExportStats> ExportLedger(const LedgerFile& file,
                                 const ExportOptions& options,
                                 const std::string& path);

}  // namespace chaintrace::io

#endif  // CHAINTRACE_SIM_IO_EXPORT_H_
