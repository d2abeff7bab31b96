#ifndef CHAINTRACE_SIM_TRACE_PEEL_FOLLOWER_H_
#define CHAINTRACE_SIM_TRACE_PEEL_FOLLOWER_H_

// Peel-chain follower. Kappos et al. 2022, "How to Peel a Million:
// Validating and Expanding Bitcoin Clusters" (following peel chains hop by
// hop along the change); Meiklejohn et al. 2013, section 6 (following the
// thefts' peel chains by hand). From each UTXO seed output, repeatedly:
//   t = the transaction spending the current output (stop if unspent, if
//       t is a CoinJoin, if t was already followed, or beyond max_hops);
//   the change of t is its only output, else the output named by
//       kDefaultPeelRule, else — for a 1-input 2-output transaction whose
//       larger output is at least twice the smaller — the larger output
//       (a peel is the small part taken off the chain);
//   every other output of t is a peel: flagged with its whole value at hop
//       h, and attributed to its service when its address is labelled;
//   the change is flagged (whole value, hop h) and followed, unless its
//       address is labelled: then its value is attributed and the chain
//       ends there.
// When no change is found, all outputs of t are flagged and the chain ends;
// when t is a split — one input, 2 to 20 outputs, none at a labelled
// address — every output starts a chain of its own at hop h + 1, since
// launderers split a haul before peeling each part (the 2017-19 pattern:
// Chainalysis 2022; the UN Panel's peel chains).
// Seeds on ACCOUNT chains are flagged but not followed (account chains
// have no change; the analyst tracer follows them). Seed outputs carry the
// seed amount, all others their whole value. No clusters, no scores.
// O(seeds + hops followed): each transaction is visited at most once.

#include <memory>
#include <string_view>

#include "sim/trace/change_rule.h"
#include "sim/trace/tracer.h"

namespace chaintrace::trace {

// Peel-shape continuation, the scripted fixed fee, or self-change.
inline constexpr std::string_view kDefaultPeelRule = "peel|fee|reuse";

std::unique_ptr<Tracer> MakePeelFollowerTracer(const TracerOptions& options);
std::unique_ptr<Tracer> MakePeelFollowerTracer(const TracerOptions& options,
                                               ChangeRule rule);

}  // namespace chaintrace::trace

#endif  // CHAINTRACE_SIM_TRACE_PEEL_FOLLOWER_H_
