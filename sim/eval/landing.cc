#include "sim/eval/landing.h"

#include <algorithm>

#include "sim/eval/usd.h"

namespace chaintrace::eval {
namespace {

common::EntityKind OwnerKind(const GroundTruth& truth, AddressId a) {
  const EntityId e = truth.owner(a);
  return e == EntityId::kNone ? common::ENTITY_KIND_UNSPECIFIED
                              : truth.entity(e).kind;
}

// True when some input of `t` is paid by an address `entity` owns.
bool PaidBy(const TxStore& s, const GroundTruth& truth, TxId t,
            EntityId entity) {
  for (InputId i : s.inputs(t)) {
    if (truth.owner(s.input_address(i)) == entity) return true;
  }
  return false;
}

// Running state of one (address, asset) on an ACCOUNT chain.
struct Holding {
  Amount balance = 0;
  Amount stolen = 0;  // the stolen-first bound S
  AttackId attack = AttackId::kNone;
};

void Debit(Holding* h, Amount amount) {
  h->balance -= amount;
  h->stolen -= std::min(amount, h->stolen);
}

// Replays ACCOUNT chain `c`'s transactions over (address, asset) holdings
// with the stolen-first bound: a debit takes stolen value out before clean
// value (a token transfer's fee from the payer's native holding), then no
// debited holding keeps more stolen value than its balance; a credit adds
// its amount to the balance. `slot(a, asset)` is the holding of a pair
// (nullptr: not followed); `credit(h, o)` adds what output `o` brings to
// `h`'s stolen value. Slot pointers are used at once, so `slot` may grow
// its storage.
template <typename Slot, typename Credit>
void ReplayStolenFirst(const Ledger& ledger, ChainId c, Slot slot,
                       Credit credit) {
  const TxStore& s = ledger.txs(c);
  const AssetId native = ledger.chain(c).native_asset;
  for (TxId t : s.txs()) {
    const AssetId asset = s.asset(t);
    const auto ins = s.inputs(t);
    for (InputId i : ins) {
      if (Holding* h = slot(s.input_address(i), asset)) {
        Debit(h, s.input_amount(i));
      }
    }
    if (asset != native && !ins.empty() && s.fee(t) > 0) {
      if (Holding* h = slot(s.input_address(ins[0]), native)) {
        Debit(h, s.fee(t));
      }
    }
    for (InputId i : ins) {
      if (Holding* h = slot(s.input_address(i), asset)) {
        h->stolen = std::min(h->stolen, std::max<Amount>(h->balance, 0));
      }
    }
    for (OutputId o : s.outputs(t)) {
      if (Holding* h = slot(s.output_address(o), asset)) {
        h->balance += s.output_amount(o);
        credit(h, o);
      }
    }
  }
}

void AddDeposits(const Ledger& ledger, const GroundTruth& truth, ChainId c,
                 const std::vector<std::uint8_t>& is_cash_out,
                 LandingSet* set) {
  const TxStore& s = ledger.txs(c);
  for (TxId t : s.txs()) {
    if (s.coinbase(t)) continue;
    for (OutputId o : s.outputs(t)) {
      if (is_cash_out[Index(o)] != 0) continue;
      const AddressId a = s.output_address(o);
      if (!IsCashOutService(OwnerKind(truth, a))) continue;
      const EntityId owner = truth.owner(a);
      if (PaidBy(s, truth, t, owner)) continue;
      Landing l;
      l.kind = LandingKind::kDeposit;
      l.chain = c;
      l.output = o;
      l.address = a;
      l.asset = s.asset(t);
      l.amount = s.output_amount(o);
      l.stolen = std::clamp<Amount>(truth.stolen(c, o), 0, l.amount);
      l.attack = l.stolen > 0 ? truth.stolen_attack(c, o) : AttackId::kNone;
      l.owner = owner;
      l.usd_per_unit = UsdPerUnit(ledger, l.asset, s.time(t));
      set->landings.push_back(l);
    }
  }
}

void AddUtxoHoldings(const Ledger& ledger, const GroundTruth& truth, ChainId c,
                     Seconds end, LandingSet* set) {
  const TxStore& s = ledger.txs(c);
  const AssetId asset = ledger.chain(c).native_asset;
  const double per_unit = UsdPerUnit(ledger, asset, end);
  for (OutputId o : IdRange<OutputId>(0, s.output_count())) {
    if (s.spent_by(o) != TxId::kNone) continue;
    const AddressId a = s.output_address(o);
    const common::EntityKind kind = OwnerKind(truth, a);
    if (IsCashOutService(kind)) continue;
    Landing l;
    l.kind = LandingKind::kHeld;
    l.chain = c;
    l.output = o;
    l.address = a;
    l.asset = asset;
    l.amount = s.output_amount(o);
    l.stolen = std::clamp<Amount>(truth.stolen(c, o), 0, l.amount);
    l.attack = l.stolen > 0 ? truth.stolen_attack(c, o) : AttackId::kNone;
    l.usd_per_unit = per_unit;
    l.attacker_held = kind == common::ATTACKER;
    set->landings.push_back(l);
  }
}

void AddAccountHoldings(const Ledger& ledger, const GroundTruth& truth,
                        ChainId c, Seconds end, LandingSet* set) {
  const TxStore& s = ledger.txs(c);
  // Dense slots for the (address, asset) pairs the chain touches.
  std::vector<Holding> holdings;
  std::vector<AddressId> slot_address;
  std::vector<AssetId> slot_asset;
  const auto slot = [&](AddressId a, AssetId asset) -> Holding* {
    std::vector<std::int32_t>& index = set->held_index[Index(asset)];
    if (index.empty()) index.assign(ledger.address_count(), -1);
    std::int32_t& i = index[Index(a)];
    if (i < 0) {
      i = static_cast<std::int32_t>(holdings.size());
      holdings.emplace_back();
      slot_address.push_back(a);
      slot_asset.push_back(asset);
    }
    return &holdings[static_cast<std::size_t>(i)];
  };
  ReplayStolenFirst(ledger, c, slot, [&](Holding* h, OutputId o) {
    const Amount stolen =
        std::clamp<Amount>(truth.stolen(c, o), 0, s.output_amount(o));
    if (stolen > 0) {
      h->stolen += stolen;
      h->attack = truth.stolen_attack(c, o);
    }
  });
  // Landing indices replace slot indices; holdings at service addresses and
  // empty balances are dropped.
  for (std::size_t i = 0; i < holdings.size(); ++i) {
    const Holding& h = holdings[i];
    const AddressId a = slot_address[i];
    const AssetId asset = slot_asset[i];
    std::int32_t& index = set->held_index[Index(asset)][Index(a)];
    const common::EntityKind kind = OwnerKind(truth, a);
    if (h.balance <= 0 || IsCashOutService(kind)) {
      index = -1;
      continue;
    }
    Landing l;
    l.kind = LandingKind::kHeld;
    l.chain = c;
    l.address = a;
    l.asset = asset;
    l.amount = h.balance;
    l.stolen = std::clamp<Amount>(h.stolen, 0, h.balance);
    l.attack = l.stolen > 0 ? h.attack : AttackId::kNone;
    l.usd_per_unit = UsdPerUnit(ledger, asset, end);
    l.attacker_held = kind == common::ATTACKER;
    index = static_cast<std::int32_t>(set->landings.size());
    set->landings.push_back(l);
  }
}

}  // namespace

bool IsCashOutService(common::EntityKind kind) {
  return kind == common::EXCHANGE || kind == common::OTC_DESK;
}

LandingSet BuildLandings(const Ledger& ledger, const GroundTruth& truth) {
  LandingSet set;
  set.held_index.resize(ledger.asset_count());
  const Seconds end = LedgerEnd(ledger);
  std::vector<std::vector<std::uint8_t>> is_cash_out(ledger.chain_count());
  for (ChainId c : ledger.chain_ids()) {
    is_cash_out[Index(c)].assign(ledger.txs(c).output_count(), 0);
  }
  for (const CashOut& co : truth.cash_outs()) {
    if (co.chain == ChainId::kNone || Index(co.chain) >= ledger.chain_count())
      continue;
    const TxStore& s = ledger.txs(co.chain);
    if (co.output == OutputId::kNone || Index(co.output) >= s.output_count())
      continue;
    if (is_cash_out[Index(co.chain)][Index(co.output)] != 0) continue;
    is_cash_out[Index(co.chain)][Index(co.output)] = 1;
    Landing l;
    l.kind = LandingKind::kDeposit;
    l.chain = co.chain;
    l.output = co.output;
    l.address = s.output_address(co.output);
    l.asset = s.asset(s.output_tx(co.output));
    l.amount = s.output_amount(co.output);
    l.stolen = std::clamp<Amount>(co.amount, 0, l.amount);
    l.attack = co.attack;
    l.owner = co.exchange;
    l.usd_per_unit =
        UsdPerUnit(ledger, l.asset, s.time(s.output_tx(co.output)));
    l.cash_out = true;
    set.landings.push_back(l);
  }
  for (ChainId c : ledger.chain_ids()) {
    AddDeposits(ledger, truth, c, is_cash_out[Index(c)], &set);
  }
  for (ChainId c : ledger.chain_ids()) {
    if (ledger.chain(c).is_utxo()) {
      AddUtxoHoldings(ledger, truth, c, end, &set);
    } else {
      AddAccountHoldings(ledger, truth, c, end, &set);
    }
  }
  return set;
}

std::vector<Amount> BelievedStolen(const LandingSet& set, const Ledger& ledger,
                                   const trace::TraceResult& result) {
  std::vector<Amount> believed(set.landings.size(), 0);
  const auto taint = [&](ChainId c, OutputId o) -> Amount {
    if (Index(c) >= result.chains.size()) return 0;
    const std::vector<Amount>& v = result.chains[Index(c)].output_taint;
    return Index(o) < v.size() ? std::max<Amount>(v[Index(o)], 0) : 0;
  };
  for (std::size_t i = 0; i < set.landings.size(); ++i) {
    const Landing& l = set.landings[i];
    if (l.output != OutputId::kNone) {
      believed[i] = std::min(taint(l.chain, l.output), l.amount);
    }
  }
  // ACCOUNT holdings: credits' taint minus debits' taint.
  const auto held = [&](AddressId a, AssetId asset) -> Amount* {
    const std::vector<std::int32_t>& index = set.held_index[Index(asset)];
    if (index.empty() || index[Index(a)] < 0) return nullptr;
    return &believed[static_cast<std::size_t>(index[Index(a)])];
  };
  // Holdings replayed stolen-first, for chains whose tracer reports no
  // debit taint (followers and clusterers flag credits only), so that a
  // busy service address is not believed to still hold every tainted
  // credit it ever received; parallel to set.landings.
  std::vector<Holding> replayed;
  std::vector<std::uint8_t> replayed_chain(ledger.chain_count(), 0);
  for (ChainId c : ledger.chain_ids()) {
    if (ledger.chain(c).is_utxo()) continue;
    const TxStore& s = ledger.txs(c);
    const AssetId native = ledger.chain(c).native_asset;
    const trace::ChainTrace* ct =
        Index(c) < result.chains.size() ? &result.chains[Index(c)] : nullptr;
    const bool debits = ct != nullptr &&
                        ct->input_taint.size() == s.input_count() &&
                        ct->fee_taint.size() == s.tx_count();
    if (!debits) {
      if (replayed.empty()) replayed.resize(set.landings.size());
      replayed_chain[Index(c)] = 1;
      const auto slot = [&](AddressId a, AssetId asset) -> Holding* {
        const std::vector<std::int32_t>& index = set.held_index[Index(asset)];
        if (index.empty() || index[Index(a)] < 0) return nullptr;
        return &replayed[static_cast<std::size_t>(index[Index(a)])];
      };
      ReplayStolenFirst(ledger, c, slot, [&](Holding* h, OutputId o) {
        h->stolen += taint(c, o);
      });
      continue;
    }
    for (TxId t : s.txs()) {
      const AssetId asset = s.asset(t);
      const auto ins = s.inputs(t);
      for (OutputId o : s.outputs(t)) {
        if (Amount* b = held(s.output_address(o), asset)) *b += taint(c, o);
      }
      for (InputId i : ins) {
        if (Amount* b = held(s.input_address(i), asset)) {
          *b -= std::max<Amount>(ct->input_taint[Index(i)], 0);
        }
      }
      if (asset != native && !ins.empty()) {
        if (Amount* b = held(s.input_address(ins[0]), native)) {
          *b -= std::max<Amount>(ct->fee_taint[Index(t)], 0);
        }
      }
    }
  }
  for (std::size_t i = 0; i < set.landings.size(); ++i) {
    const Landing& l = set.landings[i];
    if (l.output != OutputId::kNone) continue;
    if (replayed_chain[Index(l.chain)] != 0) believed[i] = replayed[i].stolen;
    believed[i] = std::clamp<Amount>(believed[i], 0, l.amount);
  }
  return believed;
}

}  // namespace chaintrace::eval
