#ifndef CHAINTRACE_SIM_TRACE_HAIRCUT_H_
#define CHAINTRACE_SIM_TRACE_HAIRCUT_H_

// Haircut taint: every output gets the transaction's input taint in
// proportion to its value (the fee too); on an account chain a debit takes
// the address's taint in proportion to the balance it takes. Integer taint
// is apportioned by largest remainder and conserved exactly; output_score is
// the exact real-valued fraction from the sparse linear system
// (sim/trace/haircut_system.h), which the integer taint rounds; the walk
// solves it by forward substitution as it goes (sim/trace/haircut_exact.h),
// and the Eigen solve of the assembled system is the reference it is tested
// against.
// Source: Möser, Böhme and Breuker, "Towards Risk Scoring of Bitcoin
// Transactions", FC 2014 (the haircut policy).
// Runs on UTXO and ACCOUNT chains by the shared chain walk
// (sim/trace/taint_walk.h), which states the seed, stop, hop-limit and fee
// rules.

#include <memory>

#include "sim/trace/tracer.h"

namespace chaintrace::trace {

std::unique_ptr<Tracer> MakeHaircutTracer(const TracerOptions& options);

}  // namespace chaintrace::trace

#endif  // CHAINTRACE_SIM_TRACE_HAIRCUT_H_
