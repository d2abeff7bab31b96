#ifndef CHAINTRACE_SIM_LAUNDER_VENUES_H_
#define CHAINTRACE_SIM_LAUNDER_VENUES_H_

// What laundering stages can see of the simulated world besides the World
// primitives: the services they use (exchanges, mixers, CoinJoin
// coordinators, bridges, DEX pools, OTC desks), described as plain data by
// the simulation at setup, and the few callbacks that need the simulation's
// event queue. Stages move value themselves through World (sim/world/
// world.h), so a service's payout to the attacker is an ordinary service
// transaction that the stage marks in the ground truth.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/amount.h"
#include "model/ids.h"
#include "model/time.h"
#include "sim/world/random.h"

namespace chaintrace::sim {
class World;
}

namespace chaintrace::sim::launder {

struct ExchangeVenue {
  std::string name;
  EntityId entity = EntityId::kNone;
  // Per ChainId: the hot wallet address (kNone when not on that chain).
  std::vector<AddressId> hot;
};

struct MixerVenue {
  std::string name;
  EntityId entity = EntityId::kNone;
  ChainId chain = ChainId::kNone;
  bool pool = true;  // fixed-denomination pool (ACCOUNT) or custodial (UTXO)
  AssetId asset = AssetId::kNone;
  std::vector<Amount> denominations;    // POOL, ascending
  std::vector<AddressId> pool_address;  // POOL: per denomination
  AddressId relayer = AddressId::kNone;
  int fee_bps = 0;
};

struct CoinJoinVenue {
  std::string name;
  EntityId entity = EntityId::kNone;
  ChainId chain = ChainId::kNone;
  Amount denomination = 0;
  int fee_bps = 0;
  // Wasabi 2 style rounds: a seat's outputs take standard denominations
  // (model/standard_denominations.h) instead of `denomination`.
  bool multi_denomination = false;
};

struct BridgeVenue {
  std::string name;
  EntityId entity = EntityId::kNone;
  ChainId side[2] = {ChainId::kNone, ChainId::kNone};
  AddressId address[2] = {AddressId::kNone, AddressId::kNone};
  int fee_bps = 0;
  Seconds delay = 0;
};

struct DexVenue {
  std::string name;
  EntityId entity = EntityId::kNone;
  ChainId chain = ChainId::kNone;
  AssetId asset[2] = {AssetId::kNone, AssetId::kNone};
  AddressId pool = AddressId::kNone;
  int fee_bps = 0;
};

struct OtcVenue {
  std::string name;
  EntityId entity = EntityId::kNone;
  std::vector<AddressId> address;  // per ChainId, kNone when absent
  int fee_bps = 0;
};

// An attacker's seat in a CoinJoin round: its coins, and the outputs it
// wants (equal outputs of the denomination, or of standard denominations in
// a multi-denomination round, and its change). The coordinator keeps as
// many `equal_to` addresses as it pays outputs to, and fills `tx` when the
// round is mined.
struct CoinJoinSeat {
  std::vector<OutputId> coins;
  std::vector<AddressId> equal_to;  // one per mixed output
  AddressId change_to = AddressId::kNone;
  Amount change = 0;    // set by the coordinator
  Amount fee_paid = 0;  // mining fee share + coordinator fee
  Amount coordinator_fee = 0;
  AddressId coordinator_fee_to = AddressId::kNone;  // set by the coordinator
  TxId tx = TxId::kNone;
  bool done = false;  // the round ran (tx kNone: it failed)
};

class Venues {
 public:
  virtual ~Venues() = default;

  std::vector<ExchangeVenue> exchanges;
  std::vector<MixerVenue> mixers;
  std::vector<CoinJoinVenue> coinjoins;
  std::vector<BridgeVenue> bridges;
  std::vector<DexVenue> dexes;
  std::vector<OtcVenue> otcs;

  template <typename V>
  static const V* Find(const std::vector<V>& venues, std::string_view name) {
    for (const V& v : venues) {
      if (v.name == name) return &v;
    }
    return nullptr;
  }

  // ---- callbacks into the simulation
  // Wakes attack run `run` at time `t` (ignored past the span's end).
  virtual void Wake(std::uint32_t run, Seconds t) = 0;
  // A deposit address of a fresh (fake-KYC) account at an exchange.
  virtual AddressId NewFakeAccountDeposit(std::size_t exchange, ChainId chain,
                                          Rng& rng) = 0;
  // After a credit to an exchange deposit address: the exchange sweeps it.
  virtual void QueueSweep(std::size_t exchange, ChainId chain,
                          AddressId deposit) = 0;
  // Seats the attacker in the next round of coordinator `coinjoin`; the
  // seat must outlive the round. Wakes `run` after the round.
  virtual void JoinCoinJoin(std::size_t coinjoin, std::uint32_t run,
                            CoinJoinSeat* seat) = 0;
  // Prices, for amounts stated in USD and for conversions.
  virtual Amount UsdToUnits(AssetId asset, Seconds t, double usd) const = 0;
  virtual double UnitsToUsd(AssetId asset, Seconds t, Amount amount) const = 0;
};

}  // namespace chaintrace::sim::launder

#endif  // CHAINTRACE_SIM_LAUNDER_VENUES_H_
