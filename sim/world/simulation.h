#ifndef CHAINTRACE_SIM_WORLD_SIMULATION_H_
#define CHAINTRACE_SIM_WORLD_SIMULATION_H_

// Internal to sim/world/: the state of one simulation run and its
// processes. The entry point is simulator.h.
//
// Processes are events in one time-ordered queue (time, then insertion
// order). Recurring processes (blocks, payments, exchange batches and
// sweeps, benign service use) re-schedule themselves; delayed effects (a
// mixer withdrawal, a bridge release) are scheduled by the event that causes
// them. Each process draws from its own random stream.

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <queue>
#include <string>
#include <vector>

#include "model/ledger_file.h"
#include "proto/scenario.pb.h"
#include "sim/launder/attack_run.h"
#include "sim/launder/venues.h"
#include "sim/world/random.h"
#include "sim/world/simulator.h"
#include "sim/world/world.h"

namespace chaintrace::sim {

// The simulation is also what laundering stages see of the world's
// services (launder::Venues, filled at setup; callbacks in launder_hooks.cc).
class Simulation final : public launder::Venues {
 public:
  Simulation(const scenario::Scenario& scenario, const SimulateOptions& options,
             LedgerFile* file);

  // Chains, assets, entities, genesis funding, first events.
  Status Setup();
  // Runs every event up to the end of the scenario's span.
  void Run();
  // Samples the labels tracers get, per the scenario's LabelCoverage.
  void GrantLabels();
  std::vector<ChainCounters> TakeCounters() const;
  // The span ended: attacks still laundering hold what they have.
  void FinishAttacks();
  std::vector<launder::AttackBook> TakeBooks() const;
  std::vector<AttackShortfall> TakeShortfalls() const;

  // ---- launder::Venues callbacks (launder_hooks.cc)
  void Wake(std::uint32_t run, Seconds t) override;
  AddressId NewFakeAccountDeposit(std::size_t exchange, ChainId chain,
                                  Rng& rng) override;
  void QueueSweep(std::size_t exchange, ChainId chain,
                  AddressId deposit) override;
  void JoinCoinJoin(std::size_t coinjoin, std::uint32_t run,
                    launder::CoinJoinSeat* seat) override;
  // Base units of `asset` worth `usd` at `t` (0 when the price is 0).
  Amount UsdToUnits(AssetId asset, Seconds t, double usd) const override;
  double UnitsToUsd(AssetId asset, Seconds t, Amount amount) const override;

 private:
  enum class Ev : std::uint8_t {
    kBlock,
    kPayment,
    kMerchantSettle,
    kMinerSell,
    kExchangeSweep,
    kExchangeWithdraw,
    kExchangeRebalance,
    kMixerDeposit,
    kMixerWithdraw,
    kCoinJoinRound,
    kBridgeLock,
    kBridgeRelease,
    kDexSwap,
    kLaunder,
  };
  struct Event {
    Seconds time = 0;
    std::uint64_t seq = 0;
    Ev kind = Ev::kBlock;
    std::uint32_t a = 0;  // process index
    std::uint32_t b = 0;  // process-specific (denomination, chain)
    EntityId holder = EntityId::kNone;
    Amount amount = 0;
    bool operator>(const Event& o) const {
      return time != o.time ? time > o.time : seq > o.seq;
    }
  };

