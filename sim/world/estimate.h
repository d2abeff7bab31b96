#ifndef CHAINTRACE_SIM_WORLD_ESTIMATE_H_
#define CHAINTRACE_SIM_WORLD_ESTIMATE_H_

// Resource limits: before a scenario is simulated, estimate how many
// transactions and addresses it will create and how much memory that takes,
// and refuse it when the estimate is above the scenario's Limits
// (proto/scenario.proto), so that a typo in a population size fails in a
// millisecond with a clear message instead of exhausting the machine.
//
// The estimate is a sum of rates over the scenario's span, per chain:
//   blocks          one reward transaction per block interval (ACCOUNT
//                   chains: per hour) on chains with a miner;
//   payments        users x payments_per_day x scale, plus their share of
//                   merchant settlements and miner sales (daily);
//   exchanges       per exchange and chain it holds: sweeps every
//                   sweep_delay (ACCOUNT: one per deposit received),
//                   withdrawal batches every batch interval (ACCOUNT: one
//                   transfer per withdrawal), a daily rebalance;
//   services        two transactions per benign mixer deposit, bridge
//                   crossing and DEX swap, one per CoinJoin round;
//   attacks         the theft burst and each stage's stated counts (split
//                   ways, peel hops, cash-out deposits, ...; a mixer stage
//                   counts kMixerLotsGuess lots, its lots depend on prices).
// Addresses: the populations' genesis addresses, exchange deposit addresses
// (at most one per account and chain), and per transaction the fresh
// addresses its model creates (payees not reused, UTXO change). Measured on
// the shipped world and scenarios it is within a factor of 2 of the counts
// the simulator produces (tests/sim/world/estimate_test.cc and, slow,
// estimate_scale_test.cc).
//
// Memory: kBytesPerInputOutput per input or output (ledger arrays, ground
// truth, the simulator's coin state), kBytesPerTransaction per transaction
// (times, fees, offsets, txid, truth) and kBytesPerAddress per address
// (name, index, owner, wallet state). Fitted to the peak RSS of
// `chaintrace simulate`: un2022 (1.92M transactions, 2.06M addresses)
// 645 MB measured, 785 MB estimated; the small world 47 MB measured (~15 MB
// of it the program itself), 42 MB estimated.

#include <cstdint>
#include <string>

#include "model/status.h"
#include "proto/scenario.pb.h"

namespace chaintrace::sim {

// Shares of a background payment's payees paid at exchange deposit
// addresses and at merchants (the rest at users): background.cc pays so,
// the estimates (here and reserve.cc) count so.
inline constexpr double kPaymentToExchange = 0.15;
inline constexpr double kPaymentToMerchant = 0.35;

inline constexpr std::uint64_t kBytesPerInputOutput = 70;
inline constexpr std::uint64_t kBytesPerTransaction = 60;
inline constexpr std::uint64_t kBytesPerAddress = 60;
// Lots a mixer stage is counted with (deposits; as many withdrawals).
inline constexpr double kMixerLotsGuess = 50;

struct ResourceEstimate {
  double transactions = 0;
  double addresses = 0;
  double inputs_outputs = 0;  // inputs plus outputs
  // Memory the simulation needs, in bytes.
  double bytes = 0;
};

// Precondition: `scenario` passed ValidateScenario; scale > 0.
ResourceEstimate EstimateResources(const scenario::Scenario& scenario,
                                   double scale);

// Caps actually applied: a limit of 0 is sized from `available_bytes`
// (3/4 of it for the simulation): transactions so that the estimated
// transactions with their addresses fit, addresses so that they alone fit;
// with `available_bytes` 0 (unknown) such a limit does not apply.
struct ResourceCaps {
  std::int64_t max_transactions = 0;
  std::int64_t max_addresses = 0;
};
ResourceCaps CapsFor(const scenario::Limits& limits,
                     const ResourceEstimate& estimate,
                     std::uint64_t available_bytes);

// Ok, or an error giving the estimate, the cap it exceeds, the memory it
// would need and the memory available, and how to raise the cap.
Status CheckResourceLimits(const ResourceEstimate& estimate,
                           const ResourceCaps& caps,
                           std::uint64_t available_bytes);

// MemAvailable of /proc/meminfo in bytes; 0 when it cannot be read.
std::uint64_t AvailableMemoryBytes();

// Parses the text of /proc/meminfo; 0 when MemAvailable is missing.
std::uint64_t ParseMemAvailable(const std::string& meminfo);

}  // namespace chaintrace::sim

#endif  // CHAINTRACE_SIM_WORLD_ESTIMATE_H_
