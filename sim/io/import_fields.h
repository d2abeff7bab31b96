#ifndef CHAINTRACE_SIM_IO_IMPORT_FIELDS_H_
#define CHAINTRACE_SIM_IO_IMPORT_FIELDS_H_

// Field parsers shared by the importers. Each refuses what it cannot read
// exactly and says why; the caller adds the location (`file:line: `).

#include <string>
#include <string_view>

#include "model/status.h"
#include "model/time.h"

namespace chaintrace::io {

// Number of hex digits of an account-chain (Ethereum-style) address.
inline constexpr std::size_t kAccountAddressHexDigits = 40;

// Normalises an account-chain address to "0x" + 40 lower-case hex digits.
// Accepts the digits bare or after a "0x", "0X" or "\x" prefix (the last is
// how PostgreSQL-based warehouses print bytea), in any case, with
// surrounding spaces. Errors: empty, other characters, wrong length.
Result<std::string> NormalizeHexAddress(std::string_view text);

// Parses a block time in the forms explorers and warehouses export:
//   "1609459200"                  Unix seconds
//   "2021-01-01 00:00:00 UTC"     BigQuery
//   "2021-01-01 00:00:00"         explorer CSVs (UTC)
//   "2021-01-01T00:00:00Z", "2021-01-01T00:00:00+00:00"   RFC 3339
// optionally with fractional seconds, which are truncated (the ledger keeps
// whole seconds). Errors: anything else, including offsets other than UTC.
Result<UnixSeconds> ParseTransferTime(std::string_view text);

// `text` without leading and trailing spaces and tabs.
std::string_view TrimSpaces(std::string_view text);

// Lower-case ASCII copy.
std::string AsciiLower(std::string_view text);

}  // namespace chaintrace::io

#endif  // CHAINTRACE_SIM_IO_IMPORT_FIELDS_H_
