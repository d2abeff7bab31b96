#include "sim/eval/evaluate.h"

#include <utility>

#include "sim/eval/attack_summary.h"
#include "sim/eval/cluster_metrics.h"
#include "sim/eval/value_metrics.h"

namespace chaintrace::eval {

Result<Evaluation> Evaluation::Create(const LedgerFile& file,
                                      const std::vector<PlanStages>& plans) {
  if (!file.truth.has_value()) {
    return Status::Error(
        "the ledger has no ground truth (an imported ledger cannot be "
        "scored)");
  }
  const Ledger& ledger = file.ledger;
  const GroundTruth& truth = *file.truth;
  const std::size_t attacks = truth.attacks().size();
  std::vector<std::int32_t> counts(attacks, -1);
  std::vector<std::vector<std::string>> kinds(attacks);
  for (const PlanStages& p : plans) {
    const AttackId a = truth.FindAttack(p.attack);
    if (a == AttackId::kNone) continue;
    counts[Index(a)] = static_cast<std::int32_t>(p.kinds.size());
    kinds[Index(a)] = p.kinds;
  }
  Evaluation e;
  e.file_ = &file;
  e.landings_ = BuildLandings(ledger, truth);
  e.addresses_ = ClassifyAddresses(ledger, truth);
  e.mixers_ = FindMixerPayouts(ledger, truth);
  e.stages_ = FindStageOutputs(ledger, truth, counts);
  e.service_entity_ = ServiceEntities(file.labels, truth);
  e.attacks_ = SummarizeAttacks(ledger, truth, e.landings_, kinds);
  return e;
}

report::TracerReport Evaluation::Score(const trace::TraceResult& result) const {
  const Ledger& ledger = file_->ledger;
  const GroundTruth& truth = *file_->truth;
  const std::size_t attacks = truth.attacks().size();
  report::TracerReport out;
  report::Metrics* all = out.mutable_metrics();
  std::vector<report::Metrics> per_attack(attacks);
  const std::vector<Amount> believed =
      BelievedStolen(landings_, ledger, result);
  ComputeValueMetrics(landings_, believed, all, &per_attack);
  const std::vector<report::ExchangeAttribution> rows =
      ComputeAttribution(truth, file_->labels, service_entity_, landings_,
                         believed, all, &per_attack);
  ComputeAddressMetrics(addresses_, result, all, &per_attack);
  ComputeClusterMetrics(ledger, truth, result, all);
  ComputeMixerMetrics(ledger, mixers_, result, all, &per_attack);
  std::vector<report::AttackMetrics> attack_metrics(attacks);
  for (std::size_t a = 0; a < attacks; ++a) {
    attack_metrics[a].set_attack(truth.attacks()[a].name);
    *attack_metrics[a].mutable_metrics() = std::move(per_attack[a]);
  }
  ComputeStageMetrics(ledger, stages_, result, all, &attack_metrics);
  for (report::AttackMetrics& am : attack_metrics) {
    *out.add_per_attack() = std::move(am);
  }
  for (const report::ExchangeAttribution& x : rows) *out.add_exchanges() = x;
  return out;
}

}  // namespace chaintrace::eval
