#ifndef CHAINTRACE_SIM_TRACE_SENIORITY_H_
#define CHAINTRACE_SIM_TRACE_SENIORITY_H_

// Seniority taint: tainted value is spent first whatever the input order;
// the input taint fills the outputs in order, then the fee; on an account
// chain a debit takes tainted value before clean. Conserves integer taint
// exactly. Source: the "tainted value is senior" policy discussed by
// Anderson, Shumailov, Ahmed and Rietmann, "Bitcoin Redemption", 2018.
// Runs on UTXO and ACCOUNT chains by the shared chain walk
// (sim/trace/taint_walk.h), which states the seed, stop, hop-limit and fee
// rules.

#include <memory>

#include "sim/trace/tracer.h"

namespace chaintrace::trace {

std::unique_ptr<Tracer> MakeSeniorityTracer(const TracerOptions& options);

}  // namespace chaintrace::trace

#endif  // CHAINTRACE_SIM_TRACE_SENIORITY_H_
