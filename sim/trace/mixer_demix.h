#ifndef CHAINTRACE_SIM_TRACE_MIXER_DEMIX_H_
#define CHAINTRACE_SIM_TRACE_MIXER_DEMIX_H_

// Tracer "mixer_demix": follows stolen value into fixed-denomination mixing
// pools on ACCOUNT chains and out again through the demixer's links
// (sim/trace/demix.h, after Béres et al. 2021 and Wu et al. 2022). For each
// seed credit to address A at time t:
//   hop 0  the seed (score 1);
//   hop 1  every deposit into a pool made by A at or after t (whole value,
//          score 1), and the seed itself when it is a deposit;
//   hop 2  the recipient output of the withdrawal linked to each such
//          deposit (whole value, the link's score); its address is flagged
//          and, when labelled, its service is attributed the value.
// A deposit left unlinked is attributed to its mixer's service (when
// labelled): the value is lost in that mixer. The withdrawals such
// deposits may have paid are flagged at hop 2 with their anonymity-set
// share (sim/trace/demix_share.h, same window) as score, and that share of
// their value as taint; they are not attributed. Seeds on UTXO chains are
// flagged only. Respects TracerOptions::max_hops (0: no limit).
// Cost: the demixer's O(n log n), the shares' O(n log n), plus O(debits
// of the seed addresses).

#include <memory>

#include "sim/trace/demix.h"
#include "sim/trace/tracer.h"

namespace chaintrace::trace {

std::unique_ptr<Tracer> MakeMixerDemixTracer(const TracerOptions& options);
std::unique_ptr<Tracer> MakeMixerDemixTracer(const TracerOptions& options,
                                             const DemixOptions& demix);

}  // namespace chaintrace::trace

#endif  // CHAINTRACE_SIM_TRACE_MIXER_DEMIX_H_
