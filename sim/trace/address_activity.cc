#include "sim/trace/address_activity.h"

#include <span>

#include "sim/trace/prefetch.h"

namespace chaintrace::trace {
namespace {

// Items (inputs, outputs) ahead whose address's slots are prefetched: the
// per-address counters (4 bytes per address, a few MB, mostly out of
// cache) 2 * kAhead ahead and, for the scatter, the line each item is
// written to in the CSR arrays (tens of MB) kAhead ahead, its counter
// having arrived by then. Each is otherwise a miss per item.
constexpr std::size_t kAhead = 16;

// Calls f(address, tx) once per distinct input address of each
// transaction, in ledger order; far(a) and near(a) are called with the
// addresses of inputs 2 * kAhead and kAhead ahead. `last` (one slot per
// address) remembers the last transaction that debited an address; an
// address is on one chain, so slots never mix chains.
template <typename F, typename Far, typename Near>
void ForEachDebit(const TxStore& s, std::vector<TxId>& last, F&& f, Far&& far,
                  Near&& near) {
  const std::span<const AddressId> address = s.input_addresses();
  const std::span<const std::uint32_t> begin = s.input_begins();
  for (std::size_t t = 0; t < s.tx_count(); ++t) {
    const TxId tx = IdFromIndex<TxId>(t);
    for (std::size_t i = begin[t]; i < begin[t + 1]; ++i) {
      if (i + 2 * kAhead < address.size()) far(address[i + 2 * kAhead]);
      if (i + kAhead < address.size()) near(address[i + kAhead]);
      const AddressId a = address[i];
      if (last[Index(a)] == tx) continue;
      last[Index(a)] = tx;
      f(a, tx);
    }
  }
}

}  // namespace

AddressActivity::AddressActivity(const Ledger& ledger, ActivityScope scope) {
  std::vector<ChainId> chains;
  for (ChainId c : ledger.chain_ids()) {
    if (scope == ActivityScope::kAllChains || !ledger.chain(c).is_utxo()) {
      chains.push_back(c);
    }
  }
  const std::size_t n = ledger.address_count();
  debit_begin_.assign(n + 1, 0);
  credit_begin_.assign(n + 1, 0);
  // Counts, shifted by one: debit_begin_[a + 1] is a's debits so far.
  std::vector<TxId> last(n, TxId::kNone);
  for (ChainId c : chains) {
    const TxStore& s = ledger.txs(c);
    ForEachDebit(
        s, last, [&](AddressId a, TxId) { ++debit_begin_[Index(a) + 1]; },
        [&](AddressId a) {
          PrefetchLine(&last[Index(a)]);
          PrefetchLine(&debit_begin_[Index(a) + 1]);
        },
        [](AddressId) {});
    const std::span<const AddressId> outs = s.output_addresses();
    for (std::size_t o = 0; o < outs.size(); ++o) {
      if (o + kAhead < outs.size()) {
        PrefetchLine(&credit_begin_[Index(outs[o + kAhead]) + 1]);
      }
      ++credit_begin_[Index(outs[o]) + 1];
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    debit_begin_[i + 1] += debit_begin_[i];
    credit_begin_[i + 1] += credit_begin_[i];
  }
  // The scatter: each item goes to its address's next free slot.
  debit_tx_.resize(debit_begin_[n]);
  credit_output_.resize(credit_begin_[n]);
  std::vector<std::uint32_t> dnext(debit_begin_.begin(),
                                   debit_begin_.end() - 1);
  std::vector<std::uint32_t> cnext(credit_begin_.begin(),
                                   credit_begin_.end() - 1);
  last.assign(n, TxId::kNone);
  for (ChainId c : chains) {
    const TxStore& s = ledger.txs(c);
    ForEachDebit(
        s, last, [&](AddressId a, TxId t) { debit_tx_[dnext[Index(a)]++] = t; },
        [&](AddressId a) {
          PrefetchLine(&last[Index(a)]);
          PrefetchLine(&dnext[Index(a)]);
        },
        [&](AddressId a) { PrefetchLine(debit_tx_.data() + dnext[Index(a)]); });
    const std::span<const AddressId> outs = s.output_addresses();
    for (std::size_t o = 0; o < outs.size(); ++o) {
      if (o + 2 * kAhead < outs.size()) {
        PrefetchLine(&cnext[Index(outs[o + 2 * kAhead])]);
      }
      if (o + kAhead < outs.size()) {
        PrefetchLine(credit_output_.data() + cnext[Index(outs[o + kAhead])]);
      }
      credit_output_[cnext[Index(outs[o])]++] = IdFromIndex<OutputId>(o);
    }
  }
}

FirstCredits::FirstCredits(const Ledger& ledger) {
  std::vector<std::uint8_t> seen(ledger.address_count(), 0);
  first_.resize(ledger.chain_count());
  for (ChainId c : ledger.chain_ids()) {
    const std::span<const AddressId> outs = ledger.txs(c).output_addresses();
    std::vector<std::uint8_t>& first = first_[Index(c)];
    first.assign(outs.size(), 0);
    for (std::size_t o = 0; o < outs.size(); ++o) {
      if (o + kAhead < outs.size())
        PrefetchLine(&seen[Index(outs[o + kAhead])]);
      std::uint8_t& s = seen[Index(outs[o])];
      first[o] = static_cast<std::uint8_t>(s == 0);
      s = 1;
    }
  }
}

}  // namespace chaintrace::trace
