#include "sim/scenario/field_path.h"

namespace chaintrace::sim {

FieldPath FieldPath::Field(std::string_view name) const {
  FieldPath out = *this;
  out.segments_.push_back({std::string(name), -1});
  return out;
}

FieldPath FieldPath::Element(std::string_view name, int index) const {
  FieldPath out = *this;
  out.segments_.push_back({std::string(name), index});
  return out;
}

std::string FieldPath::ToString() const {
  std::string out;
  for (const PathSegment& s : segments_) {
    if (!out.empty()) out += '.';
    out += s.name;
    if (s.index >= 0) out += "[" + std::to_string(s.index) + "]";
  }
  return out;
}

}  // namespace chaintrace::sim
