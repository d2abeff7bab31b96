// Benchmarks of every registered tracer on synthetic random ledgers built
// in memory: a UTXO chain of N transactions (about 2 inputs and 2 outputs
// each, spending uniformly random earlier unspent outputs, 1 % coinbases
// keeping the unspent set stocked) and an ACCOUNT chain of N transfers
// between random addresses. Ten early coinbase outputs are the seeds, so
// taint reaches most of the ledger: the worst case for a tracer. The taint
// models run without labels (nothing stops the taint); the clustering and
// following tracers with labels on 0.6 % of the addresses (exchange
// deposits and wallets, mixers, bridges, DEXes, OTC desks), which they need
// to have anything to do. Names: Utxo/<tracer>/<N>, Account/<tracer>/<N>.
//
// Build and run (docs in README.md, "Tracing"):
//   cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release
//     -DCHAINTRACE_BUILD_BENCHMARKS=ON -DCHAINTRACE_BUILD_TESTS=OFF
//   (one command)
//   cmake --build build-bench -j2 --target trace_bench
//   build-bench/tests/bench/trace_bench --benchmark_filter=Utxo/haircut
//     --benchmark_repetitions=3 --benchmark_report_aggregates_only=true

#include <benchmark/benchmark.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "model/labels.h"
#include "model/ledger.h"
#include "sim/trace/address_activity.h"
#include "sim/trace/haircut_system.h"
#include "sim/trace/registry.h"

namespace chaintrace::trace {
namespace {

// splitmix64: small, fast and portable.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t Next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  std::size_t Below(std::size_t n) {
    return static_cast<std::size_t>(Next() % n);
  }

 private:
  std::uint64_t state_;
};

struct Synthetic {
  Ledger ledger;
  std::vector<Seed> seeds;
  Labels labels;
};

// Labels one address in kLabelEvery of each kind: exchange deposits (of
// ten exchanges), exchange wallets, mixers, bridges, DEXes and OTC desks.
constexpr std::size_t kLabelEvery = 1000;
void AddLabels(const std::vector<AddressId>& addresses, Labels* labels) {
  std::vector<ServiceId> exchanges;
  exchanges.reserve(10);
  for (int k = 0; k < 10; ++k) {
    exchanges.push_back(*labels->AddService("exchange" + std::to_string(k)));
  }
  const ServiceId mixer = *labels->AddService("mixer");
  const ServiceId bridge = *labels->AddService("bridge");
  const ServiceId dex = *labels->AddService("dex");
  const ServiceId otc = *labels->AddService("otc");
  for (std::size_t a = 0; a < addresses.size(); ++a) {
    const ServiceId exchange = exchanges[(a / kLabelEvery) % exchanges.size()];
    switch (a % kLabelEvery) {
      case 0:
        (void)labels->Add(addresses[a], exchange,
                          common::LABEL_EXCHANGE_DEPOSIT);
        break;
      case 1:
        (void)labels->Add(addresses[a], exchange,
                          common::LABEL_EXCHANGE_WALLET);
        break;
      case 2:
        (void)labels->Add(addresses[a], mixer, common::LABEL_MIXER);
        break;
      case 3:
        (void)labels->Add(addresses[a], bridge, common::LABEL_BRIDGE);
        break;
      case 4:
        (void)labels->Add(addresses[a], dex, common::LABEL_DEX);
        break;
      case 5:
        (void)labels->Add(addresses[a], otc, common::LABEL_OTC);
        break;
      default:
        break;
    }
  }
}

constexpr std::size_t kAddresses = 1 << 20;
constexpr Amount kCoinbase = 5000000000;  // 50 BTC

