#include "tests/sim/trace/ledger_builder.h"

#include <gtest/gtest.h>

namespace chaintrace::trace::testing {

LedgerBuilder::LedgerBuilder() {
  btc_ = *ledger_.AddChain("btc", common::UTXO, 600);
  eth_ = *ledger_.AddChain("eth", common::ACCOUNT, 13);
  btc_asset_ = *ledger_.AddAsset(AssetInfo{"BTC", btc_, 8, {{0, 30000.0}}});
  eth_asset_ = *ledger_.AddAsset(AssetInfo{"ETH", eth_, 9, {{0, 2000.0}}});
  usdt_ = *ledger_.AddAsset(AssetInfo{"USDT", eth_, 6, {{0, 1.0}}});
  EXPECT_TRUE(ledger_.SetNativeAsset(btc_, btc_asset_).ok());
  EXPECT_TRUE(ledger_.SetNativeAsset(eth_, eth_asset_).ok());
}

AssetId LedgerBuilder::AddToken(std::string name, int decimals,
                                std::vector<PricePoint> usd) {
  auto a = ledger_.AddAsset(
      AssetInfo{std::move(name), eth_, decimals, std::move(usd)});
  EXPECT_TRUE(a.ok()) << a.message();
  return a.ok() ? *a : AssetId::kNone;
}

AddressId LedgerBuilder::Address(ChainId chain, std::string_view name,
                                 std::string_view type) {
  const AddressId found = ledger_.FindAddress(chain, name);
  if (found != AddressId::kNone) return found;
  if (type.empty()) type = ledger_.chain(chain).is_utxo() ? "p2wpkh" : "eoa";
  auto a = ledger_.AddAddress(chain, name, type);
  EXPECT_TRUE(a.ok()) << a.message();
  return a.ok() ? *a : AddressId::kNone;
}

OutputId LedgerBuilder::Out(ChainId chain, std::string_view ref) const {
  const std::size_t colon = ref.find(':');
  const TxStore& s = ledger_.txs(chain);
  const TxId t = s.FindTx(ref.substr(0, colon));
  EXPECT_NE(t, TxId::kNone) << ref;
  if (t == TxId::kNone) return OutputId::kNone;
  const std::size_t index = colon == std::string_view::npos
                                ? 0
                                : static_cast<std::size_t>(std::stoul(
                                      std::string(ref.substr(colon + 1))));
  EXPECT_LT(index, s.outputs(t).size()) << ref;
  return s.outputs(t)[index];
}

TxId LedgerBuilder::Add(ChainId chain, std::string_view id, Seconds time,
                        bool coinbase, Amount fee, AssetId asset,
                        const std::vector<InputSpec>& ins,
                        const std::vector<Pay>& outs) {
  std::vector<OutputSpec> specs;
  specs.reserve(outs.size());
  for (const Pay& p : outs) specs.push_back({Address(chain, p.to), p.amount});
  TxSpec tx;
  tx.id = id;
  tx.time = time;
  tx.asset = asset;
  tx.coinbase = coinbase;
  tx.fee = fee;
  tx.inputs = ins;
  tx.outputs = specs;
  auto t = ledger_.AddTransaction(chain, tx);
  EXPECT_TRUE(t.ok()) << t.message();
  return t.ok() ? *t : TxId::kNone;
}

TxId LedgerBuilder::Coinbase(std::string_view id, Seconds time,
                             const std::vector<Pay>& outs) {
  return Add(btc_, id, time, true, 0, AssetId::kNone, {}, outs);
}

TxId LedgerBuilder::Spend(std::string_view id, Seconds time,
                          const std::vector<std::string>& spends,
                          const std::vector<Pay>& outs, Amount fee) {
  std::vector<InputSpec> ins;
  ins.reserve(spends.size());
  for (const std::string& ref : spends) ins.push_back({Out(btc_, ref)});
  return Add(btc_, id, time, false, fee, AssetId::kNone, ins, outs);
}

TxId LedgerBuilder::Mint(std::string_view id, Seconds time,
                         const std::vector<Pay>& outs, AssetId asset) {
  return Add(eth_, id, time, true, 0, asset, {}, outs);
}

TxId LedgerBuilder::Transfer(std::string_view id, Seconds time,
                             std::string_view from,
                             const std::vector<Pay>& outs, Amount fee,
                             AssetId asset) {
  Amount debit = 0;
  for (const Pay& p : outs) debit += p.amount;
  if (asset == AssetId::kNone || asset == eth_asset_) debit += fee;
  const std::vector<InputSpec> ins = {
      {OutputId::kNone, Address(eth_, from), debit}};
  return Add(eth_, id, time, false, fee, asset, ins, outs);
}

void LedgerBuilder::Label(ChainId chain, std::string_view address,
                          std::string_view service, LabelKind kind) {
  auto s = labels_.AddService(service);
  ASSERT_TRUE(s.ok()) << s.message();
  const Status st = labels_.Add(Address(chain, address), *s, kind);
  EXPECT_TRUE(st.ok()) << st.message();
}

void LedgerBuilder::Theft(ChainId chain, std::string_view ref, Amount amount) {
  const OutputId o = Out(chain, ref);
  if (o == OutputId::kNone) return;
  const TxStore& s = ledger_.txs(chain);
  if (amount == 0) amount = s.output_amount(o);
  const TheftReport theft{
      "hack", chain, s.output_tx(o), o, s.asset(s.output_tx(o)), amount};
  const Status st = ledger_.AddTheft(theft);
  EXPECT_TRUE(st.ok()) << st.message();
}

TraceInput LedgerBuilder::Input() {
  seeds_ = SeedsFromThefts(ledger_);
  return TraceInput{&ledger_, seeds_, &labels_};
}

}  // namespace chaintrace::trace::testing
