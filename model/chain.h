#ifndef CHAINTRACE_MODEL_CHAIN_H_
#define CHAINTRACE_MODEL_CHAIN_H_

// Chains and assets as a ledger declares them. A chain is UTXO (a
// transaction spends whole outputs and creates new ones) or ACCOUNT (a
// transfer debits and credits address balances); every chain has one native
// asset that pays its fees, and an ACCOUNT chain may carry further assets
// (tokens). Every asset has a USD price path for reporting.

#include <span>
#include <string>
#include <vector>

#include "model/ids.h"
#include "model/time.h"
#include "proto/common.pb.h"

namespace chaintrace {

using ChainModel = common::ChainModel;

struct ChainInfo {
  std::string name;
  ChainModel model = common::CHAIN_MODEL_UNSPECIFIED;
  AssetId native_asset = AssetId::kNone;
  // Seconds between blocks, > 0.
  Seconds block_interval = 600;

  bool is_utxo() const { return model == common::UTXO; }
  friend bool operator==(const ChainInfo&, const ChainInfo&) = default;
};

struct PricePoint {
  Seconds time = 0;
  double usd = 0;
  friend bool operator==(const PricePoint&, const PricePoint&) = default;
};

// Value of a path of time-sorted points at `t`: linear between the two
// surrounding points, the first (last) point's value before (after) them,
// 0 without points.
double PathValueAt(std::span<const PricePoint> points, Seconds t);

struct AssetInfo {
  std::string name;
  ChainId chain = ChainId::kNone;
  // Decimal places of the base unit, 0..kMaxDecimals.
  int decimals = 0;
  // USD per whole unit at increasing times.
  std::vector<PricePoint> usd_price;

  // USD per whole unit at `t`: linear between the two surrounding points,
  // the first (last) point's price before (after) the path, 0 without
  // points. Precondition: usd_price is sorted by time.
  double UsdAt(Seconds t) const;

  friend bool operator==(const AssetInfo&, const AssetInfo&) = default;
};

}  // namespace chaintrace

#endif  // CHAINTRACE_MODEL_CHAIN_H_
