#ifndef CHAINTRACE_TOOLS_CHAINTRACE_TRACE_REPORT_H_
#define CHAINTRACE_TOOLS_CHAINTRACE_TRACE_REPORT_H_

// How `chaintrace trace` shows a TraceResult: a readable table, a CSV with
// one row per tainted output, and a JSON summary. Amounts are printed in
// decimal asset units, exactly (FormatDecimalAmount).

#include <cstddef>
#include <span>
#include <string>

#include "model/ledger_file.h"
#include "sim/trace/tracer.h"

namespace chaintrace::tools {

struct TraceReportInput {
  const LedgerFile* file = nullptr;
  std::string ledger_path;
  std::string tracer;
  trace::TracerOptions options;
  std::span<const trace::Seed> seeds;
  const trace::TraceResult* result = nullptr;
  // Rows of the "top tainted outputs" table.
  std::size_t top = 10;
};

// The table printed on stdout.
std::string FormatTraceTable(const TraceReportInput& in);

// CSV: header "chain,txid,index,address,asset,amount,taint,hop", then one
// row per output with taint > 0, chains in id order, outputs in ledger
// order.
std::string FormatTraceCsv(const TraceReportInput& in);

// JSON: tracer, options, seeds, attributions, counts and every tainted
// output (amounts as decimal strings).
std::string FormatTraceJson(const TraceReportInput& in);

}  // namespace chaintrace::tools

#endif  // CHAINTRACE_TOOLS_CHAINTRACE_TRACE_REPORT_H_
