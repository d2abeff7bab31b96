#ifndef CHAINTRACE_SIM_TRACE_HAIRCUT_EXACT_H_
#define CHAINTRACE_SIM_TRACE_HAIRCUT_EXACT_H_

// The exact real-valued haircut fractions, solved in the same pass as the
// integer haircut walk (sim/trace/taint_walk.h).
//
// They are the solution of the sparse system of sim/trace/haircut_system.h,
// (I - W) x = b with W strictly lower triangular: every row refers only to
// earlier rows, and the walk meets the rows in exactly the order forward
// substitution solves them (a transaction's row after the rows of the
// outputs it spends; on an account chain a pool's states in the order of
// its debits and credits). So each row is solved the moment the walk
// reaches it, and the matrix is never assembled: the walk reads a spent
// output once for the integer taint and the real fraction together, and
// nothing per input is stored. The arithmetic is that of Eigen's
// forward substitution over the assembled rows, x_r = b_r + sum w x_c, but
// for the order of the operations on UTXO chains (the terms are summed in
// input order, then added to b_r, which is 0 but in rows that spend a seed;
// an output's term is amount * (x / total), one division per row, where the
// system has (amount / total) * x), so the fractions agree with
// HaircutFractions to a few units in the last place of a double;
// tests/sim/trace/haircut_exact_test.cc checks that on random ledgers, to 4
// units in the last place of the float scores.
// Seeds, stops at labelled exchange/OTC addresses, max_hops and the fee's
// share follow haircut_system.h; in particular a transaction is reached when
// real taint reaches it, even where the integer taint has rounded to 0.
//
// Memory: 8 bytes per output (UTXO; 12 with a hop limit) or 32 per pool
// (ACCOUNT, the integer pools included) plus the scores; nothing is
// allocated per transaction.

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "model/amount.h"
#include "model/huge_pages.h"
#include "sim/trace/apportion.h"
#include "sim/trace/haircut_system.h"
#include "sim/trace/hop.h"
#include "sim/trace/prefetch.h"

namespace chaintrace::trace {

// One UTXO chain. Per transaction, in order: Spend each input's output,
// then EndTx, then Seed the transaction's seeded outputs.
class ExactHaircutUtxo {
 public:
  ExactHaircutUtxo(std::size_t outputs, int max_hops);

  void Prefetch(std::size_t output) const {
    PrefetchLine(real_.data() + output);
  }
  // Adds what the spent `output` brings to the current transaction's row.
  void Spend(std::size_t output) {
    const double v = real_[output];
    std::int32_t hop = 0;
    if (hop_.empty()) {
      if (v == 0) return;
    } else {
      hop = hop_[output];
      if (hop < 0) return;
    }
    hop_in_ = NearerHop(hop_in_, hop);
    if (v < 0) {
      rhs_ -= v;  // a seed: the right-hand side
    } else {
      terms_ += v;
    }
  }
  // Solves the current transaction's row; its outputs `amounts` (ids from
  // `first`) and its fee share the result. `stop[k]` != 0: output k is at
  // an address where taint stops (empty: none does).
  // Inline: the walk calls it once per transaction.
  void EndTx(std::size_t first, std::span<const Amount> amounts, Amount fee,
             std::span<const std::uint8_t> stop) {
    const std::int32_t hop_in = hop_in_;
    hop_in_ = -1;
    const double x = rhs_ + terms_;  // x = b + sum of w * x_column
    rhs_ = 0;
    terms_ = 0;
    if (hop_in < 0 || BeyondLimit(hop_in)) return;
    Amount sum = fee;
    for (Amount a : amounts) sum += a;
    // Every output and the fee carry the share x / total of their value
    // (w * x with w = amount / total, the row's entry in the system).
    const auto total = static_cast<double>(sum);
    const double share = total > 0 ? x / total : 0.0;
    const float score = HaircutScore(x, total);
    for (std::size_t k = 0; k < amounts.size(); ++k) {
      score_[first + k] = score;
      if (!stop.empty() && stop[k] != 0) continue;
      real_[first + k] = static_cast<double>(amounts[k]) * share;
      if (!hop_.empty()) hop_[first + k] = hop_in + 1;
    }
  }
  // Makes `output` a seed of `seed` base units (already capped at its
  // value); `stop`: its address is one where taint stops.
  void Seed(std::size_t output, Amount seed, Amount value, bool stop);

