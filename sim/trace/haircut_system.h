#ifndef CHAINTRACE_SIM_TRACE_HAIRCUT_SYSTEM_H_
#define CHAINTRACE_SIM_TRACE_HAIRCUT_SYSTEM_H_

// Haircut taint as a sparse linear system, solved with Eigen: the exact
// real-valued taint fraction of every output, which the integer haircut
// walk (sim/trace/taint_walk.h) rounds.
//
// UTXO chains. Let x_t be the taint flowing into transaction t and D_t its
// outputs plus fee. Haircut gives every output o of t the fraction x_t / D_t
// of its value, so an input of t spending output o of an earlier
// transaction u carries (a_o / D_u) x_u. Over the transactions the seeds
// reach, in time order,
//     x_t - sum_{inputs i of t spending o of u} (a_o / D_u) x_u = b_t,
// with b_t the seed amounts t spends: (I - W) x = b, W strictly lower
// triangular (an input spends an earlier output), one nonzero per input.
// The matrix is assembled directly in compressed row storage and solved by
// one forward substitution (Eigen's sparse triangular solve, UnitLower):
// O(inputs). Seeds, stops at labelled exchange/OTC addresses and max_hops
// follow the walk's rules; fees take their share like outputs do.
//
// ACCOUNT chains: the same system with pool states as unknowns (see the
// .cc); a debit takes balance-proportional taint from its address's pool.

#include <algorithm>
#include <vector>

#include "model/ids.h"
#include "sim/trace/tracer.h"

namespace chaintrace::trace {

// The score of an output carrying `taint` (real-valued) of its `value`:
// min(1, taint / value), 0 when either is not positive. Both solvers
// (HaircutFractions and sim/trace/haircut_exact.h) score with it, so that
// their scores are computed alike. Inline: the walk scores every
// transaction it reaches.
inline float HaircutScore(double taint, double value) {
  if (!(value > 0) || !(taint > 0)) return 0.0F;
  return static_cast<float>(std::min(1.0, taint / value));
}

// The share `amount` / `total` of a transaction's taint that one of its
// slots (an output, or the fee) carries: the system's entry w. 0 when the
// transaction moves no value (total 0), where the quotient would be NaN.
inline double SlotShare(double amount, double total) {
  return total > 0 ? amount / total : 0.0;
}

// Per OutputId of `chain`: the haircut taint fraction in [0, 1].
// Preconditions: CheckSeeds(ledger, input.seeds) is ok.
std::vector<float> HaircutFractions(const TraceInput& input, ChainId chain,
                                    const TracerOptions& options);

}  // namespace chaintrace::trace

#endif  // CHAINTRACE_SIM_TRACE_HAIRCUT_SYSTEM_H_