std::unique_ptr<Synthetic> BuildUtxo(std::size_t n) {
  auto out = std::make_unique<Synthetic>();
  Ledger& l = out->ledger;
  const ChainId c = *l.AddChain("btc", common::UTXO, 600);
  const AssetId btc = *l.AddAsset(AssetInfo{"BTC", c, 8, {}});
  (void)l.SetNativeAsset(c, btc);
  std::vector<AddressId> addresses;
  for (std::size_t a = 0; a < kAddresses; ++a) {
    addresses.push_back(*l.AddAddress(c, "a" + std::to_string(a), "p2wpkh"));
  }
  AddLabels(addresses, &out->labels);
  l.Reserve(c, n, 2 * n + n / 10, 2 * n + n / 10);
  Rng rng(42);
  std::vector<OutputId> unspent;
  std::vector<InputSpec> inputs;
  std::vector<OutputSpec> outputs;
  for (std::size_t t = 0; t < n; ++t) {
    const std::string id = std::to_string(t);
    inputs.clear();
    outputs.clear();
    const bool coinbase = unspent.size() < 8 || rng.Below(100) == 0;
    Amount value = kCoinbase;
    if (!coinbase) {
      value = 0;
      const std::size_t n_in = 1 + rng.Below(3);
      for (std::size_t i = 0; i < n_in && !unspent.empty(); ++i) {
        const std::size_t pick = rng.Below(unspent.size());
        inputs.push_back({unspent[pick], AddressId::kNone, 0});
        value += l.txs(c).output_amount(unspent[pick]);
        unspent[pick] = unspent.back();
        unspent.pop_back();
      }
    }
    const Amount fee =
        coinbase ? 0
                 : static_cast<Amount>(
                       rng.Below(static_cast<std::size_t>(value / 1000) + 1));
    Amount left = value - fee;
    const std::size_t n_out = 1 + rng.Below(3);
    for (std::size_t k = 0; k < n_out && left > 0; ++k) {
      const Amount amount = k + 1 == n_out || left < 2
                                ? left
                                : 1 + static_cast<Amount>(rng.Below(
                                          static_cast<std::size_t>(left - 1)));
      outputs.push_back({addresses[rng.Below(kAddresses)], amount});
      left -= amount;
    }
    TxSpec tx;
    tx.id = id;
    tx.time = static_cast<Seconds>(t);
    tx.coinbase = coinbase;
    tx.fee = fee;
    tx.inputs = inputs;
    tx.outputs = outputs;
    const TxId added = *l.AddTransaction(c, tx);
    for (OutputId o : l.txs(c).outputs(added)) {
      unspent.push_back(o);
      if (coinbase && out->seeds.size() < 10 && t > 100) {
        out->seeds.push_back({c, o, l.txs(c).output_amount(o), "bench"});
      }
    }
  }
  return out;
}

std::unique_ptr<Synthetic> BuildAccount(std::size_t n) {
  auto out = std::make_unique<Synthetic>();
  Ledger& l = out->ledger;
  const ChainId c = *l.AddChain("eth", common::ACCOUNT, 13);
  const AssetId eth = *l.AddAsset(AssetInfo{"ETH", c, 9, {}});
  (void)l.SetNativeAsset(c, eth);
  const std::size_t accounts = kAddresses / 4;
  std::vector<AddressId> addresses;
  for (std::size_t a = 0; a < accounts; ++a) {
    addresses.push_back(*l.AddAddress(c, "e" + std::to_string(a), "eoa"));
  }
  AddLabels(addresses, &out->labels);
  l.Reserve(c, n, n, n + accounts);
  Rng rng(43);
  std::vector<Amount> balance(accounts, 0);
  std::vector<InputSpec> inputs;
  std::vector<OutputSpec> outputs;
  // Fund every account, seeds on the first ten credits.
  for (std::size_t a = 0; a < accounts; ++a)
    outputs.push_back({addresses[a], kCoinbase});
  TxSpec genesis;
  genesis.id = "genesis";
  genesis.coinbase = true;
  genesis.outputs = outputs;
  const TxId g = *l.AddTransaction(c, genesis);
  for (std::size_t a = 0; a < accounts; ++a) balance[a] = kCoinbase;
  for (std::size_t k = 0; k < 10; ++k) {
    out->seeds.push_back(
        {c, l.txs(c).outputs(g)[k * 1000], kCoinbase, "bench"});
  }
  for (std::size_t t = 0; t < n; ++t) {
    const std::string id = std::to_string(t);
    const std::size_t from = rng.Below(accounts);
    const std::size_t to = rng.Below(accounts);
    if (balance[from] < 1000) continue;
    const Amount debit = 1 + static_cast<Amount>(rng.Below(
                                 static_cast<std::size_t>(balance[from] / 2)));
    const Amount fee = debit / 1000;
    inputs.assign({{OutputId::kNone, addresses[from], debit}});
    outputs.assign({{addresses[to], debit - fee}});
    TxSpec tx;
    tx.id = id;
    tx.time = static_cast<Seconds>(t);
    tx.fee = fee;
    tx.inputs = inputs;
    tx.outputs = outputs;
    (void)*l.AddTransaction(c, tx);
    balance[from] -= debit;
    balance[to] += debit - fee;
  }
  return out;
}

