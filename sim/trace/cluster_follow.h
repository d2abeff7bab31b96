#ifndef CHAINTRACE_SIM_TRACE_CLUSTER_FOLLOW_H_
#define CHAINTRACE_SIM_TRACE_CLUSTER_FOLLOW_H_

// How a clustering tracer (multi_input, change, deposit_cluster) answers
// from its clusters, the way an investigator uses a cluster view
// (Meiklejohn et al. 2013, "A Fistful of Bitcoins", section 5: labels
// propagate to whole clusters; a theft's recipient cluster is the thief):
//   hop 0  each seed output, with the seed's amount;
//          every address in a seed recipient's cluster is flagged;
//   hop 1  every output of a transaction that debits a seed cluster at or
//          after the chain's earliest seed, with its whole value ("what the
//          cluster pays"); its recipient is flagged.
// A hop-1 output landing outside the seed clusters at an address that is
// labelled, or whose cluster holds a labelled address (the cluster's label
// is that of its lowest-id labelled address), attributes its whole value to
// that service. The seed clusters never attribute to themselves.
// O(addresses + inputs + outputs), one pass over each chain in ledger order.

#include <cstdint>
#include <vector>

#include "sim/trace/tracer.h"

namespace chaintrace::trace::follow {

// `cluster`: dense cluster id per address (UnionFind::DenseIds). The result
// carries `cluster` as its address_cluster. Precondition: CheckInput(input)
// passed.
TraceResult FlagSeedClusters(const TraceInput& input,
                             std::vector<std::uint32_t> cluster);

}  // namespace chaintrace::trace::follow

#endif  // CHAINTRACE_SIM_TRACE_CLUSTER_FOLLOW_H_