  // A population of users or merchants: members are the truth entities
  // [first, first + count).
  struct Population {
    std::string name;
    bool merchants = false;
    EntityId first = EntityId::kNone;
    std::uint32_t count = 0;
    std::vector<std::uint8_t> on_chain;  // per ChainId
    double payments_per_day = 0;
  };
  // A payment's payer and first payee, drawn kPaymentsAhead payments
  // before it is made from a stream of their own, so that what the payment
  // reads of them (holder records, the payer's newest coin and its ledger
  // entries, the payee's address and its owner: each load needing the one
  // before) is loaded in stages over the payments in between instead of
  // waited on in turn. The rest of a payment (its kind, a batch's other
  // payees, amounts) is drawn from the process's stream when it is made.
  static constexpr std::uint32_t kPaymentsAhead = 6;
  // A payee drawn before it is paid: an exchange deposit when `r` <
  // kPaymentToExchange (and an exchange takes it), else `payee`, a merchant
  // or a user by `r`, at one of its recent addresses (`back` from its
  // newest) with `reuse` when it has any, else at a new one.
  struct PlannedPayee {
    double r = 0;
    EntityId payee = EntityId::kNone;
    bool reuse = false;
    std::uint32_t back = 0;
  };
  struct PlannedPayment {
    EntityId payer = EntityId::kNone;
    PlannedPayee first;
  };
  // PayeeTarget's exchange when the payee is not one.
  static constexpr std::uint32_t kNoExchange = 0xFFFFFFFF;
  struct PaymentProcess {
    ChainId chain = ChainId::kNone;
    std::uint32_t population = 0;
    double mean_gap = 0;  // seconds between payments
    Rng rng{0};
    Rng ahead_rng{0};
    // The next kPaymentsAhead payments: ahead[next] is made next,
    // ahead[(next + d - 1) % kPaymentsAhead] in d payments.
    std::array<PlannedPayment, kPaymentsAhead> ahead{};
    std::uint32_t next = 0;
  };
  struct BlockProcess {
    ChainId chain = ChainId::kNone;
    Seconds interval = 600;
    Amount reward = 0;  // per interval
    std::vector<EntityId> miners;
    std::vector<double> cdf;
    std::vector<AddressId> payout;  // per miner
    Rng rng{0};
  };
  struct ExchangeChain {
    bool active = false;
    std::vector<AssetId> assets;
    AddressId hot = AddressId::kNone;
    AddressId cold = AddressId::kNone;
    std::vector<AddressId> deposit;   // per account, kNone until used
    std::vector<AddressId> to_sweep;  // ACCOUNT deposit addresses
  };
  struct ExchangeState {
    const scenario::Entity* spec = nullptr;  // its declaration
    EntityId entity = EntityId::kNone;
    double hot_fraction = 0.1;
    std::uint32_t accounts = 1;
    Seconds sweep_delay = 7200;
    Seconds batch_interval = 1800;
    double withdrawals_per_day = 0;
    std::vector<ExchangeChain> chains;  // per ChainId
    Rng rng{0};
  };
  struct MixerState {
    const scenario::Entity* spec = nullptr;  // its declaration
    EntityId entity = EntityId::kNone;
    ChainId chain = ChainId::kNone;
    bool pool = true;
    AssetId asset = AssetId::kNone;
    std::vector<Amount> denominations;
    std::vector<AddressId> pool_address;  // POOL: per denomination
    AddressId relayer = AddressId::kNone;
    double mean_gap = 0;
    Seconds mean_delay = 0;
    int fee_bps = 0;
    Rng rng{0};
  };
  struct CoinJoinSeatRef {
    std::uint32_t run;
    launder::CoinJoinSeat* seat;
  };
  // A benign participant of a CoinJoin round: its coins are
  // coins_[first_coin, first_coin + coins).
  struct CoinJoinJoiner {
    EntityId user;
    std::size_t first_coin, coins;
  };
  static bool HasJoined(const std::vector<CoinJoinJoiner>& joined,
                        EntityId user) {
    return std::any_of(joined.begin(), joined.end(),
                       [&](const CoinJoinJoiner& j) { return j.user == user; });
  }
  struct CoinJoinState {
    const scenario::Entity* spec = nullptr;  // its declaration
    std::vector<CoinJoinSeatRef> seats;      // attackers in the next round
    EntityId entity = EntityId::kNone;
    ChainId chain = ChainId::kNone;
    Amount denomination = 0;
    int min_participants = 2, max_participants = 2;
    Seconds interval = 3600;
    int fee_bps = 0;
    AddressId fee_address = AddressId::kNone;
    // CoinJoinCoordinator.style MULTI_DENOMINATION (multi_denomination.cc).
    bool multi_denomination = false;
    Rng rng{0};
  };
  struct BridgeState {
    const scenario::Entity* spec = nullptr;  // its declaration
    EntityId entity = EntityId::kNone;
    ChainId side[2] = {ChainId::kNone, ChainId::kNone};
    AddressId address[2] = {AddressId::kNone, AddressId::kNone};
    int fee_bps = 0;
    Seconds delay = 1200;
    double mean_gap = 0;
    Rng rng{0};
  };
  struct DexState {
    const scenario::Entity* spec = nullptr;  // its declaration
    EntityId entity = EntityId::kNone;
    ChainId chain = ChainId::kNone;
    AssetId asset[2] = {AssetId::kNone, AssetId::kNone};
    AddressId pool = AddressId::kNone;
    int fee_bps = 0;
    double mean_gap = 0;
    double arbitrage_share = 0;
    // The arbitrage trader: one well-funded address, as bots are.
    EntityId arbitrageur = EntityId::kNone;
    AddressId arbitrage_address = AddressId::kNone;
    Rng rng{0};
  };
  struct OtcState {
    const scenario::Entity* spec = nullptr;  // its declaration
    EntityId entity = EntityId::kNone;
    std::vector<AddressId> address;  // per ChainId
  };