// One ledger per (kind, size), built on first use and kept.
const Synthetic& Ledger(bool utxo, std::size_t n) {
  static std::map<std::pair<bool, std::size_t>, std::unique_ptr<Synthetic>>
      cache;
  auto& slot = cache[{utxo, n}];
  if (!slot) slot = utxo ? BuildUtxo(n) : BuildAccount(n);
  return *slot;
}

void RunTracer(benchmark::State& state, const std::string& name, bool utxo,
               bool labelled) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const Synthetic& s = Ledger(utxo, n);
  auto tracer = MakeTracer(name, {});
  const TraceInput input{&s.ledger, s.seeds, labelled ? &s.labels : nullptr};
  std::size_t tainted = 0;
  for (auto _ : state) {  // NOLINT(clang-analyzer-deadcode.DeadStores)
    auto result = (*tracer)->Trace(input);
    benchmark::DoNotOptimize(result);
    tainted = 0;
    for (Amount a : result->chains[0].output_taint) tainted += a > 0 ? 1 : 0;
  }
  const std::size_t txs = s.ledger.txs(IdFromIndex<ChainId>(0)).tx_count();
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(txs));
  state.counters["txs"] = static_cast<double>(txs);
  state.counters["tainted_outputs"] = static_cast<double>(tainted);
}

// The Eigen solve of the assembled haircut system alone: the reference the
// haircut tracer's in-walk solution is tested against.
void BM_HaircutEigenSystem(benchmark::State& state) {
  const Synthetic& s = Ledger(true, static_cast<std::size_t>(state.range(0)));
  const TraceInput input{&s.ledger, s.seeds, nullptr};
  for (auto _ : state) {  // NOLINT(clang-analyzer-deadcode.DeadStores)
    auto fractions = HaircutFractions(input, IdFromIndex<ChainId>(0), {});
    benchmark::DoNotOptimize(fractions);
  }
  state.SetItemsProcessed(
      state.iterations() *
      static_cast<std::int64_t>(
          s.ledger.txs(IdFromIndex<ChainId>(0)).tx_count()));
}

// The per-address view (debits, credits, first credits) that the
// following tracers and the change heuristics build first.
void BM_AddressActivity(benchmark::State& state) {
  const Synthetic& s = Ledger(true, static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {  // NOLINT(clang-analyzer-deadcode.DeadStores)
    const AddressActivity activity(s.ledger);
    benchmark::DoNotOptimize(&activity);
  }
  state.SetItemsProcessed(
      state.iterations() *
      static_cast<std::int64_t>(
          s.ledger.txs(IdFromIndex<ChainId>(0)).tx_count()));
}

void Sizes(benchmark::internal::Benchmark* b) {
  b->Arg(1000000)->Arg(10000000)->Unit(benchmark::kMillisecond)->Iterations(3);
}

constexpr const char* kTaintModels[] = {"poison", "haircut", "fifo",
                                        "lifo",   "tiho",    "seniority"};
constexpr const char* kFollowers[] = {
    "multi_input", "change",       "deposit_cluster", "peel_follower",
    "mixer_demix", "bridge_match", "analyst"};

// Registers Utxo/<tracer> and Account/<tracer> for every tracer above.
bool RegisterTracers() {
  for (const bool utxo : {true, false}) {
    const std::string kind = utxo ? "Utxo/" : "Account/";
    for (const char* name : kTaintModels) {
      benchmark::RegisterBenchmark((kind + name).c_str(), RunTracer,
                                   std::string(name), utxo, false)
          ->Apply(Sizes);
    }
    for (const char* name : kFollowers) {
      benchmark::RegisterBenchmark((kind + name).c_str(), RunTracer,
                                   std::string(name), utxo, true)
          ->Apply(Sizes);
    }
  }
  return true;
}
const bool kRegistered = RegisterTracers();

BENCHMARK(BM_HaircutEigenSystem)->Apply(Sizes);
BENCHMARK(BM_AddressActivity)->Apply(Sizes);

}  // namespace
}  // namespace chaintrace::trace
