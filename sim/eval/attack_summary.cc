#include "sim/eval/attack_summary.h"

#include <algorithm>

#include "sim/eval/usd.h"

namespace chaintrace::eval {
namespace {

struct StageAcc {
  std::string kind;
  Seconds start = 0;
  Seconds end = 0;
  std::int64_t txs = 0;
  double in_usd = 0;
};

// Where an ACCOUNT address last received stolen value from.
struct LastCredit {
  AttackId attack = AttackId::kNone;
  std::int32_t stage = -2;
};

}  // namespace

std::vector<report::AttackSummary> SummarizeAttacks(
    const Ledger& ledger, const GroundTruth& truth, const LandingSet& set,
    const std::vector<std::vector<std::string>>& plan_kinds) {
  const std::size_t attacks = truth.attacks().size();
  std::vector<report::AttackSummary> out(attacks);
  std::vector<std::vector<StageAcc>> stages(attacks);
  std::vector<double> fees(attacks, 0);
  for (std::size_t a = 0; a < attacks; ++a) {
    if (a < plan_kinds.size()) {
      for (const std::string& kind : plan_kinds[a]) {
        stages[a].push_back(StageAcc{kind});
      }
    }
  }
  const auto stage_acc = [&](std::size_t a, std::int32_t k,
                             std::string_view name) -> StageAcc& {
    std::vector<StageAcc>& v = stages[a];
    const auto i = static_cast<std::size_t>(k);
    while (v.size() <= i) v.emplace_back();
    if (v[i].kind.empty()) v[i].kind = std::string(name);
    return v[i];
  };
  std::vector<LastCredit> last(ledger.address_count());
  for (ChainId c : ledger.chain_ids()) {
    const TxStore& s = ledger.txs(c);
    const bool utxo = ledger.chain(c).is_utxo();
    for (TxId t : s.txs()) {
      const TxTruth tt = truth.tx(c, t);
      const bool ours =
          tt.attack != AttackId::kNone && Index(tt.attack) < attacks;
      const std::size_t a = ours ? Index(tt.attack) : 0;
      const double per_unit = UsdPerUnit(ledger, s.asset(t), s.time(t));
      if (ours) {
        // Fees.
        if (utxo) {
          Amount in = 0;
          Amount outs = 0;
          for (InputId i : s.inputs(t)) {
            const OutputId spent = s.input_spent(i);
            if (spent != OutputId::kNone &&
                truth.stolen_attack(c, spent) == tt.attack) {
              in += truth.stolen(c, spent);
            }
          }
          for (OutputId o : s.outputs(t)) {
            if (truth.stolen_attack(c, o) == tt.attack) {
              outs += truth.stolen(c, o);
            }
          }
          fees[a] +=
              static_cast<double>(std::max<Amount>(in - outs, 0)) * per_unit;
        } else if (!s.inputs(t).empty()) {
          const EntityId payer = truth.owner(s.input_address(s.inputs(t)[0]));
          if (payer != EntityId::kNone &&
              truth.entity(payer).kind == common::ATTACKER) {
            const AssetId native = ledger.chain(c).native_asset;
            fees[a] += Usd(ledger, native, s.fee(t), s.time(t));
          }
        }
      }
      if (ours && tt.stage_index >= 0) {
        StageAcc& acc = stage_acc(a, tt.stage_index, tt.stage);
        if (acc.txs == 0) acc.start = s.time(t);
        acc.end = s.time(t);
        ++acc.txs;
        Amount entering = 0;
        if (utxo) {
          for (InputId i : s.inputs(t)) {
            const OutputId spent = s.input_spent(i);
            if (spent == OutputId::kNone ||
                truth.stolen_attack(c, spent) != tt.attack) {
              continue;
            }
            const TxTruth from = truth.tx(c, s.output_tx(spent));
            if (from.attack != tt.attack ||
                from.stage_index != tt.stage_index) {
              entering += truth.stolen(c, spent);
            }
          }
          acc.in_usd += static_cast<double>(entering) *
                        UsdPerUnit(ledger, s.asset(t), s.time(t));
        } else if (!s.inputs(t).empty()) {
          const LastCredit& from = last[Index(s.input_address(s.inputs(t)[0]))];
          if (from.attack != tt.attack || from.stage != tt.stage_index) {
            for (OutputId o : s.outputs(t)) {
              if (truth.stolen_attack(c, o) == tt.attack) {
                entering += truth.stolen(c, o);
              }
            }
            acc.in_usd += static_cast<double>(entering) * per_unit;
          }
        }
      }
      if (!utxo) {
        for (OutputId o : s.outputs(t)) {
          if (truth.stolen(c, o) > 0) {
            last[Index(s.output_address(o))] = LastCredit{
                truth.stolen_attack(c, o), ours ? tt.stage_index : -2};
          }
        }
      }
    }
  }
  std::vector<double> stolen(attacks, 0);
  for (const TheftReport& th : ledger.thefts()) {
    const AttackId a = truth.FindAttack(th.attack);
    if (a == AttackId::kNone) continue;
    stolen[Index(a)] +=
        Usd(ledger, th.asset, th.amount, ledger.txs(th.chain).time(th.tx));
  }
  std::vector<double> cashed(attacks, 0);
  std::vector<double> held(attacks, 0);
  for (const Landing& l : set.landings) {
    if (l.attack == AttackId::kNone || Index(l.attack) >= attacks) continue;
    const double usd = static_cast<double>(l.stolen) * l.usd_per_unit;
    if (l.cash_out) cashed[Index(l.attack)] += usd;
    if (l.attacker_held) held[Index(l.attack)] += usd;
  }
  for (std::size_t a = 0; a < attacks; ++a) {
    const Attack& attack = truth.attacks()[a];
    report::AttackSummary& sum = out[a];
    sum.set_name(attack.name);
    sum.set_group(attack.group);
    sum.set_victim(attack.victim);
    sum.set_time(attack.time);
    sum.set_stolen_usd(stolen[a]);
    sum.set_cashed_out_usd(cashed[a]);
    sum.set_held_usd(held[a]);
    sum.set_fees_usd(fees[a]);
    for (const StageAcc& acc : stages[a]) {
      report::StageSummary* st = sum.add_stages();
      st->set_kind(acc.kind);
      st->set_transactions(acc.txs);
      if (acc.txs > 0) {
        st->set_start_time(acc.start);
        st->set_end_time(acc.end);
        st->set_in_usd(acc.in_usd);
      }
    }
  }
  return out;
}

}  // namespace chaintrace::eval
