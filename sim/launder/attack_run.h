#ifndef CHAINTRACE_SIM_LAUNDER_ATTACK_RUN_H_
#define CHAINTRACE_SIM_LAUNDER_ATTACK_RUN_H_

// One attack while the simulation runs: the theft, then its laundering plan
// stage by stage. The simulation wakes the run at the times it asks for
// (Venues::Wake); each wake drains the next burst transaction or advances
// the current stage.
//
// The theft drains each Theft's amount from the victim exchange's hot
// wallet to fresh attacker addresses in `burst_transactions` transactions
// `burst_interval` apart (amounts split evenly, the last takes the rest),
// the exchange paying the network fee. A hot wallet that holds too little
// is topped up from the exchange's cold wallet first, as an exchange would;
// if both together hold too little, the theft takes what there is (the
// shortfall is reported in `shortfall`). Every theft output is reported in
// the ledger as a theft (the victim's report, the tracers' seed).

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "model/ledger.h"
#include "proto/scenario.pb.h"
#include "sim/launder/lot.h"
#include "sim/launder/stage.h"
#include "sim/launder/venues.h"
#include "sim/world/world.h"

namespace chaintrace::sim::launder {

// The victim's wallets the theft drains, per ChainId.
struct VictimWallets {
  EntityId entity = EntityId::kNone;
  std::vector<AddressId> hot;   // ACCOUNT: the hot address
  std::vector<AddressId> cold;  // ACCOUNT: the cold address
};

class AttackRun {
 public:
  // `plan` and `spec` must outlive the run.
  AttackRun(const scenario::Attack& spec, const scenario::Plan& plan,
            AttackId attack, std::uint32_t run, EntityId attacker,
            VictimWallets victim, Seconds at, std::uint64_t seed,
            std::size_t chains);

  // Time of the first wake (the theft).
  Seconds start() const { return start_; }
  // Acts at world->now(); asks venues->Wake for the next time it needs.
  void Wake(World* world, Venues* venues);
  // The span ended: every lot the run still holds is held.
  void Finish(World* world, Venues* venues);

  const AttackBook& book() const { return book_; }
  // Stolen base units the theft could not take, per asset (usually none).
  const std::vector<std::pair<AssetId, Amount>>& shortfall() const {
    return shortfall_;
  }

 private:
  struct Theft {
    ChainId chain;
    AssetId asset;
    Amount left;       // still to steal
    Amount per_burst;  // per transaction
  };
  void Resolve(World* world, Venues* venues);
  void StealOnce(World* world);
  bool Steal(World* world, const Theft& theft, Amount amount);
  // Hands the waiting lots to stage stage_ (its book's `in`).
  void StartStage();
  // Hands 1 - fraction of each asset's value on untouched.
  void PassOn(double fraction);
  void Bind(World* world, Venues* venues);
  void Schedule(Venues* venues, Seconds t) const;
  // Lots handed on by stage `stage` that no stage will take: held.
  void HoldHandedOn(std::int32_t stage, const std::vector<Lot>& lots);

  const scenario::Attack& spec_;
  const scenario::Plan& plan_;
  std::uint32_t run_;
  VictimWallets victim_;
  Seconds start_ = 0;
  Rng rng_;
  Rng stage_rng_{0};
  AttackBook book_;
  std::vector<AddressId> gas_wallets_;
  bool resolved_ = false;
  std::vector<Theft> thefts_;
  int bursts_left_ = 0;
  std::vector<std::pair<AssetId, Amount>> shortfall_;
  // The current stage: index (-1 before the plan), its object, its context.
  std::int32_t stage_ = -1;
  std::unique_ptr<Stage> current_;
  StageContext ctx_;
  std::vector<Lot> lots_;         // handed to the next stage
  std::int32_t lots_stage_ = -1;  // the stage that emitted lots_
  std::uint64_t seed_;
  bool finished_ = false;
};

}  // namespace chaintrace::sim::launder

#endif  // CHAINTRACE_SIM_LAUNDER_ATTACK_RUN_H_
