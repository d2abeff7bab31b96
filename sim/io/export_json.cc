// The JSON export: one UTF-8 JSON document, one array item per line.
//
// {
//   "format": "chaintrace.export", "format_version": 1,
//   "provenance": {"scenario", "scenario_sha256", "seed",
//                  "chaintrace_version"},     // of the ledger
//   "start": RFC 3339 time of ledger time 0,
//   "stolen_only": bool, "ground_truth": bool,
//   "chains":  [{"name", "model": "utxo"|"account", "native_asset",
//                "block_interval_s"}],
//   "assets":  [{"name", "chain", "decimals"}],
//   "addresses": [{"chain", "address", "type", "owner", "owner_kind",
//                  "label_kind", "label_service"}],
//   "transactions": [{"chain", "txid", "time", "time_utc", "asset",
//       "coinbase", "fee", "fee_base_units", "attack", "stage",
//       "stage_index", "hop",
//       "inputs":  [{"address", "amount", "amount_base_units",
//                    "spent_txid", "spent_index", "stolen",
//                    "stolen_base_units"}],
//       "outputs": [{"index", "address", "amount", "amount_base_units",
//                    "spent_by", "stolen", "stolen_base_units",
//                    "attack"}]}],
//   "thefts": [{"attack", "chain", "txid", "index", "asset", "amount",
//               "amount_base_units"}]
// }
// Amounts: "amount" is exact decimal text in whole units of the
// transaction's asset (fee: of the chain's native asset), "*_base_units"
// the integer (readers in languages whose numbers are doubles should use
// the text above 2^53). Unknown values (truth without ground truth, a
// UTXO-only field on an ACCOUNT chain, an unlabelled address) are null.
// Under stolen_only "outputs" lists only outputs that carry stolen value.

#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/io/export_formats.h"

namespace chaintrace::io {
namespace {

// JSON string: quotes, backslashes and control characters escaped.
void PutJsonString(FdWriter& out, std::string_view text) {
  out.Put('"');
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out.Put('\\').Put(c);
    } else if (c == '\n') {
      out.Put("\\n");
    } else if (u < 0x20) {
      char escaped[8];
      std::snprintf(escaped, sizeof(escaped), "\\u%04x", u);
      out.Put(escaped);
    } else {
      out.Put(c);
    }
  }
  out.Put('"');
}

// Writes "key":value pairs of one object, commas between.
class Object {
 public:
  explicit Object(FdWriter& out) : out_(out) { out_.Put('{'); }
  ~Object() { out_.Put('}'); }
  Object(const Object&) = delete;
  Object& operator=(const Object&) = delete;

  FdWriter& Key(std::string_view key) {
    if (!first_) out_.Put(',');
    first_ = false;
    PutJsonString(out_, key);
    return out_.Put(':');
  }
  Object& Str(std::string_view key, std::string_view value) {
    PutJsonString(Key(key), value);
    return *this;
  }
  // null when empty.
  Object& StrOrNull(std::string_view key, std::string_view value) {
    if (value.empty()) {
      Key(key).Put("null");
    } else {
      PutJsonString(Key(key), value);
    }
    return *this;
  }
  Object& Int(std::string_view key, std::int64_t value) {
    Key(key).PutInt(value);
    return *this;
  }
  Object& IntOrNull(std::string_view key, std::optional<std::int64_t> value) {
    if (value) {
      Key(key).PutInt(*value);
    } else {
      Key(key).Put("null");
    }
    return *this;
  }
  Object& Bool(std::string_view key, bool value) {
    Key(key).Put(value ? "true" : "false");
    return *this;
  }

 private:
  FdWriter& out_;
  bool first_ = true;
};

// Array items, each on its own line.
class Items {
 public:
  Items(FdWriter& out, Object& parent, std::string_view key) : out_(out) {
    parent.Key(key).Put('[');
  }
  ~Items() { out_.Put(first_ ? "]" : "\n]"); }
  Items(const Items&) = delete;
  Items& operator=(const Items&) = delete;
  void Next(std::string_view indent) {
    out_.Put(first_ ? "\n" : ",\n").Put(indent);
    first_ = false;
  }

 private:
  FdWriter& out_;
  bool first_ = true;
};

void WriteStolen(const ExportView& v, Object& o, AssetId asset,
                 std::optional<Amount> stolen) {
  o.StrOrNull("stolen", stolen ? v.Decimal(asset, *stolen) : std::string());
  o.IntOrNull("stolen_base_units", stolen);
}

