#ifndef CHAINTRACE_MODEL_CONSERVATION_H_
#define CHAINTRACE_MODEL_CONSERVATION_H_

// Value conservation, the ledger's central invariant (proto/ledger.proto):
//   UTXO chains:    sum(inputs) = sum(outputs) + fee
//   ACCOUNT chains: native asset: sum(inputs) = sum(outputs) + fee;
//                   token: sum(inputs) = sum(outputs) (the fee is paid in
//                   the native asset by the first input's address).
// Coinbase transactions create value and are exempt. Sums use checked
// arithmetic; a sum that overflows int64 is a violation.

#include "model/ids.h"
#include "model/ledger.h"
#include "model/status.h"

namespace chaintrace {

// Ok, or an error naming the chain, txid and the unbalanced sums.
Status CheckTxConservation(const Ledger& ledger, ChainId chain, TxId tx);

// Ok, or the first offending transaction (chains in id order, transactions
// in time order), as CheckTxConservation words it.
Status CheckConservation(const Ledger& ledger);

}  // namespace chaintrace

#endif  // CHAINTRACE_MODEL_CONSERVATION_H_
