#ifndef CHAINTRACE_SIM_TRACE_DEMIX_H_
#define CHAINTRACE_SIM_TRACE_DEMIX_H_

// Demixing fixed-denomination pools (sim/trace/mixer_pools.h): linking a
// deposit to the withdrawal that most likely paid it out. A link needs a
// withdrawal from the same pool, of the same asset, after the deposit by at
// most `window`, paying out the deposit less at most the relayer fee
// allowance ("compatible"). Rules, applied in this order to deposits in
// ledger order; each deposit and each withdrawal is linked at most once:
//   1. address match (score 1.0): the depositor withdraws to its own
//      address — the first compatible withdrawal to it.
//   2. multi-denomination (0.9): a depositor's deposits into two or more
//      pools of one mixer (e.g. 100 + 10 + 1 ETH) and a recipient's
//      withdrawals from exactly the same pools, each pairing compatible in
//      time order, when that depositor and that recipient are each other's
//      only such match.
//   3. gas/fee fingerprint (0.8): the deposit's transaction fee (> 0) is
//      unique to the pool: no other deposit into it pays that fee, and
//      exactly one withdrawal from it does, which is compatible.
//   4. amount and timing (0.6): exactly one compatible unlinked withdrawal
//      in the window, and that withdrawal has exactly one compatible
//      unlinked deposit in the window before it.
// Ambiguity is never resolved by guessing: two candidates mean no link.
// Sources: Béres et al. 2021, "Blockchain is Watching You: Profiling and
// Deanonymizing Ethereum Users" (address match, unique gas price,
// multi-denomination); Wu et al. 2022, "Tutela" (the same heuristics plus
// timing); Wang et al. 2023, "On How Zero-Knowledge Proof Blockchain Mixers
// Improve, and Worsen User Privacy" (timing and fee linkability).
//
// Cost: O(n log n) for n deposits and withdrawals (sorts and binary
// searches); every candidate scan stops after `max_scan` entries and then
// counts as ambiguous, so a crowded pool cannot make it quadratic.

#include <cstdint>
#include <string_view>
#include <vector>

#include "model/time.h"
#include "sim/trace/mixer_pools.h"

namespace chaintrace::trace {

enum class DemixMethod : std::uint8_t {
  kAddressMatch,
  kMultiDenomination,
  kFeeFingerprint,
  kAmountTiming,
};

std::string_view DemixMethodName(DemixMethod m);
float DemixScore(DemixMethod m);

struct DemixOptions {
  Seconds window = Seconds{7} * 86400;
  int max_scan = 64;
  MixerPoolOptions pools;
};

struct DemixLink {
  std::uint32_t deposit = 0;     // index into MixerPools::deposits
  std::uint32_t withdrawal = 0;  // index into MixerPools::withdrawals
  DemixMethod method = DemixMethod::kAddressMatch;
};

struct Demixing {
  static constexpr std::uint32_t kNoLink = 0xFFFFFFFF;
  MixerPools pools;
  // In the order they were found.
  std::vector<DemixLink> links;
  // Per deposit / withdrawal: index into `links`, or kNoLink.
  std::vector<std::uint32_t> link_of_deposit;
  std::vector<std::uint32_t> link_of_withdrawal;
};

// `activity` is read for ACCOUNT addresses only (FindMixerPools), so it may
// be built with ActivityScope::kAccountChains.
Demixing Demix(const Ledger& ledger, const Labels& labels,
               const AddressActivity& activity, const DemixOptions& options);

}  // namespace chaintrace::trace

#endif  // CHAINTRACE_SIM_TRACE_DEMIX_H_
