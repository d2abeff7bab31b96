#ifndef CHAINTRACE_SIM_WORLD_CALIBRATION_H_
#define CHAINTRACE_SIM_WORLD_CALIBRATION_H_

// The calibration summary of a simulated ledger: what `chaintrace simulate`
// prints and what the calibration tests compare with the scenario's
// parameters. Computed from the ledger, its ground truth and the
// simulator's counters in one pass over the transactions.

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "model/ledger_file.h"
#include "sim/world/simulator.h"

namespace chaintrace::sim {

// Histogram buckets of inputs or outputs per transaction.
inline constexpr std::array<const char*, 6> kCountBuckets = {
    "1", "2", "3", "4-5", "6-10", "11+"};

struct ChainCalibration {
  std::string chain;
  bool utxo = true;
  std::uint64_t transactions = 0;  // all, coinbase included
  std::uint64_t coinbase = 0;
  std::uint64_t addresses = 0;
  double days = 0;
  double transactions_per_day = 0;
  std::array<std::uint64_t, 6> inputs{};   // non-coinbase, by bucket
  std::array<std::uint64_t, 6> outputs{};  // non-coinbase, by bucket
  double mean_inputs = 0;
  double mean_outputs = 0;
  // Payments whose payee address had received before / all payments.
  double address_reuse = 0;
  // Shares of non-coinbase transactions.
  double consolidation_share = 0;
  double batch_share = 0;
  // Transactions by asset (ACCOUNT: token transfers / all non-coinbase).
  double token_share = 0;
  Amount fees = 0;  // base units of the native asset
  int fee_decimals = 0;
  double fees_usd = 0;
  ChainCounters counters;
};

struct KindValue {
  common::EntityKind kind = common::ENTITY_KIND_UNSPECIFIED;
  double usd_received = 0;  // USD of outputs credited to this kind
  std::uint64_t outputs = 0;
};

struct Calibration {
  std::vector<ChainCalibration> chains;
  std::vector<KindValue> by_kind;  // kinds with any value, in enum order
};

Calibration ComputeCalibration(const SimulationResult& result);

// Readable multi-line text of the summary.
std::string FormatCalibration(const Calibration& c);

}  // namespace chaintrace::sim

#endif  // CHAINTRACE_SIM_WORLD_CALIBRATION_H_
