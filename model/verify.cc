#include "model/verify.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "model/chain.h"
#include "model/conservation.h"

namespace chaintrace {
namespace {

std::string Quote(std::string_view s) { return "'" + std::string(s) + "'"; }

// Sums of amounts that each fit int64 can still overflow when a ledger is
// broken; they saturate (the broken ledger has findings of its own).
Amount SaturatingAdd(Amount a, Amount b) {
  if (const auto sum = CheckedAdd(a, b)) return *sum;
  return b > 0 ? std::numeric_limits<Amount>::max()
               : std::numeric_limits<Amount>::min();
}

// Stolen units of one attack.
struct AttackAmount {
  AttackId attack = AttackId::kNone;
  Amount amount = 0;
};

// Stolen units of one attack moving through the current transaction.
struct Tally {
  AttackId attack = AttackId::kNone;
  Amount in = 0;
  Amount out = 0;
};

// What one address is debited by an ACCOUNT transaction (inputs merged).
struct Debit {
  AddressId address = AddressId::kNone;
  Amount amount = 0;
};

// A service's claim of one attack in one asset; ordered so that the claims
// of one service and attack are adjacent, in asset order.
struct ClaimKey {
  EntityId service = EntityId::kNone;
  AttackId attack = AttackId::kNone;
  AssetId asset = AssetId::kNone;
  friend bool operator<(const ClaimKey& a, const ClaimKey& b) {
    return std::tie(a.service, a.attack, a.asset) <
           std::tie(b.service, b.attack, b.asset);
  }
};

bool IsCustodial(common::EntityKind kind) {
  switch (kind) {
    case common::EXCHANGE:
    case common::MIXER:
    case common::BRIDGE:
    case common::DEX_POOL:
    case common::OTC_DESK:
      return true;
    default:
      return false;
  }
}

std::uint64_t Key(AssetId asset, AddressId address) {
  return (std::uint64_t{static_cast<std::uint16_t>(asset)} << 32) |
         static_cast<std::uint32_t>(address);
}

std::uint64_t Key(AttackId attack, AssetId asset) {
  return (std::uint64_t{static_cast<std::uint32_t>(attack)} << 16) |
         static_cast<std::uint16_t>(asset);
}

class Verifier {
 public:
  explicit Verifier(const LedgerFile& file)
      : ledger_(file.ledger), truth_(file.truth ? &*file.truth : nullptr) {}

  VerifyResult Run();

 private:
  // Records a finding about transaction `t`; `what` follows the prefix
  // "chain 'c' transaction 't': ".
  void Add(FindingKind kind, ChainId c, TxId t, const std::string& what);
  std::string AttackName(AttackId a) const;
  std::string AssetName(AssetId a) const {
    return Quote(ledger_.asset(a).name);
  }

  void CheckThefts();
  void CheckCashOuts();
  void CheckTx(ChainId c, TxId t);
  void CheckOutputTruth(ChainId c, TxId t);
  void FlowUtxo(ChainId c, TxId t);
  void DebitAccount(ChainId c, TxId t);
  void FlowAccount(ChainId c, TxId t);
  void CreditAccount(ChainId c, TxId t);
  void CountHeld();
  void CheckAccounts();

  // The service owning `a` when it is custodial, else kNone.
  EntityId Custodian(AddressId a) const;
  void NoteService(EntityId e);
  void AddClaim(EntityId service, AttackId attack, AssetId asset,
                Amount amount);
  // Covers `excess` stolen units of `attack` in the asset of transaction `t`
  // from the claims of services_ (same asset, then a conversion); returns
  // what stays uncovered.
  Amount CoverFromClaims(ChainId c, TxId t, AttackId attack, Amount excess);
  Amount Convert(ChainId c, TxId t, AttackId attack, Amount rest);
  std::string CreatedMessage(const char* outputs, const Tally& tally,
                             const char* inputs, Amount brought,
                             Amount granted) const;

