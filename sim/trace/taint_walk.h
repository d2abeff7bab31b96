#ifndef CHAINTRACE_SIM_TRACE_TAINT_WALK_H_
#define CHAINTRACE_SIM_TRACE_TAINT_WALK_H_

// The chain walk the taint models share: one pass over each chain's
// transactions in time order, O(inputs + outputs), carrying integer taint
// from the seeds forward.
//
// UTXO chains: a transaction's input lots are its spent outputs (amount,
// taint), apportioned to its outputs and fee by the model's SplitRule
// (sim/trace/apportion.h); LIFO consumes the inputs last to first.
// ACCOUNT chains: every (address, asset) is a pool (sim/trace/taint_pools.h);
// a debit takes lots out by the model's PoolRule, the lots taken are
// apportioned to the transaction's credits by its SplitRule in the order
// they were taken, and each credit joins its receiver's pool. Fees are paid
// in the native asset: on a token transfer the fee is debited from the first
// input address's native pool and the token taint goes to the credits only.
//
// Rules common to every model:
// - A seed sets its output's taint to the seed amount (hop 0), whatever
//   reached it from upstream.
// - Taint stops at labelled exchange (deposit or wallet) and OTC addresses:
//   the output is tainted and attributed, but the service's later spending
//   carries no taint. These are the freeze points; following value through
//   an exchange's omnibus wallets would taint its every customer. Mixers,
//   CoinJoin, bridges and DEX pools pass taint on by the model (a bridge or
//   swap to another chain leaves no on-chain link, so taint ends there; the
//   followers match those).
// - With max_hops = N > 0 a transaction N + 1 hops from the nearest seed
//   receives no taint (its inputs' input_taint is 0); on an account chain
//   the taint its debits took is dropped there.
// - With drop_fee_taint, fee_taint is 0 and the fee's share is dropped.

#include <cstdint>

#include "model/labels.h"
#include "model/status.h"
#include "sim/trace/tracer.h"

namespace chaintrace::trace {

enum class TaintModel : std::uint8_t {
  kPoison,
  kHaircut,
  kFifo,
  kLifo,
  kTiho,
  kSeniority,
};

// True for the label kinds where taint stops (exchange deposit and wallet
// addresses, OTC desks).
bool TaintStopsAt(LabelKind kind);

// Runs `model` over every chain of input.ledger. Errors: bad seeds
// (CheckSeeds). The result's output_score is empty, but for kHaircut: there
// it holds the exact real-valued fractions, solved in the same pass
// (sim/trace/haircut_exact.h).
Result<TraceResult> TraceTaint(TaintModel model, const TracerOptions& options,
                               const TraceInput& input);

}  // namespace chaintrace::trace

#endif  // CHAINTRACE_SIM_TRACE_TAINT_WALK_H_
