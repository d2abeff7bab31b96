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

std::size_t GroundTruth::memory_bytes(Bytes which) const {
  const auto bytes = [which](const auto& v) { return VectorBytes(v, which); };
  std::size_t n = bytes(owner_);
  for (const ChainTruth& c : chains_) n += bytes(c.txs) + bytes(c.outputs);
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

namespace {

// Where the record of `id` is, or belongs, in `records` sorted by `key`.
template <typename Records, typename Id, typename Record>
auto Position(Records& records, Id Record::*key, Id id) {
  return std::lower_bound(
      records.begin(), records.end(), id,
      [key](const Record& r, Id want) { return Index(r.*key) < Index(want); });
}

// The record of `id`, or the default record.
template <typename Record, typename Id>
Record Get(const std::vector<Record>& records, Id Record::*key, Id id) {
  const auto it = Position(records, key, id);
  return it != records.end() && (*it).*key == id ? *it : Record{};
}

// Stores `r` in place of the record of its id; a default record is not
// stored (and removes the one stored), so that equal truths compare equal.
template <typename Record, typename Id>
void Put(std::vector<Record>& records, Id Record::*key, const Record& r) {
  const auto it = Position(records, key, r.*key);
  const bool found = it != records.end() && (*it).*key == r.*key;
  Record blank;
  blank.*key = r.*key;
  if (r == blank) {
    if (found) records.erase(it);
  } else if (found) {
    *it = r;
  } else {
    records.insert(it, r);
  }
}

}  // namespace

bool operator==(const GroundTruth& a, const GroundTruth& b) {
  if (a.entities_ != b.entities_ || a.attacks_ != b.attacks_ ||
      a.cash_outs_ != b.cash_outs_ || a.owner_ != b.owner_ ||
      a.chains_.size() != b.chains_.size()) {
    return false;
  }
  for (std::size_t c = 0; c < a.chains_.size(); ++c) {
    const GroundTruth::ChainTruth& x = a.chains_[c];
    const GroundTruth::ChainTruth& y = b.chains_[c];
    if (x.outputs != y.outputs || x.txs.size() != y.txs.size()) return false;
    for (std::size_t k = 0; k < x.txs.size(); ++k) {
      const GroundTruth::TxRecord& r = x.txs[k];
      const GroundTruth::TxRecord& q = y.txs[k];
      if (r.tx != q.tx || r.attack != q.attack ||
          r.stage_index != q.stage_index || r.hop != q.hop ||
          a.stage_names_[r.stage] != b.stage_names_[q.stage]) {
        return false;
      }
    }
  }
  return true;
}

GroundTruth::ChainTruth& GroundTruth::chain_truth(ChainId c) {
  if (Index(c) >= chains_.size()) chains_.resize(Index(c) + 1);
  return chains_[Index(c)];
}

TxTruth GroundTruth::tx(ChainId c, TxId t) const {
  if (Index(c) >= chains_.size()) return {};
  const TxRecord r = Get(chains_[Index(c)].txs, &TxRecord::tx, t);
  return TxTruth{r.attack, stage_names_[r.stage], r.stage_index, r.hop};
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
  Put(chain_truth(c).txs, &TxRecord::tx,
      TxRecord{t, attack, static_cast<std::uint16_t>(s), stage_index, hop});
  return Status::Ok();
}

Amount GroundTruth::stolen(ChainId c, OutputId o) const {
  if (Index(c) >= chains_.size()) return 0;
  return Get(chains_[Index(c)].outputs, &OutputRecord::output, o).stolen;
}

AttackId GroundTruth::stolen_attack(ChainId c, OutputId o) const {
  if (Index(c) >= chains_.size()) return AttackId::kNone;
  return Get(chains_[Index(c)].outputs, &OutputRecord::output, o).attack;
}

void GroundTruth::SetStolen(ChainId c, OutputId o, Amount stolen,
                            AttackId attack) {
  Put(chain_truth(c).outputs, &OutputRecord::output,
      OutputRecord{o, attack, stolen});
}

void GroundTruth::ShrinkToFit() {
  owner_.shrink_to_fit();
  for (ChainTruth& c : chains_) {
    c.txs.shrink_to_fit();
    c.outputs.shrink_to_fit();
  }
}

void GroundTruth::Resize(const Ledger& ledger) {
  GrowTo(owner_, ledger.address_count(), EntityId::kNone);
  chains_.resize(ledger.chain_count());
}

}  // namespace chaintrace
