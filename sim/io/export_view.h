#ifndef CHAINTRACE_SIM_IO_EXPORT_VIEW_H_
#define CHAINTRACE_SIM_IO_EXPORT_VIEW_H_

// What every export format writes about a ledger, worded once so that CSV,
// GraphML, DOT and JSON agree: the selected part of the ledger
// (stolen_selection.h), calendar times, amounts as exact decimal text in
// whole asset units beside integer base units, the ground-truth owner of an
// address and its entity kind, its public label, and the stolen value of
// outputs and inputs.
//
// Stolen value of an input: on UTXO chains the truth of the output it
// spends (exact). On ACCOUNT chains ground truth is kept per credit, not per
// debit; the stolen value a transaction credits is assigned to its debits
// in order, each taking at most its amount. With one debit (the usual
// transfer) this is exact.
//
// Without ground truth owner, kind and stolen value are unknown, and the
// formats leave them empty (null in JSON), never 0.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/amount.h"
#include "model/ids.h"
#include "model/ledger_file.h"
#include "model/time.h"
#include "sim/io/stolen_selection.h"

namespace chaintrace::io {

class ExportView {
 public:
  ExportView(const LedgerFile& file, const Selection& selection);

  const LedgerFile& file() const { return *file_; }
  const Ledger& ledger() const { return file_->ledger; }
  const Selection& selection() const { return *selection_; }
  bool has_truth() const { return file_->truth.has_value(); }

  // ---- addresses
  std::string_view owner(AddressId a) const;
  // Lower-case EntityKind name ("exchange"), "" when unknown.
  std::string_view owner_kind(AddressId a) const;
  // Lower-case LabelKind name without its prefix ("exchange_deposit"), ""
  // when the address has no label.
  std::string_view label_kind(AddressId a) const;
  std::string_view label_service(AddressId a) const;

  // ---- transactions
  AssetId tx_asset(ChainId c, TxId t) const { return ledger().txs(c).asset(t); }
  std::string_view asset_name(AssetId a) const {
    return ledger().asset(a).name;
  }
  AssetId native_asset(ChainId c) const {
    return ledger().chain(c).native_asset;
  }
  UnixSeconds unix_time(ChainId c, TxId t) const {
    return ledger().start() + ledger().txs(c).time(t);
  }
  // Exact decimal text of `amount` base units of `asset`.
  std::string Decimal(AssetId asset, Amount amount) const;

  // Truth of a transaction; attack name "" for background.
  std::string_view tx_attack(ChainId c, TxId t) const;
  TxTruth tx_truth(ChainId c, TxId t) const;

  // ---- stolen value (nullopt without ground truth)
  std::optional<Amount> output_stolen(ChainId c, OutputId o) const;
  std::string_view output_attack(ChainId c, OutputId o) const;
  // The stolen value of each input of `t`, in input order, into *out
  // (cleared first; left empty without ground truth).
  void InputStolen(ChainId c, TxId t, std::vector<Amount>* out) const;

 private:
  const LedgerFile* file_;
  const Selection* selection_;
  std::vector<std::string> entity_kind_names_;  // by EntityKind value
  std::vector<std::string> label_kind_names_;   // by LabelKind value
};

}  // namespace chaintrace::io

#endif  // CHAINTRACE_SIM_IO_EXPORT_VIEW_H_
