#include "model/ledger_encode.h"

#include <string>
#include <vector>

#include "model/time.h"

namespace chaintrace {
namespace {

void EncodeHeader(const LedgerFile& file, ledger::Header* h) {
  const Ledger& ledger = file.ledger;
  h->set_format("chaintrace.ledger");
  h->set_format_version(1);
  common::Provenance* prov = h->mutable_provenance();
  prov->set_scenario(file.provenance.scenario);
  prov->set_scenario_sha256(file.provenance.scenario_sha256);
  prov->set_seed(file.provenance.seed);
  prov->set_chaintrace_version(file.provenance.chaintrace_version);
  prov->set_scale(file.provenance.scale);
  h->set_start(FormatCalendarTime(ledger.start()));
  for (ChainId c : ledger.chain_ids()) {
    const ChainInfo& info = ledger.chain(c);
    ledger::ChainInfo* out = h->add_chains();
    out->set_name(info.name);
    out->set_model(info.model);
    if (info.native_asset != AssetId::kNone) {
      out->set_native_asset(ledger.asset(info.native_asset).name);
    }
    out->set_block_interval_s(info.block_interval);
  }
  for (std::size_t a = 0; a < ledger.asset_count(); ++a) {
    const AssetInfo& info = ledger.asset(IdFromIndex<AssetId>(a));
    ledger::AssetInfo* out = h->add_assets();
    out->set_name(info.name);
    out->set_chain(ledger.chain(info.chain).name);
    out->set_decimals(info.decimals);
    for (const PricePoint& p : info.usd_price) {
      ledger::PricePoint* point = out->add_usd_price();
      point->set_time(p.time);
      point->set_usd(p.usd);
    }
  }
}

void EncodeTransaction(const LedgerFile& file, ChainId c, TxId t,
                       ledger::Transaction* out) {
  const Ledger& ledger = file.ledger;
  const GroundTruth* truth = file.truth ? &*file.truth : nullptr;
  const ChainInfo& info = ledger.chain(c);
  const TxStore& s = ledger.txs(c);
  out->set_id(std::string(s.txid(t)));
  out->set_chain(info.name);
  out->set_time(s.time(t));
  if (s.asset(t) != info.native_asset) {
    out->set_asset(ledger.asset(s.asset(t)).name);
  }
  if (s.coinbase(t)) out->set_coinbase(true);
  for (InputId i : s.inputs(t)) {
    ledger::Input* in = out->add_inputs();
    if (info.is_utxo()) {
      const OutputId spent = s.input_spent(i);
      in->set_tx(std::string(s.txid(s.output_tx(spent))));
      in->set_index(s.output_index(spent));
    } else {
      in->set_address(std::string(ledger.address_name(s.input_address(i))));
      in->set_amount(s.input_amount(i));
    }
  }
  for (OutputId o : s.outputs(t)) {
    ledger::Output* output = out->add_outputs();
    output->set_address(std::string(ledger.address_name(s.output_address(o))));
    output->set_amount(s.output_amount(o));
    if (truth == nullptr) continue;
    const Amount stolen = truth->stolen(c, o);
    const AttackId attack = truth->stolen_attack(c, o);
    if (stolen != 0 || attack != AttackId::kNone) {
      ledger::OutputTruth* ot = output->mutable_truth();
      if (stolen != 0) ot->set_stolen(stolen);
      if (attack != AttackId::kNone) {
        ot->set_attack(truth->attack(attack).name);
      }
    }
  }
  if (s.fee(t) != 0) out->set_fee(s.fee(t));
  if (truth == nullptr) return;
  const TxTruth tt = truth->tx(c, t);
  if (tt.attack == AttackId::kNone && tt.stage.empty() &&
      tt.stage_index == -1 && tt.hop == -1) {
    return;
  }
  ledger::TxTruth* ot = out->mutable_truth();
  if (tt.attack != AttackId::kNone) {
    ot->set_attack(truth->attack(tt.attack).name);
  }
  if (!tt.stage.empty()) ot->set_stage(std::string(tt.stage));
  if (tt.stage_index != -1) ot->set_stage_index(tt.stage_index);
  if (tt.hop != -1) ot->set_hop(tt.hop);
}

}  // namespace

Status ForEachRecord(const LedgerFile& file,
                     const std::function<Status(const ledger::Record&)>& sink) {
  const Ledger& ledger = file.ledger;
  const GroundTruth* truth = file.truth ? &*file.truth : nullptr;
  ledger::Record record;
  const auto emit = [&]() {
    Status st = sink(record);
    record.Clear();
    return st;
  };
  EncodeHeader(file, record.mutable_header());
  if (Status st = emit(); !st.ok()) return st;

  if (truth != nullptr) {
    for (const Entity& e : truth->entities()) {
      ledger::Entity* out = record.mutable_entity();
      out->set_name(e.name);
      out->set_kind(e.kind);
      if (!e.country.empty()) out->set_country(e.country);
      if (e.region != common::REGION_UNSPECIFIED) out->set_region(e.region);
      if (Status st = emit(); !st.ok()) return st;
    }
    for (const Attack& a : truth->attacks()) {
      ledger::Attack* out = record.mutable_attack();
      out->set_name(a.name);
      if (!a.group.empty()) out->set_group(a.group);
      if (!a.victim.empty()) out->set_victim(a.victim);
      out->set_time(a.time);
      if (Status st = emit(); !st.ok()) return st;
    }
  }

  for (AddressId a : ledger.address_ids()) {
    ledger::Address* out = record.mutable_address();
    out->set_name(std::string(ledger.address_name(a)));
    out->set_chain(ledger.chain(ledger.address_chain(a)).name);
    if (!ledger.address_type(a).empty()) {
      out->set_type(std::string(ledger.address_type(a)));
    }
    if (truth != nullptr && truth->owner(a) != EntityId::kNone) {
      out->mutable_truth()->set_owner(truth->entity(truth->owner(a)).name);
    }
    if (Status st = emit(); !st.ok()) return st;
  }

  for (AddressId a : file.labels.LabelledAddresses()) {
    const AddressLabel label = file.labels.label(a);
    ledger::Label* out = record.mutable_label();
    out->set_address(std::string(ledger.address_name(a)));
    out->set_chain(ledger.chain(ledger.address_chain(a)).name);
    out->set_kind(label.kind);
    out->set_service(file.labels.service(label.service).name);
    if (Status st = emit(); !st.ok()) return st;
  }

  // Merge the chains by time. Few chains: a linear scan per step is cheaper
  // than a heap.
  std::vector<std::size_t> next(ledger.chain_count(), 0);
  while (true) {
    ChainId best = ChainId::kNone;
    for (ChainId c : ledger.chain_ids()) {
      const TxStore& s = ledger.txs(c);
      if (next[Index(c)] >= s.tx_count()) continue;
      if (best == ChainId::kNone ||
          s.times()[next[Index(c)]] <
              ledger.txs(best).times()[next[Index(best)]]) {
        best = c;
      }
    }
    if (best == ChainId::kNone) break;
    const auto t = IdFromIndex<TxId>(next[Index(best)]++);
    EncodeTransaction(file, best, t, record.mutable_transaction());
    if (Status st = emit(); !st.ok()) return st;
  }

  for (const TheftReport& t : ledger.thefts()) {
    const TxStore& s = ledger.txs(t.chain);
    ledger::Theft* out = record.mutable_theft();
    out->set_attack(t.attack);
    out->set_chain(ledger.chain(t.chain).name);
    out->set_tx(std::string(s.txid(t.tx)));
    out->set_index(s.output_index(t.output));
    out->set_asset(ledger.asset(t.asset).name);
    out->set_amount(t.amount);
    if (Status st = emit(); !st.ok()) return st;
  }

  if (truth != nullptr) {
    for (const CashOut& c : truth->cash_outs()) {
      const TxStore& s = ledger.txs(c.chain);
      ledger::CashOut* out = record.mutable_cash_out();
      if (c.attack != AttackId::kNone) {
        out->set_attack(truth->attack(c.attack).name);
      }
      if (c.exchange != EntityId::kNone) {
        out->set_exchange(truth->entity(c.exchange).name);
      }
      out->set_chain(ledger.chain(c.chain).name);
      out->set_tx(std::string(s.txid(c.tx)));
      out->set_index(s.output_index(c.output));
      out->set_address(std::string(ledger.address_name(c.address)));
      out->set_asset(ledger.asset(c.asset).name);
      out->set_amount(c.amount);
      out->set_usd(c.usd);
      out->set_time(c.time);
      if (Status st = emit(); !st.ok()) return st;
    }
  }
  return Status::Ok();
}

}  // namespace chaintrace
