#include "sim/trace/cluster_follow.h"

#include <algorithm>
#include <limits>
#include <utility>

#include "sim/trace/result_builder.h"

namespace chaintrace::trace::follow {

TraceResult FlagSeedClusters(const TraceInput& input,
                             std::vector<std::uint32_t> cluster,
                             const AddressActivity& activity) {
  const Ledger& ledger = *input.ledger;
  const Labels& labels = LabelsOf(input);
  ResultBuilder out(ledger);

  std::uint32_t cluster_count = 0;
  for (std::uint32_t c : cluster)
    cluster_count = std::max(cluster_count, c + 1);
  std::vector<ServiceId> cluster_service(cluster_count, ServiceId::kNone);
  for (AddressId a : labels.LabelledAddresses()) {
    if (Index(a) >= cluster.size()) continue;
    ServiceId& s = cluster_service[cluster[Index(a)]];
    if (s == ServiceId::kNone) s = labels.label(a).service;
  }

  std::vector<std::uint8_t> seed_cluster(cluster_count, 0);
  std::vector<Seconds> first_seed(ledger.chain_count(),
                                  std::numeric_limits<Seconds>::max());
  for (const Seed& s : input.seeds) {
    const TxStore& txs = ledger.txs(s.chain);
    out.Flag(s.chain, s.output, s.amount, 0);
    seed_cluster[cluster[Index(txs.output_address(s.output))]] = 1;
    Seconds& first = first_seed[Index(s.chain)];
    first = std::min(first, txs.time(txs.output_tx(s.output)));
  }

  std::vector<std::vector<std::uint8_t>> paid(ledger.chain_count());
  for (ChainId c : ledger.chain_ids()) {
    paid[Index(c)].assign(ledger.txs(c).tx_count(), 0);
  }
  for (AddressId a : ledger.address_ids()) {
    if (seed_cluster[cluster[Index(a)]] == 0) continue;
    out.FlagAddress(a);
    const ChainId c = ledger.address_chain(a);
    const TxStore& txs = ledger.txs(c);
    for (TxId t : activity.debits(a)) {
      if (txs.time(t) < first_seed[Index(c)] || paid[Index(c)][Index(t)]) {
        continue;
      }
      paid[Index(c)][Index(t)] = 1;
      for (OutputId o : txs.outputs(t)) {
        out.FlagWhole(c, o, 1);
        const AddressId to = txs.output_address(o);
        if (seed_cluster[cluster[Index(to)]] != 0) continue;
        ServiceId service = labels.label(to).service;
        if (service == ServiceId::kNone) {
          service = cluster_service[cluster[Index(to)]];
        }
        out.Attribute(service, txs.asset(t), txs.output_amount(o));
      }
    }
  }
  out.SetClusters(std::move(cluster));
  return out.Finish();
}

}  // namespace chaintrace::trace::follow
