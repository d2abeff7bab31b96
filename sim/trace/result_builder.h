#ifndef CHAINTRACE_SIM_TRACE_RESULT_BUILDER_H_
#define CHAINTRACE_SIM_TRACE_RESULT_BUILDER_H_

// Shared plumbing of the clustering and following tracers (sim/trace/
// multi_input, change_cluster, deposit_cluster, peel_follower, mixer_demix,
// bridge_match, analyst): checking a TraceInput and filling a TraceResult
// one flagged output at a time. Contract of the result (tracer.h): taint is
// capped at the output's value, hops are minima, attributions come out
// sorted by (service, asset) with one entry per pair and amount > 0.
// Every operation is O(1) amortised; Finish is O(outputs + attributions log
// attributions).

#include <cstdint>
#include <vector>

#include "model/amount.h"
#include "model/ids.h"
#include "model/labels.h"
#include "model/ledger.h"
#include "model/status.h"
#include "sim/trace/tracer.h"

namespace chaintrace::trace::follow {

// Errors: no ledger; a seed on an unknown chain, naming an output the chain
// lacks, or with an amount < 0 or larger than its output.
Status CheckInput(const TraceInput& input);

// The labels of `input`, or an empty knowledge base when none was given.
const Labels& LabelsOf(const TraceInput& input);

// True for the kinds of label where stolen value stops being followed and a
// freeze request would go: exchange deposit or wallet, OTC desk.
bool IsCashOutKind(LabelKind kind);

class ResultBuilder {
 public:
  explicit ResultBuilder(const Ledger& ledger);

  // Raises `output`'s taint to at least `taint` (capped at its value),
  // lowers its hop to `hop`, flags its address. `score` < 0: no score.
  void Flag(ChainId chain, OutputId output, Amount taint, std::int32_t hop,
            float score = -1.0f);
  // Flags the whole value of `output`.
  void FlagWhole(ChainId chain, OutputId output, std::int32_t hop,
                 float score = -1.0f);
  // Adds `taint` to `output`'s taint (capped at its value).
  void AddTaint(ChainId chain, OutputId output, Amount taint, std::int32_t hop);
  void FlagAddress(AddressId address);
  bool flagged(ChainId chain, OutputId output) const {
    return result_.chains[Index(chain)].output_taint[Index(output)] > 0;
  }
  // Adds `amount` of `asset` reaching `service`.
  void Attribute(ServiceId service, AssetId asset, Amount amount);
  void SetClusters(std::vector<std::uint32_t> clusters);

  // The finished result. The builder is spent afterwards.
  TraceResult Finish();

 private:
  void Touch(ChainId chain, OutputId output, std::int32_t hop, float score);

  const Ledger& ledger_;
  TraceResult result_;
  std::vector<Attribution> attributions_;
  bool any_score_ = false;
};

}  // namespace chaintrace::trace::follow

#endif  // CHAINTRACE_SIM_TRACE_RESULT_BUILDER_H_
