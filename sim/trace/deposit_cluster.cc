#include "sim/trace/deposit_cluster.h"

#include "sim/trace/cluster_follow.h"
#include "sim/trace/result_builder.h"

namespace chaintrace::trace {
namespace {

// The one address every debit of `d` pays, each within the sweep delay of
// a credit; kNone otherwise.
AddressId SweepTarget(const Ledger& ledger, const AddressActivity& activity,
                      AddressId d, Seconds max_delay) {
  const TxStore& s = ledger.txs(ledger.address_chain(d));
  const auto credits = activity.credits(d);
  const auto debits = activity.debits(d);
  if (debits.empty() || credits.empty()) return AddressId::kNone;
  AddressId target = AddressId::kNone;
  std::size_t next_credit = 0;
  Seconds last_credit = -1;
  for (TxId t : debits) {
    const Seconds when = s.time(t);
    while (next_credit < credits.size() &&
           s.time(s.output_tx(credits[next_credit])) <= when) {
      last_credit = s.time(s.output_tx(credits[next_credit]));
      ++next_credit;
    }
    if (last_credit < 0 || when - last_credit > max_delay) {
      return AddressId::kNone;
    }
    for (OutputId o : s.outputs(t)) {
      const AddressId to = s.output_address(o);
      if (to == d || (target != AddressId::kNone && to != target)) {
        return AddressId::kNone;
      }
      target = to;
    }
  }
  return target;
}

}  // namespace

std::vector<AddressId> FindDepositAddresses(const Ledger& ledger,
                                            const Labels& labels,
                                            const AddressActivity& activity,
                                            const DepositRule& rule) {
  std::vector<AddressId> sweeps(ledger.address_count(), AddressId::kNone);
  std::vector<std::uint32_t> inflows(ledger.address_count(), 0);
  for (AddressId a : ledger.address_ids()) {
    if (ledger.chain(ledger.address_chain(a)).is_utxo()) continue;
    const AddressId h = SweepTarget(ledger, activity, a, rule.max_sweep_delay);
    sweeps[Index(a)] = h;
    if (h != AddressId::kNone) ++inflows[Index(h)];
  }
  std::vector<AddressId> target(ledger.address_count(), AddressId::kNone);
  const auto min_deposits = static_cast<std::uint32_t>(rule.min_deposits);
  for (AddressId a : ledger.address_ids()) {
    const AddressId h = sweeps[Index(a)];
    if (h == AddressId::kNone) continue;
    const bool hot = inflows[Index(h)] >= min_deposits ||
                     labels.label(h).kind == common::LABEL_EXCHANGE_WALLET;
    // A hot wallet does not itself sweep into another wallet.
    if (hot && sweeps[Index(h)] == AddressId::kNone) target[Index(a)] = h;
  }
  return target;
}

void ClusterDeposits(const Ledger& ledger, const Labels& labels,
                     const AddressActivity& activity, const DepositRule& rule,
                     UnionFind* uf) {
  const std::vector<AddressId> hot_of =
      FindDepositAddresses(ledger, labels, activity, rule);
  std::vector<std::uint8_t> service_side(ledger.address_count(), 0);
  for (AddressId a : ledger.address_ids()) {
    const AddressId h = hot_of[Index(a)];
    if (h == AddressId::kNone) continue;
    service_side[Index(a)] = 1;
    service_side[Index(h)] = 1;
  }
  const auto id = [](AddressId a) {
    return static_cast<std::uint32_t>(Index(a));
  };
  for (AddressId d : ledger.address_ids()) {
    const AddressId h = hot_of[Index(d)];
    if (h == AddressId::kNone) continue;
    uf->Union(id(h), id(d));
    const TxStore& s = ledger.txs(ledger.address_chain(d));
    AddressId first = AddressId::kNone;
    for (OutputId o : activity.credits(d)) {
      const TxId t = s.output_tx(o);
      if (s.coinbase(t)) continue;
      const AddressId from = s.input_address(s.inputs(t)[0]);
      if (service_side[Index(from)] != 0 || labels.labelled(from)) continue;
      if (first == AddressId::kNone) {
        first = from;
      } else {
        uf->Union(id(first), id(from));
      }
    }
  }
}

namespace {

class DepositClusterTracer : public Tracer {
 public:
  std::string_view name() const override { return "deposit_cluster"; }
  Result<TraceResult> Trace(const TraceInput& input) const override {
    if (Status st = follow::CheckInput(input); !st.ok()) return st;
    const Ledger& ledger = *input.ledger;
    const AddressActivity activity(ledger, ActivityScope::kAccountChains);
    UnionFind uf(ledger.address_count());
    ClusterDeposits(ledger, follow::LabelsOf(input), activity, DepositRule{},
                    &uf);
    return follow::FlagSeedClusters(input, uf.DenseIds());
  }
};

}  // namespace

std::unique_ptr<Tracer> MakeDepositClusterTracer(const TracerOptions&) {
  return std::make_unique<DepositClusterTracer>();
}

}  // namespace chaintrace::trace
