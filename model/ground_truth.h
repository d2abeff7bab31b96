#ifndef CHAINTRACE_MODEL_GROUND_TRUTH_H_
#define CHAINTRACE_MODEL_GROUND_TRUTH_H_

// Ground truth of a simulated ledger: who truly owns each address, which
// attack and laundering stage produced each transaction, how much stolen
// value each output carries, and where stolen value was cashed out. Only the
// simulator writes it and only the evaluator reads it; tracers never see it
// (thefts as the victim reports them are public and live in the Ledger).
//
// The per-address array of owners parallels the Ledger's address ids; it
// grows on demand (SetOwner extends it with "no owner") and Resize(ledger)
// brings it to the ledger's size. Transaction and output truth is sparse:
// only transactions and outputs that differ from the default (background,
// nothing stolen) are stored, sorted by id, so that background traffic, by
// far the most of a ledger, costs nothing. Getters are defined for every id
// and return the default for those not stored.

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "model/amount.h"
#include "model/ids.h"
#include "model/memory_bytes.h"
#include "model/name_index.h"
#include "model/status.h"
#include "model/time.h"
#include "proto/common.pb.h"

namespace chaintrace {

class Ledger;

struct Entity {
  std::string name;
  common::EntityKind kind = common::ENTITY_KIND_UNSPECIFIED;
  // ISO 3166-1 alpha-2 (exchanges and OTC desks), else empty.
  std::string country;
  common::Region region = common::REGION_UNSPECIFIED;
  friend bool operator==(const Entity&, const Entity&) = default;
};

struct Attack {
  std::string name;
  // Names of the attacker group and the victim entity.
  std::string group;
  std::string victim;
  Seconds time = 0;
  friend bool operator==(const Attack&, const Attack&) = default;
};

// Stolen value deposited at an exchange or paid to an OTC desk.
struct CashOut {
  AttackId attack = AttackId::kNone;
  EntityId exchange = EntityId::kNone;
  ChainId chain = ChainId::kNone;
  TxId tx = TxId::kNone;
  OutputId output = OutputId::kNone;
  AddressId address = AddressId::kNone;
  AssetId asset = AssetId::kNone;
  Amount amount = 0;  // stolen base units deposited
  double usd = 0;     // at the time of the deposit
  Seconds time = 0;
  friend bool operator==(const CashOut&, const CashOut&) = default;
};

// Truth of one transaction.
struct TxTruth {
  AttackId attack = AttackId::kNone;  // kNone: background
  // "" for background; valid as long as the GroundTruth (interned).
  std::string_view stage;
  std::int32_t stage_index = -1;
  std::int32_t hop = -1;
};

class GroundTruth {
 public:
  // ---- entities and attacks
  const std::vector<Entity>& entities() const { return entities_; }
  const Entity& entity(EntityId e) const { return entities_[Index(e)]; }
  EntityId FindEntity(std::string_view name) const;
  // Errors: empty or duplicate name.
  Result<EntityId> AddEntity(Entity entity);

  const std::vector<Attack>& attacks() const { return attacks_; }
  const Attack& attack(AttackId a) const { return attacks_[Index(a)]; }
  AttackId FindAttack(std::string_view name) const;
  // Errors: empty or duplicate name.
  Result<AttackId> AddAttack(Attack attack);

  const std::vector<CashOut>& cash_outs() const { return cash_outs_; }
  void AddCashOut(const CashOut& c) { cash_outs_.push_back(c); }

  // ---- addresses
  EntityId owner(AddressId a) const {
    return Index(a) < owner_.size() ? owner_[Index(a)] : EntityId::kNone;
  }
  void SetOwner(AddressId a, EntityId e);
  // Reserves the owner array for `addresses` addresses (a hint).
  void ReserveOwners(std::size_t addresses) { owner_.reserve(addresses); }
  // A hint: starts loading where owner(a) will look. Changes nothing.
  void PrefetchOwner(AddressId a) const {
    if (Index(a) < owner_.size()) __builtin_prefetch(&owner_[Index(a)]);
  }

  // ---- transactions (per chain)
  TxTruth tx(ChainId c, TxId t) const;
  // `stage` is interned; errors when more than 65535 stage kinds are used.
  Status SetTx(ChainId c, TxId t, AttackId attack, std::string_view stage,
               std::int32_t stage_index, std::int32_t hop);

  // ---- outputs (per chain): stolen base units carried and their attack.
  Amount stolen(ChainId c, OutputId o) const;
  AttackId stolen_attack(ChainId c, OutputId o) const;
  void SetStolen(ChainId c, OutputId o, Amount stolen, AttackId attack);

  // Sizes the owner array to `ledger`'s addresses (filling "no owner") and
  // the per-chain truth to its chains.
  void Resize(const Ledger& ledger);
  // Releases unused capacity (one copy of each array that has some).
  void ShrinkToFit();

  // Heap bytes of the owner array and the transaction and output records,
  // held or, with Bytes::kUsed, written (model/memory_bytes.h).
  std::size_t memory_bytes(Bytes which = Bytes::kHeld) const;

  // Equal when entities, attacks, cash-outs, owners and every transaction's
  // and output's truth are; stage names compare by text, not by the order
  // they were interned in (a file may list transactions of several chains
  // in any order, the encoding merges them by time).
  friend bool operator==(const GroundTruth& a, const GroundTruth& b);

 private:
  struct TxRecord {
    TxId tx = TxId::kNone;
    AttackId attack = AttackId::kNone;
    std::uint16_t stage = 0;  // index into stage_names_
    std::int32_t stage_index = -1;
    std::int32_t hop = -1;
    friend bool operator==(const TxRecord&, const TxRecord&) = default;
  };
  struct OutputRecord {
    OutputId output = OutputId::kNone;
    AttackId attack = AttackId::kNone;
    Amount stolen = 0;
    friend bool operator==(const OutputRecord&, const OutputRecord&) = default;
  };
  // Only records that differ from the default, sorted by id.
  struct ChainTruth {
    std::vector<TxRecord> txs;
    std::vector<OutputRecord> outputs;
    friend bool operator==(const ChainTruth&, const ChainTruth&) = default;
  };
  ChainTruth& chain_truth(ChainId c);

  std::vector<Entity> entities_;
  NameIndex entity_index_;
  std::vector<Attack> attacks_;
  NameIndex attack_index_;
  std::vector<CashOut> cash_outs_;
  std::vector<EntityId> owner_;
  std::vector<ChainTruth> chains_;
  // A deque, so that the string_views handed out in TxTruth stay valid while
  // new stage kinds are interned.
  std::deque<std::string> stage_names_ = {""};
};

}  // namespace chaintrace

#endif  // CHAINTRACE_MODEL_GROUND_TRUTH_H_
