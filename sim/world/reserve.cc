// Storage estimate: before the run, the ledger's arrays are reserved for
// the transactions, inputs, outputs and addresses the scenario's processes
// are expected to create, so that they are written once instead of being
// copied at every doubling (and never hold twice their size while one is
// reallocated). Rates come from the processes set up (one payment per mean
// gap, one block per interval, ...); per-transaction shapes from the
// default background's calibration (about 2.2 inputs and outputs per UTXO
// transaction, one of each on ACCOUNT chains). An estimate only: more
// appends still work, fewer leave reserved pages untouched (not resident,
// counted by memory_bytes(Bytes::kHeld) but not kUsed).

#include <algorithm>
#include <cmath>

#include "sim/world/estimate.h"
#include "sim/world/simulation.h"

namespace chaintrace::sim {
namespace {

// Inputs and outputs per UTXO transaction, with a margin over the
// calibrated means (2.20 and 2.22 on scenarios/scale/bitcoin_10m).
constexpr double kUtxoIoPerTx = 2.3;
// Characters per generated address name ("bc1q" + 24 hex digits, "0x" +
// 40 hex digits).
constexpr double kUtxoNameBytes = 28;
constexpr double kAccountNameBytes = 42;
// Margin on the addresses the traffic creates. Without it the estimate was
// 14 % over the simulator's count at scale 0.1 of bitcoin_10m but 3 % under
// at scale 1; an estimate under the count doubles the address arrays (a
// copy of each and twice the address space), one over it costs address
// space that is never written.
constexpr double kFreshAddressMargin = 1.1;

double Count(Seconds span, double gap) {
  return gap > 0 ? static_cast<double>(span) / gap : 0;
}

}  // namespace

void Simulation::ReserveStorage() {
  Ledger& ledger = file_->ledger;
  const double days = static_cast<double>(end_) / 86400.0;
  double addresses = static_cast<double>(ledger.address_count());
  double name_bytes = 0;
  for (AddressId a : ledger.address_ids()) {
    name_bytes += static_cast<double>(ledger.address_name(a).size());
  }
  for (ChainId c : ledger.chain_ids()) {
    const bool utxo = world_.params(c).utxo;
    double payments = 0;
    for (const PaymentProcess& p : payments_) {
      if (p.chain == c) payments += Count(end_, p.mean_gap + 1);
    }
    double txs = payments;
    for (const BlockProcess& b : blocks_) {
      if (b.chain != c) continue;
      txs += Count(end_, static_cast<double>(b.interval)) +
             static_cast<double>(b.miners.size()) * days;
    }
    double merchants = 0;
    for (const Population& p : populations_) {
      if (p.merchants && p.on_chain[Index(c)]) merchants += p.count;
    }
    txs += merchants * days / 10;
    const scenario::ChainTraffic& traffic = *traffic_[Index(c)];
    const double reuse = traffic.address_reuse();
    // Addresses the traffic creates on the chain.
    double fresh = 0;
    for (const ExchangeState& x : exchanges_) {
      if (!x.chains[Index(c)].active) continue;
      txs += Count(end_, static_cast<double>(x.batch_interval)) +
             Count(end_,
                   static_cast<double>(std::max<Seconds>(x.sweep_delay, 60))) +
             days;
      // Withdrawals pay users at fresh addresses unless reused; deposit
      // addresses are at most one per account.
      fresh += x.withdrawals_per_day * days * (1 - reuse) + x.accounts;
    }
    for (const MixerState& m : mixers_) {
      if (m.chain == c) txs += 2 * Count(end_, m.mean_gap);
    }
    for (const CoinJoinState& j : coinjoins_) {
      if (j.chain == c) txs += Count(end_, static_cast<double>(j.interval));
    }
    for (const BridgeState& b : bridges_) {
      if (b.side[0] == c || b.side[1] == c) txs += Count(end_, b.mean_gap);
    }
    for (const DexState& d : dexes_) {
      if (d.chain == c) txs += Count(end_, d.mean_gap);
    }
    // A payment pays its payees (a UTXO batch about 11.5 of them) at fresh
    // addresses unless it reuses one or pays an exchange deposit (counted
    // above), plus UTXO change or, for a consolidation, one fresh address.
    const double payees = utxo ? 1 + traffic.batch_share() * 10.5 : 1;
    fresh += payments * (payees * (1 - kPaymentToExchange) * (1 - reuse) +
                         (utxo ? 1 + traffic.consolidation_share() : 0));
    fresh *= kFreshAddressMargin;
    addresses += fresh;
    name_bytes += fresh * (utxo ? kUtxoNameBytes : kAccountNameBytes);
    const double io = txs * (utxo ? kUtxoIoPerTx : 1.0);
    const TxStore& s = ledger.txs(c);
    ledger.Reserve(c, s.tx_count() + static_cast<std::size_t>(txs),
                   s.input_count() + static_cast<std::size_t>(io),
                   s.output_count() + static_cast<std::size_t>(io));
  }
  ledger.ReserveAddresses(static_cast<std::size_t>(addresses),
                          static_cast<std::size_t>(name_bytes));
  world_.ReserveAddresses(static_cast<std::size_t>(addresses));
}

}  // namespace chaintrace::sim
