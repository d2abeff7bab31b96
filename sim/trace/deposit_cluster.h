#ifndef CHAINTRACE_SIM_TRACE_DEPOSIT_CLUSTER_H_
#define CHAINTRACE_SIM_TRACE_DEPOSIT_CLUSTER_H_

// Exchange deposit-address clustering on ACCOUNT chains. Victor 2020,
// "Address Clustering Heuristics for Ethereum" (deposit address reuse).
// Exchanges give each customer a deposit address and sweep it into a hot
// wallet soon after every credit. Rules, per ACCOUNT-chain address D:
//   D is a deposit address of H when D has debits, every debit of D (any
//   asset) pays H and only H (H != D), and every debit follows a credit to
//   D by at most `max_sweep_delay`;
//   H is a hot wallet when at least `min_deposits` deposit addresses sweep
//   into it, or H carries a LABEL_EXCHANGE_WALLET label.
// Clusters: each hot wallet with its deposit addresses (the exchange); and,
// per deposit address, all the addresses that paid into it (one customer,
// Victor's reuse heuristic), leaving out the hot wallet, labelled
// addresses and other deposit addresses / hot wallets.
//
// Tracer "deposit_cluster": these clusters, answered through
// sim/trace/cluster_follow.h; a payment into an unlabelled deposit address
// is attributed to the service labelled anywhere in its exchange cluster.
// O(inputs + outputs + addresses) plus union-find.

#include <memory>
#include <vector>

#include "model/labels.h"
#include "model/ledger.h"
#include "model/time.h"
#include "sim/trace/address_activity.h"
#include "sim/trace/tracer.h"
#include "sim/trace/union_find.h"

namespace chaintrace::trace {

struct DepositRule {
  Seconds max_sweep_delay = 86400;
  int min_deposits = 2;
};

// Per AddressId: the hot wallet the address is a deposit address of, or
// kNone. Deposit addresses are ACCOUNT addresses, and `activity` is read
// for those only (ActivityScope::kAccountChains suffices; so for
// ClusterDeposits).
std::vector<AddressId> FindDepositAddresses(const Ledger& ledger,
                                            const Labels& labels,
                                            const AddressActivity& activity,
                                            const DepositRule& rule);

// Merges in `uf` the exchange and customer clusters described above.
void ClusterDeposits(const Ledger& ledger, const Labels& labels,
                     const AddressActivity& activity, const DepositRule& rule,
                     UnionFind* uf);

std::unique_ptr<Tracer> MakeDepositClusterTracer(const TracerOptions& options);

}  // namespace chaintrace::trace

#endif  // CHAINTRACE_SIM_TRACE_DEPOSIT_CLUSTER_H_
