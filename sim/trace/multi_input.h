#ifndef CHAINTRACE_SIM_TRACE_MULTI_INPUT_H_
#define CHAINTRACE_SIM_TRACE_MULTI_INPUT_H_

// Multi-input clustering (common-input ownership): all input addresses of
// a UTXO transaction are controlled by one entity, because spending needs
// every input's key. Meiklejohn et al. 2013, "A Fistful of Bitcoins",
// heuristic 1; Androulaki et al. 2013, "Evaluating User Privacy in Bitcoin";
// Nakamoto 2008, section 10. CoinJoins break the assumption and are skipped
// (sim/trace/coinjoin_detect.h). Applied to UTXO chains only: on an ACCOUNT
// chain a transaction with several debited addresses is a contract call,
// not a joint signature. Coinbase transactions have no inputs.
//
// Tracer "multi_input": these clusters, answered through
// sim/trace/cluster_follow.h (flags the seed recipients' clusters and what
// they pay). O((inputs + outputs) log k + addresses α) for transactions of
// at most k inputs/outputs.

#include <memory>

#include "model/labels.h"
#include "model/ledger.h"
#include "sim/trace/coinjoin_detect.h"
#include "sim/trace/tracer.h"
#include "sim/trace/union_find.h"

namespace chaintrace::trace {

// Merges in `uf` (one element per AddressId) the input addresses of every
// non-CoinJoin transaction on the ledger's UTXO chains.
void ClusterMultiInput(const Ledger& ledger, const Labels& labels,
                       const CoinJoinRule& rule, UnionFind* uf);

std::unique_ptr<Tracer> MakeMultiInputTracer(const TracerOptions& options);

}  // namespace chaintrace::trace

#endif  // CHAINTRACE_SIM_TRACE_MULTI_INPUT_H_
