#ifndef CHAINTRACE_SIM_TRACE_TAINT_POOLS_H_
#define CHAINTRACE_SIM_TRACE_TAINT_POOLS_H_

// Per-address taint pools for ACCOUNT chains. An address's balance of one
// asset is a pool: every credit adds a lot (amount, taint) in order of
// arrival, and every debit takes value out by the model's rule. This is
// how taint models run "per address over time" on account chains (Anderson
// et al., "Bitcoin Redemption", 2018, apply Clayton's case to an account the
// same way a bank does).
//
// Storage is flat: per pool a balance, a taint total and a nearest hop; the
// lots of the ordered rules live in one arena as singly linked lists (FIFO a
// queue, LIFO a stack) with a free list, and adjacent clean lots merge, so a
// pool that never saw taint holds at most one lot and nothing is allocated
// per transaction.
//
// A debit larger than the pool's balance (an account whose earlier credits
// the ledger does not hold) takes the missing value as clean.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "model/amount.h"
#include "sim/trace/apportion.h"
#include "sim/trace/prefetch.h"

namespace chaintrace::trace {

enum class PoolRule : std::uint8_t {
  // Lots leave in order of arrival (FIFO).
  kOldestFirst,
  // The newest lot leaves first (LIFO).
  kNewestFirst,
  // A debit takes the pool's taint in proportion to value (haircut).
  kProRata,
  // A debit from a pool holding any taint is wholly tainted; the pool stays
  // poisoned until its balance reaches 0 (poison).
  kPoison,
  // A debit takes tainted value before clean value (TIHO, seniority).
  kTaintFirst,
};

class TaintPools {
 public:
  TaintPools(PoolRule rule, std::size_t pool_count);

  // Adds `lot` to `pool`; `hop` is the lot's distance from a seed (ignored
  // when the lot is clean).
  void Credit(std::size_t pool, Lot lot, std::int32_t hop);

  // Takes `amount` out of `pool`, appending the lots taken to `taken` in the
  // order the rule takes them (their amounts sum to `amount`). Returns the
  // nearest hop among the tainted lots taken, -1 when all are clean.
  std::int32_t Debit(std::size_t pool, Amount amount, std::vector<Lot>* taken);

  // A hint: starts loading `pool`'s state. Changes nothing.
  void Prefetch(std::size_t pool) const {
    PrefetchLine(balance_.data() + pool);
    PrefetchLine(taint_.data() + pool);
    PrefetchLine(hop_.data() + pool);
    if (ordered()) {
      PrefetchLine(head_.data() + pool);
      PrefetchLine(tail_.data() + pool);
    }
  }

  // A hint for a pool prefetched a while ago (its head and tail are loaded
  // by now): starts loading the lots at both ends of its list, which a
  // debit takes from and a credit may merge into. Changes nothing.
  void PrefetchEnds(std::size_t pool) const {
    if (!ordered()) return;
    if (head_[pool] != kNoLot) PrefetchLine(&lots_[head_[pool]]);
    if (tail_[pool] != kNoLot) PrefetchLine(&lots_[tail_[pool]]);
  }

  Amount balance(std::size_t pool) const { return balance_[pool]; }
  // Taint held (for kPoison: > 0 while poisoned).
  Amount taint(std::size_t pool) const { return taint_[pool]; }

 private:
  static constexpr std::uint32_t kNoLot = 0xFFFFFFFF;

  bool ordered() const {
    return rule_ == PoolRule::kOldestFirst || rule_ == PoolRule::kNewestFirst;
  }
  std::uint32_t NewLot(Lot lot, std::int32_t hop);
  void CreditLot(std::size_t pool, Lot lot, std::int32_t hop);
  std::int32_t DebitLots(std::size_t pool, Amount amount,
                         std::vector<Lot>* taken);

  PoolRule rule_;
  std::vector<Amount> balance_;
  std::vector<Amount> taint_;
  std::vector<std::int32_t> hop_;  // aggregate rules: nearest tainted credit
  std::vector<std::uint32_t> head_;
  std::vector<std::uint32_t> tail_;

  // A lot of the arena: its value, taint, hop and the next lot of its
  // pool (or of the free list). One record, so that taking a lot out reads
  // one place, not four arrays.
  struct LotNode {
    Amount amount;
    Amount taint;
    std::int32_t hop;
    std::uint32_t next;
  };
  std::vector<LotNode> lots_;
  std::uint32_t free_ = kNoLot;
};

}  // namespace chaintrace::trace

#endif  // CHAINTRACE_SIM_TRACE_TAINT_POOLS_H_
