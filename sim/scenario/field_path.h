#ifndef CHAINTRACE_SIM_SCENARIO_FIELD_PATH_H_
#define CHAINTRACE_SIM_SCENARIO_FIELD_PATH_H_

// A path from the Scenario message to one of its fields, e.g.
// "attacks[2].inline_plan.stages[0].peel_chain.hops": a list of field names,
// each with an element index when the field is repeated. Paths are values;
// extending one returns a new path and leaves the original unchanged.

#include <string>
#include <string_view>
#include <vector>

namespace chaintrace::sim {

struct PathSegment {
  std::string name;  // field name as in the .proto
  int index = -1;    // element of a repeated field; -1 for singular fields
};

class FieldPath {
 public:
  FieldPath() = default;

  // This path followed by singular field `name`.
  FieldPath Field(std::string_view name) const;
  // This path followed by element `index` of repeated field `name`.
  FieldPath Element(std::string_view name, int index) const;

  const std::vector<PathSegment>& segments() const { return segments_; }
  bool empty() const { return segments_.empty(); }

  // "a[1].b.c"; "" for the empty path.
  std::string ToString() const;

 private:
  std::vector<PathSegment> segments_;
};

}  // namespace chaintrace::sim

#endif  // CHAINTRACE_SIM_SCENARIO_FIELD_PATH_H_
