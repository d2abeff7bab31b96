// The CSV export: a directory of plain RFC 4180 files with a header row,
// one row per item, LF line ends. Files and columns (amount columns hold
// exact decimal text in whole units of the row's asset, the *_base_units
// column beside them the integer base units; times are Unix seconds and
// RFC 3339 UTC; truth columns are empty without ground truth):
//   transactions.csv  chain,txid,time,time_utc,asset,coinbase,fee,
//                     fee_base_units,inputs,outputs,attack,stage,
//                     stage_index,hop
//   inputs.csv        chain,txid,index,address,asset,amount,
//                     amount_base_units,spent_txid,spent_index,stolen,
//                     stolen_base_units         (every chain's inputs)
//   outputs.csv       chain,txid,index,address,asset,amount,
//                     amount_base_units,spent_by,stolen,stolen_base_units,
//                     attack                    (UTXO chains)
//   transfers.csv     chain,txid,index,time,time_utc,from,to,asset,amount,
//                     amount_base_units,debits,stolen,stolen_base_units,
//                     attack                    (ACCOUNT chains: one row per
//                     credit; `from` is the first debited address, the fee
//                     payer; `debits` counts the transaction's debits, all
//                     listed in inputs.csv)
//   addresses.csv     chain,address,type,owner,owner_kind,label_kind,
//                     label_service
//   thefts.csv        attack,chain,txid,index,asset,amount,
//                     amount_base_units
// Every file is always written, with its header even when it has no rows,
// so that scripts need not test for it.

#include <charconv>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "model/atomic_file.h"
#include "sim/io/csv.h"
#include "sim/io/export_formats.h"

namespace chaintrace::io {
namespace {

// One row built in a reused buffer.
class Row {
 public:
  Row& Add(std::string_view field) {
    if (!first_) text_.push_back(',');
    first_ = false;
    AppendCsvField(field, &text_);
    return *this;
  }
  Row& AddInt(std::int64_t value) {
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof(digits), value).ptr;
    return Add(
        std::string_view(digits, static_cast<std::size_t>(end - digits)));
  }
  Row& AddOptional(const std::optional<Amount>& value) {
    return value ? AddInt(*value) : Add("");
  }
  void End(FdWriter& out) {
    text_.push_back('\n');
    out.Put(text_);
    text_.clear();
    first_ = true;
  }

