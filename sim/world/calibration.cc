#include "sim/world/calibration.h"

#include <cstdio>
#include <string>

#include "model/amount.h"
#include "proto/common.pb.h"

namespace chaintrace::sim {
namespace {

std::size_t Bucket(std::size_t n) {
  if (n <= 3) return n == 0 ? 0 : n - 1;
  if (n <= 5) return 3;
  if (n <= 10) return 4;
  return 5;
}

std::string Fixed(double v, int digits) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

std::string Histogram(const std::array<std::uint64_t, 6>& h) {
  std::uint64_t total = 0;
  for (auto n : h) total += n;
  std::string s;
  for (std::size_t i = 0; i < h.size(); ++i) {
    if (i > 0) s += "  ";
    s += std::string(kCountBuckets[i]) + ":" +
         Fixed(total ? 100.0 * static_cast<double>(h[i]) /
                           static_cast<double>(total)
                     : 0.0,
               1) +
         "%";
  }
  return s;
}

}  // namespace

Calibration ComputeCalibration(const SimulationResult& result) {
  const Ledger& ledger = result.file.ledger;
  const GroundTruth* truth = result.file.truth ? &*result.file.truth : nullptr;
  Calibration out;
  std::vector<double> kind_usd(common::EntityKind_ARRAYSIZE, 0);
  std::vector<std::uint64_t> kind_outputs(common::EntityKind_ARRAYSIZE, 0);
  std::vector<std::uint64_t> addresses(ledger.chain_count(), 0);
  for (AddressId a : ledger.address_ids())
    ++addresses[Index(ledger.address_chain(a))];
  for (ChainId c : ledger.chain_ids()) {
    const ChainInfo& info = ledger.chain(c);
    const TxStore& s = ledger.txs(c);
    ChainCalibration cc;
    cc.chain = info.name;
    cc.utxo = info.is_utxo();
    cc.transactions = s.tx_count();
    cc.addresses = addresses[Index(c)];
    const AssetInfo& native = ledger.asset(info.native_asset);
    cc.fee_decimals = native.decimals;
    if (Index(c) < result.counters.size())
      cc.counters = result.counters[Index(c)];
    std::uint64_t in_total = 0, out_total = 0, tokens = 0, regular = 0;
    for (TxId t : s.txs()) {
      const std::size_t outs = s.outputs(t).size();
      const double price = ledger.asset(s.asset(t)).UsdAt(s.time(t));
      const int decimals = ledger.asset(s.asset(t)).decimals;
      if (truth != nullptr) {
        // Value received from another entity (change and internal moves
        // are not counted).
        const EntityId sender =
            s.coinbase(t) ? EntityId::kNone
                          : truth->owner(s.input_address(s.inputs(t)[0]));
        for (OutputId o : s.outputs(t)) {
          const EntityId owner = truth->owner(s.output_address(o));
          if (owner == EntityId::kNone || owner == sender) continue;
          const auto kind = static_cast<std::size_t>(truth->entity(owner).kind);
          kind_usd[kind] += AmountToUsd(s.output_amount(o), price, decimals);
          ++kind_outputs[kind];
        }
      }
      if (s.coinbase(t)) {
        ++cc.coinbase;
        continue;
      }
      const std::size_t ins = s.inputs(t).size();
      ++regular;
      ++cc.inputs[Bucket(ins)];
      ++cc.outputs[Bucket(outs)];
      in_total += ins;
      out_total += outs;
      if (s.asset(t) != info.native_asset) ++tokens;
      cc.fees += s.fee(t);
      cc.fees_usd +=
          AmountToUsd(s.fee(t), native.UsdAt(s.time(t)), native.decimals);
    }
    const Seconds last = s.tx_count() ? s.times().back() : 0;
    cc.days = static_cast<double>(last) / 86400.0;
    if (cc.days > 0) {
      cc.transactions_per_day = static_cast<double>(cc.transactions) / cc.days;
    }
    if (regular > 0) {
      const auto r = static_cast<double>(regular);
      cc.mean_inputs = static_cast<double>(in_total) / r;
      cc.mean_outputs = static_cast<double>(out_total) / r;
      cc.consolidation_share =
          static_cast<double>(cc.counters.consolidations) / r;
      cc.batch_share = static_cast<double>(cc.counters.batches) / r;
      cc.token_share = static_cast<double>(tokens) / r;
    }
    if (cc.counters.payments > 0) {
      cc.address_reuse = static_cast<double>(cc.counters.payments_to_reused) /
                         static_cast<double>(cc.counters.payments);
    }
    out.chains.push_back(cc);
  }
  for (std::size_t k = 0; k < kind_usd.size(); ++k) {
    if (kind_outputs[k] == 0) continue;
    out.by_kind.push_back(KindValue{static_cast<common::EntityKind>(k),
                                    kind_usd[k], kind_outputs[k]});
  }
  return out;
}

std::string FormatCalibration(const Calibration& c) {
  std::string s;
  for (const ChainCalibration& cc : c.chains) {
    s += "chain " + cc.chain + " (" + (cc.utxo ? "UTXO" : "ACCOUNT") + ")\n";
    s += "  transactions      " + std::to_string(cc.transactions) + " (" +
         std::to_string(cc.coinbase) + " coinbase) over " + Fixed(cc.days, 1) +
         " days = " + Fixed(cc.transactions_per_day, 1) + " per day\n";
    s += "  addresses         " + std::to_string(cc.addresses) + "\n";
    s += "  inputs per tx     mean " + Fixed(cc.mean_inputs, 2) + "  " +
         Histogram(cc.inputs) + "\n";
    s += "  outputs per tx    mean " + Fixed(cc.mean_outputs, 2) + "  " +
         Histogram(cc.outputs) + "\n";
    s += "  address reuse     " + Fixed(100 * cc.address_reuse, 1) + "% of " +
         std::to_string(cc.counters.payments) + " payments\n";
    if (cc.utxo) {
      s += "  consolidations    " + Fixed(100 * cc.consolidation_share, 1) +
           "%   batch payouts " + Fixed(100 * cc.batch_share, 1) + "%\n";
    } else {
      s += "  token transfers   " + Fixed(100 * cc.token_share, 1) + "%\n";
    }
    s += "  fees              " +
         FormatDecimalAmount(cc.fees, cc.fee_decimals) + " (US$" +
         Fixed(cc.fees_usd, 0) + ")\n";
    s += "  payments skipped  " + std::to_string(cc.counters.unaffordable) +
         " (payer short of funds)\n";
  }
  s += "value received from other entities, by kind (US$ at transaction "
       "time)\n";
  for (const KindValue& k : c.by_kind) {
    s += "  " + common::EntityKind_Name(k.kind) + " " +
         Fixed(k.usd_received, 0) + " in " + std::to_string(k.outputs) +
         " outputs\n";
  }
  return s;
}

}  // namespace chaintrace::sim
