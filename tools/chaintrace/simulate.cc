// `chaintrace simulate SCENARIO --out DIR [--seed N] [--scale X]`: simulate
// the scenario's world, write DIR/ledger.pb (ledger, labels, ground truth)
// and print the calibration summary.

#include <CLI/CLI.hpp>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "model/ledger_io.h"
#include "sim/launder/summary.h"
#include "sim/scenario/loader.h"
#include "sim/world/calibration.h"
#include "sim/world/estimate.h"
#include "sim/world/simulator.h"
#include "tools/chaintrace/commands.h"

namespace chaintrace::tools {
namespace {

struct SimulateCommandOptions {
  std::string scenario;
  std::string out;
  std::optional<std::uint64_t> seed;
  double scale = 1.0;
  // Override the scenario's limits when set (0: sized from memory).
  std::optional<std::int64_t> max_transactions;
  std::optional<std::int64_t> max_addresses;
  bool text = false;
  bool quiet = false;
};

int RunSimulate(const SimulateCommandOptions& o) {
  const sim::LoadResult loaded = sim::LoadScenarioFile(o.scenario);
  for (const sim::Diagnostic& d : loaded.diagnostics) {
    std::cerr << d.ToString() << "\n";
  }
  if (!loaded.ok()) return kExitBadInput;
  scenario::Limits limits = loaded.scenario->scenario.limits();
  if (o.max_transactions) limits.set_max_transactions(*o.max_transactions);
  if (o.max_addresses) limits.set_max_addresses(*o.max_addresses);
  const sim::ResourceEstimate estimate =
      sim::EstimateResources(loaded.scenario->scenario, o.scale);
  const std::uint64_t memory = sim::AvailableMemoryBytes();
  if (Status st = sim::CheckResourceLimits(
          estimate, sim::CapsFor(limits, estimate, memory), memory);
      !st.ok()) {
    std::cerr << o.scenario << ": " << st.message() << "\n";
    return kExitBadInput;
  }
  sim::SimulateOptions options;
  options.seed = o.seed;
  options.scale = o.scale;
  options.scenario_sha256 = loaded.scenario->sha256;
  const auto begin = std::chrono::steady_clock::now();
  auto result = sim::Simulate(loaded.scenario->scenario, options);
  if (!result.ok()) {
    std::cerr << o.scenario << ": " << result.message() << "\n";
    return kExitBadInput;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - begin)
          .count();
  std::error_code ec;
  std::filesystem::create_directories(o.out, ec);
  if (ec) {
    std::cerr << o.out << ": cannot create directory: " << ec.message() << "\n";
    return kExitBadInput;
  }
  const std::string path = (std::filesystem::path(o.out) /
                            (o.text ? "ledger.textproto" : "ledger.pb"))
                               .string();
  if (Status st = WriteLedger(result->file, path); !st.ok()) {
    std::cerr << st.message() << "\n";
    return kExitBadInput;
  }
  if (o.quiet) return kExitOk;
  std::uint64_t txs = 0;
  for (ChainId c : result->file.ledger.chain_ids()) {
    txs += result->file.ledger.txs(c).tx_count();
  }
  std::cout << o.scenario << ": seed " << result->file.provenance.seed
            << ", scale " << o.scale << ": " << txs << " transactions, "
            << result->file.ledger.address_count() << " addresses, "
            << result->file.labels.size() << " labelled, simulated in "
            << seconds << " s (estimated "
            << std::llround(estimate.transactions) << " transactions, "
            << std::llround(estimate.addresses) << " addresses)\n";
  std::cout << sim::FormatCalibration(sim::ComputeCalibration(*result));
  std::cout << sim::launder::FormatLaundering(*result,
                                              loaded.scenario->scenario);
  std::cout << "wrote " << path << "\n";
  return kExitOk;
}

}  // namespace

void AddSimulateCommand(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<SimulateCommandOptions>();
  CLI::App* cmd = app.add_subcommand(
      "simulate",
      "Simulate a scenario's world (background traffic and services) and "
      "write its ledger, labels and ground truth; print a calibration "
      "summary");
  cmd->add_option("scenario", options->scenario, "Scenario file (.textproto)")
      ->required();
  cmd->add_option("--out", options->out, "Output directory")->required();
  cmd->add_option("--seed", options->seed,
                  "Random seed (default: the scenario's)");
  cmd->add_option("--scale", options->scale,
                  "Multiply background activity (populations, benign "
                  "service use) by this factor, > 0")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--max-transactions", options->max_transactions,
                  "Refuse the scenario when it is estimated to create more "
                  "transactions than this (overrides limits.max_transactions; "
                  "0: sized from available memory)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--max-addresses", options->max_addresses,
                  "Refuse the scenario when it is estimated to create more "
                  "addresses than this (overrides limits.max_addresses; 0: "
                  "sized from available memory)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_flag("--text", options->text,
                "Write ledger.textproto (text form) instead of ledger.pb");
  cmd->add_flag("-q,--quiet", options->quiet, "Print nothing on success");
  cmd->callback([options, exit_code] { *exit_code = RunSimulate(*options); });
}

}  // namespace chaintrace::tools
