#ifndef CHAINTRACE_SIM_LAUNDER_STAGE_H_
#define CHAINTRACE_SIM_LAUNDER_STAGE_H_

// One laundering stage behind one interface. An attack's plan is a list of
// stages; each takes the lots the previous one produced (StageContext::in)
// and hands lots on (StageContext::Emit). A stage is a small state machine
// over simulated time: the runner calls Step at the stage's start and at
// every time Step asked to be woken, until Step returns kDone. Each stage
// kind lives in its own file (split.cc, peel_chain.cc, ...).
//
// Accounting: every transaction a stage makes goes through the moves in
// moves.h, which mark it in the ground truth (attack, stage, hop; stolen on
// every output) and book its stolen base units (lot.h), so that the
// identity of StageBook holds exactly whatever the stage does.

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "model/ground_truth.h"
#include "model/ids.h"
#include "model/time.h"
#include "proto/scenario.pb.h"
#include "sim/launder/lot.h"
#include "sim/launder/venues.h"
#include "sim/world/random.h"
#include "sim/world/world.h"

namespace chaintrace::sim::launder {

// Step's answer when the stage is finished.
inline constexpr Seconds kDone = -1;

// State an attack's stages share: the attacker, the truth to write, the
// books, and per chain the address that funds gas of token addresses when
// the fingerprint reuses one.
struct StageContext {
  World* world = nullptr;
  Venues* venues = nullptr;
  AttackId attack = AttackId::kNone;
  std::uint32_t run = 0;  // index of the attack's run, for Venues::Wake
  EntityId attacker = EntityId::kNone;
  AttackBook* book = nullptr;
  std::vector<AddressId>* gas_wallets = nullptr;  // per ChainId

  // The current stage.
  std::string_view kind;
  std::int32_t index = -1;
  const scenario::Stage* spec = nullptr;
  Rng* rng = nullptr;
  std::vector<Lot> in;   // lots handed to the stage, not yet used
  std::vector<Lot> out;  // lots handed on

  Seconds now() const { return world->now(); }
  GroundTruth& truth() { return world->truth(); }
  const scenario::Fingerprint& fingerprint() const {
    return spec->fingerprint();
  }
  StageBook& Book(AssetId asset) { return book->Entry(index, asset); }
  // Hands a lot on to the next stage.
  void Emit(const Lot& lot) {
    Book(lot.asset).out += lot.amount;
    out.push_back(lot);
  }
  // Leaves a lot with the attacker (hold, or the span ran out).
  void Hold(const Lot& lot) { Book(lot.asset).held += lot.amount; }
};

class Stage {
 public:
  virtual ~Stage() = default;
  // Acts at ctx.now(); returns when to be woken next (> now), or kDone.
  virtual Seconds Step(StageContext& ctx) = 0;
  // The span ended before the stage finished: hold every lot the stage
  // still has (ctx.in is held by the runner; this holds the rest).
  virtual void Abandon(StageContext& ctx) { (void)ctx; }
};

// The stage for `spec`'s kind. Precondition: the scenario passed
// validation (the kind is set and the services it names exist).
std::unique_ptr<Stage> MakeStage(const scenario::Stage& spec);
// "split", "peel_chain", ... (the oneof field's name).
std::string_view StageKindName(const scenario::Stage& spec);

// One factory per stage file.
std::unique_ptr<Stage> MakeSplit(const scenario::Split& spec);
std::unique_ptr<Stage> MakePeelChain(const scenario::PeelChain& spec);
std::unique_ptr<Stage> MakeConsolidate(const scenario::Consolidate& spec);
std::unique_ptr<Stage> MakeDexSwap(const scenario::DexSwap& spec);
std::unique_ptr<Stage> MakeMixer(const scenario::MixStage& spec);
std::unique_ptr<Stage> MakeCoinJoin(const scenario::CoinJoinStage& spec);
std::unique_ptr<Stage> MakeBridge(const scenario::BridgeStage& spec);
std::unique_ptr<Stage> MakeOtc(const scenario::OtcStage& spec);
std::unique_ptr<Stage> MakeDormancy(const scenario::Dormancy& spec);
std::unique_ptr<Stage> MakeCashOut(const scenario::CashOut& spec);
std::unique_ptr<Stage> MakeHold();

}  // namespace chaintrace::sim::launder

#endif  // CHAINTRACE_SIM_LAUNDER_STAGE_H_
