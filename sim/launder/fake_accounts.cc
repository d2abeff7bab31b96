#include "sim/launder/fake_accounts.h"

namespace chaintrace::sim::launder {

Dest FakeAccounts::Pick(StageContext& ctx, ChainId chain, bool* fresh) {
  const std::vector<ExchangeVenue>& xs = ctx.venues->exchanges;
  // Candidate exchanges on the chain with their weights.
  std::vector<std::size_t> cand;
  std::vector<double> weight;
  const auto on_chain = [&](std::size_t x) {
    return Index(chain) < xs[x].hot.size() &&
           xs[x].hot[Index(chain)] != AddressId::kNone;
  };
  for (const ExchangeChoice& c : choices_) {
    for (std::size_t x = 0; x < xs.size(); ++x) {
      if ((c.name.empty() || xs[x].name == c.name) && on_chain(x)) {
        cand.push_back(x);
        weight.push_back(c.weight);
      }
    }
  }
  if (choices_.empty()) {
    for (std::size_t x = 0; x < xs.size(); ++x) {
      if (on_chain(x)) {
        cand.push_back(x);
        weight.push_back(1.0);
      }
    }
  }
  Dest d;
  d.kind = DestKind::kCashOut;
  if (cand.empty()) return d;
  double total = 0;
  for (double w : weight) total += w;
  double u = ctx.rng->Uniform01() * total;
  std::size_t k = 0;
  while (k + 1 < cand.size() && u >= weight[k]) u -= weight[k++];
  const std::size_t x = cand[k];
  // An existing account at x on this chain, or a new one while fewer than
  // per_exchange_ exist.
  std::vector<std::size_t> mine;
  for (std::size_t i = 0; i < accounts_.size(); ++i) {
    if (accounts_[i].exchange == x && accounts_[i].chain == chain) {
      mine.push_back(i);
    }
  }
  if (fresh != nullptr) *fresh = false;
  if (static_cast<int>(mine.size()) < per_exchange_ &&
      (mine.empty() || ctx.rng->Bernoulli(0.5))) {
    accounts_.push_back(Account{
        x, chain, ctx.venues->NewFakeAccountDeposit(x, chain, *ctx.rng)});
    if (fresh != nullptr) *fresh = true;
    mine.push_back(accounts_.size() - 1);
    d.address = accounts_.back().deposit;
  } else {
    d.address = accounts_[mine[ctx.rng->Below(mine.size())]].deposit;
  }
  d.venue = xs[x].entity;
  d.exchange = x;
  return d;
}

}  // namespace chaintrace::sim::launder
