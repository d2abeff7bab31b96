#ifndef CHAINTRACE_SIM_EVAL_STAGE_METRICS_H_
#define CHAINTRACE_SIM_EVAL_STAGE_METRICS_H_

// Where along an attack's laundering plan a tracer loses the trail, and how
// far it gets.
//
// Stage value: the outputs (credits) of an attack's transactions of plan
// stage k (TxTruth::stage_index; -1 is the theft itself) that carry stolen
// units of that attack. Recall after stage k = sum usd(min(s, t)) /
// sum usd(s) over them, s the true stolen and t the tracer's taint (at most
// the output's amount), USD at the output's time. It includes the stage's
// intermediate hops: a trail lost halfway down a peel chain shows as
// partial recall of that stage.
//   recall_by_stage  per plan stage in order; a stage without transactions
//                    (dormancy, hold) repeats the recall before it; stages
//                    before the first with value take that first value;
//                    empty when the attack moved no stolen value.
//   lost_at_stage    the stage whose recall fell most below the previous
//                    one (the theft's recall before stage 0); -1 when
//                    recall never falls.
//   MAX_HOP          the largest TxTruth::hop among the attack's
//                    transactions that have an output the tracer flags
//                    (taint > 0); over all attacks, the largest of these;
//                    unset when the tracer flags none.
// One pass over the attacks' own outputs per tracer.

#include <cstdint>
#include <string>
#include <vector>

#include "model/ground_truth.h"
#include "model/ledger.h"
#include "proto/report.pb.h"
#include "sim/trace/tracer.h"

namespace chaintrace::eval {

struct StageTruth {
  struct StageOutput {
    ChainId chain = ChainId::kNone;
    OutputId output = OutputId::kNone;
    AttackId attack = AttackId::kNone;
    std::int32_t stage = -1;
    std::int32_t hop = -1;
    Amount stolen = 0;  // of `attack`
    double usd_per_unit = 0;
  };
  std::vector<StageOutput> outputs;
  // Per AttackId: number of plan stages.
  std::vector<std::int32_t> stage_count;
};

// `plan_stages` per AttackId: the plan's stage count when known (from the
// scenario), else -1 (then 1 + the largest stage_index seen).
StageTruth FindStageOutputs(const Ledger& ledger, const GroundTruth& truth,
                            const std::vector<std::int32_t>& plan_stages);

// Fills per_attack[a]'s metrics.max_hop, recall_by_stage and
// lost_at_stage, and all->max_hop. `per_attack` is indexed by AttackId.
void ComputeStageMetrics(const Ledger& ledger, const StageTruth& st,
                         const trace::TraceResult& result, report::Metrics* all,
                         std::vector<report::AttackMetrics>* per_attack);

}  // namespace chaintrace::eval

#endif  // CHAINTRACE_SIM_EVAL_STAGE_METRICS_H_
