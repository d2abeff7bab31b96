// Wasabi 2 (WabiSabi) style CoinJoin rounds, CoinJoinCoordinator.style
// MULTI_DENOMINATION. Every round_interval, N users each bring up to three
// coins worth about the coordinator's `denomination` (log-normal around it,
// sigma 1; a wallet registers whole coins, so a user holding one large coin
// brings all of it) and get their value back in outputs of the standard
// denominations (model/standard_denominations.h), largest first, at most 8
// (an attacker seat: as many as its stage asked for, 20). Each participant
// pays the coordinator fee_bps of its input and the mining fee of its own
// inputs and outputs; a remainder of at least the smallest denomination
// (5,000 sat, Wasabi 2's minimum output) is its change, a smaller one goes
// to the miners, so change is rare. The coordinator keeps its fees minus the
// transaction's fixed part. Inputs and outputs are ordered by value,
// largest first, as Wasabi 2 orders them. Sources: the WabiSabi amount
// organisation (zkSNACKs 2021); Gavenda et al. 2025 on the shape of real
// Wasabi 2 rounds.

#include <algorithm>
#include <cstdint>
#include <vector>

#include "model/standard_denominations.h"
#include "sim/launder/moves.h"
#include "sim/world/simulation.h"

namespace chaintrace::sim {
namespace {

constexpr int kBenignOutputs = 8;
constexpr std::size_t kBenignCoins = 3;

}  // namespace

using launder::Bps;

void Simulation::OnMultiDenominationRound(const Event& e) {
  CoinJoinState& c = coinjoins_[e.a];
  Rng& rng = c.rng;
  const Seconds t = e.time;
  const ChainParams& params = world_.params(c.chain);
  const double rate = params.fee_rate.At(t);
  const Amount out_fee = VbytesFee(rate, params.output_vbytes);
  const int want =
      static_cast<int>(rng.Between(c.min_participants, c.max_participants));
  coins_.clear();
  outs_.clear();
  std::vector<CoinJoinJoiner> joined;
  std::vector<Amount> split;
  Amount coordinator_fees = 0;
  const TxStore& store = file_->ledger.txs(c.chain);
  for (int tries = 0;
       tries < want * 3 && static_cast<int>(joined.size()) < want; ++tries) {
    const EntityId user = RandomUser(c.chain, rng, false);
    if (user == EntityId::kNone) break;
    if (HasJoined(joined, user)) continue;
    const auto target = static_cast<Amount>(
        rng.LogNormal(static_cast<double>(c.denomination), 1.0));
    const std::size_t first = coins_.size();
    const Amount got =
        target > 0 ? world_.TakeCoins(c.chain, user, Purse::kMain, target,
                                      kBenignCoins, CoinOrder::kNewestFirst,
                                      rng, &coins_)
                   : 0;
    if (got == 0) continue;
    const auto n_in = static_cast<std::int64_t>(coins_.size() - first);
    const Amount fee = Bps(got, c.fee_bps);
    // The change output's mining fee is set aside first.
    const Amount available =
        got - fee - VbytesFee(rate, params.input_vbytes * n_in) - out_fee;
    split.clear();
    const Amount rest = SplitIntoStandardDenominations(available, out_fee,
                                                       kBenignOutputs, &split);
    if (split.empty()) {  // too small to mix: keeps its coins
      world_.ReturnCoins(c.chain, user, Purse::kMain,
                         std::span<const OutputId>(coins_).subspan(first));
      coins_.resize(first);
      continue;
    }
    joined.push_back(CoinJoinJoiner{user, first, coins_.size() - first});
    for (Amount v : split) {
      outs_.push_back(OutputSpec{
          world_.NewAddress(c.chain, user, AddressRole::kPersonal, rng), v});
    }
    if (rest >= kMinStandardDenomination) {
      outs_.push_back(OutputSpec{
          world_.NewAddress(c.chain, user, AddressRole::kPersonal, rng), rest});
    }
    coordinator_fees += fee;
  }
  // Attackers waiting for this coordinator take their seats.
  const std::vector<CoinJoinSeatRef> seated =
      SeatAttackersMultiDenomination(c, rate, &coordinator_fees);
  const bool ready =
      static_cast<int>(joined.size() + seated.size()) >= c.min_participants;
  std::vector<OutputId> ordered;
  if (ready) {
    PayCoordinator(c, rate, coordinator_fees);
    // Largest first; ties by coin id and output address, so the order is
    // deterministic.
    ordered = coins_;
    std::sort(ordered.begin(), ordered.end(), [&](OutputId a, OutputId b) {
      const Amount va = store.output_amount(a);
      const Amount vb = store.output_amount(b);
      return va != vb ? va > vb : Index(a) < Index(b);
    });
    std::sort(outs_.begin(), outs_.end(),
              [](const OutputSpec& a, const OutputSpec& b) {
                return a.amount != b.amount
                           ? a.amount > b.amount
                           : Index(a.address) < Index(b.address);
              });
  }
  CloseCoinJoinRound(c, e, ready, ordered, seated, joined);
}

std::vector<Simulation::CoinJoinSeatRef>
Simulation::SeatAttackersMultiDenomination(CoinJoinState& c, double rate,
                                           Amount* coordinator_fees) {
  std::vector<CoinJoinSeatRef> seated;
  const ChainParams& params = world_.params(c.chain);
  const TxStore& store = file_->ledger.txs(c.chain);
  const Amount out_fee = VbytesFee(rate, params.output_vbytes);
  std::vector<Amount> split;
  for (const CoinJoinSeatRef& ref : c.seats) {
    launder::CoinJoinSeat& s = *ref.seat;
    Amount in = 0;
    for (OutputId o : s.coins) in += store.output_amount(o);
    const Amount fee = Bps(in, c.fee_bps);
    const Amount available =
        in - fee -
        VbytesFee(rate, params.input_vbytes *
                            static_cast<std::int64_t>(s.coins.size())) -
        out_fee;
    split.clear();
    const Amount rest = SplitIntoStandardDenominations(
        available, out_fee, static_cast<int>(s.equal_to.size()), &split);
    if (split.empty()) {
      s.done = true;  // cannot afford one output: not seated
      Schedule(world_.now(), Ev::kLaunder, ref.run);
      continue;
    }
    s.equal_to.resize(split.size());
    s.coordinator_fee = fee;
    s.coordinator_fee_to = c.fee_address;
    // Less than the smallest denomination: left to the mining fee.
    s.change = rest >= kMinStandardDenomination ? rest : 0;
    Amount mixed = 0;
    for (std::size_t k = 0; k < split.size(); ++k) {
      outs_.push_back(OutputSpec{s.equal_to[k], split[k]});
      mixed += split[k];
    }
    if (s.change > 0) outs_.push_back(OutputSpec{s.change_to, s.change});
    s.fee_paid = in - mixed - s.change;
    for (OutputId o : s.coins) coins_.push_back(o);
    *coordinator_fees += fee;
    seated.push_back(ref);
  }
  c.seats.clear();
  return seated;
}

}  // namespace chaintrace::sim
