#include "model/graph.h"

#include <utility>
#include <vector>

namespace chaintrace {

Result<FlowGraph> BuildSpendGraph(const Ledger& ledger, ChainId chain) {
  if (Index(chain) >= ledger.chain_count()) {
    return Status::Error("unknown chain");
  }
  if (!ledger.chain(chain).is_utxo()) {
    return Status::Error("chain '" + ledger.chain(chain).name +
                         "' is not a UTXO chain; use the transfer graph");
  }
  const TxStore& s = ledger.txs(chain);
  // Outputs are stored in creating-transaction order, so the edges come out
  // sorted by source.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
  std::vector<FlowEdge> props;
  for (std::size_t o = 0; o < s.output_count(); ++o) {
    const auto out = IdFromIndex<OutputId>(o);
    if (s.spent_by(out) == TxId::kNone) continue;
    edges.emplace_back(static_cast<std::uint32_t>(s.output_tx(out)),
                       static_cast<std::uint32_t>(s.spent_by(out)));
    props.push_back(FlowEdge{out});
  }
  return FlowGraph(boost::edges_are_sorted, edges.begin(), edges.end(),
                   props.begin(), static_cast<std::uint32_t>(s.tx_count()));
}

Result<FlowGraph> BuildTransferGraph(const Ledger& ledger, ChainId chain) {
  if (Index(chain) >= ledger.chain_count()) {
    return Status::Error("unknown chain");
  }
  const TxStore& s = ledger.txs(chain);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
  std::vector<FlowEdge> props;
  for (TxId t : s.txs()) {
    for (InputId i : s.inputs(t)) {
      for (OutputId o : s.outputs(t)) {
        edges.emplace_back(static_cast<std::uint32_t>(s.input_address(i)),
                           static_cast<std::uint32_t>(s.output_address(o)));
        props.push_back(FlowEdge{o});
      }
    }
  }
  return FlowGraph(boost::edges_are_unsorted_multi_pass, edges.begin(),
                   edges.end(), props.begin(),
                   static_cast<std::uint32_t>(ledger.address_count()));
}

}  // namespace chaintrace
