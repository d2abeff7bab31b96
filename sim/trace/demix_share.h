#ifndef CHAINTRACE_SIM_TRACE_DEMIX_SHARE_H_
#define CHAINTRACE_SIM_TRACE_DEMIX_SHARE_H_

// Anonymity-set shares of pool withdrawals the demixer (sim/trace/demix.h)
// could not link: the probability that a withdrawal pays out one of a
// followed set of deposits, when every deposit that could have paid it is
// equally likely. The deposits that could have paid withdrawal w (its
// anonymity set) are the unlinked deposits d with
//   d.pool == w.pool, d.asset == w.asset,
//   w.time - window <= d.time < w.time, PaysOut(d.amount, w.amount);
// share(w) = |followed ones among them| / |all of them|, 0 when there are
// none or w is linked. A followed depositor alone in a quiet pool gets
// share 1 for the withdrawals after its deposits; every other user's
// deposit in the window dilutes it, so the share falls about as one over
// the number of same-denomination deposits in the window: the anonymity
// set the pool was built to give. Sources: Wang et al. 2023, "On How
// Zero-Knowledge Proof Blockchain Mixers Improve, and Worsen User Privacy"
// (the anonymity set of a withdrawal is the deposits before it, shrunk by
// the linking heuristics); Wu et al. 2022, "Tutela" (anonymity score per
// deposit, a depositor's own deposits giving it no cover).
//
// Cost: O((deposits + withdrawals) log deposits) for pools of one
// denomination each; a pool receiving k distinct amounts costs k binary
// searches per withdrawal.

#include <cstdint>
#include <vector>

#include "model/time.h"
#include "sim/trace/demix.h"

namespace chaintrace::trace {

// `followed` has one entry per deposit of `demix.pools` (non-zero:
// followed). Returns one share in [0, 1] per withdrawal.
std::vector<float> WithdrawalShares(const Demixing& demix,
                                    const std::vector<std::uint8_t>& followed,
                                    Seconds window, Amount max_fee_bp);

}  // namespace chaintrace::trace

#endif  // CHAINTRACE_SIM_TRACE_DEMIX_SHARE_H_
