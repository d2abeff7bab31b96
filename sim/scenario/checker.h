#ifndef CHAINTRACE_SIM_SCENARIO_CHECKER_H_
#define CHAINTRACE_SIM_SCENARIO_CHECKER_H_

// Shared machinery of scenario validation: collects located errors, indexes
// names per kind, resolves references and checks values (amounts, USD,
// durations, times, ranges). Every check reports through Error() and returns
// an empty optional (or nullptr) when the value is unusable, so callers can
// skip the checks that depend on it without reporting the same problem twice.
// Internal to sim/scenario/; the entry point is validate.h.

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "model/amount.h"
#include "model/time.h"
#include "proto/scenario.pb.h"
#include "sim/scenario/diagnostic.h"
#include "sim/scenario/field_path.h"
#include "sim/scenario/source_map.h"

namespace chaintrace::sim {

class ScenarioChecker {
 public:
  ScenarioChecker(const scenario::Scenario& scenario, const SourceMap& map);

  const scenario::Scenario& scenario() const { return scenario_; }

  void Error(const FieldPath& path, std::string message);
  std::vector<Diagnostic> TakeDiagnostics() { return std::move(diagnostics_); }
  // "file:line:col" of `path`, for messages that point at a second place.
  std::string Position(const FieldPath& path) const;

  // Indexes the names of chains, assets, entities, plans and attacks;
  // reports missing, malformed and duplicate names. Call once, first.
  void IndexNames();

  const scenario::Chain* FindChain(std::string_view name) const;
  const scenario::Asset* FindAsset(std::string_view name) const;
  const scenario::Entity* FindEntity(std::string_view name) const;
  const scenario::Plan* FindPlan(std::string_view name) const;
  bool HasAttack(std::string_view name) const;

  // References by name. `present`: whether the field is set; a missing
  // reference is reported as a missing required field.
  const scenario::Chain* RefChain(const FieldPath& path, bool present,
                                  const std::string& name);
  const scenario::Asset* RefAsset(const FieldPath& path, bool present,
                                  const std::string& name);
  // Also refuses an entity of another kind than `kind`.
  const scenario::Entity* RefEntity(const FieldPath& path, bool present,
                                    const std::string& name,
                                    scenario::Entity::KindCase kind);

  // Decimal places of `asset` if they are valid, else nullopt.
  static std::optional<int> Decimals(const scenario::Asset* asset);

  // A decimal amount of `asset` (> 0, or >= 0 with `allow_zero`). With no
  // usable asset only the syntax and sign are checked, and nullopt is
  // returned.
  std::optional<Amount> CheckAmount(const FieldPath& path,
                                    const std::string& text,
                                    const scenario::Asset* asset,
                                    bool allow_zero = false);
  // A USD value: a decimal string with at most 6 decimals.
  std::optional<double> CheckUsd(const FieldPath& path, const std::string& text,
                                 bool allow_zero);
  // A duration; `positive` also refuses zero.
  std::optional<Seconds> CheckDuration(const FieldPath& path,
                                       const std::string& text,
                                       bool positive = false);
  // An RFC 3339 time.
  std::optional<UnixSeconds> CheckTime(const FieldPath& path,
                                       const std::string& text);
  // A time inside [start, start + duration], when both are known.
  void CheckInSpan(const FieldPath& path, UnixSeconds t,
                   const std::string& text);

  // `value` in the interval [lo, hi], with either end open.
  void CheckReal(const FieldPath& path, double value, double lo, double hi,
                 bool lo_open = false, bool hi_open = false);
  // `value` >= lo (finite).
  void CheckAtLeast(const FieldPath& path, double value, double lo,
                    bool open = false);
  void CheckInt(const FieldPath& path, std::int64_t value, std::int64_t lo,
                std::int64_t hi);
  // A required field is present.
  bool Require(const FieldPath& path, bool present);
  // A required, non-empty string field.
  bool RequireString(const FieldPath& path, bool present,
                     const std::string& value);

  // Time points of a path (usd_price, fee rate): each a valid time, values
  // `value_positive` (> 0) or >= 0, times strictly increasing.
  // Returns whether every point is usable.
  bool CheckPathPoints(
      const FieldPath& path, std::string_view field,
      const google::protobuf::RepeatedPtrField<scenario::PathPoint>& points,
      bool value_positive);

  // USD price of `asset` at `t`, piecewise linear and constant outside the
  // points; nullopt when the asset's price path is unusable.
  std::optional<double> PriceAt(const scenario::Asset& asset,
                                UnixSeconds t) const;

  void SetSpan(UnixSeconds start, UnixSeconds end) {
    start_ = start;
    end_ = end;
  }

 private:
  template <typename T>
  void IndexKind(const google::protobuf::RepeatedPtrField<T>& items,
                 std::string_view field, std::string_view kind,
                 std::map<std::string, int, std::less<>>* index);

  const scenario::Scenario& scenario_;
  const SourceMap& map_;
  std::vector<Diagnostic> diagnostics_;
  std::map<std::string, int, std::less<>> chains_, assets_, entities_, plans_,
      attacks_;
  std::optional<UnixSeconds> start_, end_;
};

// Human name of an entity kind ("exchange", "DEX pool").
std::string EntityKindName(scenario::Entity::KindCase kind);

// A name: a letter, then letters, digits, '_', '.' or '-'.
bool IsIdentifier(std::string_view name);

// Formats a double for messages, shortest exact form ("0.5", "10", "1e+20").
std::string FormatReal(double value);

}  // namespace chaintrace::sim

#endif  // CHAINTRACE_SIM_SCENARIO_CHECKER_H_
