#include "sim/trace/attribution.h"

#include <algorithm>
#include <cstddef>
#include <limits>
#include <vector>

namespace chaintrace::trace {

void FlagAndAttribute(const Ledger& ledger, const Labels* labels,
                      TraceResult* result) {
  const std::size_t services = labels == nullptr ? 0 : labels->service_count();
  const std::size_t assets = ledger.asset_count();
  // Flat (service, asset) table; services and assets are few.
  std::vector<Amount> reached(services * assets, 0);
  result->address_flagged.assign(ledger.address_count(), 0);
  std::int32_t max_hop = 0;
  for (ChainId c : ledger.chain_ids()) {
    const TxStore& s = ledger.txs(c);
    const ChainTrace& trace = result->chains[Index(c)];
    for (std::int32_t hop : trace.output_hop) max_hop = std::max(max_hop, hop);
    for (std::size_t o = 0; o < trace.output_taint.size(); ++o) {
      const Amount taint = trace.output_taint[o];
      if (taint <= 0) continue;
      const OutputId output = IdFromIndex<OutputId>(o);
      const AddressId address = s.output_address(output);
      result->address_flagged[Index(address)] = 1;
      if (services == 0) continue;
      const ServiceId service = labels->label(address).service;
      if (service == ServiceId::kNone) continue;
      Amount& sum = reached[Index(service) * assets +
                            Index(s.asset(s.output_tx(output)))];
      // Saturate rather than wrap (poison can report more than exists).
      sum = taint > std::numeric_limits<Amount>::max() - sum
                ? std::numeric_limits<Amount>::max()
                : sum + taint;
    }
  }
  result->attributions.clear();
  for (std::size_t i = 0; i < reached.size(); ++i) {
    if (reached[i] == 0) continue;
    result->attributions.push_back(
        Attribution{IdFromIndex<ServiceId>(i / assets),
                    IdFromIndex<AssetId>(i % assets), reached[i]});
  }
  result->max_hop = max_hop;
}

}  // namespace chaintrace::trace
