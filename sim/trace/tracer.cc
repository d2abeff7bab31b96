#include "sim/trace/tracer.h"

#include <string>

#include "model/huge_pages.h"

namespace chaintrace::trace {

std::vector<Seed> SeedsFromThefts(const Ledger& ledger) {
  std::vector<Seed> seeds;
  seeds.reserve(ledger.thefts().size());
  for (const TheftReport& t : ledger.thefts()) {
    seeds.push_back(Seed{t.chain, t.output, t.amount, t.attack});
  }
  return seeds;
}

Status CheckSeeds(const Ledger& ledger, std::span<const Seed> seeds) {
  for (std::size_t i = 0; i < seeds.size(); ++i) {
    const Seed& seed = seeds[i];
    const std::string what = "seed " + std::to_string(i);
    if (seed.chain == ChainId::kNone ||
        Index(seed.chain) >= ledger.chain_count()) {
      return Status::Error(what + ": no such chain");
    }
    const TxStore& s = ledger.txs(seed.chain);
    const std::string where =
        what + " (chain '" + ledger.chain(seed.chain).name + "')";
    if (seed.output == OutputId::kNone ||
        Index(seed.output) >= s.output_count()) {
      return Status::Error(where + ": no such output");
    }
    if (seed.amount < 0) {
      return Status::Error(where + ": negative amount " +
                           std::to_string(seed.amount));
    }
    if (seed.amount > s.output_amount(seed.output)) {
      return Status::Error(
          where + ": amount " + std::to_string(seed.amount) +
          " exceeds the output's " +
          std::to_string(s.output_amount(seed.output)) + " (transaction '" +
          std::string(s.txid(s.output_tx(seed.output))) + "' output " +
          std::to_string(s.output_index(seed.output)) + ")");
    }
  }
  return Status::Ok();
}

TraceResult MakeEmptyResult(const Ledger& ledger) {
  TraceResult result;
  result.chains.resize(ledger.chain_count());
  for (ChainId c : ledger.chain_ids()) {
    AssignHuge<Amount>(&result.chains[Index(c)].output_taint,
                       ledger.txs(c).output_count(), 0);
  }
  result.address_flagged.assign(ledger.address_count(), 0);
  return result;
}

}  // namespace chaintrace::trace
