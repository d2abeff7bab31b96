#include "sim/io/export.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <system_error>

#include "model/atomic_file.h"
#include "sim/io/export_formats.h"
#include "sim/io/stolen_selection.h"

namespace chaintrace::io {
namespace {

namespace fs = std::filesystem;

std::string ErrnoText(int error) {
  return std::error_code(error, std::generic_category()).message();
}

// True when `dir` holds nothing but files a CSV export writes, so that
// replacing it cannot destroy anything else.
bool IsCsvExportDirectory(const fs::path& dir) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    bool known = false;
    for (const char* name : kCsvExportFiles) {
      known = known || entry.path().filename() == name;
    }
    if (!known || !entry.is_regular_file()) return false;
  }
  return !ec;
}

// Builds the directory at `path`.tmp.<pid>, then renames it into place; an
// existing export directory is swapped out atomically and removed.
Status WriteCsvDirectoryAtomically(const ExportView& view,
                                   const std::string& path,
                                   ExportStats* stats) {
  std::error_code ec;
  const bool exists = fs::exists(path, ec);
  if (exists && (!fs::is_directory(path, ec) || !IsCsvExportDirectory(path))) {
    return Status::Error(path +
                         ": exists and is not a directory of a chaintrace "
                         "CSV export; refusing to replace it");
  }
  const std::string tmp = path + ".tmp." + std::to_string(::getpid());
  fs::remove_all(tmp, ec);
  if (!fs::create_directory(tmp, ec)) {
    return Status::Error(path + ": cannot create " + tmp + ": " + ec.message());
  }
  Status st = WriteCsvExport(view, tmp, stats);
  if (st.ok()) {
    if (exists) {
      if (::renameat2(AT_FDCWD, tmp.c_str(), AT_FDCWD, path.c_str(),
                      RENAME_EXCHANGE) != 0) {
        st = Status::Error(path + ": cannot swap in " + tmp + ": " +
                           ErrnoText(errno));
      }
    } else if (::rename(tmp.c_str(), path.c_str()) != 0) {
      st = Status::Error(path + ": cannot rename " + tmp +
                         " into place: " + ErrnoText(errno));
    }
  }
  // After a swap `tmp` holds the old directory; after a failure, the new.
  fs::remove_all(tmp, ec);
  return st;
}

}  // namespace

Result<ExportFormat> ParseExportFormat(std::string_view name) {
  if (name == "csv") return ExportFormat::kCsv;
  if (name == "graphml") return ExportFormat::kGraphMl;
  if (name == "dot") return ExportFormat::kDot;
  if (name == "json") return ExportFormat::kJson;
  return Status::Error("unknown export format '" + std::string(name) +
                       "' (known: csv, graphml, dot, json)");
}

Result<ExportStats> ExportLedger(const LedgerFile& file,
                                 const ExportOptions& options,
                                 const std::string& path) {
  Selection selection = Selection::All();
  if (options.stolen_only) {
    Result<Selection> stolen = Selection::Stolen(file);
    if (!stolen.ok()) return stolen.status();
    selection = std::move(stolen).value();
  }
  const ExportView view(file, selection);
  ExportStats stats;
  if (options.format == ExportFormat::kCsv) {
    if (Status st = WriteCsvDirectoryAtomically(view, path, &stats); !st.ok()) {
      return st;
    }
    return stats;
  }
  Status st = WriteFileAtomically(path, [&](int fd) {
    FdWriter out(fd, path);
    switch (options.format) {
      case ExportFormat::kGraphMl:
        WriteGraphMl(view, out, &stats);
        break;
      case ExportFormat::kDot:
        WriteDot(view, out, &stats);
        break;
      case ExportFormat::kJson:
      case ExportFormat::kCsv:
        WriteJson(view, out, &stats);
        break;
    }
    return out.Finish();
  });
  if (!st.ok()) return st;
  return stats;
}

}  // namespace chaintrace::io