  // Stolen on output `o` as accounting uses it: clamped to 0..amount, and
  // none when it names no attack of the truth (those are findings).
  AttackAmount Stolen(ChainId c, OutputId o) const;
  Tally& TallyOf(AttackId a);
  StolenAccount& Account(AttackId attack, AssetId asset);
  Amount& Balance(AssetId asset, AddressId address) {
    return balances_[Key(asset, address)];
  }
  Amount& Pool(AssetId asset, AddressId address, AttackId attack);
  void CapPools(AssetId asset, AddressId address);

  const Ledger& ledger_;
  const GroundTruth* truth_;
  std::vector<Finding> findings_;
  // Per chain, per output: named by a theft report.
  std::vector<std::vector<std::uint8_t>> seed_;
  // Per chain, per output (UTXO): spent by an input so far.
  std::vector<std::vector<std::uint8_t>> spent_;
  std::vector<Tally> tallies_;
  std::vector<Debit> debits_;
  // The debits of the current transaction from non-custodial addresses.
  std::vector<Debit> own_;
  // Services whose coins (debits) the current transaction spends, in input
  // order, each once.
  std::vector<EntityId> services_;
  std::map<ClaimKey, Amount> claims_;
  std::vector<ServiceClaim> claims_out_;
  std::unordered_map<std::uint64_t, Amount> balances_;
  // ACCOUNT: the upper bound S of stolen held, per (asset, address).
  std::unordered_map<std::uint64_t, std::vector<AttackAmount>> pools_;
  std::unordered_map<std::uint64_t, std::size_t> account_index_;
  std::vector<StolenAccount> accounts_;
};

void Verifier::Add(FindingKind kind, ChainId c, TxId t,
                   const std::string& what) {
  findings_.push_back(Finding{kind, c, t,
                              "chain " + Quote(ledger_.chain(c).name) +
                                  " transaction " +
                                  Quote(ledger_.txs(c).txid(t)) + ": " + what});
}

std::string Verifier::AttackName(AttackId a) const {
  if (truth_ == nullptr || a == AttackId::kNone ||
      Index(a) >= truth_->attacks().size()) {
    return "no attack";
  }
  return "attack " + Quote(truth_->attack(a).name);
}

AttackAmount Verifier::Stolen(ChainId c, OutputId o) const {
  const AttackId a = truth_->stolen_attack(c, o);
  if (a == AttackId::kNone || Index(a) >= truth_->attacks().size()) return {};
  const Amount amount = ledger_.txs(c).output_amount(o);
  return {a, std::clamp<Amount>(truth_->stolen(c, o), 0, amount)};
}

Tally& Verifier::TallyOf(AttackId a) {
  for (Tally& t : tallies_) {
    if (t.attack == a) return t;
  }
  tallies_.push_back(Tally{a, 0, 0});
  return tallies_.back();
}

StolenAccount& Verifier::Account(AttackId attack, AssetId asset) {
  const auto [it, added] =
      account_index_.try_emplace(Key(attack, asset), accounts_.size());
  if (added) {
    StolenAccount account;
    account.attack = attack;
    account.asset = asset;
    account.exact = ledger_.chain(ledger_.asset(asset).chain).is_utxo();
    accounts_.push_back(account);
  }
  return accounts_[it->second];
}

Amount& Verifier::Pool(AssetId asset, AddressId address, AttackId attack) {
  std::vector<AttackAmount>& pool = pools_[Key(asset, address)];
  for (AttackAmount& p : pool) {
    if (p.attack == attack) return p.amount;
  }
  pool.push_back(AttackAmount{attack, 0});
  return pool.back().amount;
}

void Verifier::CapPools(AssetId asset, AddressId address) {
  const auto it = pools_.find(Key(asset, address));
  if (it == pools_.end()) return;
  const Amount cap = std::max<Amount>(0, Balance(asset, address));
  for (AttackAmount& p : it->second) p.amount = std::min(p.amount, cap);
}

EntityId Verifier::Custodian(AddressId a) const {
  const EntityId e = truth_->owner(a);
  if (e == EntityId::kNone || Index(e) >= truth_->entities().size() ||
      !IsCustodial(truth_->entity(e).kind)) {
    return EntityId::kNone;
  }
  return e;
}

void Verifier::NoteService(EntityId e) {
  if (std::find(services_.begin(), services_.end(), e) == services_.end()) {
    services_.push_back(e);
  }
}

void Verifier::AddClaim(EntityId service, AttackId attack, AssetId asset,
                        Amount amount) {
  Amount& claim = claims_[ClaimKey{service, attack, asset}];
  claim = SaturatingAdd(claim, amount);
}

Amount Verifier::CoverFromClaims(ChainId c, TxId t, AttackId attack,
                                 Amount excess) {
  const AssetId asset = ledger_.txs(c).asset(t);
  for (const EntityId e : services_) {
    if (excess <= 0) break;
    const auto it = claims_.find(ClaimKey{e, attack, asset});
    if (it == claims_.end()) continue;
    const Amount take = std::min(excess, it->second);
    it->second -= take;
    excess -= take;
  }
  if (excess > 0) excess = Convert(c, t, attack, excess);
  return excess;
}

Amount Verifier::Convert(ChainId c, TxId t, AttackId attack, Amount rest) {
  const TxStore& s = ledger_.txs(c);
  if (truth_->tx(c, t).attack != attack) return rest;
  const AssetId asset = s.asset(t);
  if (ledger_.chain(c).model == common::ACCOUNT && !debits_.empty()) {
    // A DEX pool prices at its reserves, not at the market's price path: a
    // constant-product payout y for a deposit x is at most x times the
    // pool's spot rate with x already in, reserve_out / reserve_in.
    const AddressId pool = debits_.front().address;
    const EntityId e = Custodian(pool);
    if (e != EntityId::kNone && truth_->entity(e).kind == common::DEX_POOL) {
      const Amount out_before =
          SaturatingAdd(Balance(asset, pool), debits_.front().amount);
      auto it =
          claims_.lower_bound(ClaimKey{e, attack, IdFromIndex<AssetId>(0)});
      for (; it != claims_.end() && it->first.service == e &&
             it->first.attack == attack;
           ++it) {
        if (it->first.asset == asset || it->second <= 0) continue;
        const Amount in_reserve = Balance(it->first.asset, pool);
        if (in_reserve <= 0 || out_before <= 0) continue;
        const long double need =
            std::ceil(static_cast<long double>(rest) *
                      static_cast<long double>(in_reserve) /
                      static_cast<long double>(out_before));
        if (need > static_cast<long double>(it->second)) continue;
        const auto take = static_cast<Amount>(need);
        it->second -= take;
        StolenAccount& from = Account(attack, it->first.asset);
        from.converted_out = SaturatingAdd(from.converted_out, take);
        StolenAccount& to = Account(attack, asset);
        to.converted_in = SaturatingAdd(to.converted_in, rest);
        return 0;
      }
      return rest;  // a pool's payout is bounded by its reserves only
    }
  }
  const AssetInfo& paid = ledger_.asset(asset);
  const Seconds when = s.time(t);
  const double paid_price = paid.UsdAt(when);
  const double value =
      paid_price > 0 ? AmountToUsd(rest, paid_price, paid.decimals) : 0;
  double needed = value;
  bool consumed = false;
  bool unpriced = false;
  for (const EntityId e : services_) {
    auto it = claims_.lower_bound(ClaimKey{e, attack, IdFromIndex<AssetId>(0)});
    for (; it != claims_.end() && it->first.service == e &&
           it->first.attack == attack && !unpriced &&
           (needed > 0 || paid_price <= 0);
         ++it) {
      if (it->first.asset == asset || it->second <= 0) continue;
      const AssetInfo& held = ledger_.asset(it->first.asset);
      const double price = held.UsdAt(when);
      Amount take = it->second;
      if (paid_price > 0 && price > 0) {
        const std::optional<Amount> need =
            UsdToAmount(needed, price, held.decimals);
        if (need) take = std::clamp<Amount>(*need, 1, it->second);
        needed -= AmountToUsd(take, price, held.decimals);
      } else {
        unpriced = true;
      }
      it->second -= take;
      consumed = true;
      StolenAccount& account = Account(attack, it->first.asset);
      account.converted_out = SaturatingAdd(account.converted_out, take);
    }
  }
  if (!consumed || (!unpriced && needed > value * kConversionSlack)) {
    return rest;
  }
  StolenAccount& account = Account(attack, asset);
  account.converted_in = SaturatingAdd(account.converted_in, rest);
  return 0;
}

std::string Verifier::CreatedMessage(const char* outputs, const Tally& tally,
                                     const char* inputs, Amount brought,
                                     Amount granted) const {
  std::string what = std::string("its ") + outputs + " carry " +
                     std::to_string(tally.out) + " stolen units of " +
                     AttackName(tally.attack) + " but its " + inputs + " " +
                     std::to_string(brought);
  if (!services_.empty()) {
    what += " and its services' claims grant " + std::to_string(granted);
  }
  return what + " (stolen value appears only at a reported theft)";
}

void Verifier::CheckThefts() {
  seed_.resize(ledger_.chain_count());
  for (ChainId c : ledger_.chain_ids()) {
    seed_[Index(c)].assign(ledger_.txs(c).output_count(), 0);
  }
  for (const TheftReport& r : ledger_.thefts()) {
    const TxStore& s = ledger_.txs(r.chain);
    const std::string what = "theft " + Quote(r.attack) + ": ";
    const std::string output =
        "output " + std::to_string(s.output_index(r.output));
    std::uint8_t& seed = seed_[Index(r.chain)][Index(r.output)];
    if (seed != 0) {
      Add(FindingKind::kTheft, r.chain, r.tx,
          what + output + " is reported twice");
      continue;
    }
    seed = 1;
    if (r.asset != s.asset(r.tx)) {
      Add(FindingKind::kTheft, r.chain, r.tx,
          what + "asset " + AssetName(r.asset) +
              " is not the transaction's asset " + AssetName(s.asset(r.tx)));
    } else if (r.amount > s.output_amount(r.output)) {
      Add(FindingKind::kTheft, r.chain, r.tx,
          what + "amount " + std::to_string(r.amount) + " exceeds the " +
              std::to_string(s.output_amount(r.output)) + " of the output");
    }
    if (truth_ == nullptr) continue;
    const AttackId attack = truth_->FindAttack(r.attack);
    const AttackId carried = truth_->stolen_attack(r.chain, r.output);
    const Amount stolen = truth_->stolen(r.chain, r.output);
    if (attack == AttackId::kNone) {
      Add(FindingKind::kTheft, r.chain, r.tx,
          what + "the ground truth has no attack of that name");
    } else if (carried != attack || stolen != r.amount) {
      Add(FindingKind::kTheft, r.chain, r.tx,
          what + "reports " + std::to_string(r.amount) + " units, but " +
              std::string(output).append(" carries ") + std::to_string(stolen) +
              " stolen units of " + AttackName(carried));
    }
  }
}

void Verifier::CheckCashOuts() {
  for (const CashOut& co : truth_->cash_outs()) {
    if (Index(co.chain) >= ledger_.chain_count() ||
        Index(co.output) >= ledger_.txs(co.chain).output_count()) {
      continue;  // the reader resolves every reference; nothing to name
    }
    const TxStore& s = ledger_.txs(co.chain);
    const TxId t = s.output_tx(co.output);
    const Amount stolen = truth_->stolen(co.chain, co.output);
    const AttackId carried = truth_->stolen_attack(co.chain, co.output);
    if (co.amount != stolen || co.attack != carried) {
      Add(FindingKind::kCashOut, co.chain, t,
          "cash-out of " + AttackName(co.attack) + ": amount " +
              std::to_string(co.amount) + ", but output " +
              std::to_string(s.output_index(co.output)) + " carries " +
              std::to_string(stolen) + " stolen units of " +
              AttackName(carried));
    }
  }
}

void Verifier::CheckOutputTruth(ChainId c, TxId t) {
  const TxStore& s = ledger_.txs(c);
  bool range_reported = false;
  bool attack_reported = false;
  for (OutputId o : s.outputs(t)) {
    const Amount stolen = truth_->stolen(c, o);
    const std::string output = "output " + std::to_string(s.output_index(o));
    if (!range_reported && (stolen < 0 || stolen > s.output_amount(o))) {
      range_reported = true;
      Add(FindingKind::kStolenRange, c, t,
          output + ": stolen " + std::to_string(stolen) +
              " is not within 0..amount (" +
              std::to_string(s.output_amount(o)) + ")");
    }
    const AttackId a = truth_->stolen_attack(c, o);
    if (!attack_reported && stolen > 0 &&
        (a == AttackId::kNone || Index(a) >= truth_->attacks().size())) {
      attack_reported = true;
      Add(FindingKind::kStolenAttack, c, t,
          output + ": carries " + std::to_string(stolen) +
              " stolen units but names no attack");
    }
  }
}

void Verifier::FlowUtxo(ChainId c, TxId t) {
  const TxStore& s = ledger_.txs(c);
  const AssetId asset = s.asset(t);
  tallies_.clear();
  services_.clear();
  for (InputId i : s.inputs(t)) {
    if (const EntityId e = Custodian(s.input_address(i));
        e != EntityId::kNone) {
      NoteService(e);  // its stolen is the service's claim
      continue;
    }
    const AttackAmount st = Stolen(c, s.input_spent(i));
    if (st.amount > 0) {
      Tally& tally = TallyOf(st.attack);
      tally.in = SaturatingAdd(tally.in, st.amount);
    }
  }
  for (OutputId o : s.outputs(t)) {
    const AttackAmount st = Stolen(c, o);
    if (st.amount <= 0) continue;
    if (seed_[Index(c)][Index(o)] != 0) {
      StolenAccount& account = Account(st.attack, asset);
      account.seeded = SaturatingAdd(account.seeded, st.amount);
    } else {
      Tally& tally = TallyOf(st.attack);
      tally.out = SaturatingAdd(tally.out, st.amount);
    }
  }
  const Tally* created = nullptr;
  Amount granted = 0;
  Amount lost = 0;
  for (const Tally& tally : tallies_) {
    if (tally.out > tally.in) {
      const Amount excess = tally.out - tally.in;
      const Amount rest = CoverFromClaims(c, t, tally.attack, excess);
      if (rest > 0 && created == nullptr) {
        created = &tally;
        granted = excess - rest;
      }
    }
    if (tally.in > tally.out) {
      const Amount share = tally.in - tally.out;
      lost = SaturatingAdd(lost, share);
      StolenAccount& account = Account(tally.attack, asset);
      account.fees = SaturatingAdd(account.fees, share);
    }
  }
  if (created != nullptr) {
    Add(FindingKind::kStolenCreated, c, t,
        CreatedMessage("outputs", *created, "inputs bring only", created->in,
                       granted));
  }
  for (OutputId o : s.outputs(t)) {
    const AttackAmount st = Stolen(c, o);
    const EntityId e = Custodian(s.output_address(o));
    if (st.amount > 0 && e != EntityId::kNone) {
      AddClaim(e, st.attack, asset, st.amount);
    }
  }
  if (lost > s.fee(t)) {
    Add(FindingKind::kStolenLost, c, t,
        "its inputs bring " + std::to_string(lost) +
            " more stolen units than its outputs carry, but its fee is " +
            std::to_string(s.fee(t)) +
            " (stolen value leaves a transaction only through its fee)");
  }
}

void Verifier::DebitAccount(ChainId c, TxId t) {
  const TxStore& s = ledger_.txs(c);
  debits_.clear();
  for (InputId i : s.inputs(t)) {
    const auto same = [&](const Debit& d) {
      return d.address == s.input_address(i);
    };
    const auto it = std::find_if(debits_.begin(), debits_.end(), same);
    if (it == debits_.end()) {
      debits_.push_back(Debit{s.input_address(i), s.input_amount(i)});
    } else {
      it->amount = SaturatingAdd(it->amount, s.input_amount(i));
    }
  }
  bool reported = false;
  const auto debit = [&](AssetId asset, AddressId address, Amount amount,
                         const char* what) {
    Amount& balance = Balance(asset, address);
    const Amount before = balance;
    balance = SaturatingAdd(balance, -amount);
    if (balance < 0 && !reported) {
      reported = true;
      Add(FindingKind::kBalance, c, t,
          "address " + Quote(ledger_.address_name(address)) + " is debited " +
              std::to_string(amount) + " of " + AssetName(asset) + what +
              " but holds only " + std::to_string(before));
    }
  };
  const AssetId asset = s.asset(t);
  for (const Debit& d : debits_) debit(asset, d.address, d.amount, "");
  const AssetId native = ledger_.chain(c).native_asset;
  if (asset != native && !debits_.empty() && s.fee(t) > 0) {
    debit(native, debits_.front().address, s.fee(t), " (the fee)");
  }
}

void Verifier::FlowAccount(ChainId c, TxId t) {
  const TxStore& s = ledger_.txs(c);
  const AssetId asset = s.asset(t);
  tallies_.clear();
  services_.clear();
  // Custodial debits bring nothing (their stolen is the service's claim).
  own_.clear();
  for (const Debit& d : debits_) {
    if (const EntityId e = Custodian(d.address); e != EntityId::kNone) {
      NoteService(e);
    } else {
      own_.push_back(d);
    }
  }
  for (OutputId o : s.outputs(t)) {
    const AttackAmount st = Stolen(c, o);
    if (st.amount <= 0) continue;
    if (seed_[Index(c)][Index(o)] != 0) {
      StolenAccount& account = Account(st.attack, asset);
      account.seeded = SaturatingAdd(account.seeded, st.amount);
    } else {
      Tally& tally = TallyOf(st.attack);
      tally.out = SaturatingAdd(tally.out, st.amount);
    }
  }
  bool reported = false;
  for (const Tally& tally : tallies_) {
    Amount available = 0;
    for (const Debit& d : own_) {
      available = SaturatingAdd(
          available, std::min(d.amount, Pool(asset, d.address, tally.attack)));
    }
    if (tally.out > available) {
      const Amount excess = tally.out - available;
      const Amount rest = CoverFromClaims(c, t, tally.attack, excess);
      if (rest > 0 && !reported) {
        reported = true;
        Add(FindingKind::kStolenCreated, c, t,
            CreatedMessage("credits", tally, "debited addresses hold at most",
                           available, excess - rest));
      }
    }
    Amount remaining = tally.out;
    for (const Debit& d : own_) {
      Amount& pool = Pool(asset, d.address, tally.attack);
      const Amount take = std::min({remaining, d.amount, pool});
      pool -= take;
      remaining -= take;
    }
  }
  for (const Debit& d : own_) CapPools(asset, d.address);
  const AssetId native = ledger_.chain(c).native_asset;
  if (asset != native && !debits_.empty()) {
    CapPools(native, debits_.front().address);
  }
}

void Verifier::CreditAccount(ChainId c, TxId t) {
  const TxStore& s = ledger_.txs(c);
  const AssetId asset = s.asset(t);
  for (OutputId o : s.outputs(t)) {
    Amount& balance = Balance(asset, s.output_address(o));
    if (const auto sum = CheckedAdd(balance, s.output_amount(o))) {
      balance = *sum;
    } else {
      balance = std::numeric_limits<Amount>::max();
      Add(FindingKind::kBalance, c, t,
          "output " + std::to_string(s.output_index(o)) + ": the balance of " +
              Quote(ledger_.address_name(s.output_address(o))) + " in " +
              AssetName(asset) + " overflows int64");
    }
    if (truth_ == nullptr) continue;
    const AttackAmount st = Stolen(c, o);
    if (st.amount <= 0) continue;
    if (const EntityId e = Custodian(s.output_address(o));
        e != EntityId::kNone) {
      AddClaim(e, st.attack, asset, st.amount);
    } else {
      Amount& pool = Pool(asset, s.output_address(o), st.attack);
      pool = SaturatingAdd(pool, st.amount);
    }
  }
}

void Verifier::CheckTx(ChainId c, TxId t) {
  const TxStore& s = ledger_.txs(c);
  const bool utxo = ledger_.chain(c).is_utxo();
  if (Index(t) > 0 && s.time(t) < s.times()[Index(t) - 1]) {
    Add(FindingKind::kTimeOrder, c, t,
        "time " + std::to_string(s.time(t)) +
            " is before the chain's previous transaction (" +
            std::to_string(s.times()[Index(t) - 1]) + ")");
  }
  if (Status st = CheckTxConservation(ledger_, c, t); !st.ok()) {
    findings_.push_back(
        Finding{FindingKind::kConservation, c, t, st.message()});
  }
  if (utxo) {
    std::vector<std::uint8_t>& spent = spent_[Index(c)];
    std::size_t k = 0;
    bool reported = false;
    for (InputId i : s.inputs(t)) {
      const OutputId o = s.input_spent(i);
      if (spent[Index(o)] != 0 && !reported) {
        reported = true;
        Add(FindingKind::kDoubleSpend, c, t,
            "input " + std::to_string(k) + ": double spend: output " +
                Quote(std::string(s.txid(s.output_tx(o))) + ":" +
                      std::to_string(s.output_index(o))) +
                " is already spent");
      }
      spent[Index(o)] = 1;
      ++k;
    }
  } else {
    DebitAccount(c, t);
  }
  if (truth_ != nullptr) {
    CheckOutputTruth(c, t);
    if (utxo) {
      FlowUtxo(c, t);
    } else {
      FlowAccount(c, t);
    }
  }
  if (!utxo) CreditAccount(c, t);
}

void Verifier::CountHeld() {
  for (ChainId c : ledger_.chain_ids()) {
    if (!ledger_.chain(c).is_utxo()) continue;
    const TxStore& s = ledger_.txs(c);
    const std::vector<std::uint8_t>& spent = spent_[Index(c)];
    for (OutputId o : IdRange<OutputId>(0, s.output_count())) {
      if (spent[Index(o)] != 0) continue;
      const AttackAmount st = Stolen(c, o);
      if (st.amount <= 0 || Custodian(s.output_address(o)) != EntityId::kNone) {
        continue;
      }
      StolenAccount& account = Account(st.attack, s.asset(s.output_tx(o)));
      account.held = SaturatingAdd(account.held, st.amount);
    }
  }
}

void Verifier::CheckAccounts() {
  for (const auto& [key, pool] : pools_) {
    const auto asset = static_cast<AssetId>(key >> 32);
    for (const AttackAmount& p : pool) {
      if (p.amount <= 0) continue;
      StolenAccount& account = Account(p.attack, asset);
      account.held = SaturatingAdd(account.held, p.amount);
    }
  }
  for (const auto& [key, amount] : claims_) {
    if (amount <= 0) continue;
    StolenAccount& account = Account(key.attack, key.asset);
    account.claims = SaturatingAdd(account.claims, amount);
    claims_out_.push_back(
        ServiceClaim{key.service, key.attack, key.asset, amount,
                     truth_->entity(key.service).kind == common::EXCHANGE});
  }
  std::sort(claims_out_.begin(), claims_out_.end(),
            [](const ServiceClaim& a, const ServiceClaim& b) {
              return std::tuple(a.attack, a.asset, a.service) <
                     std::tuple(b.attack, b.asset, b.service);
            });
  std::sort(accounts_.begin(), accounts_.end(),
            [](const StolenAccount& a, const StolenAccount& b) {
              return std::pair(a.attack, a.asset) <
                     std::pair(b.attack, b.asset);
            });
  for (const StolenAccount& a : accounts_) {
    const Amount in = SaturatingAdd(a.seeded, a.converted_in);
    const Amount out = SaturatingAdd(SaturatingAdd(a.held, a.fees),
                                     SaturatingAdd(a.claims, a.converted_out));
    if (!a.exact || in == out) continue;
    findings_.push_back(Finding{
        FindingKind::kUnaccounted, ChainId::kNone, TxId::kNone,
        AttackName(a.attack) + " asset " + AssetName(a.asset) +
            ": stolen value not accounted for: " + std::to_string(a.seeded) +
            " seeded at its thefts + " + std::to_string(a.converted_in) +
            " converted in != " + std::to_string(a.held) +
            " held on unspent outputs + " + std::to_string(a.fees) +
            " in fees + " + std::to_string(a.claims) +
            " claimed by services + " + std::to_string(a.converted_out) +
            " converted out"});
  }
}

VerifyResult Verifier::Run() {
  CheckThefts();
  if (truth_ != nullptr) CheckCashOuts();
  // All chains in one time order (ties: chain id), so that claims made on
  // one chain are there for payouts on another.
  const std::size_t n = ledger_.chain_count();
  spent_.resize(n);
  std::vector<std::size_t> next(n, 0);
  for (ChainId c : ledger_.chain_ids()) {
    if (ledger_.chain(c).is_utxo()) {
      spent_[Index(c)].assign(ledger_.txs(c).output_count(), 0);
    }
  }
  for (;;) {
    ChainId pick = ChainId::kNone;
    for (ChainId c : ledger_.chain_ids()) {
      const TxStore& s = ledger_.txs(c);
      if (next[Index(c)] >= s.tx_count()) continue;
      if (pick == ChainId::kNone ||
          s.times()[next[Index(c)]] <
              ledger_.txs(pick).times()[next[Index(pick)]]) {
        pick = c;
      }
    }
    if (pick == ChainId::kNone) break;
    CheckTx(pick, IdFromIndex<TxId>(next[Index(pick)]++));
  }
  if (truth_ != nullptr) {
    CountHeld();
    CheckAccounts();
  }
  std::stable_sort(findings_.begin(), findings_.end(),
                   [](const Finding& a, const Finding& b) {
                     return std::pair(Index(a.chain), Index(a.tx)) <
                            std::pair(Index(b.chain), Index(b.tx));
                   });
  return VerifyResult{std::move(findings_), std::move(accounts_),
                      std::move(claims_out_)};
}

}  // namespace

std::string_view FindingKindName(FindingKind kind) {
  switch (kind) {
    case FindingKind::kConservation:
      return "conservation";
    case FindingKind::kDoubleSpend:
      return "double-spend";
    case FindingKind::kTimeOrder:
      return "time-order";
    case FindingKind::kBalance:
      return "balance";
    case FindingKind::kTheft:
      return "theft";
    case FindingKind::kStolenRange:
      return "stolen-range";
    case FindingKind::kStolenAttack:
      return "stolen-attack";
    case FindingKind::kStolenCreated:
      return "stolen-created";
    case FindingKind::kStolenLost:
      return "stolen-lost";
    case FindingKind::kCashOut:
      return "cash-out";
    case FindingKind::kUnaccounted:
      return "unaccounted";
  }
  return "unknown";
}

VerifyResult VerifyLedger(const LedgerFile& file) {
  return Verifier(file).Run();
}

}  // namespace chaintrace