  // ---- setup (simulation_setup.cc)
  Status SetupChains();
  Status SetupEntities();
  void Genesis();
  void ScheduleFirstEvents();
  // Reserves the ledger's arrays for the expected traffic (reserve.cc).
  void ReserveStorage();
  AssetId AssetByName(const std::string& name) const;
  ChainId ChainByName(const std::string& name) const;

  // ---- attacks (launder_hooks.cc)
  void BuildVenues();
  Status SetupAttacks();
  void OnLaunder(const Event& e);
  // Seats attackers waiting for coordinator `c`'s round into the round
  // being built (coins_, outs_); returns the seats taken and adds their
  // coordinator fees to `*coordinator_fees`.
  std::vector<CoinJoinSeatRef> SeatAttackers(CoinJoinState& c, double rate,
                                             Amount* coordinator_fees);
  void SettleSeats(const CoinJoinState& c,
                   const std::vector<CoinJoinSeatRef>& seated, TxId tx);
  // The same for a MULTI_DENOMINATION round (multi_denomination.cc).
  std::vector<CoinJoinSeatRef> SeatAttackersMultiDenomination(
      CoinJoinState& c, double rate, Amount* coordinator_fees);

  // ---- events
  void Schedule(Seconds t, Ev kind, std::uint32_t a, std::uint32_t b = 0,
                EntityId holder = EntityId::kNone, Amount amount = 0);
  void Dispatch(const Event& e);

  // ---- background (background.cc)
  void OnBlock(const Event& e);
  void OnPayment(const Event& e);
  // Draws a payee: an exchange deposit, a merchant or a user in the
  // background's shares, or with `users_only` a user (exchange
  // withdrawals).
  PlannedPayee PlanPayee(ChainId chain, Rng& rng, bool users_only = false);
  // Draws a payment kPaymentsAhead payments before it is made.
  PlannedPayment PlanPayment(PaymentProcess& p);
  // Where `payer` pays `q`: an exchange deposit of its own account or the
  // payee's address; kNone when nobody is paid (the payee is the payer).
  AddressId PayeeTarget(ChainId chain, EntityId payer, const PlannedPayee& q,
                        Rng& rng, bool* reused, std::uint32_t* exchange);
  // The next payment of `p`; plans the one kPaymentsAhead on and starts to
  // load what those in between will read.
  PlannedPayment NextPayment(PaymentProcess& p);
  void PayUtxoChain(PaymentProcess& p, const PlannedPayment& plan);
  void PayAccountChain(PaymentProcess& p, const PlannedPayment& plan);
  void OnMerchantSettle(const Event& e);
  void OnMinerSell(const Event& e);
  // A random member of a population active on `chain`; kNone if none.
  EntityId RandomUser(ChainId chain, Rng& rng, bool merchants) const;
  // Where a payment to `payee` goes: a reused address with the chain's
  // reuse probability, else a fresh one. `reused` tells which.
  AddressId PayeeAddress(ChainId chain, EntityId payee, Rng& rng, bool* reused);
  // The same with the choice made: with `reuse`, its address `back` from
  // the newest (the oldest when it has fewer), else (or when it has none)
  // a fresh one.
  AddressId PayeeAddressAt(ChainId chain, EntityId payee, bool reuse,
                           std::uint64_t back, Rng& rng, bool* reused);
  double PaymentUsd(ChainId chain, Rng& rng) const;
  // ACCOUNT: the holder's address with the largest balance of `asset`
  // (kNone when it has none), the one a wallet would spend from.
  AddressId RichestAddress(ChainId chain, EntityId holder, AssetId asset) const;

