#include "sim/io/labels_csv.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "sim/io/csv.h"
#include "sim/io/import_fields.h"

namespace chaintrace::io {
namespace {

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

struct Columns {
  std::size_t address = 0;
  std::size_t kind = 1;
  std::size_t service = 2;
  std::size_t count = 3;
};

// Columns from a header row. Errors name the missing column.
Result<Columns> HeaderColumns(const std::vector<std::string>& header) {
  constexpr std::size_t kMissing = static_cast<std::size_t>(-1);
  Columns c{kMissing, kMissing, kMissing, header.size()};
  for (std::size_t i = 0; i < header.size(); ++i) {
    const std::string h = AsciiLower(TrimSpaces(header[i]));
    if (h == "address") c.address = i;
    if (h == "kind" || h == "label" || h == "label_kind") c.kind = i;
    if (h == "service" || h == "entity" || h == "name") c.service = i;
  }
  if (c.kind == kMissing) return Status::Error("header has no 'kind' column");
  if (c.service == kMissing) {
    return Status::Error("header has no 'service' column");
  }
  return c;
}

}  // namespace

Result<LabelKind> ParseLabelKind(std::string_view name) {
  std::string upper = Upper(TrimSpaces(name));
  if (upper.rfind("LABEL_", 0) != 0) upper = "LABEL_" + upper;
  LabelKind kind = common::LABEL_KIND_UNSPECIFIED;
  if (upper != "LABEL_KIND_UNSPECIFIED" &&
      common::LabelKind_Parse(upper, &kind)) {
    return kind;
  }
  std::string known;
  for (int k = 1; k <= common::LabelKind_MAX; ++k) {
    if (!common::LabelKind_IsValid(k)) continue;
    if (!known.empty()) known += ", ";
    known +=
        AsciiLower(common::LabelKind_Name(static_cast<LabelKind>(k)).substr(6));
  }
  return Status::Error("unknown label kind '" + std::string(name) +
                       "' (known: " + known + ")");
}

Result<LabelsCsvStats> ReadLabelsCsv(std::string_view text,
                                     std::string_view name,
                                     const LabelsCsvOptions& options,
                                     LedgerFile* file) {
  CsvReader reader(text);
  std::vector<std::string> row;
  Columns columns;
  LabelsCsvStats stats;
  bool first = true;
  const auto fail = [&](const std::string& what) {
    return Status::Error(std::string(name) + ":" +
                         std::to_string(reader.line()) + ": " + what);
  };
  while (reader.Next(&row)) {
    if (first && std::any_of(row.begin(), row.end(), [](const auto& f) {
          return AsciiLower(TrimSpaces(f)) == "address";
        })) {
      first = false;
      Result<Columns> header = HeaderColumns(row);
      if (!header.ok()) return fail(header.message());
      columns = *header;
      continue;
    }
    first = false;
    if (row.size() != columns.count) {
      return fail("expected " + std::to_string(columns.count) +
                  " fields (address,kind,service), found " +
                  std::to_string(row.size()));
    }
    std::string address(TrimSpaces(row[columns.address]));
    if (options.hex_addresses) {
      Result<std::string> hex = NormalizeHexAddress(address);
      if (!hex.ok()) return fail(hex.message());
      address = std::move(hex).value();
    } else if (address.empty()) {
      return fail("empty address");
    }
    Result<LabelKind> kind = ParseLabelKind(row[columns.kind]);
    if (!kind.ok()) return fail(kind.message());
    const std::string_view service = TrimSpaces(row[columns.service]);
    if (service.empty()) return fail("empty service");

    Ledger& ledger = file->ledger;
    AddressId id = ledger.FindAddress(options.chain, address);
    if (id == AddressId::kNone) {
      Result<AddressId> added =
          ledger.AddAddress(options.chain, address, options.new_address_type);
      if (!added.ok()) return fail(added.message());
      id = *added;
      ++stats.added_addresses;
    }
    Result<ServiceId> s = file->labels.AddService(service);
    if (!s.ok()) return fail(s.message());
    if (Status st = file->labels.Add(id, *s, *kind); !st.ok()) {
      return fail("address '" + address + "': " + st.message());
    }
    ++stats.labels;
  }
  if (!reader.ok()) return Status::Error(reader.Error(name));
  return stats;
}

}  // namespace chaintrace::io
