#ifndef CHAINTRACE_SIM_TRACE_CHANGE_RULE_H_
#define CHAINTRACE_SIM_TRACE_CHANGE_RULE_H_

// Combining change heuristics (sim/trace/change_heuristics.h) by named
// functions, as BlockSci's ChangeHeuristic combinators do (Kalodner et al.
// 2020): a ChangeRule is one heuristic, or the Intersect or Union of rules.
//   Intersect(r1..rn): the output every rule names; kNone if any rule says
//                      kNone or two rules disagree.
//   Union(r1..rn):     the output the rules that answer agree on; kNone if
//                      none answers or two answers differ (a conflict is
//                      doubt, and doubt is kNone).
// Text form, parsed by ParseChangeRule:
//   rule := term ('|' term)*        '|' is Union
//   term := name ('+' name)*        '+' is Intersect, binds tighter
//   name := reuse | fresh | type | round | optimal | peel | fee | client
// Spaces are ignored; no parentheses. "reuse+type|optimal" is
// Union(Intersect(reuse, type), optimal). Applying a rule costs the sum of
// its heuristics' costs.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/ids.h"
#include "model/status.h"
#include "sim/trace/change_heuristics.h"

namespace chaintrace::trace {

enum class ChangeHeuristic : std::uint8_t {
  kReuse,
  kFresh,
  kType,
  kRound,
  kOptimal,
  kPeel,
  kFee,
  kClient,
};

// The heuristic's name in rule text, e.g. "reuse".
std::string_view ChangeHeuristicName(ChangeHeuristic h);
// Runs one heuristic.
OutputId ApplyChangeHeuristic(ChangeHeuristic h, const ChangeContext& ctx,
                              ChainId chain, TxId tx);

class ChangeRule {
 public:
  // A rule of one heuristic.
  explicit ChangeRule(ChangeHeuristic h) : heuristic_(h) {}

  // The change output of `tx` under this rule, or kNone.
  OutputId Apply(const ChangeContext& ctx, ChainId chain, TxId tx) const;
  // The rule in text form (parses back to an equal rule).
  std::string ToString() const;

  friend ChangeRule Intersect(std::vector<ChangeRule> rules);
  friend ChangeRule Union(std::vector<ChangeRule> rules);
  friend bool operator==(const ChangeRule&, const ChangeRule&) = default;

 private:
  enum class Op : std::uint8_t { kLeaf, kIntersect, kUnion };
  Op op_ = Op::kLeaf;
  ChangeHeuristic heuristic_ = ChangeHeuristic::kReuse;
  std::vector<ChangeRule> children_;
};

// Precondition for both: `rules` is not empty. One rule is returned as is.
ChangeRule Intersect(std::vector<ChangeRule> rules);
ChangeRule Union(std::vector<ChangeRule> rules);

// Errors name the column (1-based) and the offending text, e.g.
// "change rule 'reuse+tpye': column 7: unknown heuristic 'tpye' (known:
// reuse, fresh, ...)".
Result<ChangeRule> ParseChangeRule(std::string_view text);

}  // namespace chaintrace::trace

#endif  // CHAINTRACE_SIM_TRACE_CHANGE_RULE_H_
