#include "model/ground_truth.h"

#include <algorithm>
#include <type_traits>
#include <utility>

#include "model/ledger.h"

namespace chaintrace {
namespace {

// Resizes `v` to `n` elements, at least doubling the capacity when it has to
// grow, so that setting ids one after another is amortised O(1).
template <typename T>
void GrowTo(std::vector<T>& v, std::size_t n, T fill) {
  if (n > v.capacity()) v.reserve(std::max(n, 2 * v.capacity()));
  v.resize(n, fill);
}

// The id of the item named `name`, found through `index`, or kNone.
template <typename Id, typename T>
Id FindNamed(const std::vector<T>& items, const NameIndex& index,
             std::string_view name) {
  const auto found = index.Find(
      name, [&](std::uint32_t i) -> std::string_view { return items[i].name; });
  return found ? IdFromIndex<Id>(*found) : Id::kNone;
}

// Appends `item` under its unique, non-empty name; `what` names the kind in
// errors. O(1) expected.
template <typename Id, typename T>
Result<Id> AddNamed(std::vector<T>& items, NameIndex& index, T item,
                    const char* what) {
  if (item.name.empty()) {
    return Status::Error(std::string(what) + " has no name");
  }
  if (FindNamed<Id>(items, index, item.name) != Id::kNone) {
    return Status::Error(std::string(what) + " '" + item.name +
                         "' declared twice");
  }
  const auto id = IdFromIndex<Id>(items.size());
  index.Insert(item.name, static_cast<std::uint32_t>(items.size()));
  items.push_back(std::move(item));
  return id;
}

}  // namespace

std::size_t GroundTruth::memory_bytes() const {
  const auto bytes = [](const auto& v) {
    return v.capacity() *
           sizeof(typename std::decay_t<decltype(v)>::value_type);
  };
  std::size_t n = bytes(owner_);
  for (const ChainTruth& c : chains_) {
    n += bytes(c.tx_attack) + bytes(c.tx_stage) + bytes(c.tx_stage_index) +
         bytes(c.tx_hop) + bytes(c.output_stolen) + bytes(c.output_attack);
  }
  return n;
}

EntityId GroundTruth::FindEntity(std::string_view name) const {
  return FindNamed<EntityId>(entities_, entity_index_, name);
}

Result<EntityId> GroundTruth::AddEntity(Entity entity) {
  return AddNamed<EntityId>(entities_, entity_index_, std::move(entity),
                            "entity");
}

AttackId GroundTruth::FindAttack(std::string_view name) const {
  return FindNamed<AttackId>(attacks_, attack_index_, name);
}

Result<AttackId> GroundTruth::AddAttack(Attack attack) {
  return AddNamed<AttackId>(attacks_, attack_index_, std::move(attack),
                            "attack");
}

void GroundTruth::SetOwner(AddressId a, EntityId e) {
  if (Index(a) >= owner_.size()) GrowTo(owner_, Index(a) + 1, EntityId::kNone);
  owner_[Index(a)] = e;
}

void GroundTruth::ChainTruth::ResizeTxs(std::size_t n) {
  GrowTo(tx_attack, n, AttackId::kNone);
  GrowTo<std::uint16_t>(tx_stage, n, 0);
  GrowTo<std::int32_t>(tx_stage_index, n, -1);
  GrowTo<std::int32_t>(tx_hop, n, -1);
}

void GroundTruth::ChainTruth::ResizeOutputs(std::size_t n) {
  GrowTo<Amount>(output_stolen, n, 0);
  GrowTo(output_attack, n, AttackId::kNone);
}

GroundTruth::ChainTruth& GroundTruth::chain_truth(ChainId c) {
  if (Index(c) >= chains_.size()) chains_.resize(Index(c) + 1);
  return chains_[Index(c)];
}

TxTruth GroundTruth::tx(ChainId c, TxId t) const {
  if (Index(c) >= chains_.size()) return {};
  const ChainTruth& ct = chains_[Index(c)];
  if (Index(t) >= ct.tx_attack.size()) return {};
  return TxTruth{ct.tx_attack[Index(t)], stage_names_[ct.tx_stage[Index(t)]],
                 ct.tx_stage_index[Index(t)], ct.tx_hop[Index(t)]};
}

Status GroundTruth::SetTx(ChainId c, TxId t, AttackId attack,
                          std::string_view stage, std::int32_t stage_index,
                          std::int32_t hop) {
  std::size_t s = 0;
  while (s < stage_names_.size() && stage_names_[s] != stage) ++s;
  if (s == stage_names_.size()) {
    if (s > 0xFFFF) return Status::Error("more than 65535 stage kinds");
    stage_names_.emplace_back(stage);
  }
  ChainTruth& ct = chain_truth(c);
  if (Index(t) >= ct.tx_attack.size()) {
    ct.ResizeTxs(Index(t) + 1);
  }
  ct.tx_attack[Index(t)] = attack;
  ct.tx_stage[Index(t)] = static_cast<std::uint16_t>(s);
  ct.tx_stage_index[Index(t)] = stage_index;
  ct.tx_hop[Index(t)] = hop;
  return Status::Ok();
}

Amount GroundTruth::stolen(ChainId c, OutputId o) const {
  if (Index(c) >= chains_.size()) return 0;
  const ChainTruth& ct = chains_[Index(c)];
  return Index(o) < ct.output_stolen.size() ? ct.output_stolen[Index(o)] : 0;
}

AttackId GroundTruth::stolen_attack(ChainId c, OutputId o) const {
  if (Index(c) >= chains_.size()) return AttackId::kNone;
  const ChainTruth& ct = chains_[Index(c)];
  return Index(o) < ct.output_attack.size() ? ct.output_attack[Index(o)]
                                            : AttackId::kNone;
}

void GroundTruth::SetStolen(ChainId c, OutputId o, Amount stolen,
                            AttackId attack) {
  ChainTruth& ct = chain_truth(c);
  if (Index(o) >= ct.output_stolen.size()) ct.ResizeOutputs(Index(o) + 1);
  ct.output_stolen[Index(o)] = stolen;
  ct.output_attack[Index(o)] = attack;
}

void GroundTruth::Resize(const Ledger& ledger) {
  GrowTo(owner_, ledger.address_count(), EntityId::kNone);
  chains_.resize(ledger.chain_count());
  for (ChainId c : ledger.chain_ids()) {
    chains_[Index(c)].ResizeTxs(ledger.txs(c).tx_count());
    chains_[Index(c)].ResizeOutputs(ledger.txs(c).output_count());
  }
}

}  // namespace chaintrace
