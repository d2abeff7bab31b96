#ifndef CHAINTRACE_SIM_WORLD_WORLD_H_
#define CHAINTRACE_SIM_WORLD_WORLD_H_

// The simulated world while it runs: the ledger being written, its ground
// truth and labels, every entity's wallets, and the primitives that
// background processes (and laundering stages) use to move value: new
// addresses, UTXO payments with coin selection, ACCOUNT transfers with gas,
// coinbase. Every primitive keeps the ledger valid — value conserved exactly,
// no double spend, no negative balance, time order — or returns false and
// changes nothing.
//
// Holders: value is held by truth entities. A population entity in the
// scenario (users, merchants) becomes one truth entity per member
// ("btc_users#17"), so that ground-truth clusters are individual wallets.
//
// Storage: per chain flat arrays indexed by AddressId (ACCOUNT balances) and
// per holder and chain lists of coins (UTXO wallets: output, address and
// amount) and addresses, pooled on huge pages. No heap object per
// transaction.

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <memory_resource>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/amount.h"
#include "model/ground_truth.h"
#include "model/huge_pages.h"
#include "model/ids.h"
#include "model/labels.h"
#include "model/ledger.h"
#include "model/time.h"
#include "sim/world/random.h"
#include "sim/world/simulator.h"

namespace chaintrace::sim {

// Which of a holder's UTXO purses an output lands in, by its address role:
// exchanges keep customer deposits, hot and cold coins apart.
enum class Purse : std::uint8_t { kMain, kDeposit, kCold };
inline constexpr int kPurses = 3;

// How PayUtxo picks coins: wallets spend their newest coins first;
// custodial services pick at random so that payouts do not reveal deposits.
enum class CoinOrder : std::uint8_t { kNewestFirst, kRandom };

// What an address is for; drives labels and the calibration summary.
enum class AddressRole : std::uint8_t {
  kPersonal,         // a user's, merchant's, miner's or attacker's own
  kExchangeDeposit,  // one customer account's deposit address
  kExchangeHot,
  kExchangeCold,
  kService,  // mixer, bridge, DEX pool, CoinJoin coordinator, OTC desk
};

// A coin in a holder's purse: the output with its address and amount, so
// that taking and spending it reads only the output's spent_by in the
// ledger (the ledger takes them as given: TxChecks::kAllTrustingInputs).
struct Coin {
  OutputId output = OutputId::kNone;
  AddressId address = AddressId::kNone;
  Amount amount = 0;
};

// A piecewise-linear path (fee rate, gas price), constant outside its points.
struct Path {
  std::vector<PricePoint> points;
  double fallback = 0;
  double At(Seconds t) const;
};

// The fee for `vbytes` virtual bytes at `rate` base units per vbyte,
// rounded to the nearest base unit.
inline Amount VbytesFee(double rate, std::int64_t vbytes) {
  return static_cast<Amount>(std::llround(rate * static_cast<double>(vbytes)));
}

// The index of a holder's address `back` from its newest among `n` > 0
// (the oldest when it has fewer).
inline std::size_t RecentAddressIndex(std::size_t n, std::uint64_t back) {
  return n - 1 - static_cast<std::size_t>(std::min<std::uint64_t>(back, n - 1));
}

// Per-chain parameters, resolved from the scenario.
struct ChainParams {
  bool utxo = true;
  AssetId native = AssetId::kNone;
  Seconds block_interval = 600;
  Amount block_reward = 0;
  // UTXO size model (virtual bytes) and fee rate (base units per vbyte).
  std::int64_t tx_vbytes = 11, input_vbytes = 67, output_vbytes = 31;
  Path fee_rate;
  // ACCOUNT gas model.
  std::int64_t transfer_gas = 21000, token_gas = 65000, call_gas = 250000;
  Path gas_price;
  // Address types and cumulative shares (UTXO), drawn for new addresses.
  std::vector<std::string> address_types;
  std::vector<double> address_type_cdf;
};

class World {
 public:
  World(Ledger* ledger, GroundTruth* truth, std::uint64_t seed);

  Ledger& ledger() { return *ledger_; }
  const Ledger& ledger() const { return *ledger_; }
  GroundTruth& truth() { return *truth_; }
  std::uint64_t seed() const { return seed_; }

  // ---- setup
  // Registers a chain (already added to the ledger) and its parameters.
  void AddChain(ChainId chain, ChainParams params);
  const ChainParams& params(ChainId c) const {
    return chains_[Index(c)].params;
  }
  // A truth entity; holders are created through this.
  EntityId AddEntity(Entity entity);

