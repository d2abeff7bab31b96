#ifndef CHAINTRACE_SIM_TRACE_LIFO_H_
#define CHAINTRACE_SIM_TRACE_LIFO_H_

// LIFO taint: the inputs, consumed last to first, fill the outputs in order
// and the fee is paid last; on an account chain the value that arrived last
// leaves first. Conserves integer taint exactly. Source: Anderson,
// Shumailov, Ahmed and Rietmann, "Bitcoin Redemption", 2018 (LIFO as the
// alternative to Clayton's case).
// Runs on UTXO and ACCOUNT chains by the shared chain walk
// (sim/trace/taint_walk.h), which states the seed, stop, hop-limit and fee
// rules.

#include <memory>

#include "sim/trace/tracer.h"

namespace chaintrace::trace {

std::unique_ptr<Tracer> MakeLifoTracer(const TracerOptions& options);

}  // namespace chaintrace::trace

#endif  // CHAINTRACE_SIM_TRACE_LIFO_H_
