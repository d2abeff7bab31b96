// Properties on random small ledgers, parameterised over every registered
// tracer (sane, deterministic results) and every conserving taint model
// (integer taint conserved exactly, per transaction and per chain).

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "sim/trace/registry.h"
#include "sim/trace/taint_walk.h"
#include "tests/sim/trace/trace_test_util.h"

namespace chaintrace::trace {
namespace {

using testing_util::MakeRandomLedger;
using testing_util::RandomLedger;
using testing_util::RunTracer;

constexpr int kLedgers = 20;

std::vector<std::string> AllTracers() {
  std::vector<std::string> names;
  for (const TracerInfo& info : RegisteredTracers()) names.push_back(info.name);
  return names;
}

class EveryTracer : public ::testing::TestWithParam<std::string> {};

TEST_P(EveryTracer, SaneAndDeterministicOnRandomLedgers) {
  for (int k = 0; k < kLedgers; ++k) {
    for (bool utxo : {true, false}) {
      const RandomLedger random =
          MakeRandomLedger(static_cast<std::uint64_t>(k), utxo);
      const Ledger& l = random.file.ledger;
      const TraceResult r = RunTracer(GetParam(), random.file, random.seeds);
      const TraceResult again =
          RunTracer(GetParam(), random.file, random.seeds);
      EXPECT_EQ(r, again);
      ASSERT_EQ(r.chains.size(), 1U);
      const TxStore& s = l.txs(IdFromIndex<ChainId>(0));
      ASSERT_EQ(r.chains[0].output_taint.size(), s.output_count());
      for (OutputId o : IdRange<OutputId>(0, s.output_count())) {
        EXPECT_GE(r.chains[0].output_taint[Index(o)], 0);
        EXPECT_LE(r.chains[0].output_taint[Index(o)], s.output_amount(o));
      }
      for (const Seed& seed : random.seeds) {
        if (seed.amount > 0) {
          EXPECT_GT(r.chains[0].output_taint[Index(seed.output)], 0);
          EXPECT_EQ(r.address_flagged[Index(s.output_address(seed.output))], 1);
        }
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Registry, EveryTracer,
                         ::testing::ValuesIn(AllTracers()));

// The conserving taint models (poison reports whole values instead).
std::vector<std::string> ConservingModels() {
  std::vector<std::string> names;
  for (const std::string& name : testing_util::TaintModelNames()) {
    if (name != "poison") names.push_back(name);
  }
  return names;
}

class ConservingModel : public ::testing::TestWithParam<std::string> {};

TEST_P(ConservingModel, IsRegistered) {
  const auto all = AllTracers();
  EXPECT_NE(std::find(all.begin(), all.end(), GetParam()), all.end());
}

// UTXO: per transaction, input taint = output taint + fee taint; per chain,
// seeded taint = taint left on unspent outputs and outputs where taint
// stops + fee taint.
TEST_P(ConservingModel, ConservesTaintOnUtxoChains) {
  for (int k = 0; k < kLedgers; ++k) {
    const RandomLedger random =
        MakeRandomLedger(static_cast<std::uint64_t>(k), true);
    const Ledger& l = random.file.ledger;
    const TxStore& s = l.txs(IdFromIndex<ChainId>(0));
    const TraceResult r = RunTracer(GetParam(), random.file, random.seeds);
    const ChainTrace& t = r.chains[0];
    Amount seeded = 0;
    for (const Seed& seed : random.seeds) seeded += seed.amount;
    Amount ends = 0;
    for (TxId tx : s.txs()) {
      ends += t.fee_taint[Index(tx)];
      if (s.coinbase(tx)) continue;
      Amount in = 0;
      Amount out = t.fee_taint[Index(tx)];
      for (InputId i : s.inputs(tx)) {
        const OutputId spent = s.input_spent(i);
        const bool stops = TaintStopsAt(
            random.file.labels.label(s.output_address(spent)).kind);
        EXPECT_EQ(t.input_taint[Index(i)],
                  stops ? 0 : t.output_taint[Index(spent)]);
        in += t.input_taint[Index(i)];
      }
      for (OutputId o : s.outputs(tx)) out += t.output_taint[Index(o)];
      EXPECT_EQ(in, out) << "seed " << k << " tx " << s.txid(tx);
    }
    for (OutputId o : IdRange<OutputId>(0, s.output_count())) {
      const bool stops =
          TaintStopsAt(random.file.labels.label(s.output_address(o)).kind);
      if (s.spent_by(o) == TxId::kNone || stops)
        ends += t.output_taint[Index(o)];
    }
    EXPECT_EQ(seeded, ends) << "seed " << k;
  }
}

// ACCOUNT: per transaction, native: debits = credits + fee taint, token:
// debits = credits; per pool, what it received minus what left is between
// 0 and its final balance.
TEST_P(ConservingModel, ConservesTaintOnAccountChains) {
  for (int k = 0; k < kLedgers; ++k) {
    const RandomLedger random =
        MakeRandomLedger(static_cast<std::uint64_t>(k), false);
    const Ledger& l = random.file.ledger;
    const ChainId c = IdFromIndex<ChainId>(0);
    const TxStore& s = l.txs(c);
    const AssetId native = l.chain(c).native_asset;
    const TraceResult r = RunTracer(GetParam(), random.file, random.seeds);
    const ChainTrace& t = r.chains[0];
    // Per (address, asset): taint held and balance.
    const std::size_t assets = l.asset_count();
    std::vector<Amount> held(l.address_count() * assets, 0);
    std::vector<Amount> balance(l.address_count() * assets, 0);
    Amount total_fee_taint = 0;
    for (TxId tx : s.txs()) {
      const std::size_t asset = Index(s.asset(tx));
      Amount in = 0;
      for (InputId i : s.inputs(tx)) {
        in += t.input_taint[Index(i)];
        held[Index(s.input_address(i)) * assets + asset] -=
            t.input_taint[Index(i)];
        balance[Index(s.input_address(i)) * assets + asset] -=
            s.input_amount(i);
      }
      Amount out = 0;
      for (OutputId o : s.outputs(tx)) {
        out += t.output_taint[Index(o)];
        const bool stops =
            TaintStopsAt(random.file.labels.label(s.output_address(o)).kind);
        if (!stops)
          held[Index(s.output_address(o)) * assets + asset] +=
              t.output_taint[Index(o)];
        balance[Index(s.output_address(o)) * assets + asset] +=
            s.output_amount(o);
      }
      total_fee_taint += t.fee_taint[Index(tx)];
      if (s.coinbase(tx)) continue;
      if (s.asset(tx) == native) {
        EXPECT_EQ(in, out + t.fee_taint[Index(tx)]) << s.txid(tx);
      } else {
        EXPECT_EQ(in, out) << s.txid(tx);
        const std::size_t payer =
            Index(s.input_address(s.inputs(tx)[0])) * assets + Index(native);
        held[payer] -= t.fee_taint[Index(tx)];
        balance[payer] -= s.fee(tx);
      }
    }
    for (std::size_t p = 0; p < held.size(); ++p) {
      EXPECT_GE(held[p], 0) << "pool " << p;
      EXPECT_LE(held[p], std::max<Amount>(balance[p], 0)) << "pool " << p;
    }
    EXPECT_GE(total_fee_taint, 0);
  }
}

INSTANTIATE_TEST_SUITE_P(Taint, ConservingModel,
                         ::testing::ValuesIn(ConservingModels()));

}  // namespace
}  // namespace chaintrace::trace
