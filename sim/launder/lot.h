#ifndef CHAINTRACE_SIM_LAUNDER_LOT_H_
#define CHAINTRACE_SIM_LAUNDER_LOT_H_

// What laundering moves: lots of stolen value held by the attacker, and the
// exact accounting of stolen base units per attack, stage and asset.
//
// A lot is one UTXO output (`output` set) or one ACCOUNT address's balance
// of one asset, or a part of it (`output` kNone; a stage's `fraction`
// divides a balance into two lots at the same address). Every unit of a lot is
// stolen: attacker addresses never mix stolen and clean value of the same asset
// (gas for token addresses is clean native value, a different asset).

#include <cstdint>
#include <vector>

#include "model/amount.h"
#include "model/ids.h"

namespace chaintrace::sim::launder {

struct Lot {
  ChainId chain = ChainId::kNone;
  AssetId asset = AssetId::kNone;
  AddressId address = AddressId::kNone;
  OutputId output = OutputId::kNone;  // UTXO only
  Amount amount = 0;
  std::int32_t hop = 0;  // transactions from the theft
};

// Stolen base units of one asset through one stage (stage -1: the theft).
// Identity, exact for every entry:
//   in + converted_in = out + cashed_out + held + in_services
//                       + network_fees + service_fees + converted_out
// where
//   in            lots handed to the stage (the theft: the stolen amount),
//   out           lots handed to the next stage,
//   cashed_out    deposited at exchanges or sold to OTC desks for fiat,
//   held          left with the attacker when the plan ended or the
//                 simulation's span ran out,
//   in_services   deposited at a mixer, bridge, DEX or OTC desk and not
//                 (yet) paid back when the span ran out,
//   network_fees  stolen value paid as transaction fees,
//   service_fees  commissions kept by services (mixer, relayer, bridge,
//                 DEX, OTC),
//   converted_out value of this asset a service converted into another
//                 (DEX swap, bridge, OTC payout in another asset); the other
//                 asset's entry books what came out as converted_in.
struct StageBook {
  std::int32_t stage = -1;
  AssetId asset = AssetId::kNone;
  Amount in = 0;
  Amount out = 0;
  Amount cashed_out = 0;
  Amount held = 0;
  Amount in_services = 0;
  Amount network_fees = 0;
  Amount service_fees = 0;
  Amount converted_in = 0;
  Amount converted_out = 0;

  // Left side minus right side of the identity; 0 when it holds.
  Amount Imbalance() const {
    return in + converted_in - out - cashed_out - held - in_services -
           network_fees - service_fees - converted_out;
  }
};

// The books of one attack, in the order entries were opened.
struct AttackBook {
  AttackId attack = AttackId::kNone;
  std::vector<StageBook> entries;

  StageBook& Entry(std::int32_t stage, AssetId asset) {
    for (StageBook& e : entries) {
      if (e.stage == stage && e.asset == asset) return e;
    }
    StageBook e;
    e.stage = stage;
    e.asset = asset;
    entries.push_back(e);
    return entries.back();
  }
};

}  // namespace chaintrace::sim::launder

#endif  // CHAINTRACE_SIM_LAUNDER_LOT_H_
