#include "model/ledger_decode.h"

#include <cmath>
#include <string>
#include <utility>

#include "model/conservation.h"
#include "model/time.h"

namespace chaintrace {
namespace {

constexpr char kFormat[] = "chaintrace.ledger";
constexpr std::uint32_t kFormatVersion = 1;

std::string Quote(std::string_view s) { return "'" + std::string(s) + "'"; }

}  // namespace

Status LedgerDecoder::RequireHeader() const {
  if (!has_header_) return Status::Error("the header must come first");
  return Status::Ok();
}

Status LedgerDecoder::AddHeader(const ledger::Header& header) {
  if (has_header_) return Status::Error("a second header");
  has_header_ = true;
  if (header.format() != kFormat) {
    return Status::Error("header.format is " + Quote(header.format()) +
                         ", not " + Quote(kFormat) + ": not a ledger file");
  }
  if (header.format_version() != kFormatVersion) {
    return Status::Error("header.format_version " +
                         std::to_string(header.format_version()) +
                         " is not supported (this reader knows version " +
                         std::to_string(kFormatVersion) + ")");
  }
  Ledger& ledger = file_.ledger;
  if (header.has_start()) {
    const auto start = ParseCalendarTime(header.start());
    if (!start.ok()) return Status::Error("header.start: " + start.message());
    ledger.set_start(*start);
  }
  const common::Provenance& p = header.provenance();
  if (!std::isfinite(p.scale()) || p.scale() <= 0) {
    return Status::Error("header.provenance.scale must be a finite number > 0");
  }
  file_.provenance = Provenance{p.scenario(), p.scenario_sha256(), p.seed(),
                                p.chaintrace_version(), p.scale()};
  for (const ledger::ChainInfo& c : header.chains()) {
    const auto id = ledger.AddChain(c.name(), c.model(), c.block_interval_s());
    if (!id.ok()) return Status::Error("header.chains: " + id.message());
  }
  for (const ledger::AssetInfo& a : header.assets()) {
    AssetInfo info;
    info.name = a.name();
    info.chain = ledger.FindChain(a.chain());
    if (info.chain == ChainId::kNone) {
      return Status::Error("header.assets: asset " + Quote(a.name()) +
                           ": unknown chain " + Quote(a.chain()));
    }
    info.decimals = a.decimals();
    for (const ledger::PricePoint& point : a.usd_price()) {
      info.usd_price.push_back(PricePoint{point.time(), point.usd()});
    }
    const auto id = ledger.AddAsset(std::move(info));
    if (!id.ok()) return Status::Error("header.assets: " + id.message());
  }
  for (const ledger::ChainInfo& c : header.chains()) {
    const ChainId chain = ledger.FindChain(c.name());
    const AssetId native = ledger.FindAsset(chain, c.native_asset());
    if (native == AssetId::kNone) {
      return Status::Error("header.chains: chain " + Quote(c.name()) +
                           ": native_asset " + Quote(c.native_asset()) +
                           " is not an asset declared on the chain");
    }
    if (Status st = ledger.SetNativeAsset(chain, native); !st.ok()) return st;
  }
  return Status::Ok();
}

Status LedgerDecoder::AddEntity(const ledger::Entity& e) {
  if (Status st = RequireHeader(); !st.ok()) return st;
  saw_truth_ = true;
  const auto id =
      truth_.AddEntity(Entity{e.name(), e.kind(), e.country(), e.region()});
  return id.ok() ? Status::Ok() : id.status();
}

Status LedgerDecoder::AddAttack(const ledger::Attack& a) {
  if (Status st = RequireHeader(); !st.ok()) return st;
  saw_truth_ = true;
  const auto id =
      truth_.AddAttack(Attack{a.name(), a.group(), a.victim(), a.time()});
  return id.ok() ? Status::Ok() : id.status();
}

Status LedgerDecoder::AddAddress(const ledger::Address& a) {
  if (Status st = RequireHeader(); !st.ok()) return st;
  Ledger& ledger = file_.ledger;
  const ChainId chain = ledger.FindChain(a.chain());
  if (chain == ChainId::kNone) {
    return Status::Error("address " + Quote(a.name()) + ": unknown chain " +
                         Quote(a.chain()));
  }
  const auto id = ledger.AddAddress(chain, a.name(), a.type());
  if (!id.ok()) return id.status();
  if (a.has_truth()) {
    saw_truth_ = true;
    if (!a.truth().owner().empty()) {
      const EntityId owner = truth_.FindEntity(a.truth().owner());
      if (owner == EntityId::kNone) {
        return Status::Error("address " + Quote(a.name()) +
                             ": unknown owner entity " +
                             Quote(a.truth().owner()));
      }
      truth_.SetOwner(*id, owner);
    }
  }
  return Status::Ok();
}

AddressId LedgerDecoder::ResolveAddress(ChainId chain,
                                        const std::string& name) {
  Ledger& ledger = file_.ledger;
  AddressId a = ledger.FindAddress(chain, name);
  if (a == AddressId::kNone && options_.auto_create_addresses &&
      !name.empty()) {
    const auto created = ledger.AddAddress(chain, name, "");
    if (created.ok()) a = *created;
  }
  return a;
}

Result<OutputId> LedgerDecoder::ResolveOutput(ChainId chain,
                                              const std::string& txid,
                                              std::uint32_t index) const {
  const TxStore& s = file_.ledger.txs(chain);
  const TxId from = s.FindTx(txid);
  if (from == TxId::kNone) {
    return Status::Error("unknown transaction " + Quote(txid) + " on chain " +
                         Quote(file_.ledger.chain(chain).name));
  }
  const IdRange<OutputId> outs = s.outputs(from);
  if (index >= outs.size()) {
    return Status::Error("output " + Quote(txid + ":" + std::to_string(index)) +
                         " does not exist (the transaction has " +
                         std::to_string(outs.size()) + " outputs)");
  }
  return outs[index];
}

Status LedgerDecoder::AddTransaction(const ledger::Transaction& tx,
                                     TxErrorSite* site) {
  if (site != nullptr) *site = TxErrorSite{};
  if (Status st = RequireHeader(); !st.ok()) return st;
  Ledger& ledger = file_.ledger;
  const ChainId chain = ledger.FindChain(tx.chain());
  const std::string what = "transaction " + Quote(tx.id());
  if (chain == ChainId::kNone) {
    return Status::Error(what + ": unknown chain " + Quote(tx.chain()));
  }
  const std::string where = "chain " + Quote(tx.chain()) + " " + what + ": ";
  const bool utxo = ledger.chain(chain).is_utxo();
  AssetId asset = AssetId::kNone;
  if (!tx.asset().empty()) {
    asset = ledger.FindAsset(chain, tx.asset());
    if (asset == AssetId::kNone) {
      return Status::Error(where + "unknown asset " + Quote(tx.asset()));
    }
  }
  inputs_.clear();
  for (int i = 0; i < tx.inputs_size(); ++i) {
    const ledger::Input& in = tx.inputs(i);
    const auto fail = [&](const std::string& why) {
      if (site != nullptr) {
        *site = {TxErrorSite::Part::kInput, static_cast<std::size_t>(i)};
      }
      std::string message = where;
      message += "input " + std::to_string(i) + ": " + why;
      return Status::Error(std::move(message));
    };
    InputSpec spec;
    if (utxo) {
      if (in.has_address() || in.has_amount() || !in.has_tx()) {
        return fail(
            "a UTXO input names `tx` and `index`, not an address "
            "or amount");
      }
      const auto out = ResolveOutput(chain, in.tx(), in.index());
      if (!out.ok()) return fail(out.message());
      spec.spent = *out;
    } else {
      if (in.has_tx() || in.has_index() || !in.has_address()) {
        return fail(
            "an ACCOUNT input names `address` and `amount`, not a "
            "transaction output");
      }
      spec.address = ResolveAddress(chain, in.address());
      if (spec.address == AddressId::kNone) {
        return fail("unknown address " + Quote(in.address()));
      }
      spec.amount = in.amount();
    }
    inputs_.push_back(spec);
  }
  outputs_.clear();
  for (int i = 0; i < tx.outputs_size(); ++i) {
    const ledger::Output& out = tx.outputs(i);
    OutputSpec spec{ResolveAddress(chain, out.address()), out.amount()};
    if (spec.address == AddressId::kNone) {
      if (site != nullptr) {
        *site = {TxErrorSite::Part::kOutput, static_cast<std::size_t>(i)};
      }
      return Status::Error(where + "output " + std::to_string(i) +
                           ": unknown address " + Quote(out.address()));
    }
    outputs_.push_back(spec);
  }
  TxSpec spec;
  spec.id = tx.id();
  spec.time = tx.time();
  spec.asset = asset;
  spec.coinbase = tx.coinbase();
  spec.fee = tx.fee();
  spec.inputs = inputs_;
  spec.outputs = outputs_;
  const auto id = ledger.AddTransaction(
      chain, spec, site,
      options_.lenient ? TxChecks::kStructureOnly : TxChecks::kAll);
  if (!id.ok()) return id.status();
  if (options_.check_conservation) {
    if (Status st = CheckTxConservation(ledger, chain, *id); !st.ok()) {
      return st;
    }
  }

  if (tx.has_truth()) {
    saw_truth_ = true;
    const ledger::TxTruth& t = tx.truth();
    AttackId attack = AttackId::kNone;
    if (!t.attack().empty()) {
      attack = truth_.FindAttack(t.attack());
      if (attack == AttackId::kNone) {
        return Status::Error(where + "truth: unknown attack " +
                             Quote(t.attack()));
      }
    }
    if (Status st = truth_.SetTx(chain, *id, attack, t.stage(), t.stage_index(),
                                 t.hop());
        !st.ok()) {
      return Status::Error(where + st.message());
    }
  }
  const IdRange<OutputId> outs = ledger.txs(chain).outputs(*id);
  for (int i = 0; i < tx.outputs_size(); ++i) {
    if (!tx.outputs(i).has_truth()) continue;
    saw_truth_ = true;
    const ledger::OutputTruth& t = tx.outputs(i).truth();
    const auto fail = [&](const std::string& why) {
      if (site != nullptr) {
        *site = {TxErrorSite::Part::kOutput, static_cast<std::size_t>(i)};
      }
      std::string message = where;
      message += "output " + std::to_string(i) + ": truth: " + why;
      return Status::Error(std::move(message));
    };
    if (!options_.lenient &&
        (t.stolen() < 0 || t.stolen() > tx.outputs(i).amount())) {
      return fail("stolen " + std::to_string(t.stolen()) +
                  " is not within 0..amount");
    }
    AttackId attack = AttackId::kNone;
    if (!t.attack().empty()) {
      attack = truth_.FindAttack(t.attack());
      if (attack == AttackId::kNone) {
        return fail("unknown attack " + Quote(t.attack()));
      }
    }
    truth_.SetStolen(chain, outs[static_cast<std::size_t>(i)], t.stolen(),
                     attack);
  }
  return Status::Ok();
}

Status LedgerDecoder::AddTheft(const ledger::Theft& t) {
  if (Status st = RequireHeader(); !st.ok()) return st;
  Ledger& ledger = file_.ledger;
  const std::string what = "theft " + Quote(t.attack()) + ": ";
  TheftReport report;
  report.attack = t.attack();
  report.chain = ledger.FindChain(t.chain());
  if (report.chain == ChainId::kNone) {
    return Status::Error(what + "unknown chain " + Quote(t.chain()));
  }
  const auto out = ResolveOutput(report.chain, t.tx(), t.index());
  if (!out.ok()) return Status::Error(what + out.message());
  report.output = *out;
  report.tx = ledger.txs(report.chain).output_tx(*out);
  if (!t.asset().empty()) {
    report.asset = ledger.FindAsset(report.chain, t.asset());
    if (report.asset == AssetId::kNone) {
      return Status::Error(what + "unknown asset " + Quote(t.asset()));
    }
  }
  report.amount = t.amount();
  return ledger.AddTheft(std::move(report));
}

Status LedgerDecoder::AddCashOut(const ledger::CashOut& c) {
  if (Status st = RequireHeader(); !st.ok()) return st;
  saw_truth_ = true;
  const Ledger& ledger = file_.ledger;
  const std::string what = "cash_out of " + Quote(c.attack()) + ": ";
  CashOut out;
  if (!c.attack().empty()) {
    out.attack = truth_.FindAttack(c.attack());
    if (out.attack == AttackId::kNone) {
      return Status::Error(what + "unknown attack");
    }
  }
  if (!c.exchange().empty()) {
    out.exchange = truth_.FindEntity(c.exchange());
    if (out.exchange == EntityId::kNone) {
      return Status::Error(what + "unknown exchange entity " +
                           Quote(c.exchange()));
    }
  }
  out.chain = ledger.FindChain(c.chain());
  if (out.chain == ChainId::kNone) {
    return Status::Error(what + "unknown chain " + Quote(c.chain()));
  }
  const TxStore& s = ledger.txs(out.chain);
  const auto output = ResolveOutput(out.chain, c.tx(), c.index());
  if (!output.ok()) return Status::Error(what + output.message());
  out.output = *output;
  out.tx = s.output_tx(*output);
  out.address = s.output_address(*output);
  if (!c.address().empty() && ledger.address_name(out.address) != c.address()) {
    return Status::Error(what + "address " + Quote(c.address()) +
                         " is not the address of output " +
                         Quote(c.tx() + ":" + std::to_string(c.index())));
  }
  out.asset = s.asset(out.tx);
  if (!c.asset().empty() &&
      ledger.FindAsset(out.chain, c.asset()) != out.asset) {
    return Status::Error(what + "asset " + Quote(c.asset()) +
                         " is not the asset of transaction " + Quote(c.tx()));
  }
  if (!std::isfinite(c.usd()) || c.usd() < 0) {
    return Status::Error(what + "usd must be a finite number >= 0");
  }
  out.amount = c.amount();
  out.usd = c.usd();
  out.time = c.time();
  truth_.AddCashOut(out);
  return Status::Ok();
}

Status LedgerDecoder::AddLabel(const ledger::Label& l) {
  if (Status st = RequireHeader(); !st.ok()) return st;
  const std::string what = "label of " + Quote(l.address()) + ": ";
  const ChainId chain = file_.ledger.FindChain(l.chain());
  if (chain == ChainId::kNone) {
    return Status::Error(what + "unknown chain " + Quote(l.chain()));
  }
  const AddressId address = ResolveAddress(chain, l.address());
  if (address == AddressId::kNone) {
    return Status::Error(what + "unknown address on chain " + Quote(l.chain()));
  }
  const auto service = file_.labels.AddService(l.service());
  if (!service.ok()) return Status::Error(what + service.message());
  if (Status st = file_.labels.Add(address, *service, l.kind()); !st.ok()) {
    return Status::Error(what + st.message());
  }
  return Status::Ok();
}

LedgerFile LedgerDecoder::Finish() {
  if (saw_truth_) {
    truth_.Resize(file_.ledger);
    file_.truth = std::move(truth_);
  }
  return std::move(file_);
}

}  // namespace chaintrace
