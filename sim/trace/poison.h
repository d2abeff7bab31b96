#ifndef CHAINTRACE_SIM_TRACE_POISON_H_
#define CHAINTRACE_SIM_TRACE_POISON_H_

// Poison taint: any tainted input taints every output of the transaction
// wholly (and the fee); on an account chain a debit from an address holding
// any taint is wholly tainted, until the address's balance returns to 0.
// Not conserving by nature: each tainted output reports its whole value, so
// sums of taint overstate the stolen value; it bounds what is reachable.
// Source: Möser, Böhme and Breuker, "Towards Risk Scoring of Bitcoin
// Transactions", FC 2014 (the poison policy).
// Runs on UTXO and ACCOUNT chains by the shared chain walk
// (sim/trace/taint_walk.h), which states the seed, stop, hop-limit and fee
// rules.

#include <memory>

#include "sim/trace/tracer.h"

namespace chaintrace::trace {

std::unique_ptr<Tracer> MakePoisonTracer(const TracerOptions& options);

}  // namespace chaintrace::trace

#endif  // CHAINTRACE_SIM_TRACE_POISON_H_
