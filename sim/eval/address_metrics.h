#ifndef CHAINTRACE_SIM_EVAL_ADDRESS_METRICS_H_
#define CHAINTRACE_SIM_EVAL_ADDRESS_METRICS_H_

// Address-level metrics over the tracer's flagged addresses
// (TraceResult::address_flagged).
//
// Positives: addresses owned by an ATTACKER entity that receive stolen
// value (some output or credit to them carries stolen units); per attack,
// those receiving stolen units of that attack.
// Benign: addresses not owned by an ATTACKER entity that never receive
// stolen value (a cash-out deposit address is not benign: flagging it is
// the point).
//
//   ADDRESS_PRECISION     flagged positives / flagged (unset: none flagged)
//   ADDRESS_RECALL        flagged positives / positives (unset: none)
//   ADDRESS_F1            2PR / (P + R) when both are set (0 when P+R = 0)
//   COLLATERAL_ADDRESSES  flagged benign addresses
// Per attack only the recall is defined (a false positive belongs to no
// attack).

#include <cstdint>
#include <vector>

#include "model/ground_truth.h"
#include "model/ledger.h"
#include "proto/report.pb.h"
#include "sim/trace/tracer.h"

namespace chaintrace::eval {

// Ground-truth address classes, computed once per run.
struct AddressTruth {
  // Per AddressId: bit 0 owned by an ATTACKER, bit 1 receives stolen value.
  std::vector<std::uint8_t> flags;
  // Per AttackId: the positive addresses of the attack, sorted.
  std::vector<std::vector<AddressId>> positives;
  std::size_t positive_count = 0;  // over all attacks
};

inline constexpr std::uint8_t kAttackerOwned = 1;
inline constexpr std::uint8_t kReceivesStolen = 2;

AddressTruth ClassifyAddresses(const Ledger& ledger, const GroundTruth& truth);

void ComputeAddressMetrics(const AddressTruth& at,
                           const trace::TraceResult& result,
                           report::Metrics* all,
                           std::vector<report::Metrics>* per_attack);

}  // namespace chaintrace::eval

#endif  // CHAINTRACE_SIM_EVAL_ADDRESS_METRICS_H_