  // Per output: the fraction in [0, 1]. Leaves the object empty.
  std::vector<float> TakeScores() { return std::move(score_); }

 private:
  bool BeyondLimit(std::int32_t hop_in) const {
    return max_hops_ > 0 && hop_in + 1 > max_hops_;
  }

  // Per output, what an input spending it brings: 0 nothing, > 0 its real
  // taint w * x_row, < 0 minus a seed amount (right-hand side). Without a
  // hop limit that is all a row needs: an input whose real taint is exactly
  // 0 brings nothing to any row downstream either, reached or not. With
  // one, hop_ holds each output's hop from a seed (-1: not reached), so
  // that rows beyond the limit are found.
  HugeVector<double> real_;
  std::vector<std::int32_t> hop_;
  std::vector<float> score_;
  int max_hops_;
  double rhs_ = 0;
  double terms_ = 0;  // sum of w * x over the inputs so far, in input order
  std::int32_t hop_in_ = -1;
};

// One ACCOUNT chain: the haircut pools, integer and exact in one record.
// The integer side is TaintPools' pro-rata rule (sim/trace/taint_pools.h):
// a debit takes ProRataPart of the pool's taint; an overdraft is clean.
// The exact side's unknowns are the transactions' debits and the
// successive states of every pool holding real taint. Both read and write
// the same pool at the same moments, so one 32-byte record per pool holds
// the balance they share, the integer taint and hop, and the real state and
// hop: one cache line per pool touched instead of one per array, which is
// what a walk over pools scattered over the address table waits on.
// Per transaction, in order: Reach each input's pool, Debit each input
// (then the fee of a token transfer, counts = false), EndDebits, then
// Credit each output.
class HaircutAccountPools {
 public:
  HaircutAccountPools(std::size_t pools, std::size_t outputs, int max_hops);

  void Prefetch(std::size_t pool) const { PrefetchLine(pool_.data() + pool); }
  // A debit from `pool` is about to happen: the transaction is as near a
  // seed as the pool's real taint.
  void Reach(std::size_t pool) {
    const Pool& p = pool_[pool];
    if (p.real_hop >= 0 && p.balance > 0) {
      hop_in_ = NearerHop(hop_in_, p.real_hop);
    }
  }
  // Takes `amount` out of `pool` (the part above its balance is a clean
  // overdraft). Appends the integer lots taken to `taken` and returns the
  // nearest integer hop among the tainted ones (-1: none), as
  // TaintPools::Debit; `counts`: the real taint taken enters the
  // transaction's row.
  std::int32_t Debit(std::size_t pool, Amount amount, bool counts,
                     std::vector<Lot>* taken);
  // Solves the transaction's row; `total`: its credits plus the fee when
  // the fee shares the taint (native transfers).
  void EndDebits(Amount total);
  // Credits `lot` (integer taint `lot.taint`, `hop` hops from a seed) to
  // `pool` as output `output`; `seed` < 0: not a seed. `stop`: the
  // receiving address is one where taint stops (the caller passes
  // lot.taint 0 there).
  void Credit(std::size_t output, std::size_t pool, Lot lot, std::int32_t hop,
              Amount seed, bool stop);

  Amount balance(std::size_t pool) const { return pool_[pool].balance; }
  Amount taint(std::size_t pool) const { return pool_[pool].taint; }
  // Per output: the fraction in [0, 1]. Leaves the object empty.
  std::vector<float> TakeScores() { return std::move(score_); }

 private:
  struct alignas(32) Pool {
    Amount balance = 0;
    Amount taint = 0;            // integer taint held
    double state = 0;            // real taint held, valid when real_hop >= 0
    std::int32_t hop = -1;       // nearest integer-tainted credit
    std::int32_t real_hop = -1;  // -1: real taint has not reached the pool
  };
  static_assert(sizeof(Pool) == 32);
  bool BeyondLimit(std::int32_t hop_in) const {
    return max_hops_ > 0 && hop_in + 1 > max_hops_;
  }

  HugeVector<Pool> pool_;
  std::vector<float> score_;
  int max_hops_;
  std::int32_t hop_in_ = -1;
  bool reached_ = false;     // the current transaction
  std::int32_t tx_hop_ = 0;  // hop of its credits
  double x_ = 0;             // its row's solution
  double total_ = 0;
  double terms_ = 0;  // sum of the counted debits' real taint, in order
};

}  // namespace chaintrace::trace

#endif  // CHAINTRACE_SIM_TRACE_HAIRCUT_EXACT_H_
