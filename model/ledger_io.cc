#include "model/ledger_io.h"

#include <fstream>
#include <sstream>

namespace chaintrace {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

LedgerFormat LedgerFormatForPath(std::string_view path) {
  for (std::string_view ext : {".textproto", ".txtpb", ".pbtxt"}) {
    if (EndsWith(path, ext)) return LedgerFormat::kText;
  }
  return LedgerFormat::kBinary;
}

Result<LedgerFile> ReadLedger(const std::string& path,
                              const ReadOptions& options) {
  if (LedgerFormatForPath(path) == LedgerFormat::kBinary) {
    return ReadLedgerBinary(path, options);
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(path + ": cannot open");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Status::Error(path + ": read failed");
  return ReadLedgerText(text.str(), path, options);
}

Status WriteLedger(const LedgerFile& file, const std::string& path) {
  return LedgerFormatForPath(path) == LedgerFormat::kText
             ? WriteLedgerText(file, path)
             : WriteLedgerBinary(file, path);
}

}  // namespace chaintrace
