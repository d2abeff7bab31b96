#include "sim/trace/change_heuristics.h"

#include <algorithm>
#include <span>
#include <string_view>
#include <vector>

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

// Inputs up to which InputAddresses scans a transaction's inputs.
constexpr std::size_t kScanInputs = 32;

// Whether a transaction debits an address: whether the address is one of
// its inputs'. Few inputs are scanned in place (in sequence); past
// kScanInputs their addresses are sorted once and searched, so that a
// transaction of many inputs and outputs costs O((inputs + outputs) log
// inputs), not O(inputs * outputs).
class InputAddresses {
 public:
  InputAddresses(const TxStore& s, TxId t)
      : addresses_(s.input_addresses().subspan(
            s.input_begins()[Index(t)],
            s.input_begins()[Index(t) + 1] - s.input_begins()[Index(t)])) {
    if (addresses_.size() <= kScanInputs) return;
    sorted_.assign(addresses_.begin(), addresses_.end());
    std::sort(sorted_.begin(), sorted_.end());
  }
  bool contains(AddressId a) const {
    if (sorted_.empty()) {
      return std::find(addresses_.begin(), addresses_.end(), a) !=
             addresses_.end();
    }
    return std::binary_search(sorted_.begin(), sorted_.end(), a);
  }

 private:
  std::span<const AddressId> addresses_;
  std::vector<AddressId> sorted_;  // past kScanInputs
};

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
  const InputAddresses inputs(*s, t);
  return Unique(
      *s, t, [&](OutputId o) { return inputs.contains(s->output_address(o)); });
}

OutputId ChangeByFreshAddress(const ChangeContext& ctx, ChainId c, TxId t) {
  const TxStore* s = Eligible(ctx, c, t);
  if (s == nullptr) return OutputId::kNone;
  const InputAddresses inputs(*s, t);
  for (OutputId o : s->outputs(t)) {
    if (inputs.contains(s->output_address(o))) return OutputId::kNone;
  }
  return Unique(*s, t, [&](OutputId o) { return (*ctx.first_credits)(c, o); });
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
