#include "sim/io/bitcoin_json.h"

#include <algorithm>
#include <fstream>
#include <optional>
#include <sstream>
#include <utility>
#include <vector>

#include "model/amount.h"
#include "model/version.h"
#include "sim/io/json_blocks.h"

namespace chaintrace::io {
namespace {

constexpr Seconds kDay = 86400;

// An output's address as the ledger names it, and its type.
struct ScriptAddress {
  std::string name;
  std::string type;
};

std::string AddressType(std::string_view node_type) {
  if (node_type == "pubkeyhash") return "p2pkh";
  if (node_type == "scripthash") return "p2sh";
  if (node_type == "witness_v0_keyhash") return "p2wpkh";
  if (node_type == "witness_v0_scripthash") return "p2wsh";
  if (node_type == "witness_v1_taproot") return "p2tr";
  if (node_type == "pubkey") return "p2pk";
  return std::string(node_type);
}

const Json* Field(const Json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  const auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

Result<std::string> StringField(const Json& object, const char* key) {
  const Json* f = Field(object, key);
  if (f == nullptr || !f->is_string()) {
    return Status::Error(std::string("missing string \"") + key + "\"");
  }
  return f->get<std::string>();
}

std::optional<std::int64_t> IntField(const Json& object, const char* key) {
  const Json* f = Field(object, key);
  if (f == nullptr || !f->is_number_integer()) return std::nullopt;
  return f->get<std::int64_t>();
}

Result<ScriptAddress> AddressOf(const Json& script_pub_key) {
  if (!script_pub_key.is_object()) {
    return Status::Error("missing \"scriptPubKey\" object");
  }
  ScriptAddress out;
  if (const Json* t = Field(script_pub_key, "type"); t && t->is_string()) {
    out.type = AddressType(t->get<std::string>());
  }
  if (const Json* a = Field(script_pub_key, "address"); a && a->is_string()) {
    out.name = a->get<std::string>();
  } else if (const Json* list = Field(script_pub_key, "addresses");
             list && list->is_array() && list->size() == 1 &&
             (*list)[0].is_string()) {
    out.name = (*list)[0].get<std::string>();
  } else if (const Json* hex = Field(script_pub_key, "hex");
             hex && hex->is_string() && !hex->get<std::string>().empty()) {
    out.name = "script:" + hex->get<std::string>();
  } else {
    return Status::Error("scriptPubKey has neither an address nor hex");
  }
  return out;
}

}  // namespace

class BitcoinJsonImporter::State {
 public:
  explicit State(const BitcoinJsonOptions& options) : options_(options) {}

  Status SetUpOnce() {
    if (chain_ != ChainId::kNone) return Status::Ok();
    Ledger& l = out_.file.ledger;
    Result<ChainId> chain =
        l.AddChain(options_.chain, common::UTXO, options_.block_interval);
    if (!chain.ok()) return chain.status();
    chain_ = *chain;
    AssetInfo native;
    native.name = options_.asset;
    native.chain = chain_;
    native.decimals = options_.decimals;
    Result<AssetId> asset = l.AddAsset(std::move(native));
    if (!asset.ok()) return asset.status();
    return l.SetNativeAsset(chain_, *asset);
  }

  Status AddBlock(const Json& block, std::string_view name);
  // Blocks are numbered from 1 in each document's messages.
  void StartDocument() { document_blocks_ = 0; }
  Result<ImportedLedger> Finish();

 private:
  // An input as read, before its value is settled.
  struct PendingInput {
    OutputId spent = OutputId::kNone;  // an imported output, else external
    std::optional<Amount> value;       // external: from prevout, if any
    ScriptAddress address;             // external only
  };

  Status AddTx(const Json& tx, const std::string& where, Seconds time);
  Status ReadOutputs(const Json& tx, const std::string& where);
  Status ReadInputs(const Json& vin, const std::string& where);
  Result<AddressId> Address(const ScriptAddress& a);
  // The stored output `vout` of imported transaction `t`, or kNone.
  OutputId FindOutput(TxId t, std::uint32_t vout) const;

