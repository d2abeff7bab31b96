#ifndef CHAINTRACE_MODEL_LEDGER_H_
#define CHAINTRACE_MODEL_LEDGER_H_

// The ledger: the public data an investigator sees. Chains and assets, an
// address table, the reported thefts, and per chain a transaction store in
// time order laid out as flat struct-of-arrays with CSR offsets (a
// transaction's inputs and outputs are index ranges). Holding n transactions
// takes a fixed number of heap blocks, never one per transaction.
//
// The ledger is built by appending (AddChain, AddAsset, AddAddress,
// AddTransaction, AddTheft); every append checks its references and either
// succeeds or leaves the ledger unchanged and returns an error naming the
// offending object. Appends are amortised O(1). Value conservation is
// checked separately (model/conservation.h) so that a broken ledger can be
// loaded and its faults named.
//
// Thread safety: const methods may be called concurrently; appends need
// exclusive access.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/amount.h"
#include "model/chain.h"
#include "model/ids.h"
#include "model/memory_bytes.h"
#include "model/name_index.h"
#include "model/status.h"
#include "model/string_arena.h"
#include "model/time.h"

namespace chaintrace {

// One input as passed to Ledger::AddTransaction.
//   UTXO chains:    `spent` names the output spent; address and amount are
//                   ignored (the stored input copies the output's).
//   ACCOUNT chains: `address` is debited `amount` (> 0); spent is kNone.
struct InputSpec {
  OutputId spent = OutputId::kNone;
  AddressId address = AddressId::kNone;
  Amount amount = 0;
};

// One output (ACCOUNT: one credit): `amount` > 0 paid to `address`.
struct OutputSpec {
  AddressId address = AddressId::kNone;
  Amount amount = 0;
};

// A transaction to append. The spans are only read during the call, so a
// caller can reuse its buffers from one transaction to the next.
struct TxSpec {
  // Unique within the chain, not empty.
  std::string_view id;
  // Seconds since the ledger's start; not before the chain's last
  // transaction.
  Seconds time = 0;
  // kNone: the chain's native asset. UTXO chains allow only the native asset.
  AssetId asset = AssetId::kNone;
  // Creates value; has no inputs. A non-coinbase transaction has inputs.
  bool coinbase = false;
  // The caller guarantees that `id` is new on the chain (it generates ids
  // unique by construction, as the simulator does): not checked, and not
  // indexed until the chain's next checked append or Ledger::IndexNames;
  // until then FindTx searches such ids one by one.
  bool id_is_new = false;
  // In base units of the chain's native asset, >= 0.
  Amount fee = 0;
  std::span<const InputSpec> inputs;
  std::span<const OutputSpec> outputs;
};

// Which invariants AddTransaction enforces. kAll refuses every fault listed
// at AddTransaction. kStructureOnly accepts two faults that leave the store
// well formed, so that `chaintrace verify` (model/verify.h) can load a
// faulty ledger and name every fault instead of stopping at the first:
// a time before the chain's previous transaction (the store then keeps file
// order, not time order), and a double spend (the input is stored; the
// output's spent_by keeps its first spender).
// kAllTrustingInputs checks as kAll, but takes a UTXO input's address and
// amount from its InputSpec instead of reading them from the spent output:
// for a caller that keeps its own copy of them (the simulator's wallets),
// so that an input costs one random read (the spent output's spent_by,
// written anyway) instead of three. Precondition: they are the spent
// output's; not checked (the ledger's tests and `chaintrace verify`
// recompute them).
enum class TxChecks { kAll, kStructureOnly, kAllTrustingInputs };

// Which part of a transaction an AddTransaction error is about, so that a
// reader can point at it in its source.
struct TxErrorSite {
  enum class Part { kTransaction, kInput, kOutput };
  Part part = Part::kTransaction;
  std::size_t index = 0;  // of the input or output
};

// A theft as the victim reports it: public, the tracers' seeds. `output` is
// the output (UTXO) or credit (ACCOUNT) of `tx` that received the stolen
// value. `attack` is the incident's name, matching GroundTruth's attack of
// that name when ground truth is known.
struct TheftReport {
  std::string attack;
  ChainId chain = ChainId::kNone;
  TxId tx = TxId::kNone;
  OutputId output = OutputId::kNone;
  AssetId asset = AssetId::kNone;
  Amount amount = 0;
  friend bool operator==(const TheftReport&, const TheftReport&) = default;
};

// One chain's transactions in time order, as parallel arrays.
//   per transaction: time, fee, asset, coinbase, txid, and the CSR offsets
//     input_begin[n+1], output_begin[n+1];
//   per input: spent output (UTXO; kNone on ACCOUNT), debited address and
//     amount (on UTXO chains copied from the spent output, so that every
//     reader sees inputs the same way on both chain models);
//   per output: address, amount, creating transaction, and `spent_by`, the
//     transaction that spends it (UTXO; kNone when unspent, always kNone on
//     ACCOUNT chains).
class TxStore {
 public:
  // Bytes stored per input and per output across the parallel arrays.
  static constexpr std::size_t kBytesPerInput =
      sizeof(OutputId) + sizeof(AddressId) + sizeof(Amount);
  static constexpr std::size_t kBytesPerOutput =
      sizeof(AddressId) + sizeof(Amount) + sizeof(TxId) + sizeof(TxId);

