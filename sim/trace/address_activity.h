#ifndef CHAINTRACE_SIM_TRACE_ADDRESS_ACTIVITY_H_
#define CHAINTRACE_SIM_TRACE_ADDRESS_ACTIVITY_H_

// Per address, the transactions that debit it (spend from it) and the
// outputs that credit it, in ledger (= time) order: the view an investigator
// uses to follow an address over time on an ACCOUNT chain, and to see
// whether an address was used before on a UTXO chain. Stored as two CSR
// arrays over all addresses (an address lives on one chain, so chain-local
// TxId / OutputId are unambiguous). Built in O(inputs + outputs + addresses)
// time and memory by two counting passes.
//
// The tracers ask it about ACCOUNT addresses only (on a UTXO chain a coin's
// onward path is its spending transaction, and whether an output is its
// address's first credit is FirstCredits, below), so they build it with
// ActivityScope::kAccountChains, which leaves every UTXO address's lists
// empty and skips the UTXO chains' inputs and outputs: on a UTXO ledger it
// costs nothing.

#include <cstdint>
#include <span>
#include <vector>

#include "model/ids.h"
#include "model/ledger.h"

namespace chaintrace::trace {

enum class ActivityScope : std::uint8_t {
  kAllChains,
  // Lists for the addresses of ACCOUNT chains; empty for UTXO addresses.
  kAccountChains,
};

class AddressActivity {
 public:
  explicit AddressActivity(const Ledger& ledger,
                           ActivityScope scope = ActivityScope::kAllChains);

  // Transactions debiting `a`, each once, in time order.
  std::span<const TxId> debits(AddressId a) const {
    return Slice(debit_tx_, debit_begin_, a);
  }
  // Outputs (credits) paying `a`, in time order.
  std::span<const OutputId> credits(AddressId a) const {
    return Slice(credit_output_, credit_begin_, a);
  }

 private:
  template <typename T>
  static std::span<const T> Slice(const std::vector<T>& v,
                                  const std::vector<std::uint32_t>& begin,
                                  AddressId a) {
    const std::size_t i = Index(a);
    return std::span<const T>(v).subspan(begin[i], begin[i + 1] - begin[i]);
  }

  std::vector<std::uint32_t> debit_begin_;
  std::vector<TxId> debit_tx_;
  std::vector<std::uint32_t> credit_begin_;
  std::vector<OutputId> credit_output_;
};

// Per output, whether it is its address's first credit
// (AddressActivity::credits(address).front() == o): what the one-time
// change heuristic asks of every output it looks at, one byte per output
// read in ledger order. Built in one pass over the outputs with a byte per
// address, far cheaper than AddressActivity's lists, which it does not
// need.
class FirstCredits {
 public:
  explicit FirstCredits(const Ledger& ledger);
  bool operator()(ChainId chain, OutputId o) const {
    return first_[Index(chain)][Index(o)] != 0;
  }

 private:
  std::vector<std::vector<std::uint8_t>> first_;  // per chain, per output
};

// Calls f(OutputId) for each output that moves value received in `o`
// onward: on a UTXO chain the outputs of the transaction spending `o`; on
// an ACCOUNT chain the outputs of every later transaction debiting o's
// address (the address is a pool; what it pays after the credit may carry
// it). O(outputs visited), plus the address's debits on ACCOUNT chains.
// `activity` is read on ACCOUNT chains only (ActivityScope::kAccountChains
// suffices).
template <typename F>
void ForEachOnwardOutput(const Ledger& ledger, const AddressActivity& activity,
                         ChainId chain, OutputId o, F&& f) {
  const TxStore& s = ledger.txs(chain);
  if (ledger.chain(chain).is_utxo()) {
    const TxId next = s.spent_by(o);
    if (next == TxId::kNone) return;
    for (OutputId out : s.outputs(next)) f(out);
    return;
  }
  const TxId from = s.output_tx(o);
  for (TxId t : activity.debits(s.output_address(o))) {
    if (t <= from) continue;
    for (OutputId out : s.outputs(t)) f(out);
  }
}

}  // namespace chaintrace::trace

#endif  // CHAINTRACE_SIM_TRACE_ADDRESS_ACTIVITY_H_
