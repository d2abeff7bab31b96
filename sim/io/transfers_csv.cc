#include "sim/io/transfers_csv.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <numeric>
#include <optional>

#include "model/amount.h"
#include "model/string_arena.h"
#include "model/version.h"
#include "sim/io/csv.h"
#include "sim/io/import_fields.h"

namespace chaintrace::io {
namespace {

constexpr std::size_t kNoColumn = static_cast<std::size_t>(-1);
constexpr std::size_t kMaxListedZeroRows = 5;

enum Role { kTime, kFrom, kTo, kValue, kToken, kHash, kRoleCount };

struct RoleAliases {
  const char* role;
  std::vector<std::string_view> aliases;
  bool required;
};

const std::array<RoleAliases, kRoleCount>& Aliases() {
  static const std::array<RoleAliases, kRoleCount> aliases = {{
      {"time",
       {"time", "timestamp", "block_timestamp", "block_time", "blocktime",
        "unixtimestamp", "datetime", "datetime (utc)", "date"},
       true},
      {"from", {"from", "from_address", "sender", "from address"}, true},
      {"to", {"to", "to_address", "receiver", "recipient", "to address"}, true},
      {"value",
       {"value", "amount", "quantity", "token_value", "tokenvalue",
        "value_decimal"},
       true},
      {"token",
       {"token", "token_symbol", "tokensymbol", "symbol", "asset", "currency",
        "token_address", "contract_address", "contractaddress"},
       false},
      {"hash",
       {"tx_hash", "transaction_hash", "txhash", "hash", "txn hash",
        "transaction"},
       false},
  }};
  return aliases;
}

Result<std::array<std::size_t, kRoleCount>> MapHeader(
    const std::vector<std::string>& header) {
  std::vector<std::string> names;
  names.reserve(header.size());
  for (const std::string& h : header)
    names.push_back(AsciiLower(TrimSpaces(h)));
  std::array<std::size_t, kRoleCount> columns;
  columns.fill(kNoColumn);
  for (std::size_t r = 0; r < kRoleCount; ++r) {
    const RoleAliases& role = Aliases()[r];
    for (std::string_view alias : role.aliases) {
      const auto it = std::find(names.begin(), names.end(), alias);
      if (it != names.end()) {
        columns[r] = static_cast<std::size_t>(it - names.begin());
        break;
      }
    }
    if (columns[r] == kNoColumn && role.required) {
      std::string list;
      for (std::string_view alias : role.aliases) {
        if (!list.empty()) list += ", ";
        list += alias;
      }
      return Status::Error("header has no '" + std::string(role.role) +
                           "' column (accepted names: " + list + ")");
    }
  }
  return columns;
}

// A hash in hex (with or without 0x or \x) in lower-case 0x form; other
// text as written.
std::string NormalizeHash(std::string_view text) {
  std::string_view t = TrimSpaces(text);
  std::string_view digits = t;
  if (digits.substr(0, 2) == "0x" || digits.substr(0, 2) == "0X" ||
      digits.substr(0, 2) == "\\x") {
    digits.remove_prefix(2);
  }
  const bool hex =
      !digits.empty() && digits.find_first_not_of("0123456789abcdefABCDEF") ==
                             std::string_view::npos;
  return hex ? "0x" + AsciiLower(digits) : std::string(t);
}

// The rows, parsed, as parallel arrays.
struct Rows {
  std::vector<UnixSeconds> time;
  std::vector<AddressId> from;
  std::vector<AddressId> to;
  std::vector<Amount> amount;
  std::vector<AssetId> asset;
  std::vector<std::uint32_t> line;
  StringArena hash;
  std::size_t size() const { return time.size(); }
};

class Importer {
 public:
  Importer(std::string_view name, const TransfersCsvOptions& options)
      : name_(name), options_(options) {}

  Result<ImportedLedger> Run(std::string_view text);

 private:
  Status Fail(std::size_t line, const std::string& what) const {
    return Status::Error(std::string(name_) + ":" + std::to_string(line) +
                         ": " + what);
  }
  Status SetUpChain();
  Result<AssetId> AssetFor(std::string_view token);
  Result<AddressId> AddressFor(std::string_view text);
  Status ReadRows(std::string_view text);
  Status AddExternalCredits(const std::vector<std::uint32_t>& order);
  Status AddTransfers(const std::vector<std::uint32_t>& order);

