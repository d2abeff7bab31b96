#include "sim/trace/apportion.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <limits>

namespace chaintrace::trace {
namespace {

// Products of two amounts overflow int64; GCC and Clang provide 128-bit
// integers (__extension__ keeps -Wpedantic quiet about the extension).
__extension__ using Int128 = __int128;

constexpr std::uint32_t kLost = std::numeric_limits<std::uint32_t>::max();

// total * weight / whole and its remainder, exactly; 64-bit arithmetic when
// the product fits (the common case), 128-bit otherwise.
struct Share {
  Amount quotient;
  Amount remainder;
};
Share ShareOf(Amount total, Amount weight, Amount whole) {
  Amount product = 0;
  if (!__builtin_mul_overflow(total, weight, &product)) {
    return {product / whole, product % whole};
  }
  const Int128 exact = static_cast<Int128>(total) * weight;
  return {static_cast<Amount>(exact / whole),
          static_cast<Amount>(exact % whole)};
}

// ShareOf for several weights of one `whole` > 0 and `total` >= 0: the
// quotient is estimated in floating point (total / whole once, then one
// multiplication per weight) and corrected by one step from the exact
// 128-bit remainder, in place of an integer division per weight, which
// is most of what a split of a few slots costs otherwise. The estimate is
// within 2^-50 relative, so below 2^47 the correction is at most one; past
// that, or should it not be, the exact division is taken.
class SharesOfWhole {
 public:
  SharesOfWhole(Amount total, Amount whole)
      : total_(total),
        whole_(whole),
        scale_(static_cast<double>(total) / static_cast<double>(whole)) {}

  Share operator()(Amount weight) const {
    const Int128 product = static_cast<Int128>(total_) * weight;
    const double estimate = static_cast<double>(weight) * scale_;
    if (estimate >= 0 && estimate < 0x1p47) {
      auto q = static_cast<Amount>(estimate);
      Int128 r = product - static_cast<Int128>(q) * whole_;
      if (r < 0) {
        --q;
        r += whole_;
      } else if (r >= whole_) {
        ++q;
        r -= whole_;
      }
      if (r >= 0 && r < whole_) [[likely]] {
        return {q, static_cast<Amount>(r)};
      }
    }
    return {static_cast<Amount>(product / whole_),
            static_cast<Amount>(product % whole_)};
  }

