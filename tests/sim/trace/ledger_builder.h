#ifndef CHAINTRACE_TESTS_SIM_TRACE_LEDGER_BUILDER_H_
#define CHAINTRACE_TESTS_SIM_TRACE_LEDGER_BUILDER_H_

// A builder for the tiny hand-drawn ledgers of the tracer tests. Two chains:
// "btc" (UTXO, BTC with 8 decimals) and "eth" (ACCOUNT, ETH with 9 decimals
// and USDT with 6). Addresses are named and created on first use (type
// "p2wpkh" on btc, "eoa" on eth, unless declared first with Address).
// Outputs are named "txid:index". Any error fails the current test.

#include <string>
#include <string_view>
#include <vector>

#include "model/labels.h"
#include "model/ledger.h"
#include "sim/trace/tracer.h"

namespace chaintrace::trace::testing {

struct Pay {
  std::string to;
  Amount amount = 0;
};

class LedgerBuilder {
 public:
  LedgerBuilder();

  ChainId btc() const { return btc_; }
  ChainId eth() const { return eth_; }
  AssetId btc_asset() const { return btc_asset_; }
  AssetId eth_asset() const { return eth_asset_; }
  AssetId usdt() const { return usdt_; }

  // A further asset on the ACCOUNT chain; `usd` empty: no price path.
  AssetId AddToken(std::string name, int decimals, std::vector<PricePoint> usd);

  // The address, created with `type` ("" = the chain's default) when new.
  AddressId Address(ChainId chain, std::string_view name,
                    std::string_view type = "");
  // "tx:index" on `chain`.
  OutputId Out(ChainId chain, std::string_view ref) const;

  // UTXO: a coinbase, and a transaction spending "tx:index" outputs.
  TxId Coinbase(std::string_view id, Seconds time,
                const std::vector<Pay>& outs);
  TxId Spend(std::string_view id, Seconds time,
             const std::vector<std::string>& spends,
             const std::vector<Pay>& outs, Amount fee = 0);
  // ACCOUNT: a mint (coinbase) and a transfer debiting `from` the sum of
  // the outputs plus `fee` (native asset), or only the sum (a token).
  TxId Mint(std::string_view id, Seconds time, const std::vector<Pay>& outs,
            AssetId asset = AssetId::kNone);
  TxId Transfer(std::string_view id, Seconds time, std::string_view from,
                const std::vector<Pay>& outs, Amount fee = 0,
                AssetId asset = AssetId::kNone);

  void Label(ChainId chain, std::string_view address, std::string_view service,
             LabelKind kind);
  // Reports output "tx:index" on `chain` as stolen (`amount` 0: whole).
  void Theft(ChainId chain, std::string_view ref, Amount amount = 0);

  const Ledger& ledger() const { return ledger_; }
  const Labels& labels() const { return labels_; }
  ServiceId service(std::string_view name) const {
    return labels_.FindService(name);
  }
  // Seeds from the reported thefts, ledger and labels; valid while the
  // builder lives and is not changed.
  TraceInput Input();

 private:
  TxId Add(ChainId chain, std::string_view id, Seconds time, bool coinbase,
           Amount fee, AssetId asset, const std::vector<InputSpec>& ins,
           const std::vector<Pay>& outs);

  Ledger ledger_;
  Labels labels_;
  ChainId btc_, eth_;
  AssetId btc_asset_, eth_asset_, usdt_;
  std::vector<Seed> seeds_;
};

}  // namespace chaintrace::trace::testing

#endif  // CHAINTRACE_TESTS_SIM_TRACE_LEDGER_BUILDER_H_
