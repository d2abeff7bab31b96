#include "sim/io/stolen_selection.h"

namespace chaintrace::io {

Selection Selection::All() { return Selection(); }

Result<Selection> Selection::Stolen(const LedgerFile& file) {
  if (!file.truth.has_value()) {
    return Status::Error(
        "the ledger has no ground truth, so its stolen value is unknown "
        "(--stolen-only needs a simulated ledger)");
  }
  const Ledger& ledger = file.ledger;
  const GroundTruth& truth = *file.truth;
  Selection s;
  s.all_ = false;
  s.tx_.resize(ledger.chain_count());
  s.output_.resize(ledger.chain_count());
  s.address_.assign(ledger.address_count(), 0);
  for (ChainId c : ledger.chain_ids()) {
    const TxStore& store = ledger.txs(c);
    auto& txs = s.tx_[Index(c)];
    auto& outputs = s.output_[Index(c)];
    txs.assign(store.tx_count(), 0);
    outputs.assign(store.output_count(), 0);
    for (std::size_t i = 0; i < store.output_count(); ++i) {
      const auto o = IdFromIndex<OutputId>(i);
      if (truth.stolen(c, o) <= 0) continue;
      outputs[i] = 1;
      s.address_[Index(store.output_address(o))] = 1;
      txs[Index(store.output_tx(o))] = 1;
      if (store.spent_by(o) != TxId::kNone) txs[Index(store.spent_by(o))] = 1;
    }
    for (TxId t : store.txs()) {
      if (txs[Index(t)] == 0) continue;
      for (InputId i : store.inputs(t)) {
        s.address_[Index(store.input_address(i))] = 1;
      }
    }
  }
  return s;
}

}  // namespace chaintrace::io
