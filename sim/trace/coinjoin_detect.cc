#include "sim/trace/coinjoin_detect.h"

#include <algorithm>

namespace chaintrace::trace {

bool CoinJoinDetector::IsCoinJoin(ChainId chain, TxId tx) {
  const TxStore& s = ledger_.txs(chain);
  if (s.coinbase(tx)) return false;
  const auto is_join_label = [&](AddressId a) {
    return labels_.label(a).kind == common::LABEL_COINJOIN;
  };
  for (InputId i : s.inputs(tx)) {
    if (is_join_label(s.input_address(i))) return true;
  }
  for (OutputId o : s.outputs(tx)) {
    if (is_join_label(s.output_address(o))) return true;
  }
  if (!ledger_.chain(chain).is_utxo()) return false;

  addresses_.clear();
  for (InputId i : s.inputs(tx)) addresses_.push_back(s.input_address(i));
  std::sort(addresses_.begin(), addresses_.end());
  const auto distinct_inputs = static_cast<int>(
      std::unique(addresses_.begin(), addresses_.end()) - addresses_.begin());
  if (distinct_inputs < rule_.min_input_addresses) return false;

  amounts_.clear();
  for (OutputId o : s.outputs(tx)) amounts_.push_back(s.output_amount(o));
  std::sort(amounts_.begin(), amounts_.end());
  int best = 0;
  for (std::size_t i = 0; i < amounts_.size();) {
    std::size_t j = i;
    while (j < amounts_.size() && amounts_[j] == amounts_[i]) ++j;
    best = std::max(best, static_cast<int>(j - i));
    i = j;
  }
  return best >= rule_.min_equal_outputs && best <= distinct_inputs;
}

}  // namespace chaintrace::trace
