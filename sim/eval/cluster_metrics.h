#ifndef CHAINTRACE_SIM_EVAL_CLUSTER_METRICS_H_
#define CHAINTRACE_SIM_EVAL_CLUSTER_METRICS_H_

// Pairwise clustering quality, for tracers that return clusters
// (TraceResult::address_cluster non-empty; otherwise these stay unset).
//
// Universe: every address with a true owner. An address the tracer leaves
// unclustered is a singleton. The true clustering is the owner entity. A
// pair of addresses is a predicted pair when the tracer puts both in one
// cluster, a true pair when one entity owns both:
//   CLUSTER_PRECISION  true predicted pairs / predicted pairs
//   CLUSTER_RECALL     true predicted pairs / true pairs
//   LARGEST_CLUSTER    addresses in the largest predicted cluster (over all
//                      addresses, owned or not)
// Pairs are counted from the contingency table, sum C(n, 2) over its cells,
// rows and columns (Hubert and Arabie 1985, the counts behind the Rand
// index): O(addresses), never O(pairs). A ratio over 0 pairs is unset.
// Not split per attack.

#include "model/ground_truth.h"
#include "model/ledger.h"
#include "proto/report.pb.h"
#include "sim/trace/tracer.h"

namespace chaintrace::eval {

void ComputeClusterMetrics(const Ledger& ledger, const GroundTruth& truth,
                           const trace::TraceResult& result,
                           report::Metrics* all);

}  // namespace chaintrace::eval

#endif  // CHAINTRACE_SIM_EVAL_CLUSTER_METRICS_H_