  BitcoinJsonOptions options_;
  ImportedLedger out_;
  ChainId chain_ = ChainId::kNone;
  std::size_t blocks_ = 0;
  std::size_t document_blocks_ = 0;
  std::optional<std::int64_t> last_height_;
  Seconds last_time_ = 0;
  // vout number of every stored output, by OutputId.
  std::vector<std::uint32_t> vout_;
  // Reused per transaction.
  std::vector<OutputSpec> outputs_;
  std::vector<std::uint32_t> output_vouts_;
  std::vector<PendingInput> pending_;
  std::vector<OutputSpec> external_outputs_;
  std::vector<InputSpec> inputs_;
};

Result<AddressId> BitcoinJsonImporter::State::Address(const ScriptAddress& a) {
  Ledger& l = out_.file.ledger;
  const AddressId found = l.FindAddress(chain_, a.name);
  if (found != AddressId::kNone) return found;
  return l.AddAddress(chain_, a.name, a.type);
}

OutputId BitcoinJsonImporter::State::FindOutput(TxId t,
                                                std::uint32_t vout) const {
  const IdRange<OutputId> outs = out_.file.ledger.txs(chain_).outputs(t);
  if (outs.empty()) return OutputId::kNone;
  const auto begin =
      vout_.begin() + static_cast<std::ptrdiff_t>(Index(outs[0]));
  const auto end = begin + static_cast<std::ptrdiff_t>(outs.size());
  const auto it = std::lower_bound(begin, end, vout);
  if (it == end || *it != vout) return OutputId::kNone;
  return IdFromIndex<OutputId>(static_cast<std::size_t>(it - vout_.begin()));
}

Status BitcoinJsonImporter::State::ReadOutputs(const Json& tx,
                                               const std::string& where) {
  outputs_.clear();
  output_vouts_.clear();
  const Json* vout = Field(tx, "vout");
  if (vout == nullptr || !vout->is_array()) {
    return Status::Error(where + ": missing \"vout\" array");
  }
  for (std::size_t k = 0; k < vout->size(); ++k) {
    const Json& o = (*vout)[k];
    const std::string at = where + ": vout " + std::to_string(k) + ": ";
    const Json* value = Field(o, "value");
    if (value == nullptr) return Status::Error(at + "missing \"value\"");
    Result<Amount> amount = JsonAmount(*value, options_.decimals);
    if (!amount.ok()) return Status::Error(at + amount.message());
    const std::int64_t n =
        IntField(o, "n").value_or(static_cast<std::int64_t>(k));
    if (n < 0 || n > 0xFFFFFFF ||
        (!output_vouts_.empty() &&
         static_cast<std::uint32_t>(n) <= output_vouts_.back())) {
      return Status::Error(at + "\"n\" must increase from 0");
    }
    if (*amount == 0) {
      ++out_.stats.zero_value_outputs;
      continue;
    }
    Result<ScriptAddress> address = AddressOf(
        Field(o, "scriptPubKey") ? *Field(o, "scriptPubKey") : Json());
    if (!address.ok()) return Status::Error(at + address.message());
    Result<AddressId> id = Address(*address);
    if (!id.ok()) return Status::Error(at + id.message());
    outputs_.push_back({*id, *amount});
    output_vouts_.push_back(static_cast<std::uint32_t>(n));
  }
  return Status::Ok();
}

Status BitcoinJsonImporter::State::ReadInputs(const Json& vin,
                                              const std::string& where) {
  pending_.clear();
  const TxStore& store = out_.file.ledger.txs(chain_);
  for (std::size_t i = 0; i < vin.size(); ++i) {
    const Json& in = vin[i];
    const std::string at = where + ": vin " + std::to_string(i) + ": ";
    if (Field(in, "coinbase") != nullptr) {
      return Status::Error(at + "a coinbase input that is not the only input");
    }
    Result<std::string> prev = StringField(in, "txid");
    if (!prev.ok()) return Status::Error(at + prev.message());
    const std::optional<std::int64_t> n = IntField(in, "vout");
    if (!n || *n < 0 || *n > 0xFFFFFFF) {
      return Status::Error(at + "missing or bad \"vout\"");
    }
    const auto vout = static_cast<std::uint32_t>(*n);
    PendingInput p;
    const TxId t = store.FindTx(*prev);
    if (t != TxId::kNone) {
      p.spent = FindOutput(t, vout);
      if (p.spent == OutputId::kNone) {
        return Status::Error(at + "spends " + *prev + ":" +
                             std::to_string(vout) +
                             ", which that imported transaction does not "
                             "have (or has with value 0)");
      }
    } else if (const Json* prevout = Field(in, "prevout")) {
      const Json* value = Field(*prevout, "value");
      if (value == nullptr) return Status::Error(at + "prevout has no value");
      Result<Amount> amount = JsonAmount(*value, options_.decimals);
      if (!amount.ok())
        return Status::Error(at + "prevout: " + amount.message());
      if (*amount == 0) return Status::Error(at + "prevout has value 0");
      Result<ScriptAddress> address = AddressOf(
          Field(*prevout, "scriptPubKey") ? *Field(*prevout, "scriptPubKey")
                                          : Json());
      if (!address.ok()) {
        return Status::Error(at + "prevout: " + address.message());
      }
      p.value = *amount;
      p.address = std::move(address).value();
    } else {
      p.address = {"unknown:" + *prev + ":" + std::to_string(vout), "unknown"};
    }
    pending_.push_back(std::move(p));
  }
  return Status::Ok();
}

Status BitcoinJsonImporter::State::AddTx(const Json& tx,
                                         const std::string& block_where,
                                         Seconds time) {
  if (tx.is_string()) {
    return Status::Error(block_where +
                         ": transactions are txids only (getblock verbosity "
                         "1); use `getblock <hash> 2`");
  }
  Result<std::string> txid = StringField(tx, "txid");
  if (!txid.ok()) return Status::Error(block_where + ": tx: " + txid.message());
  const std::string where = block_where + ": tx '" + *txid + "'";
  ++out_.stats.rows;
  const Json* vin = Field(tx, "vin");
  if (vin == nullptr || !vin->is_array() || vin->empty()) {
    return Status::Error(where + ": missing \"vin\" array");
  }
  if (Status st = ReadOutputs(tx, where); !st.ok()) return st;
  Ledger& l = out_.file.ledger;
  TxSpec spec;
  spec.time = time;
  const bool coinbase = vin->size() == 1 && Field((*vin)[0], "coinbase");
  if (coinbase) {
    spec.id = *txid;
    spec.coinbase = true;
    spec.outputs = outputs_;
    Result<TxId> added = l.AddTransaction(chain_, spec);
    if (!added.ok()) return Status::Error(where + ": " + added.message());
    vout_.insert(vout_.end(), output_vouts_.begin(), output_vouts_.end());
    return Status::Ok();
  }
  if (Status st = ReadInputs(*vin, where); !st.ok()) return st;

  // Settle the value of every input.
  const TxStore& store = l.txs(chain_);
  const auto overflow = [&] {
    return Status::Error(where + ": amounts overflow int64 satoshi");
  };
  Amount out_sum = 0;
  for (const OutputSpec& o : outputs_) {
    const std::optional<Amount> sum = CheckedAdd(out_sum, o.amount);
    if (!sum) return overflow();
    out_sum = *sum;
  }
  Amount known_sum = 0;
  std::size_t unknown = 0;
  for (const PendingInput& p : pending_) {
    std::optional<Amount> sum = known_sum;
    if (p.spent != OutputId::kNone) {
      sum = CheckedAdd(known_sum, store.output_amount(p.spent));
    } else if (p.value) {
      sum = CheckedAdd(known_sum, *p.value);
    } else {
      ++unknown;
    }
    if (!sum) return overflow();
    known_sum = *sum;
  }
  std::optional<Amount> fee;
  if (const Json* f = Field(tx, "fee")) {
    Result<Amount> parsed = JsonAmount(*f, options_.decimals);
    if (!parsed.ok())
      return Status::Error(where + ": fee: " + parsed.message());
    fee = *parsed;
  }
  if (unknown > 0) {
    if (!fee) {
      return Status::Error(
          where + ": " + std::to_string(unknown) +
          " input(s) spend outputs outside the imported blocks and the JSON "
          "has neither their \"prevout\" (getblock verbosity 3) nor the "
          "transaction's \"fee\", so their value is unknown");
    }
    const std::optional<Amount> spent = CheckedAdd(out_sum, *fee);
    if (!spent) return overflow();
    const Amount total = *spent - known_sum;
    if (total < static_cast<Amount>(unknown)) {
      return Status::Error(where +
                           ": outputs + fee do not exceed the known inputs, "
                           "so the external inputs would carry no value");
    }
    const auto k = static_cast<Amount>(unknown);
    std::size_t seen = 0;
    for (PendingInput& p : pending_) {
      if (p.spent != OutputId::kNone || p.value) continue;
      p.value = total / k + (static_cast<Amount>(seen) < total % k ? 1 : 0);
      ++seen;
    }
    if (unknown > 1) out_.stats.estimated_inputs += unknown;
    known_sum = *spent;
  }
  const Amount ledger_fee = known_sum - out_sum;
  if (ledger_fee < 0) {
    return Status::Error(where + ": outputs (" + std::to_string(out_sum) +
                         " sat) exceed inputs (" + std::to_string(known_sum) +
                         " sat)");
  }
  if (fee && *fee != ledger_fee) {
    return Status::Error(where + ": \"fee\" " + std::to_string(*fee) +
                         " sat differs from inputs - outputs = " +
                         std::to_string(ledger_fee) + " sat");
  }

  // The synthetic funding transaction for external inputs.
  external_outputs_.clear();
  for (const PendingInput& p : pending_) {
    if (p.spent != OutputId::kNone) continue;
    Result<AddressId> a = Address(p.address);
    if (!a.ok()) return Status::Error(where + ": " + a.message());
    external_outputs_.push_back({*a, *p.value});
  }
  OutputId next_external = IdFromIndex<OutputId>(store.output_count());
  if (!external_outputs_.empty()) {
    const std::string id = "external:" + *txid;
    TxSpec ext;
    ext.id = id;
    ext.time = time;
    ext.coinbase = true;
    ext.outputs = external_outputs_;
    Result<TxId> added = l.AddTransaction(chain_, ext);
    if (!added.ok()) return Status::Error(where + ": " + added.message());
    for (std::size_t k = 0; k < external_outputs_.size(); ++k) {
      vout_.push_back(static_cast<std::uint32_t>(k));
    }
    ++out_.stats.external_transactions;
    out_.stats.external_outputs += external_outputs_.size();
  }
  inputs_.clear();
  for (const PendingInput& p : pending_) {
    OutputId spent = p.spent;
    if (spent == OutputId::kNone) {
      spent = next_external;
      next_external = IdFromIndex<OutputId>(Index(next_external) + 1);
    }
    inputs_.push_back({spent, AddressId::kNone, 0});
  }
  spec.id = *txid;
  spec.fee = ledger_fee;
  spec.inputs = inputs_;
  spec.outputs = outputs_;
  Result<TxId> added = l.AddTransaction(chain_, spec);
  if (!added.ok()) return Status::Error(where + ": " + added.message());
  vout_.insert(vout_.end(), output_vouts_.begin(), output_vouts_.end());
  return Status::Ok();
}

Status BitcoinJsonImporter::State::AddBlock(const Json& block,
                                            std::string_view name) {
  ++blocks_;
  ++document_blocks_;
  const std::optional<std::int64_t> height = IntField(block, "height");
  std::string where =
      std::string(name) + ": block " + std::to_string(document_blocks_);
  if (height) where += " (height " + std::to_string(*height) + ")";
  if (height && last_height_ && *height <= *last_height_) {
    return Status::Error(where + ": comes after height " +
                         std::to_string(*last_height_) +
                         "; blocks must be given in increasing height order");
  }
  if (height) last_height_ = height;
  const std::optional<std::int64_t> time = IntField(block, "time");
  if (!time || *time < 0) {
    return Status::Error(where + ": missing \"time\" (Unix seconds)");
  }
  Ledger& l = out_.file.ledger;
  if (blocks_ == 1) l.set_start(*time - *time % kDay);
  last_time_ = std::max(last_time_, *time - l.start());
  const Json* txs = Field(block, "tx");
  if (txs == nullptr || !txs->is_array()) {
    return Status::Error(where + ": missing \"tx\" array (is this a block?)");
  }
  for (const Json& tx : *txs) {
    if (Status st = AddTx(tx, where, last_time_); !st.ok()) return st;
  }
  return Status::Ok();
}

Result<ImportedLedger> BitcoinJsonImporter::State::Finish() {
  if (blocks_ == 0) return Status::Error("no blocks to import");
  out_.file.provenance.chaintrace_version = kVersion;
  out_.stats.blocks = blocks_;
  out_.stats.transactions = out_.file.ledger.txs(chain_).tx_count();
  out_.stats.addresses = out_.file.ledger.address_count();
  return std::move(out_);
}

BitcoinJsonImporter::BitcoinJsonImporter(const BitcoinJsonOptions& options)
    : state_(std::make_unique<State>(options)) {}

BitcoinJsonImporter::~BitcoinJsonImporter() = default;

Status BitcoinJsonImporter::AddText(std::string_view text,
                                    std::string_view name) {
  if (Status st = state_->SetUpOnce(); !st.ok()) return st;
  state_->StartDocument();
  return ForEachJsonObject(
      text, name, [&](Json& block) { return state_->AddBlock(block, name); });
}

Status BitcoinJsonImporter::AddFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(path + ": cannot open");
  std::ostringstream text;
  text << in.rdbuf();
  if (!in && !in.eof()) return Status::Error(path + ": read failed");
  return AddText(text.str(), path);
}

Result<ImportedLedger> BitcoinJsonImporter::Finish() {
  if (Status st = state_->SetUpOnce(); !st.ok()) return st;
  return state_->Finish();
}

}  // namespace chaintrace::io
