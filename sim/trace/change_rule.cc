#include "sim/trace/change_rule.h"

#include <array>
#include <string>
#include <utility>

namespace chaintrace::trace {
namespace {

struct Named {
  ChangeHeuristic heuristic;
  std::string_view name;
  OutputId (*run)(const ChangeContext&, ChainId, TxId);
};

constexpr std::array<Named, 8> kHeuristics = {{
    {ChangeHeuristic::kReuse, "reuse", &ChangeByAddressReuse},
    {ChangeHeuristic::kFresh, "fresh", &ChangeByFreshAddress},
    {ChangeHeuristic::kType, "type", &ChangeByAddressType},
    {ChangeHeuristic::kRound, "round", &ChangeByRoundValue},
    {ChangeHeuristic::kOptimal, "optimal", &ChangeByOptimalChange},
    {ChangeHeuristic::kPeel, "peel", &ChangeByPeelShape},
    {ChangeHeuristic::kFee, "fee", &ChangeByFixedFee},
    {ChangeHeuristic::kClient, "client", &ChangeByClientBehaviour},
}};

const Named& Find(ChangeHeuristic h) {
  return kHeuristics[static_cast<std::size_t>(h)];
}

}  // namespace

std::string_view ChangeHeuristicName(ChangeHeuristic h) { return Find(h).name; }

OutputId ApplyChangeHeuristic(ChangeHeuristic h, const ChangeContext& ctx,
                              ChainId chain, TxId tx) {
  return Find(h).run(ctx, chain, tx);
}

OutputId ChangeRule::Apply(const ChangeContext& ctx, ChainId chain,
                           TxId tx) const {
  if (op_ == Op::kLeaf) return ApplyChangeHeuristic(heuristic_, ctx, chain, tx);
  OutputId agreed = OutputId::kNone;
  for (const ChangeRule& child : children_) {
    const OutputId o = child.Apply(ctx, chain, tx);
    if (o == OutputId::kNone) {
      if (op_ == Op::kIntersect) return OutputId::kNone;
      continue;
    }
    if (agreed != OutputId::kNone && agreed != o) return OutputId::kNone;
    agreed = o;
  }
  return agreed;
}

std::string ChangeRule::ToString() const {
  if (op_ == Op::kLeaf) return std::string(ChangeHeuristicName(heuristic_));
  std::string out;
  for (const ChangeRule& child : children_) {
    if (!out.empty()) out += op_ == Op::kIntersect ? "+" : "|";
    out += child.ToString();
  }
  return out;
}

ChangeRule Intersect(std::vector<ChangeRule> rules) {
  if (rules.size() == 1) return std::move(rules.front());
  ChangeRule r(ChangeHeuristic::kReuse);
  r.op_ = ChangeRule::Op::kIntersect;
  r.children_ = std::move(rules);
  return r;
}

ChangeRule Union(std::vector<ChangeRule> rules) {
  if (rules.size() == 1) return std::move(rules.front());
  ChangeRule r(ChangeHeuristic::kReuse);
  r.op_ = ChangeRule::Op::kUnion;
  r.children_ = std::move(rules);
  return r;
}

Result<ChangeRule> ParseChangeRule(std::string_view text) {
  const std::string prefix = "change rule '" + std::string(text) + "': ";
  std::vector<ChangeRule> terms;
  std::vector<ChangeRule> names;
  std::size_t i = 0;
  while (true) {
    while (i < text.size() && text[i] == ' ') ++i;
    const std::size_t start = i;
    while (i < text.size() && text[i] != '+' && text[i] != '|' &&
           text[i] != ' ') {
      ++i;
    }
    const std::string_view name = text.substr(start, i - start);
    const std::string column = "column " + std::to_string(start + 1) + ": ";
    if (name.empty()) {
      return Status::Error(prefix + column + "expected a heuristic name");
    }
    const Named* found = nullptr;
    for (const Named& n : kHeuristics) {
      if (n.name == name) found = &n;
    }
    if (found == nullptr) {
      std::string known;
      for (const Named& n : kHeuristics) {
        if (!known.empty()) known += ", ";
        known += n.name;
      }
      std::string message = prefix;
      message += column;
      message += "unknown heuristic '";
      message += name;
      message += "' (known: ";
      message += known;
      message += ")";
      return Status::Error(std::move(message));
    }
    names.emplace_back(found->heuristic);
    while (i < text.size() && text[i] == ' ') ++i;
    if (i == text.size() || text[i] == '|') {
      terms.push_back(Intersect(std::move(names)));
      names.clear();
      if (i == text.size()) break;
    } else if (text[i] != '+') {
      return Status::Error(prefix + "column " + std::to_string(i + 1) +
                           ": expected '+', '|' or the end");
    }
    ++i;
  }
  return Union(std::move(terms));
}

}  // namespace chaintrace::trace
