#include "sim/trace/change_heuristics.h"

#include <algorithm>
#include <string_view>

#include "model/amount.h"

namespace chaintrace::trace {
namespace {

const TxStore* Eligible(const ChangeContext& ctx, ChainId c, TxId t) {
  const Ledger& ledger = *ctx.ledger;
  if (!ledger.chain(c).is_utxo()) return nullptr;
  const TxStore& s = ledger.txs(c);
  if (s.coinbase(t) || s.outputs(t).size() < 2) return nullptr;
  return &s;
}

// The one output of `t` satisfying `pred`, or kNone.
template <typename Pred>
OutputId Unique(const TxStore& s, TxId t, Pred&& pred) {
  OutputId found = OutputId::kNone;
  for (OutputId o : s.outputs(t)) {
    if (!pred(o)) continue;
    if (found != OutputId::kNone) return OutputId::kNone;
    found = o;
  }
  return found;
}

// Inputs up to which Debits scans the transaction's inputs.
constexpr std::size_t kScanInputs = 32;

// Whether `t` debits `a`: whether `a` is one of its input addresses. A
// transaction's few inputs are scanned (in sequence, where a's debits are
// elsewhere in memory); past kScanInputs, a's debits, which are in order,
// are searched, so that a transaction of many inputs and outputs costs
// O(outputs log debits), not O(inputs * outputs).
bool Debits(const ChangeContext& ctx, const TxStore& s, TxId t, AddressId a) {
  const auto ins = s.inputs(t);
  if (ins.size() <= kScanInputs) {
    for (InputId i : ins) {
      if (s.input_address(i) == a) return true;
    }
    return false;
  }
  const auto d = ctx.activity->debits(a);
  return std::binary_search(d.begin(), d.end(), t);
}

bool PeelShaped(const TxStore& s, TxId t) {
  return !s.coinbase(t) && s.inputs(t).size() == 1 && s.outputs(t).size() == 2;
}

// The input address type shared by all inputs, or "" when they differ.
std::string_view InputType(const Ledger& ledger, const TxStore& s, TxId t) {
  std::string_view type;
  bool first = true;
  for (InputId i : s.inputs(t)) {
    const std::string_view ty = ledger.address_type(s.input_address(i));
    if (first) {
      type = ty;
      first = false;
    } else if (ty != type) {
      return {};
    }
  }
  return type;
}

enum class Order { kNone, kAscending, kDescending, kUnordered };

Order OutputOrder(const TxStore& s, TxId t) {
  const auto outs = s.outputs(t);
  if (outs.size() < 2) return Order::kNone;
  bool up = true;
  bool down = true;
  for (std::size_t i = 1; i < outs.size(); ++i) {
    const Amount prev = s.output_amount(outs[i - 1]);
    const Amount cur = s.output_amount(outs[i]);
    up = up && prev <= cur;
    down = down && prev >= cur;
  }
  if (up) return Order::kAscending;
  if (down) return Order::kDescending;
  return Order::kUnordered;
}

}  // namespace

OutputId ChangeByAddressReuse(const ChangeContext& ctx, ChainId c, TxId t) {
  const TxStore* s = Eligible(ctx, c, t);
  if (s == nullptr) return OutputId::kNone;
  return Unique(*s, t, [&](OutputId o) {
    return Debits(ctx, *s, t, s->output_address(o));
  });
}

OutputId ChangeByFreshAddress(const ChangeContext& ctx, ChainId c, TxId t) {
  const TxStore* s = Eligible(ctx, c, t);
  if (s == nullptr) return OutputId::kNone;
  for (OutputId o : s->outputs(t)) {
    if (Debits(ctx, *s, t, s->output_address(o))) return OutputId::kNone;
  }
  return Unique(*s, t,
                [&](OutputId o) { return ctx.activity->first_credit(c, o); });
}

OutputId ChangeByAddressType(const ChangeContext& ctx, ChainId c, TxId t) {
  const TxStore* s = Eligible(ctx, c, t);
  if (s == nullptr) return OutputId::kNone;
  const std::string_view type = InputType(*ctx.ledger, *s, t);
  if (type.empty()) return OutputId::kNone;
  return Unique(*s, t, [&](OutputId o) {
    return ctx.ledger->address_type(s->output_address(o)) == type;
  });
}

OutputId ChangeByRoundValue(const ChangeContext& ctx, ChainId c, TxId t) {
  const TxStore* s = Eligible(ctx, c, t);
  if (s == nullptr) return OutputId::kNone;
  int digits = ctx.options.round_digits;
  if (digits <= 0) {
    digits = std::max(1, ctx.ledger->asset(s->asset(t)).decimals - 4);
  }
  const Amount unit = PowerOfTen(std::min(digits, kMaxDecimals));
  return Unique(*s, t,
                [&](OutputId o) { return s->output_amount(o) % unit != 0; });
}

OutputId ChangeByOptimalChange(const ChangeContext& ctx, ChainId c, TxId t) {
  const TxStore* s = Eligible(ctx, c, t);
  if (s == nullptr) return OutputId::kNone;
  Amount smallest = 0;
  bool first = true;
  for (InputId i : s->inputs(t)) {
    const Amount a = s->input_amount(i);
    smallest = first ? a : std::min(smallest, a);
    first = false;
  }
  return Unique(*s, t,
                [&](OutputId o) { return s->output_amount(o) < smallest; });
}

OutputId ChangeByPeelShape(const ChangeContext& ctx, ChainId c, TxId t) {
  const TxStore* s = Eligible(ctx, c, t);
  if (s == nullptr || !PeelShaped(*s, t)) return OutputId::kNone;
  return Unique(*s, t, [&](OutputId o) {
    const TxId next = s->spent_by(o);
    return next != TxId::kNone && PeelShaped(*s, next);
  });
}

OutputId ChangeByFixedFee(const ChangeContext& ctx, ChainId c, TxId t) {
  const TxStore* s = Eligible(ctx, c, t);
  if (s == nullptr || s->fee(t) <= 0) return OutputId::kNone;
  return Unique(*s, t, [&](OutputId o) {
    const TxId next = s->spent_by(o);
    return next != TxId::kNone && s->fee(next) == s->fee(t);
  });
}

OutputId ChangeByClientBehaviour(const ChangeContext& ctx, ChainId c, TxId t) {
  const TxStore* s = Eligible(ctx, c, t);
  if (s == nullptr) return OutputId::kNone;
  const Order order = OutputOrder(*s, t);
  const std::string_view type = InputType(*ctx.ledger, *s, t);
  return Unique(*s, t, [&](OutputId o) {
    const TxId next = s->spent_by(o);
    return next != TxId::kNone && OutputOrder(*s, next) == order &&
           InputType(*ctx.ledger, *s, next) == type;
  });
}

}  // namespace chaintrace::trace
