#include "sim/io/export_view.h"

#include <algorithm>
#include <cctype>

namespace chaintrace::io {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

}  // namespace

ExportView::ExportView(const LedgerFile& file, const Selection& selection)
    : file_(&file), selection_(&selection) {
  for (int k = 0; k <= common::EntityKind_MAX; ++k) {
    entity_kind_names_.push_back(
        common::EntityKind_IsValid(k) && k != common::ENTITY_KIND_UNSPECIFIED
            ? Lower(common::EntityKind_Name(static_cast<common::EntityKind>(k)))
            : "");
  }
  for (int k = 0; k <= common::LabelKind_MAX; ++k) {
    std::string name =
        common::LabelKind_IsValid(k) && k != common::LABEL_KIND_UNSPECIFIED
            ? Lower(common::LabelKind_Name(static_cast<common::LabelKind>(k)))
            : "";
    if (name.rfind("label_", 0) == 0) name.erase(0, 6);
    label_kind_names_.push_back(std::move(name));
  }
}

std::string_view ExportView::owner(AddressId a) const {
  if (!has_truth()) return {};
  const EntityId e = file_->truth->owner(a);
  return e == EntityId::kNone ? std::string_view()
                              : file_->truth->entity(e).name;
}

std::string_view ExportView::owner_kind(AddressId a) const {
  if (!has_truth()) return {};
  const EntityId e = file_->truth->owner(a);
  if (e == EntityId::kNone) return {};
  const auto k = static_cast<std::size_t>(file_->truth->entity(e).kind);
  return k < entity_kind_names_.size() ? entity_kind_names_[k]
                                       : std::string_view();
}

std::string_view ExportView::label_kind(AddressId a) const {
  const AddressLabel l = file_->labels.label(a);
  if (l.service == ServiceId::kNone) return {};
  const auto k = static_cast<std::size_t>(l.kind);
  return k < label_kind_names_.size() ? label_kind_names_[k]
                                      : std::string_view();
}

std::string_view ExportView::label_service(AddressId a) const {
  const AddressLabel l = file_->labels.label(a);
  if (l.service == ServiceId::kNone) return {};
  return file_->labels.service(l.service).name;
}

std::string ExportView::Decimal(AssetId asset, Amount amount) const {
  return FormatDecimalAmount(amount, ledger().asset(asset).decimals);
}

TxTruth ExportView::tx_truth(ChainId c, TxId t) const {
  return has_truth() ? file_->truth->tx(c, t) : TxTruth{};
}

std::string_view ExportView::tx_attack(ChainId c, TxId t) const {
  const TxTruth truth = tx_truth(c, t);
  if (truth.attack == AttackId::kNone) return {};
  return file_->truth->attack(truth.attack).name;
}

std::optional<Amount> ExportView::output_stolen(ChainId c, OutputId o) const {
  if (!has_truth()) return std::nullopt;
  return file_->truth->stolen(c, o);
}

std::string_view ExportView::output_attack(ChainId c, OutputId o) const {
  if (!has_truth()) return {};
  const AttackId a = file_->truth->stolen_attack(c, o);
  if (a == AttackId::kNone) return {};
  return file_->truth->attack(a).name;
}

void ExportView::InputStolen(ChainId c, TxId t,
                             std::vector<Amount>* out) const {
  out->clear();
  if (!has_truth()) return;
  const TxStore& s = ledger().txs(c);
  if (ledger().chain(c).is_utxo()) {
    for (InputId i : s.inputs(t)) {
      out->push_back(file_->truth->stolen(c, s.input_spent(i)));
    }
    return;
  }
  Amount remaining = 0;
  for (OutputId o : s.outputs(t)) remaining += file_->truth->stolen(c, o);
  for (InputId i : s.inputs(t)) {
    const Amount take = std::min(remaining, s.input_amount(i));
    out->push_back(take);
    remaining -= take;
  }
}

}  // namespace chaintrace::io
