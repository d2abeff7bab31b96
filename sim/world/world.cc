#include "sim/world/world.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <utility>

namespace chaintrace::sim {
namespace {

std::uint64_t Mix(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

// The two hex digits of every byte value, so that names and txids are
// written a byte (two digits) at a time.
constexpr std::array<std::array<char, 2>, 256> kHexPairs = [] {
  constexpr char kHex[] = "0123456789abcdef";
  std::array<std::array<char, 2>, 256> pairs{};
  for (std::size_t b = 0; b < 256; ++b) {
    pairs[b] = {kHex[b >> 4], kHex[b & 0xF]};
  }
  return pairs;
}();

// Writes `v`'s low `digits` hex digits at `out` (an even number of
// them); returns the end.
char* PutHex(std::uint64_t v, int digits, char* out) {
  for (int i = digits / 2 - 1; i >= 0; --i) {
    const std::array<char, 2>& pair = kHexPairs[(v >> (8 * i)) & 0xFF];
    *out++ = pair[0];
    *out++ = pair[1];
  }
  return out;
}

char* PutText(std::string_view s, char* out) {
  return std::copy(s.begin(), s.end(), out);
}

// Dust: change below this many base units is left to the fee.
constexpr Amount kDust = 546;

}  // namespace

double Path::At(Seconds t) const {
  return points.empty() ? fallback : PathValueAt(points, t);
}

World::World(Ledger* ledger, GroundTruth* truth, std::uint64_t seed)
    : ledger_(ledger), truth_(truth), seed_(seed) {}

void World::AddChain(ChainId chain, ChainParams params) {
  if (chains_.size() <= Index(chain)) chains_.resize(Index(chain) + 1);
  chains_[Index(chain)].params = std::move(params);
  if (name_counter_.size() <= Index(chain)) {
    name_counter_.resize(Index(chain) + 1, 0);
  }
}

EntityId World::AddEntity(Entity entity) {
  // Names are generated unique by the caller; a clash is a programming
  // error that the GroundTruth refuses, and then the entity is not added.
  const auto id = truth_->AddEntity(std::move(entity));
  return id.ok() ? *id : EntityId::kNone;
}

AddressId World::NewAddress(ChainId chain, EntityId owner, AddressRole role,
                            Rng& rng) {
  ChainState& s = state(chain);
  std::pmr::vector<AddressId>& owned = holder(s, owner).addresses;
  std::string_view type;
  std::string_view prefix;
  if (s.params.utxo) {
    std::size_t k = 0;
    if (!s.params.address_types.empty()) {
      const double u = rng.Uniform01();
      while (k + 1 < s.params.address_type_cdf.size() &&
             u >= s.params.address_type_cdf[k]) {
        ++k;
      }
      type = s.params.address_types[k];
    } else {
      type = "p2wpkh";
    }
    prefix = type == "p2pkh" ? "1" : type == "p2sh" ? "3" : "bc1q";
  } else {
    type = role == AddressRole::kService ? "contract" : "eoa";
    prefix = "0x";
  }
  // Names: a hash of (seed, chain, owner, the owner's address count), so
  // that an entity's addresses keep their names when other entities change,
  // and unique on the chain by construction: `k` is a bijection of (owner,
  // count) for a chain and seed (Mix and xor with a constant are
  // bijections), its 16 hex digits follow the prefix in every name, and
  // prefixes differ in their first character. So the ledger need not check
  // nor index the name. Built in place: no string per address.
  const std::uint64_t k =
      Mix(((std::uint64_t{Index(owner)} << 32) | owned.size()) ^
          Mix(seed_ ^ Mix(std::uint64_t{Index(chain)} << 56)));
  char buf[64];
  char* end = PutText(prefix, buf);
  if (!s.params.utxo) {
    end = PutHex(k, 16, end);
    end = PutHex(Mix(k), 16, end);
    end = PutHex(Mix(k ^ 1) >> 32, 8, end);
  } else {
    end = PutHex(k, 16, end);
    end = PutHex(Mix(k) >> 32, 8, end);
  }
  const auto added = ledger_->AddNewAddress(
      chain, std::string_view(buf, static_cast<std::size_t>(end - buf)), type);
  if (!added.ok()) return AddressId::kNone;
  const AddressId a = *added;
  truth_->SetOwner(a, owner);
  if (role_.size() <= Index(a)) role_.resize(Index(a) + 1);
  role_[Index(a)] = role;
  owned.push_back(a);
  return a;
}

void World::ReserveAddresses(std::size_t addresses) {
  role_.reserve(addresses);
  truth_->ReserveOwners(addresses);
  for (ChainState& s : chains_) s.holders.reserve(truth_->entities().size());
}

std::span<const AddressId> World::addresses_of(ChainId chain,
                                               EntityId owner) const {
  const ChainState& s = chains_[Index(chain)];
  if (Index(owner) >= s.holders.size()) return {};
  return s.holders[Index(owner)].addresses;
}

Amount World::UtxoFee(ChainId chain, Seconds t, std::size_t inputs,
                      std::size_t outputs) const {
  const ChainParams& p = chains_[Index(chain)].params;
  const auto vbytes = p.tx_vbytes +
                      p.input_vbytes * static_cast<std::int64_t>(inputs) +
                      p.output_vbytes * static_cast<std::int64_t>(outputs);
  return VbytesFee(p.fee_rate.At(t), vbytes);
}

Amount World::GasFee(ChainId chain, Seconds t, std::int64_t gas) const {
  const ChainParams& p = chains_[Index(chain)].params;
  return static_cast<Amount>(
      std::llround(p.gas_price.At(t) * static_cast<double>(gas)));
}

void World::TxidAt(ChainId chain, std::uint64_t n, TxidBuffer* buf) const {
  const std::uint64_t k =
      Mix(seed_ ^ Mix((std::uint64_t{Index(chain)} << 56) ^ n));
  PutHex(Mix(k ^ n), 16, PutHex(k, 16, buf->data()));
}

TxId World::Append(ChainId chain, TxSpec& spec, TxChecks checks) {
  ChainState& s = state(chain);
  TxidBuffer id;
  TxidAt(chain, s.tx_counter++, &id);
  spec.id = std::string_view(id.data(), id.size());
  // Unique by construction (TxidAt): the ledger need not check nor index it.
  spec.id_is_new = true;
  const auto tx = ledger_->AddTransaction(chain, spec, nullptr, checks);
  return tx.ok() ? *tx : TxId::kNone;
}

void World::Credit(ChainId chain, TxId tx) {
  ChainState& s = state(chain);
  const TxStore& store = ledger_->txs(chain);
  for (OutputId o : store.outputs(tx)) {
    const AddressId a = store.output_address(o);
    if (s.params.utxo) {
      const EntityId owner = truth_->owner(a);
      if (owner == EntityId::kNone) continue;
      const AddressRole r = role_[Index(a)];
      const Purse p = r == AddressRole::kExchangeDeposit ? Purse::kDeposit
                      : r == AddressRole::kExchangeCold  ? Purse::kCold
                                                         : Purse::kMain;
      purse(s, owner, p).push_back(Coin{o, a, store.output_amount(o)});
    } else {
      const AssetId asset = store.asset(tx);
      if (balance_.size() <= Index(asset)) balance_.resize(Index(asset) + 1);
      auto& b = balance_[Index(asset)];
      if (b.size() <= Index(a)) b.resize(ledger_->address_count(), 0);
      b[Index(a)] += store.output_amount(o);
    }
  }
  s.collected_fees += store.fee(tx);
}

bool World::Coinbase(ChainId chain, Seconds t,
                     std::span<const OutputSpec> outputs, AssetId asset) {
  TxSpec spec;
  spec.time = t;
  spec.asset = asset;
  spec.coinbase = true;
  spec.outputs = outputs;
  const TxId tx = Append(chain, spec);
  if (tx == TxId::kNone) return false;
  Credit(chain, tx);
  return true;
}

Amount World::UtxoBalance(ChainId chain, EntityId holder, Purse p) const {
  Amount sum = 0;
  const TxStore& store = ledger_->txs(chain);
  for (const Coin& c : wallet(chain, holder, p)) {
    if (store.spent_by(c.output) == TxId::kNone) sum += c.amount;
  }
  return sum;
}

std::span<const Coin> World::wallet(ChainId chain, EntityId holder,
                                    Purse p) const {
  const ChainState& s = chains_[Index(chain)];
  if (Index(holder) >= s.holders.size()) return {};
  return s.holders[Index(holder)].purses[static_cast<int>(p)];
}

Amount World::TakeCoins(ChainId chain, EntityId holder, Purse p, Amount want,
                        std::size_t max_inputs, CoinOrder order, Rng& rng,
                        std::vector<OutputId>* picked) {
  taken_.clear();
  const Amount have =
      TakeWalletCoins(chain, holder, p, want, max_inputs, order, rng, &taken_);
  for (const Coin& c : taken_) picked->push_back(c.output);
  return have;
}

Amount World::TakeWalletCoins(ChainId chain, EntityId holder, Purse p,
                              Amount want, std::size_t max_inputs,
                              CoinOrder order, Rng& rng,
                              std::vector<Coin>* picked) {
  std::pmr::vector<Coin>& w = purse(state(chain), holder, p);
  const TxStore& store = ledger_->txs(chain);
  const std::size_t first = picked->size();
  Amount have = 0;
  // Coins come from the back; kRandom first swaps a random coin there.
  // Spent coins met on the way are dropped (wallets are cleaned lazily).
  while (!w.empty() && picked->size() - first < max_inputs) {
    if (order == CoinOrder::kRandom && w.size() > 1) {
      std::swap(w[rng.Below(w.size())], w.back());
    }
    const Coin c = w.back();
    w.pop_back();
    if (store.spent_by(c.output) != TxId::kNone) continue;
    picked->push_back(c);
    have += c.amount;
    if (want > 0 && have >= want) return have;
  }
  if (want == 0 && have > 0) return have;
  ReturnWalletCoins(chain, holder, p,
                    std::span<const Coin>(*picked).subspan(first));
  picked->resize(first);
  return 0;
}

void World::PrefetchHolder(ChainId chain, EntityId holder) const {
  const ChainState& s = chains_[Index(chain)];
  if (Index(holder) >= s.holders.size()) return;
  // Both lines of the record.
  const char* h = reinterpret_cast<const char*>(&s.holders[Index(holder)]);
  __builtin_prefetch(h);
  __builtin_prefetch(h + 64);
}

void World::PrefetchWallet(ChainId chain, EntityId holder) const {
  const ChainState& s = chains_[Index(chain)];
  if (Index(holder) >= s.holders.size()) return;
  const Holder& h = s.holders[Index(holder)];
  const std::pmr::vector<Coin>& main = h.purses[static_cast<int>(Purse::kMain)];
  // The newest coins (up to three, 48 bytes: one or two lines).
  if (!main.empty()) {
    __builtin_prefetch(&main.back());
    __builtin_prefetch(
        &main[main.size() - std::min<std::size_t>(main.size(), 3)]);
  }
  // Where the change address will go.
  __builtin_prefetch(h.addresses.data() + h.addresses.size());
}

void World::PrefetchPayee(ChainId chain, EntityId holder, bool reuse,
                          std::uint32_t back) const {
  const ChainState& s = chains_[Index(chain)];
  if (Index(holder) >= s.holders.size()) return;
  const Holder& h = s.holders[Index(holder)];
  const std::size_t n = h.addresses.size();
  __builtin_prefetch(h.addresses.data() +
                     (reuse && n > 0 ? RecentAddressIndex(n, back) : n));
  const std::pmr::vector<Coin>& main = h.purses[static_cast<int>(Purse::kMain)];
  __builtin_prefetch(main.data() + main.size());
}

void World::PrefetchPayeeOwner(ChainId chain, EntityId holder,
                               std::uint32_t back) const {
  const auto addrs = addresses_of(chain, holder);
  if (addrs.empty()) return;
  const AddressId a = addrs[RecentAddressIndex(addrs.size(), back)];
  truth_->PrefetchOwner(a);
  ledger_->PrefetchAddress(a);
  if (Index(a) < role_.size()) __builtin_prefetch(&role_[Index(a)]);
}

void World::PrefetchCoin(ChainId chain, EntityId holder) const {
  const auto w = wallet(chain, holder);
  const TxStore& store = ledger_->txs(chain);
  // A payment takes its coins newest first, most often one to three, and
  // reads (and writes) only their spent_by: the wallet has the rest.
  const std::size_t coins = std::min<std::size_t>(w.size(), 3);
  for (std::size_t k = w.size() - coins; k < w.size(); ++k) {
    const auto o = static_cast<std::size_t>(Index(w[k].output));
    if (o < store.output_count()) __builtin_prefetch(&store.spent_bys()[o]);
  }
}

void World::ReturnCoins(ChainId chain, EntityId holder, Purse p,
                        std::span<const OutputId> coins) {
  std::pmr::vector<Coin>& w = purse(state(chain), holder, p);
  const TxStore& store = ledger_->txs(chain);
  for (auto it = coins.rbegin(); it != coins.rend(); ++it) {
    w.push_back(Coin{*it, store.output_address(*it), store.output_amount(*it)});
  }
}

void World::ReturnWalletCoins(ChainId chain, EntityId holder, Purse p,
                              std::span<const Coin> coins) {
  std::pmr::vector<Coin>& w = purse(state(chain), holder, p);
  for (auto it = coins.rbegin(); it != coins.rend(); ++it) w.push_back(*it);
}

TxId World::PayUtxo(ChainId chain, Seconds t, EntityId payer,
                    std::span<const OutputSpec> outputs,
                    const PayOptions& options, Rng& rng) {
  Amount want = 0;
  for (const OutputSpec& o : outputs) want += o.amount;
  const std::size_t n_out = options.sweep ? 1 : outputs.size() + 1;
  picked_.clear();
  Amount have = 0;
  if (options.sweep) {
    have = TakeWalletCoins(chain, payer, options.purse, 0, options.max_inputs,
                           options.order, rng, &picked_);
  } else {
    // The fee depends on the number of inputs: take coins for the amount
    // plus a one-input fee, then more while the fee is not covered.
    Amount need = want + UtxoFee(chain, t, 1, n_out);
    while (true) {
      const Amount got = TakeWalletCoins(
          chain, payer, options.purse, need - have,
          options.max_inputs - picked_.size(), options.order, rng, &picked_);
      if (got == 0) break;
      have += got;
      need = want + UtxoFee(chain, t, picked_.size(), n_out);
      if (have >= need || picked_.size() >= options.max_inputs) break;
    }
  }
  const auto give_back = [&] {
    ReturnWalletCoins(chain, payer, options.purse, picked_);
    return TxId::kNone;
  };
  if (picked_.empty()) return TxId::kNone;
  Amount fee = UtxoFee(chain, t, picked_.size(), n_out);
  outputs_.clear();
  if (options.sweep) {
    if (have - fee <= kDust) return give_back();
    outputs_.push_back(OutputSpec{outputs[0].address, have - fee});
  } else {
    if (have < want + fee) return give_back();
    outputs_.assign(outputs.begin(), outputs.end());
    const Amount change = have - want - fee;
    if (change > kDust) {
      AddressId change_to = options.change_to;
      if (change_to == AddressId::kNone) {
        change_to = NewAddress(chain, payer, AddressRole::kPersonal, rng);
      }
      // Wallets place change at a random position.
      const std::size_t at = rng.Below(outputs_.size() + 1);
      outputs_.insert(outputs_.begin() + static_cast<std::ptrdiff_t>(at),
                      OutputSpec{change_to, change});
    } else {
      // The size model assumed a change output; the fee keeps the dust.
      fee += change;
    }
  }
  // The coins' addresses and amounts are the wallet's copies of their
  // outputs': the ledger takes them without reading the outputs.
  inputs_.clear();
  for (const Coin& c : picked_) {
    inputs_.push_back(InputSpec{c.output, c.address, c.amount});
  }
  const TxId tx =
      SpendInputs(chain, t, outputs_, fee, TxChecks::kAllTrustingInputs);
  if (tx == TxId::kNone) return give_back();
  return tx;
}

TxId World::SpendUtxo(ChainId chain, Seconds t,
                      std::span<const OutputId> inputs,
                      std::span<const OutputSpec> outputs, Amount fee) {
  inputs_.clear();
  for (OutputId o : inputs) inputs_.push_back(InputSpec{o, {}, 0});
  return SpendInputs(chain, t, outputs, fee, TxChecks::kAll);
}

TxId World::SpendInputs(ChainId chain, Seconds t,
                        std::span<const OutputSpec> outputs, Amount fee,
                        TxChecks checks) {
  TxSpec spec;
  spec.time = t;
  spec.fee = fee;
  spec.inputs = inputs_;
  spec.outputs = outputs;
  const TxId tx = Append(chain, spec, checks);
  if (tx == TxId::kNone) return TxId::kNone;
  Credit(chain, tx);
  return tx;
}

Amount World::Balance(AssetId asset, AddressId a) const {
  if (Index(asset) >= balance_.size()) return 0;
  const auto& b = balance_[Index(asset)];
  return Index(a) < b.size() ? b[Index(a)] : 0;
}

TxId World::Transfer(ChainId chain, Seconds t, AssetId asset, AddressId from,
                     AddressId to, Amount amount, std::int64_t gas) {
  if (amount <= 0) return TxId::kNone;
  const Amount fee = GasFee(chain, t, gas);
  const bool native = asset == state(chain).params.native;
  const InputSpec in{OutputId::kNone, from, native ? amount + fee : amount};
  const OutputSpec out{to, amount};
  return AccountTx(chain, t, asset, {&in, 1}, {&out, 1}, fee);
}

TxId World::AccountTx(ChainId chain, Seconds t, AssetId asset,
                      std::span<const InputSpec> inputs,
                      std::span<const OutputSpec> outputs, Amount fee) {
  const AssetId native_asset = state(chain).params.native;
  const bool native = asset == native_asset;
  if (inputs.empty() || fee < 0) return TxId::kNone;
  Amount in = 0;
  Amount out = 0;
  for (const InputSpec& i : inputs) in += i.amount;
  for (const OutputSpec& o : outputs) out += o.amount;
  if (in != out + (native ? fee : 0)) return TxId::kNone;
  // Overdraft check, inputs of one address summed.
  for (std::size_t k = 0; k < inputs.size(); ++k) {
    Amount debit = 0;
    for (const InputSpec& i : inputs) {
      if (i.address == inputs[k].address) debit += i.amount;
    }
    if (Balance(asset, inputs[k].address) < debit) return TxId::kNone;
  }
  if (!native && Balance(native_asset, inputs[0].address) < fee) {
    return TxId::kNone;
  }
  TxSpec spec;
  spec.time = t;
  spec.asset = asset;
  spec.fee = fee;
  spec.inputs = inputs;
  spec.outputs = outputs;
  const TxId tx = Append(chain, spec);
  if (tx == TxId::kNone) return TxId::kNone;
  for (const InputSpec& i : inputs) {
    balance_[Index(asset)][Index(i.address)] -= i.amount;
  }
  if (!native) balance_[Index(native_asset)][Index(inputs[0].address)] -= fee;
  Credit(chain, tx);
  return tx;
}

Amount World::TakeCollectedFees(ChainId chain) {
  return std::exchange(state(chain).collected_fees, 0);
}

}  // namespace chaintrace::sim
