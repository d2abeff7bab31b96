// Benchmarks of the background simulator on the scale scenario
// scenarios/scale/bitcoin_10m.textproto (one Bitcoin-like chain, 165,000
// users, 3,000 merchants, two exchanges, miners; about 10.5 million
// transactions), and of writing the ledger it produces.
//
//   BM_Simulate/S      chaintrace::sim::Simulate at --scale S/100, nothing
//                      written. items_per_second: transactions per second
//                      of CPU time of the simulating thread.
//   BM_EncodeLedger/S  the ledger of BM_Simulate/S encoded in memory
//                      (EncodeLedgerBinary), items: transactions.
//   BM_WriteLedger/S   the same written to a file in $TMPDIR (atomic
//                      write, then removed).
//
// Counters: txs, inputs, outputs; bytes_per_io = heap bytes the ledger
// (transactions and addresses) and the ground truth have written, from
// their container sizes (model/memory_bytes.h Bytes::kUsed), per input
// plus output; ledger_tx_bytes_per_io, address_bytes_per_io and
// truth_bytes_per_io the same for the transaction stores, the address
// table and the ground truth alone; held_bytes_per_io the heap they hold,
// from capacities, which adds what the simulator reserved ahead and did not
// use (address space, never written, so not resident).
//
// Build and run (README.md, "Performance"):
//   cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
//     -DCHAINTRACE_BUILD_BENCHMARKS=ON   (one command)
//   cmake --build build -j2 --target simulate_bench
//   build/tests/bench/simulate_bench --benchmark_filter=Simulate/100

#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>

#include "model/ledger_io.h"
#include "sim/scenario/loader.h"
#include "sim/world/simulator.h"

#ifndef CHAINTRACE_SCENARIO_DIR
#error "CHAINTRACE_SCENARIO_DIR must name the shipped scenarios folder"
#endif

namespace chaintrace::sim {
namespace {

const LoadedScenario& Scenario() {
  static const LoadedScenario loaded = [] {
    LoadResult r = LoadScenarioFile(std::string(CHAINTRACE_SCENARIO_DIR) +
                                    "/scale/bitcoin_10m.textproto");
    if (!r.ok()) throw std::runtime_error("cannot load the scale scenario");
    return std::move(*r.scenario);
  }();
  return loaded;
}

SimulationResult Run(double scale) {
  SimulateOptions options;
  options.scale = scale;
  options.scenario_sha256 = Scenario().sha256;
  auto result = Simulate(Scenario().scenario, options);
  if (!result.ok()) throw std::runtime_error(result.message());
  return std::move(*result);
}

struct Sizes {
  std::size_t txs = 0, inputs = 0, outputs = 0, tx_bytes = 0, all_bytes = 0;
  std::size_t address_bytes = 0, truth_bytes = 0, held_bytes = 0;
};

Sizes Measure(const LedgerFile& file) {
  Sizes s;
  for (ChainId c : file.ledger.chain_ids()) {
    const TxStore& store = file.ledger.txs(c);
    s.txs += store.tx_count();
    s.inputs += store.input_count();
    s.outputs += store.output_count();
    s.tx_bytes += store.memory_bytes(Bytes::kUsed);
  }
  s.address_bytes = file.ledger.address_memory_bytes(Bytes::kUsed);
  s.truth_bytes = file.truth ? file.truth->memory_bytes(Bytes::kUsed) : 0;
  s.all_bytes = file.ledger.memory_bytes(Bytes::kUsed) + s.truth_bytes;
  s.held_bytes = file.ledger.memory_bytes() +
                 (file.truth ? file.truth->memory_bytes() : 0);
  return s;
}

void Report(benchmark::State& state, const Sizes& s) {
  state.SetItemsProcessed(state.iterations() *
                          static_cast<std::int64_t>(s.txs));
  const auto io = static_cast<double>(s.inputs + s.outputs);
  state.counters["txs"] = static_cast<double>(s.txs);
  state.counters["inputs"] = static_cast<double>(s.inputs);
  state.counters["outputs"] = static_cast<double>(s.outputs);
  state.counters["bytes_per_io"] = static_cast<double>(s.all_bytes) / io;
  state.counters["ledger_tx_bytes_per_io"] =
      static_cast<double>(s.tx_bytes) / io;
  state.counters["address_bytes_per_io"] =
      static_cast<double>(s.address_bytes) / io;
  state.counters["truth_bytes_per_io"] =
      static_cast<double>(s.truth_bytes) / io;
  state.counters["held_bytes_per_io"] = static_cast<double>(s.held_bytes) / io;
}

double Scale(const benchmark::State& state) {
  return static_cast<double>(state.range(0)) / 100.0;
}

void BM_Simulate(benchmark::State& state) {
  Sizes sizes;
  for (auto _ : state) {  // NOLINT(clang-analyzer-deadcode.DeadStores)
    auto result = std::make_unique<SimulationResult>(Run(Scale(state)));
    sizes = Measure(result->file);
    state.PauseTiming();  // freeing the ledger is not simulating
    result.reset();
    state.ResumeTiming();
  }
  Report(state, sizes);
}

// One simulated ledger per scale, kept for the write benchmarks.
const LedgerFile& Simulated(double scale) {
  static std::map<double, std::unique_ptr<SimulationResult>> cache;
  auto& slot = cache[scale];
  if (!slot) slot = std::make_unique<SimulationResult>(Run(scale));
  return slot->file;
}

void BM_EncodeLedger(benchmark::State& state) {
  const LedgerFile& file = Simulated(Scale(state));
  std::size_t bytes = 0;
  for (auto _ : state) {  // NOLINT(clang-analyzer-deadcode.DeadStores)
    const std::string encoded = EncodeLedgerBinary(file);
    bytes = encoded.size();
    benchmark::DoNotOptimize(encoded.data());
  }
  Report(state, Measure(file));
  state.SetBytesProcessed(state.iterations() *
                          static_cast<std::int64_t>(bytes));
}

void BM_WriteLedger(benchmark::State& state) {
  const LedgerFile& file = Simulated(Scale(state));
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() /
      ("chaintrace_bench_" + std::to_string(::getpid()) + ".pb");
  for (auto _ : state) {  // NOLINT(clang-analyzer-deadcode.DeadStores)
    if (Status st = WriteLedgerBinary(file, path.string()); !st.ok()) {
      state.SkipWithError(st.message().c_str());
      break;
    }
  }
  std::error_code ec;
  state.SetBytesProcessed(
      state.iterations() *
      static_cast<std::int64_t>(std::filesystem::file_size(path, ec)));
  std::filesystem::remove(path, ec);
  Report(state, Measure(file));
}

// Scales in hundredths: 10 (~1M transactions) for a quick look, 100
// (>= 10M transactions) for the figures in README.md.
void Scales(benchmark::internal::Benchmark* b) {
  b->Arg(10)->Arg(100)->Unit(benchmark::kSecond)->Iterations(1);
}

BENCHMARK(BM_Simulate)->Apply(Scales);
BENCHMARK(BM_EncodeLedger)->Apply(Scales);
BENCHMARK(BM_WriteLedger)->Apply(Scales);

}  // namespace
}  // namespace chaintrace::sim
