#include "sim/trace/address_activity.h"

namespace chaintrace::trace {
namespace {

// Calls f(address, tx) once per distinct input address of each transaction.
// `last` (one slot per address) remembers the last transaction that debited
// an address; an address is on one chain, so slots never mix chains.
template <typename F>
void ForEachDebit(const TxStore& s, std::vector<TxId>& last, F&& f) {
  for (TxId t : s.txs()) {
    for (InputId i : s.inputs(t)) {
      const AddressId a = s.input_address(i);
      if (last[Index(a)] == t) continue;
      last[Index(a)] = t;
      f(a, t);
    }
  }
}

}  // namespace

AddressActivity::AddressActivity(const Ledger& ledger) {
  const std::size_t n = ledger.address_count();
  debit_begin_.assign(n + 1, 0);
  credit_begin_.assign(n + 1, 0);
  std::vector<TxId> last(n, TxId::kNone);
  for (ChainId c : ledger.chain_ids()) {
    const TxStore& s = ledger.txs(c);
    ForEachDebit(s, last,
                 [&](AddressId a, TxId) { ++debit_begin_[Index(a) + 1]; });
    for (AddressId a : s.output_addresses()) ++credit_begin_[Index(a) + 1];
  }
  for (std::size_t i = 0; i < n; ++i) {
    debit_begin_[i + 1] += debit_begin_[i];
    credit_begin_[i + 1] += credit_begin_[i];
  }
  debit_tx_.resize(debit_begin_[n]);
  credit_output_.resize(credit_begin_[n]);
  std::vector<std::uint32_t> dnext(debit_begin_.begin(),
                                   debit_begin_.end() - 1);
  std::vector<std::uint32_t> cnext(credit_begin_.begin(),
                                   credit_begin_.end() - 1);
  last.assign(n, TxId::kNone);
  first_credit_.resize(ledger.chain_count());
  for (ChainId c : ledger.chain_ids()) {
    const TxStore& s = ledger.txs(c);
    ForEachDebit(s, last, [&](AddressId a, TxId t) {
      debit_tx_[dnext[Index(a)]++] = t;
    });
    const auto outs = s.output_addresses();
    std::vector<std::uint8_t>& first = first_credit_[Index(c)];
    first.assign(outs.size(), 0);
    for (std::size_t o = 0; o < outs.size(); ++o) {
      std::uint32_t& next = cnext[Index(outs[o])];
      first[o] = static_cast<std::uint8_t>(next == credit_begin_[Index(outs[o])]);
      credit_output_[next++] = IdFromIndex<OutputId>(o);
    }
  }
}

}  // namespace chaintrace::trace
