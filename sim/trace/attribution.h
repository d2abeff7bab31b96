#ifndef CHAINTRACE_SIM_TRACE_ATTRIBUTION_H_
#define CHAINTRACE_SIM_TRACE_ATTRIBUTION_H_

// What a tracer's per-output answer means to an investigator: the
// addresses it flags and the value it sees arrive at each labelled service
// (the freeze requests to send). Shared by the tracers so that every one
// answers these the same way.

#include "model/labels.h"
#include "model/ledger.h"
#include "sim/trace/tracer.h"

namespace chaintrace::trace {

// From `result`'s output_taint and output_hop, sets address_flagged (the
// receiving address of every output with taint > 0), attributions (per
// labelled service and asset, the sum of the taint of the outputs paid to
// the service's addresses; `labels` may be null) and max_hop (the largest
// output_hop). A service that passes value on (a mixer) and the service it
// reaches next are both credited with it: attributions answer "how much
// reached this service", not a partition of the stolen value.
void FlagAndAttribute(const Ledger& ledger, const Labels* labels,
                      TraceResult* result);

}  // namespace chaintrace::trace

#endif  // CHAINTRACE_SIM_TRACE_ATTRIBUTION_H_
