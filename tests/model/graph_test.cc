#include "model/graph.h"

#include <gtest/gtest.h>

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/visitors.hpp>
#include <boost/range/iterator_range.hpp>
#include <set>
#include <string>
#include <vector>

#include "tests/model/ledger_test_util.h"

namespace chaintrace {
namespace {

// Names of the vertices a breadth-first search from `seed` reaches.
template <typename NameOf>
std::set<std::string> Reached(const FlowGraph& g, std::uint32_t seed,
                              const NameOf& name_of) {
  std::vector<std::uint32_t> discovered;
  const auto record = boost::make_bfs_visitor(boost::write_property(
      boost::typed_identity_property_map<std::uint32_t>(),
      std::back_inserter(discovered), boost::on_discover_vertex()));
  boost::breadth_first_search(g, boost::vertex(seed, g),
                              boost::visitor(record));
  std::set<std::string> names;
  for (std::uint32_t v : discovered) names.insert(std::string(name_of(v)));
  return names;
}

TEST(SpendGraph, BreadthFirstSearchFollowsSpentOutputs) {
  // peel.textproto:  c0 ─▶ t1 ─▶ p1 ─▶ p2      c0 ─▶ b1
  const LedgerFile file = testing_util::ReadTestdata("peel.textproto");
  const ChainId btc = file.ledger.FindChain("btc");
  const TxStore& s = file.ledger.txs(btc);
  const auto g = BuildSpendGraph(file.ledger, btc);
  ASSERT_TRUE(g.ok()) << g.message();
  EXPECT_EQ(boost::num_vertices(*g), 5u);
  EXPECT_EQ(boost::num_edges(*g), 4u);  // c0:0, c0:1, t1:0, p1:1

  const auto name_of = [&](std::uint32_t v) { return s.txid(TxId{v}); };
  EXPECT_EQ(Reached(*g, static_cast<std::uint32_t>(s.FindTx("t1")), name_of),
            (std::set<std::string>{"t1", "p1", "p2"}));
  EXPECT_EQ(Reached(*g, static_cast<std::uint32_t>(s.FindTx("c0")), name_of),
            (std::set<std::string>{"c0", "t1", "b1", "p1", "p2"}));

  // Each edge carries the output it stands for.
  for (const auto e : boost::make_iterator_range(boost::edges(*g))) {
    const OutputId o = (*g)[e].output;
    EXPECT_EQ(s.output_tx(o), TxId{boost::source(e, *g)});
    EXPECT_EQ(s.spent_by(o), TxId{boost::target(e, *g)});
  }
}

TEST(SpendGraph, RefusesAccountChains) {
  const LedgerFile file = testing_util::ReadTestdata("account.textproto");
  EXPECT_FALSE(BuildSpendGraph(file.ledger, ChainId{0}).ok());
  EXPECT_FALSE(BuildSpendGraph(file.ledger, ChainId{3}).ok());
}

TEST(TransferGraph, BreadthFirstSearchFollowsAddressFlows) {
  // account.textproto: alice ─▶ carol ─▶ dave, alice ─▶ dex; bob idle.
  const LedgerFile file = testing_util::ReadTestdata("account.textproto");
  const Ledger& l = file.ledger;
  const ChainId eth = l.FindChain("eth");
  const auto g = BuildTransferGraph(l, eth);
  ASSERT_TRUE(g.ok()) << g.message();
  EXPECT_EQ(boost::num_vertices(*g), l.address_count());
  EXPECT_EQ(boost::num_edges(*g), 3u);
  const auto name_of = [&](std::uint32_t v) {
    return l.address_name(AddressId{v});
  };
  EXPECT_EQ(Reached(*g, static_cast<std::uint32_t>(l.FindAddress(eth, "alice")),
                    name_of),
            (std::set<std::string>{"alice", "carol", "dex", "dave"}));
  EXPECT_EQ(Reached(*g, static_cast<std::uint32_t>(l.FindAddress(eth, "bob")),
                    name_of),
            (std::set<std::string>{"bob"}));
}

}  // namespace
}  // namespace chaintrace
