#ifndef CHAINTRACE_SIM_TRACE_BRIDGE_MATCH_H_
#define CHAINTRACE_SIM_TRACE_BRIDGE_MATCH_H_

// Tracer "bridge_match": follows stolen value through bridges (a lock on
// one chain released on another) and DEX swaps (one asset in, another
// out), using the matching of sim/trace/service_match.h (Mazorra et al.
// 2023 for bridges; the same amount/time/address method for swaps). For
// each seed output:
//   hop 0  the seed (score 1);
//   hop 1  each transfer into a bridge or DEX that moves the seed onward
//          (sim/trace/address_activity.h, ForEachOnwardOutput), or the seed
//          itself when it is one (then at hop 0); whole value, score 1;
//   hop 2  the matched transfer out (whole value, the match's score): its
//          recipient is flagged and, when labelled, attributed the value.
// An unmatched transfer in is attributed to its bridge's or DEX's service.
// Respects TracerOptions::max_hops (0: no limit).
// Cost: matching's O(n log n) plus the seeds' onward outputs.

#include <memory>

#include "sim/trace/tracer.h"

namespace chaintrace::trace {

std::unique_ptr<Tracer> MakeBridgeMatchTracer(const TracerOptions& options);

}  // namespace chaintrace::trace

#endif  // CHAINTRACE_SIM_TRACE_BRIDGE_MATCH_H_