  // ---- addresses
  // A fresh address of `owner` on `chain`; `type_index` into the chain's
  // address types (UTXO) or ignored (ACCOUNT: "eoa"/"contract" by role).
  AddressId NewAddress(ChainId chain, EntityId owner, AddressRole role,
                       Rng& rng);
  AddressRole role(AddressId a) const { return role_[Index(a)]; }
  // Reserves the per-address arrays (roles, truth owners) for `addresses`
  // addresses in all, and the holder records for every entity so far: a
  // hint, so that they are not copied at every doubling.
  void ReserveAddresses(std::size_t addresses);
  // Every address `owner` received on, in creation order, per chain.
  std::span<const AddressId> addresses_of(ChainId chain, EntityId owner) const;

  // ---- fees
  Amount UtxoFee(ChainId chain, Seconds t, std::size_t inputs,
                 std::size_t outputs) const;
  Amount GasFee(ChainId chain, Seconds t, std::int64_t gas) const;

  // ---- value
  // Creates value (genesis and block rewards): a coinbase paying `outputs`
  // in `asset` (kNone: the native asset; tokens only on ACCOUNT chains).
  // Returns false if the ledger refused it.
  bool Coinbase(ChainId chain, Seconds t, std::span<const OutputSpec> outputs,
                AssetId asset = AssetId::kNone);
  // Spendable balance of a holder's purse on a UTXO chain.
  Amount UtxoBalance(ChainId chain, EntityId holder,
                     Purse purse = Purse::kMain) const;
  // Coins of a holder's purse, most recent last; may include outputs
  // already spent (wallets are cleaned lazily): check TxStore::spent_by.
  std::span<const Coin> wallet(ChainId chain, EntityId holder,
                               Purse purse = Purse::kMain) const;

  // UTXO payment by `payer` from one purse: selects coins (see PayOptions),
  // pays `outputs` and returns change above dust to `change_to`; the fee
  // follows the chain's size model and fee-rate path. With `sweep`, the
  // single output receives everything selected minus the fee. Returns the
  // tx, or kNone when the payer cannot afford it (nothing changes).
  struct PayOptions {
    Purse purse = Purse::kMain;
    CoinOrder order = CoinOrder::kNewestFirst;
    // Spend every selected coin into outputs[0] (amount ignored), no change.
    bool sweep = false;
    std::size_t max_inputs = 50;
    // kNone: a fresh address of the payer.
    AddressId change_to = AddressId::kNone;
  };
  TxId PayUtxo(ChainId chain, Seconds t, EntityId payer,
               std::span<const OutputSpec> outputs, const PayOptions& options,
               Rng& rng);
  // Spends exactly `inputs` (owned by anyone; removed from their holders'
  // wallets) to `outputs` with `fee`; the caller guarantees conservation.
  TxId SpendUtxo(ChainId chain, Seconds t, std::span<const OutputId> inputs,
                 std::span<const OutputSpec> outputs, Amount fee);

  // Takes unspent coins from a holder's purse until they cover `want` (or,
  // when `want` is 0, up to `max_inputs` coins) and appends them to
  // `picked`; returns their sum. The coins leave the wallet: spend them, or
  // give them back with ReturnCoins. Returns 0 and takes nothing when the
  // purse cannot cover `want` within `max_inputs` coins.
  Amount TakeCoins(ChainId chain, EntityId holder, Purse purse, Amount want,
                   std::size_t max_inputs, CoinOrder order, Rng& rng,
                   std::vector<OutputId>* picked);
  void ReturnCoins(ChainId chain, EntityId holder, Purse purse,
                   std::span<const OutputId> coins);
  // Hints, changing nothing: start loading what a payment by `holder` will
  // read, in stages, each reading what the one before loaded: its holder
  // record (PrefetchHolder), then its main purse's newest coins and the
  // slot of its next address (PrefetchWallet), then those coins' ledger
  // entries (PrefetchCoin), so that the cache misses overlap other work.
  void PrefetchHolder(ChainId chain, EntityId holder) const;
  void PrefetchWallet(ChainId chain, EntityId holder) const;
  void PrefetchCoin(ChainId chain, EntityId holder) const;
  // The same for a payee: the address `back` from its newest (with
  // `reuse`) or the slot its next new address takes, and the end of its
  // main purse (PrefetchPayee); then the owner and role entries of that
  // recent address, which Credit reads (PrefetchPayeeOwner).
  void PrefetchPayee(ChainId chain, EntityId holder, bool reuse,
                     std::uint32_t back) const;
  void PrefetchPayeeOwner(ChainId chain, EntityId holder,
                          std::uint32_t back) const;

  // ACCOUNT balance of `a` in `asset`.
  Amount Balance(AssetId asset, AddressId a) const;
  // ACCOUNT transfer of `amount` of `asset` from `from` to `to`, gas `gas`
  // paid in the native asset by `from`. kNone when `from` cannot pay.
  TxId Transfer(ChainId chain, Seconds t, AssetId asset, AddressId from,
                AddressId to, Amount amount, std::int64_t gas);
  // A general ACCOUNT transaction: debits `inputs`, credits `outputs`, fee
  // in the native asset (debited from inputs[0].address for a token). The
  // caller states amounts; kNone when conservation fails or a debit would
  // overdraw.
  TxId AccountTx(ChainId chain, Seconds t, AssetId asset,
                 std::span<const InputSpec> inputs,
                 std::span<const OutputSpec> outputs, Amount fee);

