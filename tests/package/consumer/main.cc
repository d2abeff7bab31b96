// consumer SCENARIO LEDGER OUT.json: loads and validates a scenario,
// simulates it (background scaled down to 1 %) and traces its thefts with
// the poison tracer, reads a ledger and checks its conservation, lists the
// registered tracers and exports the ledger as JSON to OUT.json, all
// through the installed chaintrace package.

#include <cstdint>
#include <iostream>
#include <vector>

#include "model/conservation.h"
#include "model/ledger_io.h"
#include "model/version.h"
#include "sim/io/export.h"
#include "sim/scenario/loader.h"
#include "sim/trace/registry.h"
#include "sim/world/simulator.h"

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: consumer SCENARIO LEDGER OUT.json\n";
    return 2;
  }
  std::cout << "chaintrace " << chaintrace::kVersion << "\n";
  const chaintrace::sim::LoadResult scenario =
      chaintrace::sim::LoadScenarioFile(argv[1]);
  if (!scenario.ok()) {
    for (const auto& d : scenario.diagnostics)
      std::cerr << d.ToString() << "\n";
    return 1;
  }
  std::cout << "scenario " << scenario.scenario->scenario.metadata().name()
            << ": valid, " << scenario.scenario->scenario.attacks_size()
            << " attacks\n";
  chaintrace::sim::SimulateOptions options;
  options.scale = 0.01;
  const auto simulated =
      chaintrace::sim::Simulate(scenario.scenario->scenario, options);
  if (!simulated.ok()) {
    std::cerr << simulated.message() << "\n";
    return 1;
  }
  const chaintrace::Ledger& world = simulated->file.ledger;
  std::cout << "simulated: " << world.thefts().size() << " thefts, "
            << simulated->file.truth->cash_outs().size() << " cash-outs\n";
  const auto poison = chaintrace::trace::MakeTracer("poison", {});
  if (!poison.ok()) {
    std::cerr << poison.message() << "\n";
    return 1;
  }
  const std::vector<chaintrace::trace::Seed> seeds =
      chaintrace::trace::SeedsFromThefts(world);
  chaintrace::trace::TraceInput input;
  input.ledger = &world;
  input.seeds = seeds;
  input.labels = &simulated->file.labels;
  const auto traced = (*poison)->Trace(input);
  if (!traced.ok()) {
    std::cerr << traced.message() << "\n";
    return 1;
  }
  std::size_t flagged = 0;
  for (const std::uint8_t f : traced->address_flagged) flagged += f;
  std::cout << "poison flagged " << flagged << " addresses from "
            << seeds.size() << " seeds\n";
  const auto ledger = chaintrace::ReadLedger(argv[2]);
  if (!ledger.ok()) {
    std::cerr << ledger.message() << "\n";
    return 1;
  }
  if (const auto st = chaintrace::CheckConservation(ledger->ledger); !st.ok()) {
    std::cerr << st.message() << "\n";
    return 1;
  }
  std::size_t txs = 0;
  for (chaintrace::ChainId c : ledger->ledger.chain_ids()) {
    txs += ledger->ledger.txs(c).tx_count();
  }
  std::cout << "ledger: " << txs << " transactions, conserved\n";
  std::cout << "tracers: " << chaintrace::trace::RegisteredTracers().size()
            << "\n";
  for (const auto& t : chaintrace::trace::RegisteredTracers()) {
    std::cout << "  " << t.name << ": " << t.summary << "\n";
  }
  const auto exported = chaintrace::io::ExportLedger(
      *ledger, {chaintrace::io::ExportFormat::kJson, false}, argv[3]);
  if (!exported.ok()) {
    std::cerr << exported.message() << "\n";
    return 1;
  }
  std::cout << "exported " << exported->transactions << " transactions\n";
  return 0;
}
