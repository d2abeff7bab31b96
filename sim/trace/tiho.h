#ifndef CHAINTRACE_SIM_TRACE_TIHO_H_
#define CHAINTRACE_SIM_TRACE_TIHO_H_

// TIHO taint (taint in, highest out): the transaction's input taint goes to
// its highest-value outputs first (ties: lower index first), the fee last;
// on an account chain a debit takes tainted value before clean. Conserves
// integer taint exactly. Source: Anderson, Shumailov, Ahmed and Rietmann,
// "Bitcoin Redemption", 2018 (TIHO).
// Runs on UTXO and ACCOUNT chains by the shared chain walk
// (sim/trace/taint_walk.h), which states the seed, stop, hop-limit and fee
// rules.

#include <memory>

#include "sim/trace/tracer.h"

namespace chaintrace::trace {

std::unique_ptr<Tracer> MakeTihoTracer(const TracerOptions& options);

}  // namespace chaintrace::trace

#endif  // CHAINTRACE_SIM_TRACE_TIHO_H_
