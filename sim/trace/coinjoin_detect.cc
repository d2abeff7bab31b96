#include "sim/trace/coinjoin_detect.h"

#include <algorithm>
#include <cstdint>
#include <iterator>

#include "model/standard_denominations.h"

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

  if (HasStandardDenominations(s, tx)) return true;
  // (b) needs k >= min_equal_outputs equal outputs and at least k distinct
  // input addresses, at least min_input_addresses of them: most
  // transactions have too few inputs or outputs to be one, and are told so
  // without sorting anything.
  const std::size_t need_inputs = static_cast<std::size_t>(
      std::max({rule_.min_input_addresses, rule_.min_equal_outputs, 0}));
  if (s.inputs(tx).size() < need_inputs ||
      std::ssize(s.outputs(tx)) < rule_.min_equal_outputs) {
    return false;
  }
  addresses_.clear();
  for (InputId i : s.inputs(tx)) addresses_.push_back(s.input_address(i));
  std::sort(addresses_.begin(), addresses_.end());
  const auto distinct_inputs = static_cast<int>(
      std::unique(addresses_.begin(), addresses_.end()) - addresses_.begin());
  if (distinct_inputs < rule_.min_input_addresses) return false;
  return HasEqualOutputs(s, tx, distinct_inputs);
}

bool CoinJoinDetector::HasEqualOutputs(const TxStore& s, TxId tx,
                                       int distinct_inputs) {
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

bool CoinJoinDetector::HasStandardDenominations(const TxStore& s,
                                                TxId tx) const {
  if (rule_.min_denomination_inputs <= 0) return false;
  const auto outs = s.outputs(tx);
  if (std::ssize(s.inputs(tx)) < rule_.min_denomination_inputs ||
      std::ssize(outs) < rule_.min_denomination_outputs || outs.empty()) {
    return false;
  }
  std::int64_t standard = 0;
  for (OutputId o : outs) {
    if (IsStandardDenomination(s.output_amount(o))) ++standard;
  }
  return static_cast<double>(standard) >
         rule_.min_standard_share * static_cast<double>(std::ssize(outs));
}

}  // namespace chaintrace::trace
