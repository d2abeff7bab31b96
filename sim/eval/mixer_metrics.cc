#include "sim/eval/mixer_metrics.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>
#include <utility>

namespace chaintrace::eval {
namespace {

common::EntityKind KindOf(const GroundTruth& truth, EntityId e) {
  return e == EntityId::kNone ? common::ENTITY_KIND_UNSPECIFIED
                              : truth.entity(e).kind;
}

struct ServiceAttack {
  EntityId service = EntityId::kNone;
  AttackId attack = AttackId::kNone;
  friend bool operator<(const ServiceAttack& a, const ServiceAttack& b) {
    return std::tie(a.service, a.attack) < std::tie(b.service, b.attack);
  }
};

struct GroupKey {
  EntityId service = EntityId::kNone;
  AssetId asset = AssetId::kNone;
  Amount amount = 0;  // 0 where amounts are not fixed
  friend bool operator<(const GroupKey& a, const GroupKey& b) {
    return std::tie(a.service, a.asset, a.amount) <
           std::tie(b.service, b.asset, b.amount);
  }
};

// The mixing service paying out in `t`, or kNone.
EntityId PayingService(const TxStore& s, const GroundTruth& truth, TxId t) {
  for (InputId i : s.inputs(t)) {
    const EntityId e = truth.owner(s.input_address(i));
    if (KindOf(truth, e) == common::MIXER) return e;
  }
  for (OutputId o : s.outputs(t)) {
    const EntityId e = truth.owner(s.output_address(o));
    if (KindOf(truth, e) == common::COINJOIN_COORDINATOR) return e;
  }
  return EntityId::kNone;
}

}  // namespace

MixerTruth FindMixerPayouts(const Ledger& ledger, const GroundTruth& truth) {
  // First time each attack pays each mixing service.
  std::map<ServiceAttack, Seconds> first_deposit;
  for (ChainId c : ledger.chain_ids()) {
    const TxStore& s = ledger.txs(c);
    for (TxId t : s.txs()) {
      const AttackId attack = truth.tx(c, t).attack;
      if (attack == AttackId::kNone) continue;
      for (OutputId o : s.outputs(t)) {
        const EntityId e = truth.owner(s.output_address(o));
        const common::EntityKind kind = KindOf(truth, e);
        if (kind != common::MIXER && kind != common::COINJOIN_COORDINATOR) {
          continue;
        }
        first_deposit.try_emplace(ServiceAttack{e, attack}, s.time(t));
      }
    }
  }
  MixerTruth mt;
  std::map<GroupKey, std::uint32_t> group_of;
  for (ChainId c : ledger.chain_ids()) {
    const TxStore& s = ledger.txs(c);
    const bool utxo = ledger.chain(c).is_utxo();
    for (TxId t : s.txs()) {
      const EntityId service = PayingService(s, truth, t);
      if (service == EntityId::kNone) continue;
      const bool fixed =
          !utxo || KindOf(truth, service) == common::COINJOIN_COORDINATOR;
      for (OutputId o : s.outputs(t)) {
        const AddressId a = s.output_address(o);
        const EntityId owner = truth.owner(a);
        if (owner == service) continue;
        const GroupKey key{service, s.asset(t),
                           fixed ? s.output_amount(o) : Amount{0}};
        const auto [it, added] = group_of.try_emplace(
            key, static_cast<std::uint32_t>(mt.groups.size()));
        if (added) mt.groups.emplace_back();
        std::vector<MixerTruth::Payout>& group = mt.groups[it->second];
        group.push_back({c, o, s.time(t), AttackId::kNone});
        if (KindOf(truth, owner) != common::ATTACKER ||
            truth.stolen(c, o) <= 0) {
          continue;
        }
        MixerTruth::TruePayout w;
        w.group = it->second;
        w.position = static_cast<std::uint32_t>(group.size() - 1);
        w.attack = truth.stolen_attack(c, o);
        group.back().attack = w.attack;
        const auto dep = first_deposit.find(ServiceAttack{service, w.attack});
        w.window_start = dep == first_deposit.end()
                             ? s.time(t)
                             : std::min(dep->second, s.time(t));
        mt.attacker_payouts.push_back(w);
      }
    }
  }
  return mt;
}

void ComputeMixerMetrics(const Ledger& ledger, const MixerTruth& mt,
                         const trace::TraceResult& result, report::Metrics* all,
                         std::vector<report::Metrics>* per_attack) {
  if (mt.attacker_payouts.empty()) return;
  const auto weight = [&](const MixerTruth::Payout& p) -> double {
    if (Index(p.chain) >= result.chains.size()) return 0;
    const trace::ChainTrace& ct = result.chains[Index(p.chain)];
    const std::size_t o = Index(p.output);
    if (!ct.output_score.empty()) {
      return o < ct.output_score.size()
                 ? std::max(0.0, static_cast<double>(ct.output_score[o]))
                 : 0.0;
    }
    if (o >= ct.output_taint.size() || ct.output_taint[o] <= 0) return 0;
    const Amount amount = ledger.txs(p.chain).output_amount(p.output);
    return std::min(1.0, static_cast<double>(ct.output_taint[o]) /
                             static_cast<double>(amount));
  };
  // Prefix sums of w and w ln w (and a count) over a group's payouts, or
  // over those of one attack only; built only for groups with a true
  // payout.
  struct Prefix {
    std::vector<double> w{0};
    std::vector<double> wlnw{0};
    std::vector<std::int64_t> n{0};
    void Add(double x, bool counted) {
      w.push_back(w.back() + (counted ? x : 0.0));
      wlnw.push_back(wlnw.back() + (counted && x > 0 ? x * std::log(x) : 0.0));
      n.push_back(n.back() + (counted ? 1 : 0));
    }
  };
  std::map<std::pair<std::uint32_t, AttackId>, Prefix> prefix;
  const auto build = [&](std::uint32_t g, AttackId attack) -> const Prefix& {
    const auto [it, added] = prefix.try_emplace({g, attack});
    if (added) {
      for (const MixerTruth::Payout& p : mt.groups[g]) {
        it->second.Add(weight(p),
                       attack == AttackId::kNone || p.attack == attack);
      }
    }
    return it->second;
  };
  struct Sums {
    double accuracy = 0;
    double anonymity = 0;
    std::int64_t n = 0;
  };
  Sums total;
  std::vector<Sums> by_attack(per_attack->size());
  for (const MixerTruth::TruePayout& tp : mt.attacker_payouts) {
    const std::vector<MixerTruth::Payout>& group = mt.groups[tp.group];
    const Prefix& all_px = build(tp.group, AttackId::kNone);
    const Prefix& own_px = build(tp.group, tp.attack);
    const Seconds end = group[tp.position].time;
    const auto by_time = [](const MixerTruth::Payout& p, Seconds t) {
      return p.time < t;
    };
    const auto lo = static_cast<std::size_t>(
        std::lower_bound(group.begin(), group.end(), tp.window_start, by_time) -
        group.begin());
    const auto hi = static_cast<std::size_t>(
        std::upper_bound(
            group.begin(), group.end(), end,
            [](Seconds t, const MixerTruth::Payout& p) { return t < p.time; }) -
        group.begin());
    // The attacker's payouts in the window count as one candidate.
    const std::int64_t own_n =
        std::max<std::int64_t>(1, own_px.n[hi] - own_px.n[lo]);
    const double k =
        static_cast<double>(static_cast<std::int64_t>(hi - lo) - own_n + 1);
    const double s = all_px.w[hi] - all_px.w[lo];
    const double own = own_px.w[hi] - own_px.w[lo];
    double accuracy = 0;
    double anonymity = k;
    if (s > 0) {
      accuracy = std::clamp(own / s, 0.0, 1.0);
      const double others_wlnw = (all_px.wlnw[hi] - all_px.wlnw[lo]) -
                                 (own_px.wlnw[hi] - own_px.wlnw[lo]);
      const double own_wlnw = own > 0 ? own * std::log(own) : 0.0;
      const double h = std::log(s) - (others_wlnw + own_wlnw) / s;
      anonymity = std::clamp(std::exp(h), 1.0, std::max(k, 1.0));
    }
    total.accuracy += accuracy;
    total.anonymity += anonymity;
    ++total.n;
    if (tp.attack != AttackId::kNone && Index(tp.attack) < by_attack.size()) {
      Sums& a = by_attack[Index(tp.attack)];
      a.accuracy += accuracy;
      a.anonymity += anonymity;
      ++a.n;
    }
  }
  const auto set = [](const Sums& sums, report::Metrics* m) {
    if (sums.n == 0) return;
    const auto n = static_cast<double>(sums.n);
    m->set_mixer_link_accuracy(sums.accuracy / n);
    m->set_anonymity_set(sums.anonymity / n);
  };
  set(total, all);
  for (std::size_t a = 0; a < by_attack.size(); ++a) {
    set(by_attack[a], &(*per_attack)[a]);
  }
}

}  // namespace chaintrace::eval
