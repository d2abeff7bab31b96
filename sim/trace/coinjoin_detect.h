#ifndef CHAINTRACE_SIM_TRACE_COINJOIN_DETECT_H_
#define CHAINTRACE_SIM_TRACE_COINJOIN_DETECT_H_

// CoinJoin detection, so that common-input clustering does not merge the
// unrelated participants of a join. A transaction is a CoinJoin when
//   (a) any of its input or output addresses carries a LABEL_COINJOIN label
//       (a known coordinator's address), or
//   (b) it is a non-coinbase UTXO transaction with at least
//       `min_input_addresses` distinct input addresses, and its most frequent
//       output value occurs k >= `min_equal_outputs` times with
//       k <= the number of distinct input addresses (each equal-valued
//       output belongs to a participant who brought at least one address).
// The last condition keeps batch payouts (one or two wallets paying many
// equal amounts) out. Sources: Möser & Böhme 2017, "Anonymous Alone?
// Measuring Bitcoin's Second-Generation Anonymization Techniques"
// (equal-output joins); Goldfeder et al. 2018 and BlockSci's isCoinjoin
// (Kalodner et al. 2020), which use the same equal-value test.
//
// Cost: O(k log k) for a transaction with k inputs and outputs, in scratch
// buffers the detector keeps, so a pass over a ledger allocates nothing per
// transaction.

#include <vector>

#include "model/amount.h"
#include "model/ids.h"
#include "model/labels.h"
#include "model/ledger.h"

namespace chaintrace::trace {

struct CoinJoinRule {
  int min_input_addresses = 2;
  int min_equal_outputs = 3;
};

class CoinJoinDetector {
 public:
  CoinJoinDetector(const Ledger& ledger, const Labels& labels,
                   CoinJoinRule rule = {})
      : ledger_(ledger), labels_(labels), rule_(rule) {}

  bool IsCoinJoin(ChainId chain, TxId tx);

 private:
  const Ledger& ledger_;
  const Labels& labels_;
  CoinJoinRule rule_;
  std::vector<AddressId> addresses_;
  std::vector<Amount> amounts_;
};

}  // namespace chaintrace::trace

#endif  // CHAINTRACE_SIM_TRACE_COINJOIN_DETECT_H_
