#include "sim/trace/tracer.h"

namespace chaintrace::trace {

std::vector<Seed> SeedsFromThefts(const Ledger& ledger) {
  std::vector<Seed> seeds;
  seeds.reserve(ledger.thefts().size());
  for (const TheftReport& t : ledger.thefts()) {
    seeds.push_back(Seed{t.chain, t.output, t.amount, t.attack});
  }
  return seeds;
}

TraceResult MakeEmptyResult(const Ledger& ledger) {
  TraceResult result;
  result.chains.resize(ledger.chain_count());
  for (ChainId c : ledger.chain_ids()) {
    result.chains[Index(c)].output_taint.assign(ledger.txs(c).output_count(),
                                                0);
  }
  result.address_flagged.assign(ledger.address_count(), 0);
  return result;
}

}  // namespace chaintrace::trace