 private:
  std::string text_;
  bool first_ = true;
};

std::string OptionalDecimal(const ExportView& v, AssetId asset,
                            const std::optional<Amount>& amount) {
  return amount ? v.Decimal(asset, *amount) : std::string();
}

using RowWriter = void (*)(const ExportView&, FdWriter&, ExportStats*);

void WriteTransactions(const ExportView& v, FdWriter& out, ExportStats* stats) {
  out.Put(
      "chain,txid,time,time_utc,asset,coinbase,fee,fee_base_units,inputs,"
      "outputs,attack,stage,stage_index,hop\n");
  Row row;
  const Ledger& l = v.ledger();
  for (ChainId c : l.chain_ids()) {
    const TxStore& s = l.txs(c);
    for (TxId t : s.txs()) {
      if (!v.selection().tx(c, t)) continue;
      ++stats->transactions;
      const TxTruth truth = v.tx_truth(c, t);
      row.Add(l.chain(c).name).Add(s.txid(t)).AddInt(v.unix_time(c, t));
      row.Add(FormatCalendarTime(v.unix_time(c, t)))
          .Add(v.asset_name(v.tx_asset(c, t)))
          .Add(s.coinbase(t) ? "true" : "false")
          .Add(v.Decimal(v.native_asset(c), s.fee(t)))
          .AddInt(s.fee(t))
          .AddInt(static_cast<std::int64_t>(s.inputs(t).size()))
          .AddInt(static_cast<std::int64_t>(s.outputs(t).size()));
      if (v.has_truth()) {
        row.Add(v.tx_attack(c, t)).Add(truth.stage);
        row.AddInt(truth.stage_index).AddInt(truth.hop);
      } else {
        row.Add("").Add("").Add("").Add("");
      }
      row.End(out);
    }
  }
}

void WriteInputs(const ExportView& v, FdWriter& out, ExportStats* stats) {
  out.Put(
      "chain,txid,index,address,asset,amount,amount_base_units,spent_txid,"
      "spent_index,stolen,stolen_base_units\n");
  Row row;
  std::vector<Amount> stolen;
  const Ledger& l = v.ledger();
  for (ChainId c : l.chain_ids()) {
    const TxStore& s = l.txs(c);
    for (TxId t : s.txs()) {
      if (!v.selection().tx(c, t)) continue;
      v.InputStolen(c, t, &stolen);
      const AssetId asset = v.tx_asset(c, t);
      const IdRange<InputId> inputs = s.inputs(t);
      for (std::size_t k = 0; k < inputs.size(); ++k) {
        const InputId i = inputs[k];
        ++stats->inputs;
        row.Add(l.chain(c).name).Add(s.txid(t));
        row.AddInt(static_cast<std::int64_t>(k))
            .Add(l.address_name(s.input_address(i)))
            .Add(v.asset_name(asset))
            .Add(v.Decimal(asset, s.input_amount(i)))
            .AddInt(s.input_amount(i));
        const OutputId spent = s.input_spent(i);
        if (spent != OutputId::kNone) {
          row.Add(s.txid(s.output_tx(spent))).AddInt(s.output_index(spent));
        } else {
          row.Add("").Add("");
        }
        const std::optional<Amount> st =
            stolen.empty() ? std::nullopt : std::optional<Amount>(stolen[k]);
        row.Add(OptionalDecimal(v, asset, st)).AddOptional(st);
        row.End(out);
      }
    }
  }
}

// UTXO outputs (`utxo`) or ACCOUNT credits as transfers.
void WriteOutputRows(const ExportView& v, FdWriter& out, ExportStats* stats,
                     bool utxo) {
  Row row;
  const Ledger& l = v.ledger();
  for (ChainId c : l.chain_ids()) {
    if (l.chain(c).is_utxo() != utxo) continue;
    const TxStore& s = l.txs(c);
    for (TxId t : s.txs()) {
      if (!v.selection().tx(c, t)) continue;
      const AssetId asset = v.tx_asset(c, t);
      const IdRange<InputId> inputs = s.inputs(t);
      for (OutputId o : s.outputs(t)) {
        if (!v.selection().output(c, o)) continue;
        ++stats->outputs;
        row.Add(l.chain(c).name).Add(s.txid(t)).AddInt(s.output_index(o));
        if (!utxo) {
          row.AddInt(v.unix_time(c, t))
              .Add(FormatCalendarTime(v.unix_time(c, t)))
              .Add(inputs.empty() ? std::string_view()
                                  : l.address_name(s.input_address(inputs[0])));
        }
        row.Add(l.address_name(s.output_address(o)))
            .Add(v.asset_name(asset))
            .Add(v.Decimal(asset, s.output_amount(o)))
            .AddInt(s.output_amount(o));
        if (utxo) {
          row.Add(s.spent_by(o) == TxId::kNone ? std::string_view()
                                               : s.txid(s.spent_by(o)));
        } else {
          row.AddInt(static_cast<std::int64_t>(inputs.size()));
        }
        const std::optional<Amount> st = v.output_stolen(c, o);
        row.Add(OptionalDecimal(v, asset, st)).AddOptional(st);
        row.Add(v.output_attack(c, o)).End(out);
      }
    }
  }
}

void WriteOutputs(const ExportView& v, FdWriter& out, ExportStats* stats) {
  out.Put(
      "chain,txid,index,address,asset,amount,amount_base_units,spent_by,"
      "stolen,stolen_base_units,attack\n");
  WriteOutputRows(v, out, stats, /*utxo=*/true);
}

void WriteTransfers(const ExportView& v, FdWriter& out, ExportStats* stats) {
  out.Put(
      "chain,txid,index,time,time_utc,from,to,asset,amount,amount_base_units,"
      "debits,stolen,stolen_base_units,attack\n");
  WriteOutputRows(v, out, stats, /*utxo=*/false);
}

void WriteAddresses(const ExportView& v, FdWriter& out, ExportStats* stats) {
  out.Put("chain,address,type,owner,owner_kind,label_kind,label_service\n");
  Row row;
  const Ledger& l = v.ledger();
  for (AddressId a : l.address_ids()) {
    if (!v.selection().address(a)) continue;
    ++stats->addresses;
    row.Add(l.chain(l.address_chain(a)).name)
        .Add(l.address_name(a))
        .Add(l.address_type(a))
        .Add(v.owner(a))
        .Add(v.owner_kind(a))
        .Add(v.label_kind(a))
        .Add(v.label_service(a))
        .End(out);
  }
}

void WriteThefts(const ExportView& v, FdWriter& out, ExportStats* /*stats*/) {
  out.Put("attack,chain,txid,index,asset,amount,amount_base_units\n");
  Row row;
  const Ledger& l = v.ledger();
  for (const TheftReport& t : l.thefts()) {
    const TxStore& s = l.txs(t.chain);
    row.Add(t.attack).Add(l.chain(t.chain).name).Add(s.txid(t.tx));
    row.AddInt(s.output_index(t.output))
        .Add(v.asset_name(t.asset))
        .Add(v.Decimal(t.asset, t.amount))
        .AddInt(t.amount)
        .End(out);
  }
}

}  // namespace

Status WriteCsvExport(const ExportView& view, const std::string& dir,
                      ExportStats* stats) {
  static constexpr RowWriter kWriters[] = {WriteTransactions, WriteInputs,
                                           WriteOutputs,      WriteTransfers,
                                           WriteAddresses,    WriteThefts};
  static_assert(std::size(kWriters) == std::size(kCsvExportFiles));
  for (std::size_t i = 0; i < std::size(kWriters); ++i) {
    const std::string path = dir + "/" + kCsvExportFiles[i];
    Status st = WriteFileAtomically(path, [&](int fd) {
      FdWriter out(fd, path);
      kWriters[i](view, out, stats);
      return out.Finish();
    });
    if (!st.ok()) return st;
  }
  return Status::Ok();
}

}  // namespace chaintrace::io
