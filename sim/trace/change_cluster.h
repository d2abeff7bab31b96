#ifndef CHAINTRACE_SIM_TRACE_CHANGE_CLUSTER_H_
#define CHAINTRACE_SIM_TRACE_CHANGE_CLUSTER_H_

// Change-address clustering on top of multi-input clustering: the change
// output of a transaction goes back to its spender, so its address joins
// the inputs' cluster. Meiklejohn et al. 2013, "A Fistful of Bitcoins"
// (heuristic 2, one-time change); Androulaki et al. 2013; the heuristics
// and their combination in sim/trace/change_heuristics.h and change_rule.h.
// CoinJoins are skipped for both steps (sim/trace/coinjoin_detect.h).
//
// Tracer "change": multi-input + change clusters under kDefaultChangeRule,
// answered through sim/trace/cluster_follow.h. Cost: one pass over the
// ledger's transactions, O((inputs + outputs) log k) with the first-use
// index, plus union-find.

#include <memory>
#include <string_view>

#include "model/labels.h"
#include "model/ledger.h"
#include "sim/trace/address_activity.h"
#include "sim/trace/change_rule.h"
#include "sim/trace/coinjoin_detect.h"
#include "sim/trace/tracer.h"
#include "sim/trace/union_find.h"

namespace chaintrace::trace {

// Self-change first; then the peel-chain shape; then a fresh address, or an
// output smaller than all inputs, each confirmed by a matching address type.
inline constexpr std::string_view kDefaultChangeRule =
    "reuse|peel|fresh+type|optimal+type";

// Merges in `uf` each non-CoinJoin UTXO transaction's change address (under
// `rule`) with its first input address.
void ClusterChange(const Ledger& ledger, const Labels& labels,
                   const FirstCredits& first_credits, const ChangeRule& rule,
                   const CoinJoinRule& joins, UnionFind* uf);

std::unique_ptr<Tracer> MakeChangeTracer(const TracerOptions& options);
std::unique_ptr<Tracer> MakeChangeTracer(const TracerOptions& options,
                                         ChangeRule rule);

}  // namespace chaintrace::trace

#endif  // CHAINTRACE_SIM_TRACE_CHANGE_CLUSTER_H_
