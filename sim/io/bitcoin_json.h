#ifndef CHAINTRACE_SIM_IO_BITCOIN_JSON_H_
#define CHAINTRACE_SIM_IO_BITCOIN_JSON_H_

// Import of Bitcoin Core blocks as `getblock <hash> 2` (or 3) prints them:
// one block object, an array of them, or an RPC response wrapping either,
// in one or several files (json_blocks.h). Blocks must come in increasing
// height across all inputs (a block without "height" is taken as given).
//
// Mapping to the ledger (one UTXO chain):
// - every transaction becomes a ledger transaction with its txid; a
//   coinbase (vin[0].coinbase) creates its outputs' value;
// - outputs keep their vout number for later spends; outputs of value 0
//   (OP_RETURN commitments) cannot be spent and are not stored (counted in
//   ImportStats). An output's address is scriptPubKey.address (or the one
//   entry of the older "addresses"); a script without an address (P2PK,
//   bare multisig) is named "script:<scriptPubKey hex>", so that the same
//   script is the same address. Address types: p2pkh, p2sh, p2wpkh, p2wsh,
//   p2tr, else the node's type name;
// - amounts are the JSON number text in BTC, converted exactly to satoshi
//   (never through a double);
// - time is the block's "time" made non-decreasing (a block stamped earlier
//   than its predecessor takes the predecessor's time); the ledger's start
//   is midnight UTC of the first block's day.
//
// Inputs spending outputs outside the imported blocks: for each such
// transaction a synthetic coinbase transaction "external:<txid>", just
// before it in the same block time, creates the outputs it spends, so that
// every transaction conserves value. Their value and address come from the
// input's "prevout" (verbosity 3). Without prevout, the address is
// "unknown:<prev txid>:<vout>" (distinct per output, so no heuristic links
// them) and the value is what balances the transaction: outputs + "fee"
// (verbosity 2 prints the fee) - known inputs; with several such inputs
// the total is split evenly (first inputs take the remainder), the only
// inexact part, counted in ImportStats::estimated_inputs. A transaction
// whose external inputs have neither prevout nor fee is an error.
//
// Errors name the file, block and transaction: "b.json: block 2 (height
// 170): tx 'f4184fc5...': vin 0: ...".

#include <memory>
#include <string>
#include <string_view>

#include "model/status.h"
#include "model/time.h"
#include "sim/io/import_result.h"

namespace chaintrace::io {

struct BitcoinJsonOptions {
  std::string chain = "btc";
  std::string asset = "BTC";
  int decimals = 8;
  Seconds block_interval = 600;
};

class BitcoinJsonImporter {
 public:
  explicit BitcoinJsonImporter(const BitcoinJsonOptions& options = {});
  ~BitcoinJsonImporter();
  BitcoinJsonImporter(const BitcoinJsonImporter&) = delete;
  BitcoinJsonImporter& operator=(const BitcoinJsonImporter&) = delete;

  // Adds the blocks of one document; `name` names it in errors. After an
  // error the importer must not be used further.
  Status AddText(std::string_view text, std::string_view name);
  // Reads `path` and adds its blocks.
  Status AddFile(const std::string& path);

  // The ledger. Errors: no block was added. Call once.
  Result<ImportedLedger> Finish();

 private:
  class State;
  std::unique_ptr<State> state_;
};

}  // namespace chaintrace::io

#endif  // CHAINTRACE_SIM_IO_BITCOIN_JSON_H_
