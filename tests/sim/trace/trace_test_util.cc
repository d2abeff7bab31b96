#include "tests/sim/trace/trace_test_util.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>

#include "model/ledger_io.h"
#include "sim/trace/registry.h"

namespace chaintrace::trace::testing_util {
namespace {

constexpr ChainId kFirst = IdFromIndex<ChainId>(0);

}  // namespace

LedgerFile ParseLedger(std::string_view text) {
  auto file = ReadLedgerText(text, "test.textproto");
  EXPECT_TRUE(file.ok()) << file.message();
  return file.ok() ? std::move(file).value() : LedgerFile{};
}

TxId Tx(const Ledger& ledger, std::string_view txid) {
  const TxId tx = ledger.txs(kFirst).FindTx(txid);
  EXPECT_NE(tx, TxId::kNone) << txid;
  return tx;
}

OutputId Out(const Ledger& ledger, std::string_view txid, std::uint32_t index) {
  const TxId tx = Tx(ledger, txid);
  if (tx == TxId::kNone) return OutputId::kNone;
  const auto outputs = ledger.txs(kFirst).outputs(tx);
  EXPECT_LT(index, outputs.size()) << txid;
  return index < outputs.size() ? outputs[index] : OutputId::kNone;
}

InputId FirstIn(const Ledger& ledger, std::string_view txid) {
  const TxId tx = Tx(ledger, txid);
  if (tx == TxId::kNone) return InputId::kNone;
  const auto inputs = ledger.txs(kFirst).inputs(tx);
  EXPECT_FALSE(inputs.empty()) << txid;
  return inputs.empty() ? InputId::kNone : inputs[0];
}

Seed SeedOf(const Ledger& ledger, std::string_view txid, std::uint32_t index,
            Amount amount) {
  return Seed{kFirst, Out(ledger, txid, index), amount, "test"};
}

TraceResult RunTracer(std::string_view name, const LedgerFile& file,
                      const std::vector<Seed>& seeds,
                      const TracerOptions& options) {
  auto tracer = MakeTracer(name, options);
  EXPECT_TRUE(tracer.ok()) << tracer.message();
  if (!tracer.ok()) return {};
  EXPECT_EQ((*tracer)->name(), name);
  const TraceInput input{&file.ledger, seeds, &file.labels};
  auto result = (*tracer)->Trace(input);
  EXPECT_TRUE(result.ok()) << result.message();
  return result.ok() ? std::move(result).value() : TraceResult{};
}

Amount TaintOf(const TraceResult& result, const Ledger& ledger,
               std::string_view txid, std::uint32_t index) {
  const OutputId o = Out(ledger, txid, index);
  if (o == OutputId::kNone || result.chains.empty()) return -1;
  return result.chains[0].output_taint[Index(o)];
}

Amount FeeTaintOf(const TraceResult& result, const Ledger& ledger,
                  std::string_view txid) {
  const TxId tx = Tx(ledger, txid);
  if (tx == TxId::kNone || result.chains.empty()) return -1;
  return result.chains[0].fee_taint[Index(tx)];
}

std::vector<std::string> TaintModelNames() {
  return {"poison", "haircut", "fifo", "lifo", "tiho", "seniority"};
}

namespace {

// Uniform in [lo, hi], portable (no std::*_distribution).
Amount Draw(std::mt19937_64& rng, Amount lo, Amount hi) {
  return lo +
         static_cast<Amount>(rng() % static_cast<std::uint64_t>(hi - lo + 1));
}

// Splits `value` into `n` positive parts (n <= value).
std::vector<OutputSpec> SplitInto(std::mt19937_64& rng, Amount value,
                                  std::size_t n,
                                  const std::vector<AddressId>& addresses) {
  std::vector<OutputSpec> outputs(n);
  Amount left = value;
  for (std::size_t k = 0; k < n; ++k) {
    const auto rest = static_cast<Amount>(n - k - 1);
    const Amount amount = k + 1 == n ? left : Draw(rng, 1, left - rest);
    outputs[k] = {addresses[rng() % addresses.size()], amount};
    left -= amount;
  }
  return outputs;
}

}  // namespace

RandomLedger MakeRandomLedger(std::uint64_t seed, bool utxo) {
  std::mt19937_64 rng(seed);
  RandomLedger out;
  Ledger& l = out.file.ledger;
  const ChainId c = *l.AddChain(utxo ? "btc" : "eth",
                                utxo ? common::UTXO : common::ACCOUNT, 600);
  const AssetId native = *l.AddAsset(AssetInfo{utxo ? "BTC" : "ETH", c, 8, {}});
  EXPECT_TRUE(l.SetNativeAsset(c, native).ok());
  const AssetId token =
      utxo ? native : *l.AddAsset(AssetInfo{"USDT", c, 6, {}});
  std::vector<AddressId> addresses;
  for (int i = 0; i < 10; ++i) {
    addresses.push_back(*l.AddAddress(c, "a" + std::to_string(i), "t"));
  }
  Labels& labels = out.file.labels;
  EXPECT_TRUE(labels
                  .Add(addresses[0], *labels.AddService("exchange"),
                       common::LABEL_EXCHANGE_DEPOSIT)
                  .ok());
  EXPECT_TRUE(
      labels.Add(addresses[1], *labels.AddService("mixer"), common::LABEL_MIXER)
          .ok());

  std::vector<InputSpec> inputs;
  std::vector<OutputSpec> outputs;
  int next_id = 0;
  Seconds time = 0;
  const auto add = [&](AssetId asset, bool coinbase, Amount fee) {
    TxSpec tx;
    const std::string id = "t" + std::to_string(next_id++);
    tx.id = id;
    tx.time = time;
    time += 60;
    tx.asset = asset;
    tx.coinbase = coinbase;
    tx.fee = fee;
    tx.inputs = inputs;
    tx.outputs = outputs;
    auto added = l.AddTransaction(c, tx);
    EXPECT_TRUE(added.ok()) << added.message();
    return *added;
  };
  // Coinbases: one per asset, every address funded; some outputs seeded.
  std::vector<Amount> balance(addresses.size() * 2, 0);  // [address][asset]
  std::vector<OutputId> unspent;
  for (const AssetId asset : utxo ? std::vector<AssetId>{native}
                                  : std::vector<AssetId>{native, token}) {
    inputs.clear();
    outputs.clear();
    for (std::size_t a = 0; a < addresses.size(); ++a) {
      outputs.push_back({addresses[a], Draw(rng, 1000, 100000)});
    }
    const TxId tx = add(asset, true, 0);
    for (OutputId o : l.txs(c).outputs(tx)) {
      const Amount amount = l.txs(c).output_amount(o);
      const std::size_t a =
          Index(l.txs(c).output_address(o)) - Index(addresses[0]);
      balance[a * 2 + (asset == native ? 0 : 1)] += amount;
      unspent.push_back(o);
      if (rng() % 3 == 0) {
        out.seeds.push_back(Seed{c, o, Draw(rng, 0, amount), "random"});
      }
    }
  }
  for (int k = 0; k < 60; ++k) {
    inputs.clear();
    outputs.clear();
    if (utxo) {
      if (unspent.empty()) break;
      const std::size_t n_in =
          std::min<std::size_t>(1 + rng() % 3, unspent.size());
      Amount value = 0;
      for (std::size_t i = 0; i < n_in; ++i) {
        const std::size_t pick = rng() % unspent.size();
        inputs.push_back({unspent[pick], AddressId::kNone, 0});
        value += l.txs(c).output_amount(unspent[pick]);
        unspent.erase(unspent.begin() + static_cast<std::ptrdiff_t>(pick));
      }
      const Amount fee = Draw(rng, 0, std::min<Amount>(value / 10, 50));
      const std::size_t n_out = 1 + rng() % 3;
      outputs = SplitInto(rng, value - fee, n_out, addresses);
      const TxId tx = add(native, false, fee);
      for (OutputId o : l.txs(c).outputs(tx)) unspent.push_back(o);
      continue;
    }
    const bool is_token = rng() % 3 == 0;
    const std::size_t slot = is_token ? 1 : 0;
    const std::size_t from = rng() % addresses.size();
    if (balance[from * 2 + slot] < 10) continue;
    const Amount debit = Draw(rng, 4, balance[from * 2 + slot]);
    inputs.push_back({OutputId::kNone, addresses[from], debit});
    const Amount fee = Draw(rng, 0, 3);
    outputs = SplitInto(rng, is_token ? debit : debit - fee, 1 + rng() % 2,
                        addresses);
    add(is_token ? token : native, false, fee);
    balance[from * 2 + slot] -= debit;
    if (is_token)
      balance[from * 2] = std::max<Amount>(0, balance[from * 2] - fee);
    for (const OutputSpec& o : outputs) {
      balance[(Index(o.address) - Index(addresses[0])) * 2 + slot] += o.amount;
    }
  }
  return out;
}

}  // namespace chaintrace::trace::testing_util