void WriteTransaction(const ExportView& v, ChainId c, TxId t, FdWriter& out,
                      Object& tx, std::vector<Amount>* input_stolen,
                      ExportStats* stats) {
  const Ledger& l = v.ledger();
  const TxStore& s = l.txs(c);
  const AssetId asset = v.tx_asset(c, t);
  const TxTruth truth = v.tx_truth(c, t);
  tx.Str("chain", l.chain(c).name).Str("txid", s.txid(t));
  tx.Int("time", v.unix_time(c, t))
      .Str("time_utc", FormatCalendarTime(v.unix_time(c, t)))
      .Str("asset", v.asset_name(asset))
      .Bool("coinbase", s.coinbase(t))
      .Str("fee", v.Decimal(v.native_asset(c), s.fee(t)))
      .Int("fee_base_units", s.fee(t));
  if (v.has_truth()) {
    tx.StrOrNull("attack", v.tx_attack(c, t))
        .StrOrNull("stage", truth.stage)
        .Int("stage_index", truth.stage_index)
        .Int("hop", truth.hop);
  } else {
    tx.StrOrNull("attack", "").StrOrNull("stage", "");
    tx.IntOrNull("stage_index", std::nullopt).IntOrNull("hop", std::nullopt);
  }
  v.InputStolen(c, t, input_stolen);
  {
    Items inputs(out, tx, "inputs");
    const IdRange<InputId> range = s.inputs(t);
    for (std::size_t k = 0; k < range.size(); ++k) {
      const InputId i = range[k];
      ++stats->inputs;
      inputs.Next("  ");
      Object in(out);
      in.Str("address", l.address_name(s.input_address(i)))
          .Str("amount", v.Decimal(asset, s.input_amount(i)))
          .Int("amount_base_units", s.input_amount(i));
      const OutputId spent = s.input_spent(i);
      in.StrOrNull("spent_txid", spent == OutputId::kNone
                                     ? std::string_view()
                                     : s.txid(s.output_tx(spent)));
      in.IntOrNull("spent_index",
                   spent == OutputId::kNone
                       ? std::nullopt
                       : std::optional<std::int64_t>(s.output_index(spent)));
      WriteStolen(v, in, asset,
                  input_stolen->empty()
                      ? std::nullopt
                      : std::optional<Amount>((*input_stolen)[k]));
    }
  }
  Items outputs(out, tx, "outputs");
  for (OutputId o : s.outputs(t)) {
    if (!v.selection().output(c, o)) continue;
    ++stats->outputs;
    outputs.Next("  ");
    Object item(out);
    item.Int("index", s.output_index(o))
        .Str("address", l.address_name(s.output_address(o)))
        .Str("amount", v.Decimal(asset, s.output_amount(o)))
        .Int("amount_base_units", s.output_amount(o))
        .StrOrNull("spent_by", s.spent_by(o) == TxId::kNone
                                   ? std::string_view()
                                   : s.txid(s.spent_by(o)));
    WriteStolen(v, item, asset, v.output_stolen(c, o));
    item.StrOrNull("attack", v.output_attack(c, o));
  }
}

}  // namespace

void WriteJson(const ExportView& v, FdWriter& out, ExportStats* stats) {
  const Ledger& l = v.ledger();
  const Provenance& p = v.file().provenance;
  {
    Object doc(out);
    doc.Str("format", "chaintrace.export").Int("format_version", 1);
    {
      Object prov(doc.Key("provenance"));
      prov.Str("scenario", p.scenario)
          .Str("scenario_sha256", p.scenario_sha256)
          .Str("seed", std::to_string(p.seed))
          .Str("chaintrace_version", p.chaintrace_version);
    }
    doc.Str("start", FormatCalendarTime(l.start()))
        .Bool("stolen_only", !v.selection().all())
        .Bool("ground_truth", v.has_truth());
    {
      Items chains(out, doc, "chains");
      for (ChainId c : l.chain_ids()) {
        chains.Next("");
        const ChainInfo& info = l.chain(c);
        Object o(out);
        o.Str("name", info.name)
            .Str("model", info.is_utxo() ? "utxo" : "account")
            .Str("native_asset", v.asset_name(info.native_asset))
            .Int("block_interval_s", info.block_interval);
      }
    }
    {
      Items assets(out, doc, "assets");
      for (std::size_t i = 0; i < l.asset_count(); ++i) {
        assets.Next("");
        const AssetInfo& a = l.asset(IdFromIndex<AssetId>(i));
        Object o(out);
        o.Str("name", a.name)
            .Str("chain", l.chain(a.chain).name)
            .Int("decimals", a.decimals);
      }
    }
    {
      Items addresses(out, doc, "addresses");
      for (AddressId a : l.address_ids()) {
        if (!v.selection().address(a)) continue;
        ++stats->addresses;
        addresses.Next("");
        Object o(out);
        o.Str("chain", l.chain(l.address_chain(a)).name)
            .Str("address", l.address_name(a))
            .Str("type", l.address_type(a))
            .StrOrNull("owner", v.owner(a))
            .StrOrNull("owner_kind", v.owner_kind(a))
            .StrOrNull("label_kind", v.label_kind(a))
            .StrOrNull("label_service", v.label_service(a));
      }
    }
    {
      Items txs(out, doc, "transactions");
      std::vector<Amount> input_stolen;
      for (ChainId c : l.chain_ids()) {
        for (TxId t : l.txs(c).txs()) {
          if (!v.selection().tx(c, t)) continue;
          ++stats->transactions;
          txs.Next("");
          Object tx(out);
          WriteTransaction(v, c, t, out, tx, &input_stolen, stats);
        }
      }
    }
    Items thefts(out, doc, "thefts");
    for (const TheftReport& t : l.thefts()) {
      thefts.Next("");
      const TxStore& s = l.txs(t.chain);
      Object o(out);
      o.Str("attack", t.attack)
          .Str("chain", l.chain(t.chain).name)
          .Str("txid", s.txid(t.tx))
          .Int("index", s.output_index(t.output))
          .Str("asset", v.asset_name(t.asset))
          .Str("amount", v.Decimal(t.asset, t.amount))
          .Int("amount_base_units", t.amount);
    }
  }
  out.Put('\n');
}

}  // namespace chaintrace::io
