#include "sim/trace/cluster_follow.h"

#include <algorithm>
#include <limits>
#include <span>
#include <utility>

#include "sim/trace/result_builder.h"

namespace chaintrace::trace::follow {

TraceResult FlagSeedClusters(const TraceInput& input,
                             std::vector<std::uint32_t> cluster) {
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

  for (AddressId a : ledger.address_ids()) {
    if (seed_cluster[cluster[Index(a)]] != 0) out.FlagAddress(a);
  }
  // The paying transactions in ledger order, so that the transactions,
  // their outputs and the result are read and written in sequence; only
  // the per-address cluster ids are looked up at random.
  for (ChainId c : ledger.chain_ids()) {
    const TxStore& txs = ledger.txs(c);
    const Seconds first = first_seed[Index(c)];
    if (first == std::numeric_limits<Seconds>::max()) continue;
    const std::span<const AddressId> in_address = txs.input_addresses();
    const std::span<const std::uint32_t> in_begin = txs.input_begins();
    for (TxId t : txs.txs()) {
      if (txs.time(t) < first) continue;
      bool debits_seed_cluster = false;
      for (std::size_t i = in_begin[Index(t)]; i < in_begin[Index(t) + 1];
           ++i) {
        debits_seed_cluster |= seed_cluster[cluster[Index(in_address[i])]] != 0;
      }
      if (!debits_seed_cluster) continue;
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
