#ifndef CHAINTRACE_SIM_TRACE_FIFO_H_
#define CHAINTRACE_SIM_TRACE_FIFO_H_

// FIFO taint (Clayton's case): the inputs, consumed in order, fill the
// outputs in order and the fee is paid last; on an account chain value
// leaves an address in the order it arrived. Conserves integer taint exactly
// (a slice of a partly tainted lot carries its pro-rata share, by largest
// remainder). Source: Anderson, Shumailov, Ahmed and Rietmann, "Bitcoin
// Redemption", 2018; Devaynes v Noble (Clayton's case), 1816.
// Runs on UTXO and ACCOUNT chains by the shared chain walk
// (sim/trace/taint_walk.h), which states the seed, stop, hop-limit and fee
// rules.

#include <memory>

#include "sim/trace/tracer.h"

namespace chaintrace::trace {

std::unique_ptr<Tracer> MakeFifoTracer(const TracerOptions& options);

}  // namespace chaintrace::trace

#endif  // CHAINTRACE_SIM_TRACE_FIFO_H_
