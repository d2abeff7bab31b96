#ifndef CHAINTRACE_SIM_IO_STOLEN_SELECTION_H_
#define CHAINTRACE_SIM_IO_STOLEN_SELECTION_H_

// Which part of a ledger an export writes: everything, or the subgraph that
// carries stolen value according to ground truth:
//   outputs:      every output (ACCOUNT: credit) whose truth `stolen` > 0;
//   transactions: those that create such an output, and on UTXO chains
//                 those that spend one;
//   inputs:       every input of a selected transaction (where the value of
//                 a stolen output came from, including the victim's debit
//                 or spent output in the theft);
//   addresses:    the addresses of the selected outputs and inputs.
// Flags are one byte per transaction, output and address; selecting
// everything allocates nothing.

#include <cstdint>
#include <vector>

#include "model/ids.h"
#include "model/ledger_file.h"
#include "model/status.h"

namespace chaintrace::io {

class Selection {
 public:
  // Everything in `ledger`.
  static Selection All();
  // The stolen subgraph. Errors: the file has no ground truth.
  static Result<Selection> Stolen(const LedgerFile& file);

  bool all() const { return all_; }
  bool tx(ChainId c, TxId t) const {
    return all_ || tx_[Index(c)][Index(t)] != 0;
  }
  bool output(ChainId c, OutputId o) const {
    return all_ || output_[Index(c)][Index(o)] != 0;
  }
  bool address(AddressId a) const { return all_ || address_[Index(a)] != 0; }

 private:
  bool all_ = true;
  std::vector<std::vector<std::uint8_t>> tx_;      // per chain, per TxId
  std::vector<std::vector<std::uint8_t>> output_;  // per chain, per OutputId
  std::vector<std::uint8_t> address_;              // per AddressId
};

}  // namespace chaintrace::io

#endif  // CHAINTRACE_SIM_IO_STOLEN_SELECTION_H_
