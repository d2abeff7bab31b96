#include "sim/eval/address_metrics.h"

#include <algorithm>

namespace chaintrace::eval {

AddressTruth ClassifyAddresses(const Ledger& ledger, const GroundTruth& truth) {
  AddressTruth at;
  at.flags.assign(ledger.address_count(), 0);
  at.positives.resize(truth.attacks().size());
  for (AddressId a : ledger.address_ids()) {
    const EntityId e = truth.owner(a);
    if (e != EntityId::kNone && truth.entity(e).kind == common::ATTACKER) {
      at.flags[Index(a)] |= kAttackerOwned;
    }
  }
  for (ChainId c : ledger.chain_ids()) {
    const TxStore& s = ledger.txs(c);
    for (OutputId o : IdRange<OutputId>(0, s.output_count())) {
      if (truth.stolen(c, o) <= 0) continue;
      const AddressId a = s.output_address(o);
      at.flags[Index(a)] |= kReceivesStolen;
      const AttackId attack = truth.stolen_attack(c, o);
      if ((at.flags[Index(a)] & kAttackerOwned) != 0 &&
          attack != AttackId::kNone && Index(attack) < at.positives.size()) {
        at.positives[Index(attack)].push_back(a);
      }
    }
  }
  for (std::vector<AddressId>& p : at.positives) {
    std::sort(p.begin(), p.end());
    p.erase(std::unique(p.begin(), p.end()), p.end());
  }
  for (std::uint8_t f : at.flags) {
    if (f == (kAttackerOwned | kReceivesStolen)) ++at.positive_count;
  }
  return at;
}

void ComputeAddressMetrics(const AddressTruth& at,
                           const trace::TraceResult& result,
                           report::Metrics* all,
                           std::vector<report::Metrics>* per_attack) {
  const std::vector<std::uint8_t>& flagged = result.address_flagged;
  const auto is_flagged = [&](AddressId a) {
    return Index(a) < flagged.size() && flagged[Index(a)] != 0;
  };
  std::int64_t flagged_count = 0;
  std::int64_t hits = 0;
  std::int64_t benign = 0;
  for (std::size_t i = 0; i < at.flags.size() && i < flagged.size(); ++i) {
    if (flagged[i] == 0) continue;
    ++flagged_count;
    if (at.flags[i] == (kAttackerOwned | kReceivesStolen)) ++hits;
    if (at.flags[i] == 0) ++benign;
  }
  all->set_collateral_addresses(benign);
  const bool has_p = flagged_count > 0;
  const bool has_r = at.positive_count > 0;
  const double p =
      has_p ? static_cast<double>(hits) / static_cast<double>(flagged_count)
            : 0;
  const double r =
      has_r ? static_cast<double>(hits) / static_cast<double>(at.positive_count)
            : 0;
  if (has_p) all->set_address_precision(p);
  if (has_r) all->set_address_recall(r);
  if (has_p && has_r) all->set_address_f1(p + r > 0 ? 2 * p * r / (p + r) : 0);
  for (std::size_t a = 0; a < at.positives.size() && a < per_attack->size();
       ++a) {
    const std::vector<AddressId>& pos = at.positives[a];
    if (pos.empty()) continue;
    const auto n = std::count_if(pos.begin(), pos.end(), is_flagged);
    (*per_attack)[a].set_address_recall(static_cast<double>(n) /
                                        static_cast<double>(pos.size()));
  }
}

}  // namespace chaintrace::eval