  // ---- time
  // Transactions must be appended in time order per chain; the world's clock
  // is the time of the event being executed.
  Seconds now() const { return now_; }
  void set_now(Seconds t) { now_ = t; }
  Seconds end() const { return end_; }
  void set_end(Seconds t) { end_ = t; }

  // Fees collected on `chain` since the last block, paid to the next
  // coinbase.
  Amount TakeCollectedFees(ChainId chain);

  ChainCounters& counters(ChainId c) { return chains_[Index(c)].counters; }
  const ChainCounters& counters(ChainId c) const {
    return chains_[Index(c)].counters;
  }

 private:
  // What the world keeps per holder and chain, in one block so that a
  // payment touches one place per party: its purses (UTXO outputs, most
  // recent last) and its addresses in creation order.
  // The lists' blocks come from the world's pool (lists_). Two whole cache
  // lines (pmr vectors are 32 bytes).
  struct alignas(64) Holder {
    explicit Holder(std::pmr::memory_resource* lists)
        : purses{std::pmr::vector<Coin>(lists), std::pmr::vector<Coin>(lists),
                 std::pmr::vector<Coin>(lists)},
          addresses(lists) {}
    std::pmr::vector<Coin> purses[kPurses];
    std::pmr::vector<AddressId> addresses;
  };
  static_assert(sizeof(Holder) == 128);
  using TxidBuffer = std::array<char, 32>;
  struct ChainState {
    ChainParams params;
    // Per EntityId index; read at random payers and payees: on huge pages
    // (model/huge_pages.h), measured 0.5-1 s of 12.5 s faster at 10M
    // transactions.
    HugeVector<Holder> holders;
    Amount collected_fees = 0;
    std::uint64_t tx_counter = 0;
    ChainCounters counters;
  };
  ChainState& state(ChainId c) { return chains_[Index(c)]; }
  // Writes the id of the chain's transaction number `n`: 32 hex digits
  // hashed from (seed, chain, n), unique per chain by construction (a
  // bijection of n < 2^56).
  void TxidAt(ChainId chain, std::uint64_t n, TxidBuffer* buf) const;
  // Appends `spec` under the chain's next txid (the counter advances even
  // when the ledger refuses it) and credits its outputs; kNone if refused.
  TxId Append(ChainId chain, TxSpec& spec, TxChecks checks = TxChecks::kAll);
  // TakeCoins into coins (what PayUtxo spends with the ledger trusting
  // their addresses and amounts).
  Amount TakeWalletCoins(ChainId chain, EntityId holder, Purse p, Amount want,
                         std::size_t max_inputs, CoinOrder order, Rng& rng,
                         std::vector<Coin>* picked);
  void ReturnWalletCoins(ChainId chain, EntityId holder, Purse p,
                         std::span<const Coin> coins);
  // Appends a UTXO transaction spending inputs_ and credits its outputs;
  // kNone if the ledger refused it.
  TxId SpendInputs(ChainId chain, Seconds t,
                   std::span<const OutputSpec> outputs, Amount fee,
                   TxChecks checks);
  void Credit(ChainId chain, TxId tx);
  Holder& holder(ChainState& s, EntityId e) {
    while (s.holders.size() <= Index(e)) s.holders.emplace_back(&lists_);
    return s.holders[Index(e)];
  }
  std::pmr::vector<Coin>& purse(ChainState& s, EntityId e, Purse p) {
    return holder(s, e).purses[static_cast<int>(p)];
  }

  // The holders' coin and address lists: many small blocks, read at
  // random, pooled on huge pages (declared before chains_, which holds
  // the lists, so that it outlives them).
  HugePageResource lists_upstream_;
  std::pmr::unsynchronized_pool_resource lists_{&lists_upstream_};
  Ledger* ledger_;
  GroundTruth* truth_;
  std::uint64_t seed_;
  Seconds now_ = 0;
  Seconds end_ = 0;
  std::vector<ChainState> chains_;
  HugeVector<AddressRole> role_;             // per AddressId
  std::vector<std::uint64_t> name_counter_;  // per chain
  // ACCOUNT balances: per AssetId, per AddressId (grown on demand).
  std::vector<std::vector<Amount>> balance_;
  // Scratch buffers reused between transactions.
  std::vector<InputSpec> inputs_;
  std::vector<OutputSpec> outputs_;
  std::vector<Coin> picked_;
  std::vector<Coin> taken_;
};

}  // namespace chaintrace::sim

#endif  // CHAINTRACE_SIM_WORLD_WORLD_H_