  std::string_view name_;
  const TransfersCsvOptions& options_;
  ImportedLedger out_;
  ChainId chain_ = ChainId::kNone;
  Rows rows_;
};

Status Importer::SetUpChain() {
  Ledger& l = out_.file.ledger;
  Result<ChainId> chain =
      l.AddChain(options_.chain, common::ACCOUNT, options_.block_interval);
  if (!chain.ok()) return chain.status();
  chain_ = *chain;
  AssetInfo native;
  native.name = options_.asset;
  native.chain = chain_;
  native.decimals = options_.decimals;
  Result<AssetId> asset = l.AddAsset(std::move(native));
  if (!asset.ok()) return asset.status();
  return l.SetNativeAsset(chain_, *asset);
}

Result<AssetId> Importer::AssetFor(std::string_view token) {
  Ledger& l = out_.file.ledger;
  const std::string_view t = TrimSpaces(token);
  if (t.empty()) return l.chain(chain_).native_asset;
  if (const AssetId found = l.FindAsset(chain_, t); found != AssetId::kNone) {
    return found;
  }
  AssetInfo info;
  info.name = std::string(t);
  info.chain = chain_;
  info.decimals = options_.decimals;
  for (const TokenDecimals& td : options_.token_decimals) {
    if (td.token == t) info.decimals = td.decimals;
  }
  return l.AddAsset(std::move(info));
}

Result<AddressId> Importer::AddressFor(std::string_view text) {
  Result<std::string> hex = NormalizeHexAddress(text);
  if (!hex.ok()) return hex.status();
  Ledger& l = out_.file.ledger;
  if (const AddressId a = l.FindAddress(chain_, *hex); a != AddressId::kNone) {
    return a;
  }
  return l.AddAddress(chain_, *hex, "account");
}

Status Importer::ReadRows(std::string_view text) {
  CsvReader reader(text);
  std::vector<std::string> row;
  if (!reader.Next(&row)) {
    if (!reader.ok()) return Status::Error(reader.Error(name_));
    return Status::Error(std::string(name_) + ": empty file, no header");
  }
  Result<std::array<std::size_t, kRoleCount>> mapped = MapHeader(row);
  if (!mapped.ok()) return Fail(reader.line(), mapped.message());
  const std::array<std::size_t, kRoleCount> col = *mapped;
  const std::size_t width = row.size();
  while (reader.Next(&row)) {
    const std::size_t line = reader.line();
    ++out_.stats.rows;
    if (row.size() != width) {
      return Fail(line, "expected " + std::to_string(width) +
                            " fields as in the header, found " +
                            std::to_string(row.size()));
    }
    Result<UnixSeconds> time = ParseTransferTime(row[col[kTime]]);
    if (!time.ok()) return Fail(line, time.message());
    Result<AddressId> from = AddressFor(row[col[kFrom]]);
    if (!from.ok()) return Fail(line, "from: " + from.message());
    Result<AddressId> to = AddressFor(row[col[kTo]]);
    if (!to.ok()) return Fail(line, "to: " + to.message());
    Result<AssetId> asset = AssetFor(
        col[kToken] == kNoColumn ? std::string_view() : row[col[kToken]]);
    if (!asset.ok()) return Fail(line, "token: " + asset.message());
    const int decimals = out_.file.ledger.asset(*asset).decimals;
    Result<Amount> amount =
        ParseDecimalAmount(TrimSpaces(row[col[kValue]]), decimals);
    if (!amount.ok()) {
      return Fail(line, "value: " + amount.message() + " (asset '" +
                            out_.file.ledger.asset(*asset).name + "' has " +
                            std::to_string(decimals) +
                            " decimals; see --decimals and --token-decimals)");
    }
    if (*amount == 0) {
      ++out_.stats.zero_value_rows;
      if (out_.stats.zero_value_lines.size() < kMaxListedZeroRows) {
        out_.stats.zero_value_lines.push_back(line);
      }
      continue;
    }
    rows_.time.push_back(*time);
    rows_.from.push_back(*from);
    rows_.to.push_back(*to);
    rows_.amount.push_back(*amount);
    rows_.asset.push_back(*asset);
    rows_.line.push_back(static_cast<std::uint32_t>(line));
    rows_.hash.Add(col[kHash] == kNoColumn ? std::string()
                                           : NormalizeHash(row[col[kHash]]));
  }
  if (!reader.ok()) return Status::Error(reader.Error(name_));
  if (rows_.size() == 0) {
    return Status::Error(std::string(name_) +
                         ": no transfers of non-zero value");
  }
  return Status::Ok();
}

Status Importer::AddExternalCredits(const std::vector<std::uint32_t>& order) {
  Ledger& l = out_.file.ledger;
  // Replay balances per (asset, address); record the deepest shortfall.
  const std::size_t n_addr = l.address_count();
  std::vector<std::vector<Amount>> balance(l.asset_count());
  std::vector<std::vector<Amount>> need(l.asset_count());
  for (std::uint32_t r : order) {
    const auto a = Index(rows_.asset[r]);
    if (balance[a].empty()) {
      balance[a].assign(n_addr, 0);
      need[a].assign(n_addr, 0);
    }
    const auto from = Index(rows_.from[r]);
    const auto to = Index(rows_.to[r]);
    const std::optional<Amount> debited =
        CheckedSub(balance[a][from], rows_.amount[r]);
    const std::optional<Amount> credited =
        debited ? CheckedAdd(from == to ? *debited : balance[a][to],
                             rows_.amount[r])
                : std::nullopt;
    if (!credited) {
      return Fail(rows_.line[r], "balances overflow int64 base units");
    }
    balance[a][from] = *debited;
    need[a][from] = std::max(need[a][from], -*debited);
    balance[a][to] = *credited;
  }
  const Seconds first = rows_.time[order.front()] - l.start();
  std::vector<OutputSpec> outputs;
  for (std::size_t a = 0; a < need.size(); ++a) {
    outputs.clear();
    for (std::size_t i = 0; i < need[a].size(); ++i) {
      if (need[a][i] > 0) {
        outputs.push_back({IdFromIndex<AddressId>(i), need[a][i]});
      }
    }
    if (outputs.empty()) continue;
    const auto asset = IdFromIndex<AssetId>(a);
    const std::string id = "external:" + l.asset(asset).name;
    TxSpec tx;
    tx.id = id;
    tx.time = first;
    tx.asset = asset;
    tx.coinbase = true;
    tx.outputs = outputs;
    Result<TxId> added = l.AddTransaction(chain_, tx);
    if (!added.ok())
      return Status::Error(std::string(name_) + ": " + added.message());
    ++out_.stats.external_transactions;
    out_.stats.external_outputs += outputs.size();
  }
  return Status::Ok();
}

Status Importer::AddTransfers(const std::vector<std::uint32_t>& order) {
  Ledger& l = out_.file.ledger;
  std::string id;
  for (std::uint32_t r : order) {
    const std::string_view hash = rows_.hash.Get(r);
    if (hash.empty()) {
      id = "row-" + std::to_string(rows_.line[r]);
    } else {
      id = hash;
      for (int k = 1; l.txs(chain_).FindTx(id) != TxId::kNone; ++k) {
        id = std::string(hash) + "#" + std::to_string(k);
      }
    }
    const InputSpec in{OutputId::kNone, rows_.from[r], rows_.amount[r]};
    const OutputSpec out{rows_.to[r], rows_.amount[r]};
    TxSpec tx;
    tx.id = id;
    tx.time = rows_.time[r] - l.start();
    tx.asset = rows_.asset[r];
    tx.inputs = {&in, 1};
    tx.outputs = {&out, 1};
    Result<TxId> added = l.AddTransaction(chain_, tx);
    if (!added.ok()) return Fail(rows_.line[r], added.message());
  }
  return Status::Ok();
}

Result<ImportedLedger> Importer::Run(std::string_view text) {
  if (Status st = SetUpChain(); !st.ok()) return st;
  if (Status st = ReadRows(text); !st.ok()) return st;
  std::vector<std::uint32_t> order(rows_.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::uint32_t a, std::uint32_t b) {
                     return rows_.time[a] < rows_.time[b];
                   });
  Ledger& l = out_.file.ledger;
  const UnixSeconds first = rows_.time[order.front()];
  l.set_start(first - first % 86400);
  if (Status st = AddExternalCredits(order); !st.ok()) return st;
  if (Status st = AddTransfers(order); !st.ok()) return st;
  out_.file.provenance.chaintrace_version = kVersion;
  out_.stats.transactions = l.txs(chain_).tx_count();
  out_.stats.addresses = l.address_count();
  return std::move(out_);
}

}  // namespace

Result<ImportedLedger> ImportTransfersCsv(std::string_view text,
                                          std::string_view name,
                                          const TransfersCsvOptions& options) {
  Importer importer(name, options);
  return importer.Run(text);
}

}  // namespace chaintrace::io
