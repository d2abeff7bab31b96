#ifndef CHAINTRACE_SIM_TRACE_ANALYST_H_
#define CHAINTRACE_SIM_TRACE_ANALYST_H_

// Tracer "analyst": the investigator's answer to "who received the stolen
// funds". It follows the seeds' value forward, in time order, through
//   - plain transfers: on UTXO chains a transaction passes the followed
//     value of its inputs to its outputs pro rata to their values (the fee's
//     share is dropped); on ACCOUNT chains an address is a pool and its next
//     debits of the same asset after a credit carry the credit, first come
//     first served, up to each debit's amount;
//   - change and peels: both sides of a UTXO split are followed; in a
//     transaction spending only followed value, the change (named by
//     sim/trace/peel_follower.h's rule) is followed however small it gets,
//     so a peel chain is walked to its end;
//   - mixers, by the demixer's links (sim/trace/demix.h);
//   - bridges and swaps, by their matches (sim/trace/service_match.h), the
//     value scaled to the matched payout;
// and stops where a freeze request would go: at an address labelled as an
// exchange (deposit or wallet) or OTC desk, at an unlabelled address whose
// multi-input cluster carries one such service's label and no other, and at
// an unlabelled deposit address sweeping into such a service's hot wallet
// (sim/trace/deposit_cluster.h). The value arriving there is attributed to
// that service. Value entering a mixer, bridge, DEX or CoinJoin that cannot
// be linked out is attributed to that service when labelled (the trail
// ends there). Following also stops after TracerOptions::max_hops
// transactions from a seed (0 means kDefaultAnalystHops) and at outputs
// carrying less than kMinFollowShare of their seeds' value (tiny shares of
// background payments; the peel-chain change is exempt).
//
// Results: output_taint is the followed amount (<= the output's value),
// output_hop the hops from the nearest seed, no scores, no clusters.
// Sources: Meiklejohn et al. 2013, section 6 (following thefts to
// exchanges); Kappos et al. 2022 (peel chains); Victor 2020 (deposit
// addresses); Béres et al. 2021 (demixing); Mazorra et al. 2023 (bridges).
//
// Cost: building the indices is O(n log n) in ledger size; following
// processes each reached output and transaction a bounded number of times
// through a priority queue, O(m log m) for m of them.

#include <cstdint>
#include <memory>

#include "sim/trace/tracer.h"

namespace chaintrace::trace {

// Enough for the longest documented peel chain (146 hops) with its
// approach and cash-out.
inline constexpr int kDefaultAnalystHops = 200;
inline constexpr double kMinFollowShare = 1e-3;

std::unique_ptr<Tracer> MakeAnalystTracer(const TracerOptions& options);

}  // namespace chaintrace::trace

#endif  // CHAINTRACE_SIM_TRACE_ANALYST_H_
