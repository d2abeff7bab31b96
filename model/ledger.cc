#include "model/ledger.h"

#include <cmath>
#include <string>
#include <utility>

namespace chaintrace {
namespace {

static_assert(TxStore::kBytesPerInput <= 64 && TxStore::kBytesPerOutput <= 64,
              "DESIGN.md: at most 64 bytes per input and per output");

std::string Quote(std::string_view s) { return "'" + std::string(s) + "'"; }

}  // namespace

TxId TxStore::FindTx(std::string_view txid) const {
  const auto found = txid_index_.index.Find(
      txid, [this](std::uint32_t i) { return txid_.Get(i); });
  if (found) return static_cast<TxId>(*found);
  for (std::size_t i = txid_index_.covered; i < txid_.size(); ++i) {
    if (txid_.Get(i) == txid) return IdFromIndex<TxId>(i);
  }
  return TxId::kNone;
}

void TxStore::IndexTxids() {
  for (; txid_index_.covered < txid_.size(); ++txid_index_.covered) {
    const std::size_t i = txid_index_.covered;
    txid_index_.index.Insert(txid_.Get(i), static_cast<std::uint32_t>(i));
  }
}

std::size_t TxStore::memory_bytes(Bytes which) const {
  const auto bytes = [which](const auto& v) { return VectorBytes(v, which); };
  return bytes(time_) + bytes(fee_) + bytes(asset_) + bytes(coinbase_) +
         bytes(input_begin_) + bytes(output_begin_) +
         txid_.memory_bytes(which) + txid_index_.index.memory_bytes() +
         bytes(input_spent_) + bytes(input_address_) + bytes(input_amount_) +
         bytes(output_address_) + bytes(output_amount_) + bytes(output_tx_) +
         bytes(spent_by_);
}

std::size_t Ledger::address_memory_bytes(Bytes which) const {
  std::size_t n = VectorBytes(address_chain_, which) +
                  VectorBytes(address_type_, which) +
                  address_name_.memory_bytes(which);
  for (const NameIndex& index : address_index_.per_chain) {
    n += index.memory_bytes();
  }
  return n;
}

std::size_t Ledger::memory_bytes(Bytes which) const {
  std::size_t n = address_memory_bytes(which);
  for (const TxStore& s : stores_) n += s.memory_bytes(which);
  return n;
}

ChainId Ledger::FindChain(std::string_view name) const {
  for (std::size_t i = 0; i < chains_.size(); ++i) {
    if (chains_[i].name == name) return IdFromIndex<ChainId>(i);
  }
  return ChainId::kNone;
}

AssetId Ledger::FindAsset(ChainId chain, std::string_view name) const {
  for (std::size_t i = 0; i < assets_.size(); ++i) {
    if (assets_[i].chain == chain && assets_[i].name == name) {
      return IdFromIndex<AssetId>(i);
    }
  }
  return AssetId::kNone;
}

Result<ChainId> Ledger::AddChain(std::string name, ChainModel model,
                                 Seconds block_interval) {
  if (name.empty()) return Status::Error("chain has no name");
  if (FindChain(name) != ChainId::kNone) {
    return Status::Error("chain " + Quote(name) + " declared twice");
  }
  if (model != common::UTXO && model != common::ACCOUNT) {
    return Status::Error("chain " + Quote(name) +
                         ": model must be UTXO or ACCOUNT");
  }
  if (block_interval <= 0) {
    return Status::Error("chain " + Quote(name) +
                         ": block_interval_s must be > 0");
  }
  if (chains_.size() >= MaxCount<ChainId>()) {
    return Status::Error("too many chains");
  }
  const auto id = IdFromIndex<ChainId>(chains_.size());
  chains_.push_back(
      ChainInfo{std::move(name), model, AssetId::kNone, block_interval});
  stores_.emplace_back();
  address_index_.per_chain.emplace_back();
  return id;
}

Result<AssetId> Ledger::AddAsset(AssetInfo asset) {
  const std::string what = "asset " + Quote(asset.name);
  if (asset.name.empty()) return Status::Error("asset has no name");
  if (asset.chain == ChainId::kNone || Index(asset.chain) >= chains_.size()) {
    return Status::Error(what + ": unknown chain");
  }
  if (FindAsset(asset.chain, asset.name) != AssetId::kNone) {
    return Status::Error(what + " declared twice on chain " +
                         Quote(chain(asset.chain).name));
  }
  if (asset.decimals < 0 || asset.decimals > kMaxDecimals) {
    return Status::Error(what + ": decimals must be in 0.." +
                         std::to_string(kMaxDecimals));
  }
  for (std::size_t i = 0; i < asset.usd_price.size(); ++i) {
    const PricePoint& p = asset.usd_price[i];
    if (!std::isfinite(p.usd) || p.usd < 0) {
      return Status::Error(what + ": usd_price " + std::to_string(i) +
                           " must be a finite price >= 0");
    }
    if (i > 0 && p.time <= asset.usd_price[i - 1].time) {
      return Status::Error(what + ": usd_price times must increase (point " +
                           std::to_string(i) + ")");
    }
  }
  if (assets_.size() >= MaxCount<AssetId>()) {
    return Status::Error("too many assets");
  }
  const auto id = IdFromIndex<AssetId>(assets_.size());
  assets_.push_back(std::move(asset));
  return id;
}

Status Ledger::SetNativeAsset(ChainId c, AssetId a) {
  if (Index(c) >= chains_.size()) return Status::Error("unknown chain");
  if (Index(a) >= assets_.size() || assets_[Index(a)].chain != c) {
    return Status::Error("chain " + Quote(chain(c).name) +
                         ": native asset is not an asset of the chain");
  }
  chains_[Index(c)].native_asset = a;
  return Status::Ok();
}

AddressId Ledger::FindAddress(ChainId chain, std::string_view name) const {
  if (Index(chain) >= address_index_.per_chain.size()) return AddressId::kNone;
  const auto found = address_index_.per_chain[Index(chain)].Find(
      name, [this](std::uint32_t i) { return address_name_.Get(i); });
  if (found) return static_cast<AddressId>(*found);
  for (std::size_t i = address_index_.covered; i < address_chain_.size(); ++i) {
    if (address_chain_[i] == chain && address_name_.Get(i) == name) {
      return IdFromIndex<AddressId>(i);
    }
  }
  return AddressId::kNone;
}

void Ledger::IndexAddresses() {
  for (; address_index_.covered < address_chain_.size();
       ++address_index_.covered) {
    const std::size_t i = address_index_.covered;
    address_index_.per_chain[Index(address_chain_[i])].Insert(
        address_name_.Get(i), static_cast<std::uint32_t>(i));
  }
}

void Ledger::IndexNames() {
  IndexAddresses();
  for (TxStore& s : stores_) s.IndexTxids();
}

std::size_t Ledger::TypeIndex(std::string_view type) const {
  std::size_t i = 0;
  while (i < address_types_.size() && address_types_[i] != type) ++i;
  return i;
}

Status Ledger::CheckNewAddress(ChainId c, std::string_view name,
                               std::size_t type_index) const {
  if (Index(c) >= chains_.size()) {
    return Status::Error("address " + Quote(name) + ": unknown chain");
  }
  if (name.empty()) return Status::Error("address has no name");
  if (address_chain_.size() >= MaxCount<AddressId>()) {
    return Status::Error("too many addresses");
  }
  if (type_index > 0xFFFF) return Status::Error("too many address types");
  return Status::Ok();
}

AddressId Ledger::AppendAddress(ChainId c, std::string_view name,
                                std::string_view type, std::size_t type_index) {
  const auto id = IdFromIndex<AddressId>(address_chain_.size());
  if (type_index == address_types_.size()) address_types_.emplace_back(type);
  address_chain_.push_back(c);
  address_type_.push_back(static_cast<std::uint16_t>(type_index));
  address_name_.Add(name);
  return id;
}

Result<AddressId> Ledger::AddNewAddress(ChainId c, std::string_view name,
                                        std::string_view type) {
  const std::size_t type_index = TypeIndex(type);
  if (Status st = CheckNewAddress(c, name, type_index); !st.ok()) return st;
  return AppendAddress(c, name, type, type_index);
}

Result<AddressId> Ledger::AddAddress(ChainId c, std::string_view name,
                                     std::string_view type) {
  Result<AddressId> added = AddAddressIfAbsent(c, name, type);
  if (added.ok() && *added == AddressId::kNone) {
    return Status::Error("address " + Quote(name) +
                         " declared twice on chain " + Quote(chain(c).name));
  }
  return added;
}

Result<AddressId> Ledger::AddAddressIfAbsent(ChainId c, std::string_view name,
                                             std::string_view type) {
  const std::size_t type_index = TypeIndex(type);
  if (Status st = CheckNewAddress(c, name, type_index); !st.ok()) {
    if (Index(c) < chains_.size() && !name.empty() &&
        FindAddress(c, name) != AddressId::kNone) {
      return AddressId::kNone;
    }
    return st;
  }
  IndexAddresses();
  const auto id = IdFromIndex<AddressId>(address_chain_.size());
  // One probe finds a duplicate or places the new name.
  if (address_index_.per_chain[Index(c)].InsertIfAbsent(
          name, static_cast<std::uint32_t>(id),
          [this](std::uint32_t i) { return address_name_.Get(i); })) {
    return AddressId::kNone;
  }
  ++address_index_.covered;
  return AppendAddress(c, name, type, type_index);
}

Status Ledger::CheckTxHeader(ChainId c, const TxSpec& tx, TxChecks checks,
                             AssetId* asset, TxErrorSite* site) const {
  const ChainInfo& info = chain(c);
  const TxStore& s = stores_[Index(c)];
  const auto error = [&](const std::string& what) {
    return Status::Error("chain " + Quote(info.name) + " transaction " +
                         Quote(tx.id) + ": " + what);
  };
  if (site != nullptr) *site = TxErrorSite{};
  if (info.native_asset == AssetId::kNone) {
    return error("the chain has no native asset");
  }
  if (tx.id.empty()) return error("transaction has no id");
  if (!tx.id_is_new && s.FindTx(tx.id) != TxId::kNone) {
    return error("duplicate transaction id");
  }
  if (checks != TxChecks::kStructureOnly && s.tx_count() > 0 &&
      tx.time < s.time_.back()) {
    return error("time " + std::to_string(tx.time) +
                 " is before the chain's previous transaction (" +
                 std::to_string(s.time_.back()) + ")");
  }
  *asset = tx.asset == AssetId::kNone ? info.native_asset : tx.asset;
  if (Index(*asset) >= assets_.size() || assets_[Index(*asset)].chain != c) {
    return error("asset is not an asset of the chain");
  }
  if (info.is_utxo() && *asset != info.native_asset) {
    return error("a UTXO chain moves only its native asset");
  }
  if (tx.fee < 0) return error("negative fee " + std::to_string(tx.fee));
  if (tx.coinbase && !tx.inputs.empty()) {
    return error("a coinbase transaction has no inputs");
  }
  if (!tx.coinbase && tx.inputs.empty()) {
    return error("no inputs (only a coinbase transaction creates value)");
  }
  if (s.tx_count() + 1 >= MaxCount<TxId>() ||
      s.input_count() + tx.inputs.size() >= MaxCount<InputId>() ||
      s.output_count() + tx.outputs.size() >= MaxCount<OutputId>()) {
    return error("the chain's transaction store is full");
  }
  for (std::size_t i = 0; i < tx.outputs.size(); ++i) {
    const OutputSpec& o = tx.outputs[i];
    if (site != nullptr) *site = {TxErrorSite::Part::kOutput, i};
    // Built only on error: the happy path allocates nothing.
    const auto where = [i] { return "output " + std::to_string(i) + ": "; };
    if (Index(o.address) >= address_chain_.size()) {
      return error(where() + "unknown address");
    }
    if (address_chain_[Index(o.address)] != c) {
      return error(where() + "address " + Quote(address_name(o.address)) +
                   " is on chain " +
                   Quote(chain(address_chain_[Index(o.address)]).name));
    }
    if (o.amount <= 0) {
      return error(where() + "amount " + std::to_string(o.amount) +
                   " must be > 0");
    }
  }
  if (site != nullptr) *site = TxErrorSite{};
  return Status::Ok();
}

Result<TxId> Ledger::AddTransaction(ChainId c, const TxSpec& tx,
                                    TxErrorSite* site, TxChecks checks) {
  if (Index(c) >= chains_.size()) {
    return Status::Error("transaction " + Quote(tx.id) + ": unknown chain");
  }
  // A checked id is looked up in a complete index.
  if (!tx.id_is_new) stores_[Index(c)].IndexTxids();
  AssetId asset = AssetId::kNone;
  if (Status st = CheckTxHeader(c, tx, checks, &asset, site); !st.ok())
    return st;

  TxStore& s = stores_[Index(c)];
  const ChainInfo& info = chain(c);
  const auto id = IdFromIndex<TxId>(s.tx_count());
  // Inputs: UTXO spends are marked as they are checked, which also catches
  // an output spent twice within the transaction; undone on error (no
  // output was marked with the new id before this call).
  const auto fail = [&](std::size_t i, const std::string& what) -> Status {
    for (std::size_t k = 0; k < i; ++k) {
      const OutputId o = tx.inputs[k].spent;
      if (o != OutputId::kNone && Index(o) < s.output_count() &&
          s.spent_by_[Index(o)] == id) {
        s.spent_by_[Index(o)] = TxId::kNone;
      }
    }
    if (site != nullptr) *site = {TxErrorSite::Part::kInput, i};
    return Status::Error("chain " + Quote(info.name) + " transaction " +
                         Quote(tx.id) + ": input " + std::to_string(i) + ": " +
                         what);
  };
  for (std::size_t i = 0; i < tx.inputs.size(); ++i) {
    const InputSpec& in = tx.inputs[i];
    if (info.is_utxo()) {
      if (in.spent == OutputId::kNone || Index(in.spent) >= s.output_count()) {
        return fail(i, "spends an output that does not exist");
      }
      const TxId by = s.spent_by_[Index(in.spent)];
      if (by != TxId::kNone && checks == TxChecks::kStructureOnly) continue;
      if (by != TxId::kNone) {
        const TxId from = s.output_tx_[Index(in.spent)];
        return fail(i, "double spend: output " +
                           Quote(std::string(s.txid(from)) + ":" +
                                 std::to_string(s.output_index(in.spent))) +
                           " is already spent by " +
                           (by == id ? std::string("this transaction")
                                     : Quote(s.txid(by))));
      }
      s.spent_by_[Index(in.spent)] = id;
    } else {
      if (in.spent != OutputId::kNone) {
        return fail(i, "an ACCOUNT input debits an address, not an output");
      }
      if (Index(in.address) >= address_chain_.size()) {
        return fail(i, "unknown address");
      }
      if (address_chain_[Index(in.address)] != c) {
        return fail(
            i, "address " + Quote(address_name(in.address)) + " is on chain " +
                   Quote(chain(address_chain_[Index(in.address)]).name));
      }
      if (in.amount <= 0) {
        return fail(i, "amount " + std::to_string(in.amount) + " must be > 0");
      }
    }
  }

  // Commit.
  s.time_.push_back(tx.time);
  s.fee_.push_back(tx.fee);
  s.asset_.push_back(asset);
  s.coinbase_.push_back(tx.coinbase ? 1 : 0);
  s.txid_.Add(tx.id);
  if (!tx.id_is_new) {
    s.txid_index_.index.Insert(tx.id, static_cast<std::uint32_t>(id));
    ++s.txid_index_.covered;
  }
  const bool copy_spent =
      info.is_utxo() && checks != TxChecks::kAllTrustingInputs;
  for (const InputSpec& in : tx.inputs) {
    s.input_spent_.push_back(info.is_utxo() ? in.spent : OutputId::kNone);
    s.input_address_.push_back(copy_spent ? s.output_address_[Index(in.spent)]
                                          : in.address);
    s.input_amount_.push_back(copy_spent ? s.output_amount_[Index(in.spent)]
                                         : in.amount);
  }
  for (const OutputSpec& o : tx.outputs) {
    s.output_address_.push_back(o.address);
    s.output_amount_.push_back(o.amount);
    s.output_tx_.push_back(id);
    s.spent_by_.push_back(TxId::kNone);
  }
  s.input_begin_.push_back(static_cast<std::uint32_t>(s.input_count()));
  s.output_begin_.push_back(static_cast<std::uint32_t>(s.output_count()));
  return id;
}

Status Ledger::AddTheft(TheftReport theft) {
  const std::string what = "theft " + Quote(theft.attack);
  if (Index(theft.chain) >= chains_.size()) {
    return Status::Error(what + ": unknown chain");
  }
  const TxStore& s = stores_[Index(theft.chain)];
  if (Index(theft.tx) >= s.tx_count()) {
    return Status::Error(what + ": unknown transaction");
  }
  const IdRange<OutputId> outs = s.outputs(theft.tx);
  if (theft.output == OutputId::kNone || Index(theft.output) < Index(outs[0]) ||
      Index(theft.output) >= Index(outs[0]) + outs.size()) {
    return Status::Error(what + ": the output is not one of transaction " +
                         Quote(s.txid(theft.tx)) + "'s outputs");
  }
  if (theft.asset == AssetId::kNone) theft.asset = s.asset(theft.tx);
  if (Index(theft.asset) >= assets_.size() ||
      assets_[Index(theft.asset)].chain != theft.chain) {
    return Status::Error(what + ": asset is not an asset of the chain");
  }
  if (theft.amount < 0) return Status::Error(what + ": negative amount");
  thefts_.push_back(std::move(theft));
  return Status::Ok();
}

void Ledger::Reserve(ChainId c, std::size_t txs, std::size_t inputs,
                     std::size_t outputs) {
  TxStore& s = stores_[Index(c)];
  s.time_.reserve(txs);
  s.fee_.reserve(txs);
  s.asset_.reserve(txs);
  s.coinbase_.reserve(txs);
  s.input_begin_.reserve(txs + 1);
  s.output_begin_.reserve(txs + 1);
  // Txids as long as those already held (32 characters when none).
  const std::size_t txid_bytes =
      s.txid_.size() == 0 ? 32 : s.txid_.bytes() / s.txid_.size() + 1;
  s.txid_.Reserve(txs, txs * txid_bytes);
  s.input_spent_.reserve(inputs);
  s.input_address_.reserve(inputs);
  s.input_amount_.reserve(inputs);
  s.output_address_.reserve(outputs);
  s.output_amount_.reserve(outputs);
  s.output_tx_.reserve(outputs);
  s.spent_by_.reserve(outputs);
}

void Ledger::ShrinkToFit() {
  for (TxStore& s : stores_) {
    s.time_.shrink_to_fit();
    s.fee_.shrink_to_fit();
    s.asset_.shrink_to_fit();
    s.coinbase_.shrink_to_fit();
    s.input_begin_.shrink_to_fit();
    s.output_begin_.shrink_to_fit();
    s.txid_.ShrinkToFit();
    s.input_spent_.shrink_to_fit();
    s.input_address_.shrink_to_fit();
    s.input_amount_.shrink_to_fit();
    s.output_address_.shrink_to_fit();
    s.output_amount_.shrink_to_fit();
    s.output_tx_.shrink_to_fit();
    s.spent_by_.shrink_to_fit();
  }
  address_chain_.shrink_to_fit();
  address_type_.shrink_to_fit();
  address_name_.ShrinkToFit();
}

void Ledger::ReserveAddresses(std::size_t addresses, std::size_t name_bytes) {
  address_chain_.reserve(addresses);
  address_type_.reserve(addresses);
  address_name_.Reserve(addresses, name_bytes);
}

}  // namespace chaintrace