  std::size_t tx_count() const { return time_.size(); }
  std::size_t input_count() const { return input_spent_.size(); }
  std::size_t output_count() const { return output_address_.size(); }

  IdRange<TxId> txs() const { return {0, tx_count()}; }
  IdRange<InputId> inputs(TxId t) const {
    return {input_begin_[Index(t)], input_begin_[Index(t) + 1]};
  }
  IdRange<OutputId> outputs(TxId t) const {
    return {output_begin_[Index(t)], output_begin_[Index(t) + 1]};
  }

  Seconds time(TxId t) const { return time_[Index(t)]; }
  Amount fee(TxId t) const { return fee_[Index(t)]; }
  AssetId asset(TxId t) const { return asset_[Index(t)]; }
  bool coinbase(TxId t) const { return coinbase_[Index(t)] != 0; }
  std::string_view txid(TxId t) const { return txid_.Get(Index(t)); }

  OutputId input_spent(InputId i) const { return input_spent_[Index(i)]; }
  AddressId input_address(InputId i) const { return input_address_[Index(i)]; }
  Amount input_amount(InputId i) const { return input_amount_[Index(i)]; }

  AddressId output_address(OutputId o) const {
    return output_address_[Index(o)];
  }
  Amount output_amount(OutputId o) const { return output_amount_[Index(o)]; }
  TxId output_tx(OutputId o) const { return output_tx_[Index(o)]; }
  TxId spent_by(OutputId o) const { return spent_by_[Index(o)]; }
  // Position of `o` among its transaction's outputs.
  std::uint32_t output_index(OutputId o) const {
    return static_cast<std::uint32_t>(Index(o) -
                                      output_begin_[Index(output_tx(o))]);
  }

  // The transaction with this txid, or kNone. O(1) expected; transactions
  // appended with TxSpec::id_is_new since the last Ledger::IndexNames or
  // checked append are searched one by one.
  TxId FindTx(std::string_view txid) const;
  // A hint: starts loading the txid index where FindTx(txid) or the append
  // of a transaction with this id will look. Changes nothing.
  void PrefetchTxid(std::string_view txid) const {
    txid_index_.index.Prefetch(txid);
  }

  // Heap bytes the store holds (vector capacities, txid arena and index)
  // or, with Bytes::kUsed, has written (model/memory_bytes.h).
  std::size_t memory_bytes(Bytes which = Bytes::kHeld) const;

  // The arrays themselves, for scans.
  std::span<const Seconds> times() const { return time_; }
  std::span<const Amount> fees() const { return fee_; }
  std::span<const std::uint32_t> input_begins() const { return input_begin_; }
  std::span<const std::uint32_t> output_begins() const { return output_begin_; }
  std::span<const OutputId> input_spents() const { return input_spent_; }
  std::span<const AddressId> input_addresses() const { return input_address_; }
  std::span<const Amount> input_amounts() const { return input_amount_; }
  std::span<const AddressId> output_addresses() const {
    return output_address_;
  }
  std::span<const Amount> output_amounts() const { return output_amount_; }
  std::span<const TxId> output_txs() const { return output_tx_; }
  std::span<const TxId> spent_bys() const { return spent_by_; }

  friend bool operator==(const TxStore&, const TxStore&) = default;

