#include "sim/trace/haircut_exact.h"

#include <algorithm>

#include "model/huge_pages.h"
#include "sim/trace/haircut_system.h"

namespace chaintrace::trace {

ExactHaircutUtxo::ExactHaircutUtxo(std::size_t outputs, int max_hops)
    : real_(outputs), max_hops_(max_hops) {
  if (max_hops_ > 0) AssignHuge<std::int32_t>(&hop_, outputs, -1);
  AssignHuge(&score_, outputs, 0.0F);
}

void ExactHaircutUtxo::Seed(std::size_t output, Amount seed, Amount value,
                            bool stop) {
  const auto real = static_cast<double>(seed);
  score_[output] = HaircutScore(real, static_cast<double>(value));
  const bool taints = seed > 0 && !stop;
  real_[output] = taints ? -real : 0.0;
  if (!hop_.empty()) hop_[output] = taints ? 0 : -1;
}

HaircutAccountPools::HaircutAccountPools(std::size_t pools, std::size_t outputs,
                                         int max_hops)
    : pool_(pools), max_hops_(max_hops) {
  AssignHuge(&score_, outputs, 0.0F);
}

std::int32_t HaircutAccountPools::Debit(std::size_t pool, Amount amount,
                                        bool counts, std::vector<Lot>* taken) {
  if (amount <= 0) return -1;
  Pool& p = pool_[pool];
  const Amount take = std::min(amount, std::max<Amount>(p.balance, 0));
  if (take <= 0) {
    taken->push_back(Lot{amount, 0});
    return -1;
  }
  // Real: the debit's share of the pool's state.
  if (p.real_hop >= 0) {
    const auto balance = static_cast<double>(p.balance);
    if (counts) terms_ += static_cast<double>(take) / balance * p.state;
    if (take == p.balance) {
      p.real_hop = -1;
    } else {
      p.state = static_cast<double>(p.balance - take) / balance * p.state;
    }
  }
  // Integer: the debit's pro-rata part of the pool's taint.
  const Amount tainted = ProRataPart(p.taint, take, p.balance);
  const std::int32_t hop = tainted > 0 ? p.hop : -1;
  p.taint -= tainted;
  if (p.taint == 0) p.hop = -1;
  p.balance -= take;
  taken->push_back(Lot{take, tainted});
  if (amount > take) taken->push_back(Lot{amount - take, 0});
  return hop;
}

void HaircutAccountPools::EndDebits(Amount total) {
  reached_ = hop_in_ >= 0 && !BeyondLimit(hop_in_);
  tx_hop_ = hop_in_ + 1;
  hop_in_ = -1;
  x_ = reached_ ? terms_ : 0.0;
  terms_ = 0;
  total_ = static_cast<double>(total);
}

void HaircutAccountPools::Credit(std::size_t output, std::size_t pool, Lot lot,
                                 std::int32_t hop, Amount seed, bool stop) {
  Pool& p = pool_[pool];
  const Amount amount = lot.amount;
  const bool seeded = seed >= 0;
  if (seeded) {
    score_[output] =
        HaircutScore(static_cast<double>(seed), static_cast<double>(amount));
  } else if (reached_) {
    score_[output] = HaircutScore(x_, total_);
  }
  const bool tainted = seeded ? seed > 0 : reached_;
  if (tainted && !stop) {
    // The pool's next state: the seed (or 0), plus the previous state, plus
    // the credit's share of the transaction's row.
    double x = seeded ? static_cast<double>(seed) : 0.0;
    if (p.real_hop >= 0) x += p.state;
    if (!seeded) x += SlotShare(static_cast<double>(amount), total_) * x_;
    p.state = x;
    p.real_hop = NearerHop(p.real_hop, seeded ? 0 : tx_hop_);
  }
  if (amount <= 0) return;
  p.balance += amount;
  if (lot.taint > 0) {
    p.taint += lot.taint;
    p.hop = NearerHop(p.hop, hop);
  }
}

}  // namespace chaintrace::trace
