// Wasabi 2 style CoinJoin rounds (sim/world/multi_denomination.cc), read
// back from the ledger and its ground truth: every round conserves value,
// pays each participant what it brought minus the coordinator's fee and
// its own share of the mining fee, in standard denominations (and at most
// one change output), ordered by value as Wasabi 2 orders them.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "model/conservation.h"
#include "model/standard_denominations.h"
#include "sim/scenario/loader.h"
#include "sim/world/simulator.h"

namespace chaintrace::sim {
namespace {

constexpr int kFeeBps = 30;

// The shipped world's coordinator, Wasabi 2 style, 3 to 12 participants.
scenario::Scenario MultiDenominationWorld() {
  const LoadResult r =
      LoadScenarioFile(std::string(CHAINTRACE_SOURCE_DIR) +
                       "/tests/data/scenarios/world/small.textproto");
  EXPECT_TRUE(r.ok());
  scenario::Scenario s = r.scenario->scenario;
  for (scenario::Entity& e : *s.mutable_entities()) {
    if (!e.has_coinjoin()) continue;
    scenario::CoinJoinCoordinator& c = *e.mutable_coinjoin();
    c.set_style(scenario::CoinJoinCoordinator::MULTI_DENOMINATION);
    c.set_min_participants(3);
    c.set_max_participants(12);
    c.set_fee_bps(kFeeBps);
  }
  return s;
}

struct Participant {
  Amount in = 0;
  std::int64_t inputs = 0;
  std::vector<Amount> outs;
};

TEST(MultiDenominationRound, ConservesValueAndRepaysEveryParticipant) {
  auto r = Simulate(MultiDenominationWorld(),
                    SimulateOptions{std::nullopt, 0.2, ""});
  ASSERT_TRUE(r.ok()) << r.message();
  const LedgerFile& f = r->file;
  const GroundTruth& truth = *f.truth;
  ASSERT_TRUE(CheckConservation(f.ledger).ok());
  const auto kind = [&](AddressId a) {
    const EntityId e = truth.owner(a);
    return e == EntityId::kNone ? common::ENTITY_KIND_UNSPECIFIED
                                : truth.entity(e).kind;
  };
  int rounds = 0;
  std::size_t largest = 0;
  for (ChainId c : f.ledger.chain_ids()) {
    if (!f.ledger.chain(c).is_utxo()) continue;
    const TxStore& s = f.ledger.txs(c);
    for (TxId t : s.txs()) {
      Amount coordinator_out = -1;
      for (OutputId o : s.outputs(t)) {
        if (kind(s.output_address(o)) == common::COINJOIN_COORDINATOR) {
          coordinator_out = s.output_amount(o);
        }
      }
      if (coordinator_out < 0) continue;
      ++rounds;
      std::map<EntityId, Participant> by_owner;
      std::vector<Amount> in_values, out_values;
      for (InputId i : s.inputs(t)) {
        Participant& p = by_owner[truth.owner(s.input_address(i))];
        p.in += s.input_amount(i);
        ++p.inputs;
        in_values.push_back(s.input_amount(i));
      }
      for (OutputId o : s.outputs(t)) {
        out_values.push_back(s.output_amount(o));
        if (kind(s.output_address(o)) == common::COINJOIN_COORDINATOR) {
          continue;
        }
        const auto it = by_owner.find(truth.owner(s.output_address(o)));
        ASSERT_NE(it, by_owner.end()) << "an output to a non-participant";
        it->second.outs.push_back(s.output_amount(o));
      }
      largest = std::max(largest, by_owner.size());
      EXPECT_GE(by_owner.size(), 3u);
      EXPECT_TRUE(std::is_sorted(in_values.rbegin(), in_values.rend()));
      EXPECT_TRUE(std::is_sorted(out_values.rbegin(), out_values.rend()));
      // The coordinator keeps its fees minus the transaction's fixed part
      // (11 + 31 vbytes), which gives the round's fee rate.
      Amount coordinator_fees = 0;
      for (const auto& [owner, p] : by_owner) {
        coordinator_fees +=
            p.in / 10000 * kFeeBps + p.in % 10000 * kFeeBps / 10000;
      }
      const Amount overhead = coordinator_fees - coordinator_out;
      ASSERT_GE(overhead, 0);
      const double rate = static_cast<double>(overhead) / 42.0;
      Amount mining = overhead;
      for (const auto& [owner, p] : by_owner) {
        int standard = 0;
        for (Amount v : p.outs) standard += IsStandardDenomination(v) ? 1 : 0;
        const auto others = static_cast<int>(p.outs.size()) - standard;
        EXPECT_GE(standard, 1);
        EXPECT_LE(others, 1);  // at most one change output
        const Amount fee =
            p.in / 10000 * kFeeBps + p.in % 10000 * kFeeBps / 10000;
        Amount got = 0;
        for (Amount v : p.outs) got += v;
        // What it brought, minus the coordinator's fee, minus the mining
        // fee of its own inputs and outputs (67 and 31 vbytes). The change
        // output's share is set aside first: with change, it pays for the
        // change output, which is the non-standard one or, by chance, a
        // standard value; without, it and a remainder below the smallest
        // denomination go to the miners.
        const Amount paid = p.in - fee - got;
        const auto inputs = static_cast<double>(p.inputs);
        const auto vbytes = [inputs](int outputs) {
          return 67.0 * inputs + 31.0 * outputs;
        };
        const double low = rate * vbytes(standard + others);
        const double high = rate * vbytes(standard + 1);
        const double slack = 0.02 * vbytes(standard + 1) + 4;
        EXPECT_GE(static_cast<double>(paid), low - slack);
        EXPECT_LE(static_cast<double>(paid),
                  high + slack + (others == 0 ? kMinStandardDenomination : 0));
        mining += paid;
      }
      EXPECT_EQ(mining, s.fee(t));  // every satoshi accounted for
    }
  }
  EXPECT_GE(rounds, 50);
  EXPECT_GE(largest, 8u);
}

}  // namespace
}  // namespace chaintrace::sim
