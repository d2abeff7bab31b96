#include "sim/trace/taint_pools.h"

#include <algorithm>

#include "model/huge_pages.h"
#include "sim/trace/hop.h"

namespace chaintrace::trace {

TaintPools::TaintPools(PoolRule rule, std::size_t pool_count) : rule_(rule) {
  AssignHuge<Amount>(&balance_, pool_count, 0);
  AssignHuge<Amount>(&taint_, pool_count, 0);
  AssignHuge<std::int32_t>(&hop_, pool_count, -1);
  if (ordered()) {
    AssignHuge(&head_, pool_count, kNoLot);
    AssignHuge(&tail_, pool_count, kNoLot);
  }
}

std::uint32_t TaintPools::NewLot(Lot lot, std::int32_t hop) {
  const LotNode node{lot.amount, lot.taint, hop, kNoLot};
  std::uint32_t id = free_;
  if (id != kNoLot) {
    free_ = lots_[id].next;
    lots_[id] = node;
    return id;
  }
  id = static_cast<std::uint32_t>(lots_.size());
  lots_.push_back(node);
  return id;
}

void TaintPools::Credit(std::size_t pool, Lot lot, std::int32_t hop) {
  if (lot.amount <= 0) return;
  if (lot.taint == 0) hop = -1;
  balance_[pool] += lot.amount;
  taint_[pool] += lot.taint;
  if (ordered()) {
    CreditLot(pool, lot, hop);
  } else if (lot.taint > 0) {
    hop_[pool] = NearerHop(hop_[pool], hop);
  }
}

void TaintPools::CreditLot(std::size_t pool, Lot lot, std::int32_t hop) {
  // FIFO queues at the tail, LIFO stacks at the head; either way the new
  // lot's neighbour is the end it joins, and two clean neighbours merge.
  const bool queue = rule_ == PoolRule::kOldestFirst;
  const std::uint32_t end = queue ? tail_[pool] : head_[pool];
  if (end != kNoLot && lot.taint == 0 && lots_[end].taint == 0) {
    lots_[end].amount += lot.amount;
    return;
  }
  const std::uint32_t id = NewLot(lot, hop);
  if (head_[pool] == kNoLot) {
    head_[pool] = id;
    tail_[pool] = id;
  } else if (queue) {
    lots_[tail_[pool]].next = id;
    tail_[pool] = id;
  } else {
    lots_[id].next = head_[pool];
    head_[pool] = id;
  }
}

std::int32_t TaintPools::Debit(std::size_t pool, Amount amount,
                               std::vector<Lot>* taken) {
  if (amount <= 0) return -1;
  if (ordered()) return DebitLots(pool, amount, taken);
  const Amount take = std::min(amount, std::max<Amount>(balance_[pool], 0));
  Amount tainted = 0;
  switch (rule_) {
    case PoolRule::kProRata:
      if (take > 0) tainted = ProRataPart(taint_[pool], take, balance_[pool]);
      break;
    case PoolRule::kTaintFirst:
      tainted = std::min(taint_[pool], take);
      break;
    case PoolRule::kPoison:
      // The whole debit, overdraft included, is tainted.
      tainted = taint_[pool] > 0 ? amount : 0;
      break;
    case PoolRule::kOldestFirst:
    case PoolRule::kNewestFirst:
      break;
  }
  const std::int32_t hop = tainted > 0 ? hop_[pool] : -1;
  if (rule_ == PoolRule::kPoison) {
    taken->push_back(Lot{amount, tainted});
  } else {
    taint_[pool] -= tainted;
    if (take > 0) taken->push_back(Lot{take, tainted});
    if (amount > take) taken->push_back(Lot{amount - take, 0});
  }
  balance_[pool] -= take;
  if (balance_[pool] == 0 && rule_ == PoolRule::kPoison) taint_[pool] = 0;
  if (taint_[pool] == 0) hop_[pool] = -1;
  return hop;
}

std::int32_t TaintPools::DebitLots(std::size_t pool, Amount amount,
                                   std::vector<Lot>* taken) {
  std::int32_t hop = -1;
  Amount need = amount;
  while (need > 0 && head_[pool] != kNoLot) {
    const std::uint32_t id = head_[pool];
    LotNode& lot = lots_[id];
    const Amount take = std::min(need, lot.amount);
    Amount tainted = lot.taint;
    if (take == lot.amount) {
      head_[pool] = lot.next;
      if (head_[pool] == kNoLot) tail_[pool] = kNoLot;
      lot.next = free_;
      free_ = id;
    } else {
      tainted = ProRataPart(lot.taint, take, lot.amount);
      lot.amount -= take;
      lot.taint -= tainted;
    }
    if (tainted > 0) hop = NearerHop(hop, lot.hop);
    taken->push_back(Lot{take, tainted});
    balance_[pool] -= take;
    taint_[pool] -= tainted;
    need -= take;
  }
  if (need > 0) taken->push_back(Lot{need, 0});
  return hop;
}

}  // namespace chaintrace::trace
