#ifndef CHAINTRACE_SIM_TRACE_APPORTION_H_
#define CHAINTRACE_SIM_TRACE_APPORTION_H_

// The per-transaction apportioning rules the taint models share: how the
// taint of a transaction's inputs is split over its outputs and its fee.
// The inputs arrive as lots (value with the part of it that is tainted) in
// the order the model consumes them; the outputs are filled in order, the
// fee is the last slot ("fee paid last").
//
// Every rule but poison conserves integer taint exactly: the taints given to
// the outputs and the fee sum to min(input taint, outputs + fee). Where a
// split is pro rata it uses largest-remainder (Hamilton) rounding: each part
// is the floor of its exact share, and the units left over go to the parts
// with the largest fractional remainders, ties to the lower index. Within
// one lot taint is spread pro rata over the lot's value: a slice of a
// partly tainted lot carries the slice's share of the lot's taint (tracking
// the position of every tainted base unit would need unbounded interval
// lists per output; for lots that are wholly tainted or wholly clean, the
// common case, the two agree).
//
// Sources: Möser, Böhme and Breuker, "Towards Risk Scoring of Bitcoin
// Transactions", FC 2014 (poison, haircut); Anderson, Shumailov, Ahmed and
// Rietmann, "Bitcoin Redemption", 2018 (FIFO, Clayton's case; LIFO, TIHO);
// seniority: tainted value is senior, paid out before clean value.

#include <cstdint>
#include <span>
#include <vector>

#include "model/amount.h"

namespace chaintrace::trace {

// Value and the part of it that is tainted: 0 <= taint <= amount.
struct Lot {
  Amount amount = 0;
  Amount taint = 0;
  friend bool operator==(const Lot&, const Lot&) = default;
};

enum class SplitRule : std::uint8_t {
  // Any tainted input taints every output and the fee wholly. Not
  // conserving: each output reports its whole value.
  kPoison,
  // Every output and the fee get the input taint in proportion to value.
  kProRata,
  // Lots consumed in the order given fill the outputs in order, then the
  // fee (FIFO and LIFO; the caller orders the lots).
  kInOrder,
  // The input taint, pooled, fills the outputs in order, then the fee
  // (seniority: tainted value is spent first).
  kTaintFirst,
  // The input taint, pooled, fills the outputs from the highest value down
  // (ties: lower index first), then the fee (TIHO).
  kTaintHighestOut,
};

// Reusable buffers for SplitLargestRemainder.
struct SplitScratch {
  std::vector<Amount> remainder;
  std::vector<std::uint32_t> order;
};

// Splits `total` into parts proportional to `weights` by largest remainder;
// the parts sum to `total` (to nothing when all weights are 0). `parts` has
// weights.size() entries; part i <= weights[i] when total <= sum(weights).
// O(n). Preconditions: total >= 0, weights >= 0, sum(weights) fits int64.
void SplitLargestRemainder(Amount total, std::span<const Amount> weights,
                           std::span<Amount> parts, SplitScratch* scratch);

// The part of `total` a slice of `part` out of `whole` gets when `total` is
// split pro rata in two (largest remainder with two parts; the tie goes to
// the slice). Preconditions: 0 <= part <= whole, whole > 0, total >= 0.
Amount ProRataPart(Amount total, Amount part, Amount whole);

// Holds scratch buffers so that apportioning allocates nothing per
// transaction once warmed up. Not thread-safe; use one per thread.
class Apportioner {
 public:
  // Splits the taint of `inputs` over `outputs` (amounts, in order) and
  // `fee`: writes the taint of each output to `output_taint` (same size as
  // `outputs`) and returns the fee's taint. When the lots hold more value
  // than outputs + fee (a transaction that does not conserve value) the
  // excess and its taint are lost; when they hold less, the last slots get
  // no input value.
  // Preconditions: 0 <= lot.taint <= lot.amount; outputs >= 0; fee >= 0.
  Amount Apportion(SplitRule rule, std::span<const Lot> inputs,
                   std::span<const Amount> outputs, Amount fee,
                   std::span<Amount> output_taint);
  // Apportion(SplitRule::kProRata, ...) of lots whose taint sums to
  // `taint`: pro rata needs only the sum. Precondition: taint >= 0.
  Amount ProRata(Amount taint, std::span<const Amount> outputs, Amount fee,
                 std::span<Amount> output_taint);

 private:
  void FillInOrder(std::span<const Lot> inputs);
  void FillTaintFirst(Amount taint, bool highest_first, std::size_t outputs);

  std::vector<Amount> slots_;       // output amounts, then the fee
  std::vector<Amount> slot_taint_;  // result per slot
  std::vector<Amount> weights_;     // one lot's segment lengths
  std::vector<Amount> parts_;       // one lot's segment taints
  std::vector<std::uint32_t> segment_slot_;
  std::vector<std::uint32_t> order_;
  SplitScratch split_;
};

}  // namespace chaintrace::trace

#endif  // CHAINTRACE_SIM_TRACE_APPORTION_H_
