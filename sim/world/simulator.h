#ifndef CHAINTRACE_SIM_WORLD_SIMULATOR_H_
#define CHAINTRACE_SIM_WORLD_SIMULATOR_H_

// Runs a validated scenario's world: builds chains, assets and entities,
// funds them in a genesis coinbase, and simulates background traffic and the
// services laundering uses (exchanges, mixers, CoinJoin, bridge, DEX pools)
// as a discrete-event simulation over the scenario's span. Produces the
// ledger, its ground truth (every address's owner; background transactions
// marked as such) and the labels the scenario's LabelCoverage grants.
//
// Determinism: one seed, split into named sub-streams per process (payments
// per chain, each exchange, each service, labels), so that adding an entity
// or an attack leaves the other streams' draws unchanged. Same scenario,
// seed and scale give byte-identical ledgers. Single-threaded.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/ledger_file.h"
#include "model/status.h"
#include "proto/scenario.pb.h"
#include "sim/launder/lot.h"

namespace chaintrace::sim {

struct SimulateOptions {
  // Overrides the scenario's seed when set.
  std::optional<std::uint64_t> seed;
  // Multiplies background activity: population sizes and benign service
  // rates. > 0.
  double scale = 1.0;
  // Recorded in the ledger's provenance.
  std::string scenario_sha256;
};

// Counts the simulator keeps while it runs, for the calibration summary.
struct ChainCounters {
  std::uint64_t payments = 0;            // user payments (incl. batches)
  std::uint64_t payments_to_reused = 0;  // ... to an address already used
  std::uint64_t consolidations = 0;
  std::uint64_t batches = 0;
  std::uint64_t unaffordable = 0;  // payments skipped: payer too poor
};

// Stolen value a theft could not take: the victim held too little.
struct AttackShortfall {
  std::string attack;
  AssetId asset = AssetId::kNone;
  Amount missing = 0;  // base units
};

struct SimulationResult {
  LedgerFile file;  // ledger, labels, truth (always set), provenance
  std::vector<ChainCounters> counters;  // per ChainId
  // Per attack, in scenario order: the exact accounting of its stolen
  // value by stage and asset (sim/launder/lot.h).
  std::vector<launder::AttackBook> books;
  std::vector<AttackShortfall> shortfalls;
};

// Precondition: `scenario` passed ValidateScenario. Errors only on internal
// inconsistencies (reported, never crashing) or a scale out of range.
Result<SimulationResult> Simulate(const scenario::Scenario& scenario,
                                  const SimulateOptions& options);

}  // namespace chaintrace::sim

#endif  // CHAINTRACE_SIM_WORLD_SIMULATOR_H_
