#ifndef CHAINTRACE_SIM_EVAL_EVALUATE_H_
#define CHAINTRACE_SIM_EVAL_EVALUATE_H_

// Scores tracer results against ground truth. The only place that reads
// both a TraceResult and a GroundTruth (DESIGN.md, "walls").
//
// An Evaluation is built once per ledger (the ground-truth side: landings,
// address classes, mixer payouts, stage outputs) and then scores any number
// of tracer results, each in time linear in the ledger (the mixer metrics
// add a log factor over mixer payouts). Metric definitions live in the file
// that computes them:
//   value_metrics.h    VALUE_RECALL, VALUE_PRECISION, COLLATERAL_USD
//   attribution.h      ATTRIBUTION_RECALL and the per-exchange rows
//   address_metrics.h  ADDRESS_PRECISION/RECALL/F1, COLLATERAL_ADDRESSES
//   cluster_metrics.h  CLUSTER_PRECISION/RECALL, LARGEST_CLUSTER
//   mixer_metrics.h    MIXER_LINK_ACCURACY, ANONYMITY_SET
//   stage_metrics.h    MAX_HOP, recall_by_stage, lost_at_stage
// A metric that cannot be computed (no stolen value landed, the tracer
// flags nothing, does not cluster, no mixer was used) is left unset; no
// NaN or infinity is ever stored.

#include <string>
#include <vector>

#include "model/ledger_file.h"
#include "model/status.h"
#include "proto/report.pb.h"
#include "sim/eval/address_metrics.h"
#include "sim/eval/attribution.h"
#include "sim/eval/landing.h"
#include "sim/eval/mixer_metrics.h"
#include "sim/eval/stage_metrics.h"
#include "sim/trace/tracer.h"

namespace chaintrace::eval {

// The laundering plan's stage kinds of one attack, in order (from the
// scenario), e.g. {"dex_swap", "mixer", "dormancy", "cash_out"}.
struct PlanStages {
  std::string attack;
  std::vector<std::string> kinds;
};

class Evaluation {
 public:
  // Errors: the file has no ground truth. `file` must outlive the
  // Evaluation.
  static Result<Evaluation> Create(const LedgerFile& file,
                                   const std::vector<PlanStages>& plans = {});

  // What truly happened in each attack, in attack id order.
  const std::vector<report::AttackSummary>& attacks() const { return attacks_; }

  // Scores one result. Sets tracer, metrics, per_attack (one per attack, in
  // attack id order) and exchanges; the caller sets id and run_time_s.
  report::TracerReport Score(const trace::TraceResult& result) const;

 private:
  Evaluation() = default;

  const LedgerFile* file_ = nullptr;
  LandingSet landings_;
  AddressTruth addresses_;
  MixerTruth mixers_;
  StageTruth stages_;
  std::vector<EntityId> service_entity_;
  std::vector<report::AttackSummary> attacks_;
};

}  // namespace chaintrace::eval

#endif  // CHAINTRACE_SIM_EVAL_EVALUATE_H_
