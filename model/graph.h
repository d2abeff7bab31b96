#ifndef CHAINTRACE_MODEL_GRAPH_H_
#define CHAINTRACE_MODEL_GRAPH_H_

// Graph views over one chain of a Ledger, as Boost.Graph compressed sparse
// row graphs (immutable, 32-bit indices, one edge property: the OutputId
// that carries the flow), so that Boost algorithms (breadth_first_search,
// connected components, ...) run on them directly.
//
// - Spend graph (UTXO chains): vertex i = TxId i of the chain; one edge per
//   spent output, from the transaction that created it to the transaction
//   that spends it. Unspent outputs have no edge.
// - Transfer graph (any chain): vertex i = AddressId i of the ledger (so that
//   ids need no mapping; addresses of other chains are isolated vertices);
//   for every transaction one edge from each input's address to each
//   output's address, with the output as property. On ACCOUNT chains this is
//   the natural flow view: value credited to an address is what it can
//   later debit.
//
// A graph is a snapshot: built in O(V + E) from the ledger as it is, not
// updated by later appends.

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <cstdint>

#include "model/ids.h"
#include "model/ledger.h"
#include "model/status.h"

namespace chaintrace {

// The edge property of both graphs.
struct FlowEdge {
  OutputId output = OutputId::kNone;
};

using FlowGraph =
    boost::compressed_sparse_row_graph<boost::directedS, boost::no_property,
                                       FlowEdge, boost::no_property,
                                       std::uint32_t, std::uint32_t>;

// Errors: unknown chain, or the chain is not UTXO.
Result<FlowGraph> BuildSpendGraph(const Ledger& ledger, ChainId chain);

// Errors: unknown chain.
Result<FlowGraph> BuildTransferGraph(const Ledger& ledger, ChainId chain);

}  // namespace chaintrace

#endif  // CHAINTRACE_MODEL_GRAPH_H_
