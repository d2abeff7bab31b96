#ifndef CHAINTRACE_SIM_IO_TRANSFERS_CSV_H_
#define CHAINTRACE_SIM_IO_TRANSFERS_CSV_H_

// Import of account-chain transfer lists, the shape block explorers and
// data warehouses export (Etherscan CSV downloads, BigQuery
// crypto_ethereum.transactions / token_transfers, Dune or PostgreSQL
// dumps): one row per transfer, in any order.
//
// Columns are found by header name, case-insensitively; the first alias
// present wins, other columns are ignored:
//   time   time, timestamp, block_timestamp, block_time, blocktime,
//          unixtimestamp, datetime, datetime (utc), date
//   from   from, from_address, sender, from address
//   to     to, to_address, receiver, recipient, to address
//   value  value, amount, quantity, token_value, tokenvalue, value_decimal
//   token  (optional) token, token_symbol, tokensymbol, symbol, asset,
//          currency, token_address, contract_address, contractaddress
//   hash   (optional) tx_hash, transaction_hash, txhash, hash, txn hash,
//          transaction
// Times: import_fields.h ParseTransferTime. Addresses: hex, with or without
// 0x or \x, normalised to lower-case 0x form. Values: non-negative decimal
// text in whole units of the row's asset, converted exactly
// (ParseDecimalAmount); more decimal places than the asset has is an error,
// never a rounding. An empty token (or the native asset's name) is the
// native asset; every other token becomes an asset of the chain.
//
// Each row becomes one ledger transaction (one debit, one credit, fee 0:
// transfer lists carry no gas) with the row's hash as id; a hash seen again
// (several token transfers in one transaction) gets "#1", "#2", ... in time
// order; without a hash column the id is "row-<line>". Transactions are
// ordered by time, then file order. Rows of value 0 move nothing and are
// counted in ImportStats, not stored.
//
// Value from outside the window: a transfer list starts in the middle of
// the chain's history, so senders spend balances received before it. For
// every (address, asset) whose balance would go negative at some point, one
// synthetic coinbase transaction per asset, id "external:<asset>", at the
// time of the first transfer, credits the address the smallest amount that
// keeps its balance >= 0 throughout (balances replayed in ledger order).
// These are the only coinbase transactions of an imported account ledger,
// so tracers and readers can tell them apart; every other transaction
// conserves value exactly.
//
// The ledger's start (time 0) is midnight UTC of the first transfer's day.
// Errors are `name:line: message`; a file with an error produces nothing.

#include <string>
#include <string_view>
#include <vector>

#include "model/status.h"
#include "model/time.h"
#include "sim/io/import_result.h"

namespace chaintrace::io {

struct TokenDecimals {
  std::string token;
  int decimals = 0;
};

struct TransfersCsvOptions {
  std::string chain = "eth";
  // The native asset and its decimal places. 9 (gwei) by default: int64
  // base units hold 9.2e18, i.e. 9.2e9 ETH in gwei but only 9.2 ETH in wei.
  std::string asset = "ETH";
  int decimals = 9;
  // Decimal places of named tokens; other tokens get `decimals`.
  std::vector<TokenDecimals> token_decimals;
  Seconds block_interval = 12;
};

Result<ImportedLedger> ImportTransfersCsv(std::string_view text,
                                          std::string_view name,
                                          const TransfersCsvOptions& options);

}  // namespace chaintrace::io

#endif  // CHAINTRACE_SIM_IO_TRANSFERS_CSV_H_