 private:
  Amount total_;
  Amount whole_;
  double scale_;
};

Amount Sum(std::span<const Amount> values) {
  Amount sum = 0;
  for (Amount v : values) sum += v;
  return sum;
}

// Slots (outputs and fee) of a split small enough for GiveToLargestRemainders
// and ProRataFew.
constexpr std::size_t kFewSlots = 8;

// Hands `left` units (fewer than the slots) one each to the slots of the
// largest remainders, ties to the lower index, for the common few slots.
// A slot's rank in that order is counted, not found by repeated maximum:
// which slot wins is data, and branches on it are mispredicted about every
// other time, while n * n comparisons of a handful of slots are not.
template <std::size_t Extent>
[[gnu::always_inline]] inline void GiveToLargestRemainders(
    std::size_t left, std::span<const Amount, Extent> remainder,
    std::span<Amount, Extent> parts) {
  const std::size_t n = remainder.size();
  for (std::size_t i = 0; i < n; ++i) {
    const Amount r = remainder[i];
    std::size_t rank = 0;
    for (std::size_t j = 0; j < n; ++j) {
      rank += static_cast<std::size_t>((remainder[j] > r) |
                                       ((remainder[j] == r) & (j < i)));
    }
    parts[i] += static_cast<Amount>(rank < left);
  }
}

// SplitLargestRemainder of `total` over a transaction's N - 1 outputs then
// its fee, for the common few slots, in registers and on the stack: no
// scratch vectors, no copies, loops of a fixed count. The same parts: the
// `left` units go to the largest remainders, ties to the lower index
// (SplitLargestRemainder gives them with GiveToLargestRemainders too when
// the slots are few).
//
// Only the outputs' shares are computed; the fee's follows from them. The
// weights sum to `whole`, so total * whole = sum over the slots of
// (q_i * whole + r_i); with the outputs' quotients summing to G and their
// remainders to carry * whole + acc (0 <= acc < whole), the fee's share is
// q * whole + r = (total - G - carry) * whole - acc: q = total - G - carry
// and r = 0 when acc is 0, else one less and r = whole - acc. The units
// left over for the largest remainders are carry + (acc > 0).
template <std::size_t N>
Amount ProRataFew(Amount total, const Amount* outputs, Amount fee,
                  Amount* output_taint) {
  static_assert(N >= 2 && N <= kFewSlots);
  Amount whole = fee;
  for (std::size_t i = 0; i + 1 < N; ++i) whole += outputs[i];
  total = std::min(total, whole);
  if (whole <= 0 || total <= 0) {
    std::fill(output_taint, output_taint + (N - 1), 0);
    return 0;
  }
  std::array<Amount, N> part{};
  std::array<Amount, N> remainder{};
  const SharesOfWhole share_of(total, whole);
  const auto unsigned_whole = static_cast<std::uint64_t>(whole);
  Amount given = 0;
  Amount carry = 0;
  std::uint64_t acc = 0;  // < whole, so acc + a remainder fits 64 bits
  for (std::size_t i = 0; i + 1 < N; ++i) {
    const Share share = share_of(outputs[i]);
    part[i] = share.quotient;
    remainder[i] = share.remainder;
    given += share.quotient;
    acc += static_cast<std::uint64_t>(share.remainder);
    const bool wraps = acc >= unsigned_whole;
    acc -= wraps ? unsigned_whole : 0;
    carry += static_cast<Amount>(wraps);
  }
  const Amount up = static_cast<Amount>(acc > 0);
  part[N - 1] = total - given - carry - up;
  remainder[N - 1] = up != 0 ? whole - static_cast<Amount>(acc) : 0;
  GiveToLargestRemainders(static_cast<std::size_t>(carry + up),
                          std::span<const Amount, N>(remainder),
                          std::span<Amount, N>(part));
  // One store per part (copying the array lets the compiler load two stored
  // parts as one vector, which waits for the stores to drain).
  for (std::size_t i = 0; i + 1 < N; ++i) output_taint[i] = part[i];
  return part[N - 1];
}

// ProRataFew for outputs.size() < kFewSlots, so at most kFewSlots slots.
Amount ProRataFewOf(Amount total, std::span<const Amount> outputs, Amount fee,
                    std::span<Amount> output_taint) {
  const Amount* in = outputs.data();
  Amount* out = output_taint.data();
  switch (outputs.size()) {
    case 0:
      return std::min(total, fee);
    case 1:
      return ProRataFew<2>(total, in, fee, out);
    case 2:
      return ProRataFew<3>(total, in, fee, out);
    case 3:
      return ProRataFew<4>(total, in, fee, out);
    case 4:
      return ProRataFew<5>(total, in, fee, out);
    case 5:
      return ProRataFew<6>(total, in, fee, out);
    case 6:
      return ProRataFew<7>(total, in, fee, out);
    default:
      return ProRataFew<8>(total, in, fee, out);
  }
}

}  // namespace

void SplitLargestRemainder(Amount total, std::span<const Amount> weights,
                           std::span<Amount> parts, SplitScratch* scratch) {
  const std::size_t n = weights.size();
  const Amount whole = Sum(weights);
  if (whole <= 0 || total <= 0) {
    std::fill(parts.begin(), parts.end(), 0);
    return;
  }
  if (n >= 1 && n <= kFewSlots && total <= whole) {
    // The same split as ProRataFew's, whose last slot is the fee: it clips
    // the total at the whole, which changes nothing here.
    parts[n - 1] = ProRataFewOf(total, weights.first(n - 1), weights[n - 1],
                                parts.first(n - 1));
    return;
  }
  scratch->remainder.resize(n);
  const SharesOfWhole share_of(total, whole);
  Amount given = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const Share share = share_of(weights[i]);
    parts[i] = share.quotient;
    scratch->remainder[i] = share.remainder;
    given += parts[i];
  }
  // Fewer than n units are left over, one to each of the largest remainders.
  const auto left = static_cast<std::size_t>(total - given);
  if (left == 0) return;
  if (n < kFewSlots) {
    GiveToLargestRemainders(left, std::span<const Amount>(scratch->remainder),
                            parts);
    return;
  }
  if (left == 1) {
    // The first of the largest remainders.
    ++parts[static_cast<std::size_t>(
        std::max_element(scratch->remainder.begin(), scratch->remainder.end()) -
        scratch->remainder.begin())];
    return;
  }
  std::vector<std::uint32_t>& order = scratch->order;
  order.resize(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = static_cast<std::uint32_t>(i);
  const auto larger = [&](std::uint32_t a, std::uint32_t b) {
    const Amount ra = scratch->remainder[a];
    const Amount rb = scratch->remainder[b];
    return ra != rb ? ra > rb : a < b;
  };
  const auto nth = order.begin() + static_cast<std::ptrdiff_t>(left);
  std::nth_element(order.begin(), nth, order.end(), larger);
  for (auto it = order.begin(); it != nth; ++it) ++parts[*it];
}

Amount ProRataPart(Amount total, Amount part, Amount whole) {
  const Share share = ShareOf(total, part, whole);
  // The other part's remainder is (whole - remainder) % whole; with one unit
  // left over it goes to the slice when its remainder is at least as large.
  const bool up =
      share.remainder != 0 && share.remainder >= whole - share.remainder;
  return share.quotient + (up ? 1 : 0);
}

Amount Apportioner::Apportion(SplitRule rule, std::span<const Lot> inputs,
                              std::span<const Amount> outputs, Amount fee,
                              std::span<Amount> output_taint) {
  const std::size_t n = outputs.size();
  Amount taint = 0;
  for (const Lot& lot : inputs) taint += lot.taint;
  if (rule == SplitRule::kProRata) {
    return ProRata(taint, outputs, fee, output_taint);
  }
  if (rule == SplitRule::kPoison) {
    // Every output and the fee wholly, or nothing: no slots to fill.
    const bool tainted = taint > 0;
    for (std::size_t i = 0; i < n; ++i) {
      output_taint[i] = tainted ? outputs[i] : 0;
    }
    return tainted ? fee : 0;
  }
  slots_.assign(outputs.begin(), outputs.end());
  slots_.push_back(fee);
  slot_taint_.assign(n + 1, 0);

  switch (rule) {
    case SplitRule::kPoison:   // handled above
    case SplitRule::kProRata:  // handled above
      break;
    case SplitRule::kInOrder:
      if (taint > 0) FillInOrder(inputs);
      break;
    case SplitRule::kTaintFirst:
      FillTaintFirst(taint, /*highest_first=*/false, n);
      break;
    case SplitRule::kTaintHighestOut:
      FillTaintFirst(taint, /*highest_first=*/true, n);
      break;
  }
  std::copy(slot_taint_.begin(), slot_taint_.begin() + static_cast<long>(n),
            output_taint.begin());
  return slot_taint_[n];
}

Amount Apportioner::ProRata(Amount taint, std::span<const Amount> outputs,
                            Amount fee, std::span<Amount> output_taint) {
  const std::size_t n = outputs.size();
  if (n < kFewSlots) return ProRataFewOf(taint, outputs, fee, output_taint);
  slots_.assign(outputs.begin(), outputs.end());
  slots_.push_back(fee);
  slot_taint_.assign(n + 1, 0);
  SplitLargestRemainder(std::min(taint, Sum(slots_)), slots_, slot_taint_,
                        &split_);
  std::copy(slot_taint_.begin(), slot_taint_.begin() + static_cast<long>(n),
            output_taint.begin());
  return slot_taint_[n];
}

void Apportioner::FillInOrder(std::span<const Lot> inputs) {
  const std::size_t n = slots_.size();
  std::size_t j = 0;
  Amount slot_left = slots_[0];
  // Moves to the next slot with room; j == n when all are full.
  const auto next_open_slot = [&] {
    while (j < n && slot_left == 0) {
      ++j;
      if (j < n) slot_left = slots_[j];
    }
  };
  for (const Lot& lot : inputs) {
    Amount left = lot.amount;
    if (lot.taint == 0 || lot.taint == lot.amount) {
      // Wholly clean or wholly tainted: no rounding needed.
      const bool tainted = lot.taint > 0;
      while (left > 0) {
        next_open_slot();
        if (j == n) break;
        const Amount take = std::min(left, slot_left);
        if (tainted) slot_taint_[j] += take;
        left -= take;
        slot_left -= take;
      }
      continue;
    }
    weights_.clear();
    segment_slot_.clear();
    while (left > 0) {
      next_open_slot();
      if (j == n) {
        weights_.push_back(left);
        segment_slot_.push_back(kLost);
        break;
      }
      const Amount take = std::min(left, slot_left);
      weights_.push_back(take);
      segment_slot_.push_back(static_cast<std::uint32_t>(j));
      left -= take;
      slot_left -= take;
    }
    parts_.resize(weights_.size());
    SplitLargestRemainder(lot.taint, weights_, parts_, &split_);
    for (std::size_t k = 0; k < parts_.size(); ++k) {
      if (segment_slot_[k] != kLost) slot_taint_[segment_slot_[k]] += parts_[k];
    }
  }
}

void Apportioner::FillTaintFirst(Amount taint, bool highest_first,
                                 std::size_t outputs) {
  order_.resize(outputs);
  for (std::size_t i = 0; i < outputs; ++i) {
    order_[i] = static_cast<std::uint32_t>(i);
  }
  if (highest_first) {
    // A strict order (ties by index), so std::sort is deterministic and
    // needs no buffer, unlike std::stable_sort.
    std::sort(order_.begin(), order_.end(),
              [&](std::uint32_t a, std::uint32_t b) {
                return slots_[a] != slots_[b] ? slots_[a] > slots_[b] : a < b;
              });
  }
  order_.push_back(static_cast<std::uint32_t>(outputs));  // the fee, last
  for (std::uint32_t slot : order_) {
    if (taint == 0) break;
    const Amount take = std::min(taint, slots_[slot]);
    slot_taint_[slot] = take;
    taint -= take;
  }
}

}  // namespace chaintrace::trace
