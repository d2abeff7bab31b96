#include "sim/eval/stage_metrics.h"

#include <algorithm>

#include "sim/eval/usd.h"

namespace chaintrace::eval {

StageTruth FindStageOutputs(const Ledger& ledger, const GroundTruth& truth,
                            const std::vector<std::int32_t>& plan_stages) {
  StageTruth st;
  const std::size_t attacks = truth.attacks().size();
  std::vector<std::int32_t> seen(attacks, 0);
  for (ChainId c : ledger.chain_ids()) {
    const TxStore& s = ledger.txs(c);
    for (TxId t : s.txs()) {
      const TxTruth tt = truth.tx(c, t);
      if (tt.attack == AttackId::kNone || Index(tt.attack) >= attacks) {
        continue;
      }
      seen[Index(tt.attack)] =
          std::max(seen[Index(tt.attack)], tt.stage_index + 1);
      const double per_unit = UsdPerUnit(ledger, s.asset(t), s.time(t));
      for (OutputId o : s.outputs(t)) {
        StageTruth::StageOutput so;
        so.chain = c;
        so.output = o;
        so.attack = tt.attack;
        so.stage = tt.stage_index;
        so.hop = tt.hop;
        if (truth.stolen_attack(c, o) == tt.attack) {
          so.stolen =
              std::clamp<Amount>(truth.stolen(c, o), 0, s.output_amount(o));
        }
        so.usd_per_unit = per_unit;
        st.outputs.push_back(so);
      }
    }
  }
  st.stage_count.resize(attacks);
  for (std::size_t a = 0; a < attacks; ++a) {
    const std::int32_t planned =
        a < plan_stages.size() ? plan_stages[a] : std::int32_t{-1};
    st.stage_count[a] = planned >= 0 ? planned : seen[a];
  }
  return st;
}

void ComputeStageMetrics(const Ledger& ledger, const StageTruth& st,
                         const trace::TraceResult& result, report::Metrics* all,
                         std::vector<report::AttackMetrics>* per_attack) {
  struct Sums {
    double hit = 0;
    double stolen = 0;
  };
  // Per attack: slot 0 the theft, slot k + 1 stage k.
  std::vector<std::vector<Sums>> sums(per_attack->size());
  std::vector<std::int32_t> max_hop(per_attack->size(), -1);
  for (std::size_t a = 0; a < sums.size() && a < st.stage_count.size(); ++a) {
    sums[a].resize(static_cast<std::size_t>(st.stage_count[a]) + 1);
  }
  for (const StageTruth::StageOutput& so : st.outputs) {
    const std::size_t a = Index(so.attack);
    if (a >= sums.size()) continue;
    Amount taint = 0;
    if (Index(so.chain) < result.chains.size()) {
      const std::vector<Amount>& v =
          result.chains[Index(so.chain)].output_taint;
      if (Index(so.output) < v.size())
        taint = std::max<Amount>(v[Index(so.output)], 0);
    }
    taint = std::min(taint, ledger.txs(so.chain).output_amount(so.output));
    if (taint > 0) max_hop[a] = std::max(max_hop[a], so.hop);
    const std::size_t slot =
        so.stage < 0 ? 0 : static_cast<std::size_t>(so.stage) + 1;
    if (so.stolen <= 0 || slot >= sums[a].size()) continue;
    sums[a][slot].hit +=
        static_cast<double>(std::min(taint, so.stolen)) * so.usd_per_unit;
    sums[a][slot].stolen += static_cast<double>(so.stolen) * so.usd_per_unit;
  }
  std::int32_t overall_hop = -1;
  for (std::size_t a = 0; a < sums.size(); ++a) {
    report::AttackMetrics& am = (*per_attack)[a];
    if (max_hop[a] >= 0) {
      am.mutable_metrics()->set_max_hop(max_hop[a]);
      overall_hop = std::max(overall_hop, max_hop[a]);
    }
    if (sums[a].empty()) continue;
    std::vector<double> recall;
    std::vector<std::uint8_t> defined;
    for (const Sums& s : sums[a]) {
      recall.push_back(s.stolen > 0 ? s.hit / s.stolen : 0);
      defined.push_back(s.stolen > 0 ? 1 : 0);
    }
    // Fill stages without value: forward from the previous one, and the
    // leading ones back from the first defined stage.
    const auto first = std::find(defined.begin() + 1, defined.end(), 1);
    if (first == defined.end()) continue;
    const double first_value =
        recall[static_cast<std::size_t>(first - defined.begin())];
    double previous = defined[0] != 0 ? recall[0] : first_value;
    std::int32_t lost = -1;
    double worst = 1e-12;
    for (std::size_t k = 1; k < recall.size(); ++k) {
      const double value = defined[k] != 0 ? recall[k] : previous;
      am.add_recall_by_stage(value);
      if (previous - value > worst) {
        worst = previous - value;
        lost = static_cast<std::int32_t>(k - 1);
      }
      previous = value;
    }
    am.set_lost_at_stage(lost);
  }
  if (overall_hop >= 0) all->set_max_hop(overall_hop);
}

}  // namespace chaintrace::eval