 private:
  friend class Ledger;

  std::vector<Seconds> time_;
  std::vector<Amount> fee_;
  std::vector<AssetId> asset_;
  std::vector<std::uint8_t> coinbase_;
  std::vector<std::uint32_t> input_begin_ = {0};
  std::vector<std::uint32_t> output_begin_ = {0};
  // Lookup data derived from the txids: the first `covered` are indexed.
  // Compares equal to any other, so that stores compare by content.
  struct TxidIndex {
    NameIndex index;
    std::size_t covered = 0;
    friend bool operator==(const TxidIndex&, const TxidIndex&) { return true; }
  };
  // Indexes the txids appended unindexed.
  void IndexTxids();

  StringArena txid_;
  TxidIndex txid_index_;

  std::vector<OutputId> input_spent_;
  std::vector<AddressId> input_address_;
  std::vector<Amount> input_amount_;

  std::vector<AddressId> output_address_;
  std::vector<Amount> output_amount_;
  std::vector<TxId> output_tx_;
  std::vector<TxId> spent_by_;

  static_assert(sizeof(decltype(input_spent_)::value_type) +
                    sizeof(decltype(input_address_)::value_type) +
                    sizeof(decltype(input_amount_)::value_type) ==
                kBytesPerInput);
  static_assert(sizeof(decltype(output_address_)::value_type) +
                    sizeof(decltype(output_amount_)::value_type) +
                    sizeof(decltype(output_tx_)::value_type) +
                    sizeof(decltype(spent_by_)::value_type) ==
                kBytesPerOutput);
};

class Ledger {
 public:
  // Calendar time of time 0.
  UnixSeconds start() const { return start_; }
  void set_start(UnixSeconds start) { start_ = start; }

  // ---- chains and assets
  std::size_t chain_count() const { return chains_.size(); }
  IdRange<ChainId> chain_ids() const { return {0, chains_.size()}; }
  const ChainInfo& chain(ChainId c) const { return chains_[Index(c)]; }
  const TxStore& txs(ChainId c) const { return stores_[Index(c)]; }
  std::size_t asset_count() const { return assets_.size(); }
  const AssetInfo& asset(AssetId a) const { return assets_[Index(a)]; }
  // kNone when there is no such chain / asset on the chain.
  ChainId FindChain(std::string_view name) const;
  AssetId FindAsset(ChainId chain, std::string_view name) const;

  // Adds a chain; its native asset is set once declared (SetNativeAsset).
  // Errors: empty or duplicate name, unspecified model, block_interval <= 0.
  Result<ChainId> AddChain(std::string name, ChainModel model,
                           Seconds block_interval);
  // Errors: unknown chain, empty or duplicate name on the chain, decimals
  // out of 0..kMaxDecimals, price times not strictly increasing, prices
  // negative or not finite.
  Result<AssetId> AddAsset(AssetInfo asset);
  // Errors: the asset is not on the chain.
  Status SetNativeAsset(ChainId chain, AssetId asset);

  // ---- addresses
  std::size_t address_count() const { return address_chain_.size(); }
  IdRange<AddressId> address_ids() const { return {0, address_count()}; }
  ChainId address_chain(AddressId a) const { return address_chain_[Index(a)]; }
  // A hint: starts loading what appending a transaction that pays `a`
  // checks of it. Changes nothing.
  void PrefetchAddress(AddressId a) const {
    if (Index(a) < address_chain_.size()) {
      __builtin_prefetch(&address_chain_[Index(a)]);
    }
  }
  std::string_view address_name(AddressId a) const {
    return address_name_.Get(Index(a));
  }
  std::string_view address_type(AddressId a) const {
    return address_types_[address_type_[Index(a)]];
  }
  // kNone when the chain has no such address. O(1) expected; addresses
  // appended with AddNewAddress since the last IndexNames or AddAddress are
  // searched one by one.
  AddressId FindAddress(ChainId chain, std::string_view name) const;
  // Errors: unknown chain, empty name, name already used on the chain.
  Result<AddressId> AddAddress(ChainId chain, std::string_view name,
                               std::string_view type);
  // AddAddress for callers that may add a name twice: a name already used
  // on the chain is not an error but returns AddressId::kNone and changes
  // nothing. One hash probe instead of a FindAddress before the add.
  Result<AddressId> AddAddressIfAbsent(ChainId chain, std::string_view name,
                                       std::string_view type);
  // AddAddress for callers that generate names unique by construction (the
  // simulator). Precondition: no address on `chain` is named `name`; not
  // checked. The name is not indexed until the next AddAddress or
  // IndexNames, so that a ledger built this way holds no name index until
  // one is wanted; until then FindAddress searches such names one by one,
  // and a caller about to look many up calls IndexNames first.
  // Errors: unknown chain, empty name, too many addresses or types.
  Result<AddressId> AddNewAddress(ChainId chain, std::string_view name,
                                  std::string_view type);
  // Indexes every address name and txid appended unindexed (AddNewAddress,
  // TxSpec::id_is_new), so that FindAddress and FindTx are O(1) again.
  // Checked appends do this themselves.
  void IndexNames();

