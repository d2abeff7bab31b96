#include "sim/trace/mixer_pools.h"

#include <limits>

namespace chaintrace::trace {
namespace {

bool DebitsAddress(const TxStore& s, TxId t, AddressId a) {
  for (InputId i : s.inputs(t)) {
    if (s.input_address(i) == a) return true;
  }
  return false;
}

// Sum of the outputs of `t` to addresses other than `pool`, and the largest
// of them (first on ties).
struct Payout {
  Amount total = 0;
  OutputId largest = OutputId::kNone;
};

Payout PayoutOf(const TxStore& s, TxId t, AddressId pool) {
  constexpr Amount kMax = std::numeric_limits<Amount>::max();
  Payout p;
  for (OutputId o : s.outputs(t)) {
    if (s.output_address(o) == pool) continue;
    const Amount a = s.output_amount(o);
    p.total = a > kMax - p.total ? kMax : p.total + a;
    if (p.largest == OutputId::kNone || a > s.output_amount(p.largest)) {
      p.largest = o;
    }
  }
  return p;
}

bool MatchesPoolPattern(const Ledger& ledger, const AddressActivity& activity,
                        AddressId a, const MixerPoolOptions& options) {
  const TxStore& s = ledger.txs(ledger.address_chain(a));
  int deposits = 0;
  Amount denomination = 0;
  AssetId asset = AssetId::kNone;
  for (OutputId o : activity.credits(a)) {
    const TxId t = s.output_tx(o);
    if (DebitsAddress(s, t, a)) continue;
    if (deposits == 0) {
      denomination = s.output_amount(o);
      asset = s.asset(t);
    } else if (s.output_amount(o) != denomination || s.asset(t) != asset) {
      return false;
    }
    ++deposits;
  }
  if (deposits < options.min_pattern_deposits) return false;
  const auto debits = activity.debits(a);
  if (debits.size() < static_cast<std::size_t>(deposits)) return false;
  for (TxId t : debits) {
    const Payout p = PayoutOf(s, t, a);
    if (s.asset(t) != asset ||
        !PaysOut(denomination, p.total, options.max_fee_bp)) {
      return false;
    }
  }
  return true;
}

}  // namespace

OutputMap<std::uint32_t> IndexDeposits(const MixerPools& pools) {
  OutputMap<std::uint32_t> index;
  for (std::uint32_t i = 0; i < pools.deposits.size(); ++i) {
    index.Set(pools.deposits[i].chain, pools.deposits[i].output, i);
  }
  return index;
}

bool PaysOut(Amount deposited, Amount paid, Amount max_fee_bp) {
  if (paid > deposited) return false;
  // deposited - paid <= deposited * bp / 10000, without overflow.
  const Amount allowance =
      deposited / 10000 * max_fee_bp + deposited % 10000 * max_fee_bp / 10000;
  return deposited - paid <= allowance;
}

MixerPools FindMixerPools(const Ledger& ledger, const Labels& labels,
                          const AddressActivity& activity,
                          const MixerPoolOptions& options) {
  MixerPools pools;
  pools.is_pool.assign(ledger.address_count(), 0);
  pools.group.assign(ledger.address_count(), 0);
  for (AddressId a : ledger.address_ids()) {
    if (ledger.chain(ledger.address_chain(a)).is_utxo()) continue;
    const AddressLabel label = labels.label(a);
    if (label.kind == common::LABEL_MIXER) {
      pools.is_pool[Index(a)] = 1;
      pools.group[Index(a)] = Index(label.service);
    } else if (!labels.labelled(a) &&
               MatchesPoolPattern(ledger, activity, a, options)) {
      pools.is_pool[Index(a)] = 1;
      pools.group[Index(a)] = (std::uint64_t{1} << 32) | Index(a);
    }
  }
  for (ChainId c : ledger.chain_ids()) {
    if (ledger.chain(c).is_utxo()) continue;
    const TxStore& s = ledger.txs(c);
    for (TxId t : s.txs()) {
      const auto ins = s.inputs(t);
      for (InputId i : ins) {
        const AddressId pool = s.input_address(i);
        if (pools.is_pool[Index(pool)] == 0) continue;
        const Payout p = PayoutOf(s, t, pool);
        if (p.largest == OutputId::kNone) continue;
        pools.withdrawals.push_back(
            MixerWithdrawal{c, t, p.largest, pool, s.output_address(p.largest),
                            s.time(t), s.asset(t), p.total, s.fee(t)});
        break;  // one withdrawal per transaction
      }
      for (OutputId o : s.outputs(t)) {
        const AddressId pool = s.output_address(o);
        if (pools.is_pool[Index(pool)] == 0 || s.coinbase(t) ||
            DebitsAddress(s, t, pool)) {
          continue;
        }
        pools.deposits.push_back(
            MixerDeposit{c, o, pool, s.input_address(ins[0]), s.time(t),
                         s.asset(t), s.output_amount(o), s.fee(t)});
      }
    }
  }
  return pools;
}

}  // namespace chaintrace::trace