  // ---- exchanges (exchange.cc)
  // The deposit address of `account` at exchange `x` on `chain`.
  // `existed` (optional) tells whether it had been created before.
  AddressId DepositAddress(std::uint32_t x, ChainId chain,
                           std::uint32_t account, Rng& rng,
                           bool* existed = nullptr);
  // The exchange account a holder uses.
  std::uint32_t AccountOf(std::uint32_t x, EntityId holder) const;
  // After a credit to an ACCOUNT-chain deposit address: queue its sweep.
  void NoteDeposit(std::uint32_t x, ChainId chain, AddressId deposit);
  // A random exchange active on `chain`; false if none.
  bool RandomExchange(ChainId chain, Rng& rng, std::uint32_t* x) const;
  void OnExchangeSweep(const Event& e);
  void OnExchangeWithdraw(const Event& e);
  void OnExchangeRebalance(const Event& e);

  // ---- services (services.cc)
  void OnMixerDeposit(const Event& e);
  void OnMixerWithdraw(const Event& e);
  void OnCoinJoinRound(const Event& e);
  void OnMultiDenominationRound(const Event& e);  // multi_denomination.cc
  // Adds the coordinator's output to outs_: the round's coordinator `fees`
  // minus the transaction's fixed part (tx overhead and this output) at
  // `rate`; nothing when that is dust (it goes to the miners).
  void PayCoordinator(const CoinJoinState& c, double rate, Amount fees);
  // Ends the round `e` of `c`, either style: when `ready`, spends `inputs`
  // (the round's coins, in the transaction's order) into outs_ if they
  // cover them; otherwise every joiner gets its coins back. Settles the
  // attackers' seats and schedules the next round.
  void CloseCoinJoinRound(CoinJoinState& c, const Event& e, bool ready,
                          std::span<const OutputId> inputs,
                          const std::vector<CoinJoinSeatRef>& seated,
                          const std::vector<CoinJoinJoiner>& joined);
  void OnBridgeLock(const Event& e);
  void OnBridgeRelease(const Event& e);
  void OnDexSwap(const Event& e);
  // The swap that brings DEX pool `d`, holding reserves r0 and r1 of its
  // two assets, back to the market price at `t`: the side (index into
  // DexState::asset) sold and the amount of it; amount 0 when the pool is
  // within its fee of the market.
  struct ArbitrageTrade {
    int side = 0;
    Amount amount = 0;
  };
  ArbitrageTrade Arbitrage(const DexState& d, Amount r0, Amount r1,
                           Seconds t) const;

  const scenario::Scenario& scenario_;
  SimulateOptions options_;
  std::uint64_t seed_ = 1;
  LedgerFile* file_;
  World world_;
  UnixSeconds start_ = 0;
  Seconds end_ = 0;

  std::vector<const scenario::ChainTraffic*> traffic_;  // per ChainId
  std::vector<std::vector<AssetId>> tokens_;  // per ChainId, non-native
  std::vector<Population> populations_;
  std::vector<PaymentProcess> payments_;
  std::vector<BlockProcess> blocks_;
  std::vector<ExchangeState> exchanges_;
  std::vector<MixerState> mixers_;
  std::vector<CoinJoinState> coinjoins_;
  std::vector<BridgeState> bridges_;
  std::vector<DexState> dexes_;
  std::vector<OtcState> otcs_;
  // Per AddressId: 1 while an ACCOUNT deposit address waits for its sweep.
  std::vector<std::uint8_t> sweep_pending_;
  // Streams of processes that are not per entity.
  Rng settle_rng_{0};
  Rng genesis_rng_{0};

  std::vector<std::unique_ptr<launder::AttackRun>> runs_;

  std::priority_queue<Event, std::vector<Event>, std::greater<>> queue_;
  std::uint64_t seq_ = 0;
  // Scratch.
  std::vector<OutputSpec> outs_;
  std::vector<PlannedPayee> payees_;
  std::vector<OutputId> coins_;
};

}  // namespace chaintrace::sim

#endif  // CHAINTRACE_SIM_WORLD_SIMULATION_H_