  // ---- transactions
  // Appends a transaction to `chain`'s store. Errors (the message names the
  // chain and txid; `site`, when given, is set to the part at fault):
  // unknown chain or chain without native asset, empty or duplicate id, time
  // before the chain's last transaction, asset unknown or not on the chain
  // (or not native on a UTXO chain), negative fee, coinbase with inputs,
  // non-coinbase without inputs, unknown address or address on another
  // chain, amount <= 0, and on UTXO chains spending an output that does not
  // exist or is already spent (double spend, also within the transaction).
  // `checks` kStructureOnly accepts the time and double-spend faults.
  Result<TxId> AddTransaction(ChainId chain, const TxSpec& tx,
                              TxErrorSite* site = nullptr,
                              TxChecks checks = TxChecks::kAll);

  // ---- thefts
  const std::vector<TheftReport>& thefts() const { return thefts_; }
  // Errors: unknown chain, transaction or asset; output not of the tx.
  Status AddTheft(TheftReport theft);

  // Heap bytes the ledger holds (or has written, with Bytes::kUsed):
  // every chain's TxStore::memory_bytes plus the address table (names,
  // index, chain and type arrays).
  std::size_t memory_bytes(Bytes which = Bytes::kHeld) const;
  std::size_t address_memory_bytes(Bytes which = Bytes::kHeld) const;

  // Reserves room for transactions, inputs and outputs on a chain.
  void Reserve(ChainId chain, std::size_t txs, std::size_t inputs,
               std::size_t outputs);
  // Reserves room for `addresses` addresses in all (names of `name_bytes`
  // bytes in all). Hints only: appends past them still work.
  void ReserveAddresses(std::size_t addresses, std::size_t name_bytes);
  // Releases what reservations left unused: every array's capacity becomes
  // its size (one copy of each array whose capacity exceeds its size).
  void ShrinkToFit();

  friend bool operator==(const Ledger&, const Ledger&) = default;

 private:
  // The index of address type `type` in address_types_ (its size when the
  // type is new).
  std::size_t TypeIndex(std::string_view type) const;
  // The checks of AddAddress other than uniqueness.
  Status CheckNewAddress(ChainId chain, std::string_view name,
                         std::size_t type_index) const;
  // Appends an address that passed CheckNewAddress; indexes nothing.
  AddressId AppendAddress(ChainId chain, std::string_view name,
                          std::string_view type, std::size_t type_index);
  void IndexAddresses();
  Status CheckTxHeader(ChainId chain, const TxSpec& tx, TxChecks checks,
                       AssetId* asset, TxErrorSite* site) const;

  UnixSeconds start_ = 0;
  std::vector<ChainInfo> chains_;
  std::vector<AssetInfo> assets_;
  std::vector<TxStore> stores_;

  std::vector<ChainId> address_chain_;
  std::vector<std::uint16_t> address_type_;
  std::vector<std::string> address_types_;
  StringArena address_name_;
  // Lookup data derived from the names: per chain, the names of addresses
  // [0, covered) are indexed. Compares equal to any other, so that ledgers
  // compare by content.
  struct AddressIndex {
    std::vector<NameIndex> per_chain;
    std::size_t covered = 0;
    friend bool operator==(const AddressIndex&, const AddressIndex&) {
      return true;
    }
  };
  AddressIndex address_index_;

  std::vector<TheftReport> thefts_;
};

}  // namespace chaintrace

#endif  // CHAINTRACE_MODEL_LEDGER_H_
