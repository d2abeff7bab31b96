#ifndef CHAINTRACE_SIM_LAUNDER_MOVES_H_
#define CHAINTRACE_SIM_LAUNDER_MOVES_H_

// The attacker's moves, the only way stages create transactions from stolen
// lots. Each move appends one transaction through World, marks it in the
// ground truth (attack, stage kind and index, hop = 1 + the largest hop of
// the lots spent) with the stolen amount of every output it pays, and books
// its stolen base units in the stage's StageBook:
//   to the attacker   a new lot (the caller emits, keeps or holds it);
//   cash-out          an exchange deposit address or an OTC desk selling
//                     for fiat: a CashOut record and `cashed_out`;
//   to a service      a mixer, bridge, DEX or OTC deposit: `in_services`
//                     until the stage books the service's payout;
//   network fee       `network_fees` (UTXO fees and the gas of native
//                     lots; token lots pay gas from clean native value).
// A move that cannot be made (too little value, an overdraft) changes
// nothing and returns kNone.

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

#include "model/amount.h"
#include "model/ids.h"
#include "sim/launder/lot.h"
#include "sim/launder/stage.h"

namespace chaintrace::sim::launder {

enum class DestKind : std::uint8_t { kAttacker, kCashOut, kService };

struct Dest {
  AddressId address = AddressId::kNone;
  Amount amount = 0;
  DestKind kind = DestKind::kAttacker;
  // kCashOut: the receiving exchange or OTC desk entity, and the exchange's
  // venue index (for its sweep; npos for an OTC desk).
  EntityId venue = EntityId::kNone;
  std::size_t exchange = static_cast<std::size_t>(-1);
};

struct Moved {
  TxId tx = TxId::kNone;
  // Lots paid to kAttacker destinations, in destination order.
  std::vector<Lot> lots;
  // UTXO: the change back to a fresh attacker address, if any.
  std::optional<Lot> change;
};

// A fresh attacker address.
AddressId FreshAddress(StageContext& ctx, ChainId chain);

// UTXO: spends every lot of `from` (one chain) to `to`, change to a fresh
// attacker address at a random position (none when at most dust: the fee
// keeps it). Fee: the fingerprint's fixed fee, else the chain's size model.
// With `sweep`, the last destination receives everything left after the
// others and the fee (its amount is ignored), and there is no change.
Moved SendUtxo(StageContext& ctx, std::span<const Lot> from,
               std::span<const Dest> to, bool sweep = false);

// Moves a whole lot to one destination: UTXO sweeps the coin, ACCOUNT sends
// the balance (less the gas of a native lot). `from` is emptied.
Moved SendAll(StageContext& ctx, Lot& from, Dest to);

// ACCOUNT: one transfer of `to.amount` from `from`'s address; `from.amount`
// is reduced by what left it (the amount, and the gas for a native lot).
// Token lots get gas funded first (FundGas).
Moved SendAccount(StageContext& ctx, Lot& from, const Dest& to);

// Either of the above for a single lot; the UTXO change replaces `from`
// (amount 0 when there is none), so peel-like stages work on both models.
Moved Send(StageContext& ctx, Lot& from, std::span<const Dest> to);

// Gas a transfer from `address` costs now on `chain` (ACCOUNT).
Amount TransferGas(const StageContext& ctx, ChainId chain, bool token);

// ACCOUNT: makes sure `address` holds at least `need` native units of clean
// value for gas: funded from the attack's reused gas wallet when the
// fingerprint says so (itself funded by an exchange withdrawal), else by a
// withdrawal from an exchange's hot wallet straight to the address. False
// when no exchange on the chain can pay.
bool FundGas(StageContext& ctx, ChainId chain, AddressId address, Amount need);

// ACCOUNT: `amount` of clean native value withdrawn from an exchange's hot
// wallet to `to` (an account the attacker, or a service it uses, holds
// there), marked as the stage's "gas" transaction. False when no exchange
// on the chain can pay.
bool WithdrawGas(StageContext& ctx, ChainId chain, AddressId to, Amount amount);

// The output (ACCOUNT: credit) of `tx` paid to `to`; the last one when
// several are, kNone when none is.
OutputId OutputTo(const TxStore& store, TxId tx, AddressId to);

// Marks a service's transaction paying the attacker back: the attack and
// stage in the truth, and `stolen` on its output `output`.
void MarkPayout(StageContext& ctx, ChainId chain, TxId tx, OutputId output,
                Amount stolen, std::int32_t hop);

// An amount just below a round number (1, 2 or 5 x 10^k base units) not
// above `x`, e.g. 9.99 for 10.2: the fingerprint below_round_amounts.
Amount BelowRound(Amount x, Rng& rng);

// floor(amount * bps / 10000), exact, without overflow (amount >= 0).
inline Amount Bps(Amount amount, int bps) {
  return (amount / 10000) * bps + (amount % 10000) * bps / 10000;
}

// Parses a decimal amount of `asset`; 0 when unset or invalid.
Amount ParseUnits(const Ledger& ledger, AssetId asset, const std::string& text);

}  // namespace chaintrace::sim::launder

#endif  // CHAINTRACE_SIM_LAUNDER_MOVES_H_
