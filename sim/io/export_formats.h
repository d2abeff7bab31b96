#ifndef CHAINTRACE_SIM_IO_EXPORT_FORMATS_H_
#define CHAINTRACE_SIM_IO_EXPORT_FORMATS_H_

// The writers behind ExportLedger (export.h), one per format. Internal to
// sim/io.

#include <string>

#include "model/status.h"
#include "sim/io/export.h"
#include "sim/io/export_view.h"
#include "sim/io/fd_writer.h"

namespace chaintrace::io {

// Names of the files a CSV export directory holds.
inline constexpr const char* kCsvExportFiles[] = {
    "transactions.csv", "inputs.csv",    "outputs.csv",
    "transfers.csv",    "addresses.csv", "thefts.csv"};

// Writes every CSV file into the existing, empty directory `dir`.
Status WriteCsvExport(const ExportView& view, const std::string& dir,
                      ExportStats* stats);
void WriteGraphMl(const ExportView& view, FdWriter& out, ExportStats* stats);
void WriteDot(const ExportView& view, FdWriter& out, ExportStats* stats);
void WriteJson(const ExportView& view, FdWriter& out, ExportStats* stats);

}  // namespace chaintrace::io

#endif  // CHAINTRACE_SIM_IO_EXPORT_FORMATS_H_
