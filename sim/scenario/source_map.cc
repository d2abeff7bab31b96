#include "sim/scenario/source_map.h"

#include <google/protobuf/descriptor.h>

namespace chaintrace::sim {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Reflection;

// The index ParseInfoTree expects for `field`: the element for repeated
// fields, -1 for singular ones. nullopt when a repeated field has no index
// (the path names the whole list).
std::optional<int> TreeIndex(const FieldDescriptor* field, int index) {
  if (!field->is_repeated()) return -1;
  if (index < 0) return std::nullopt;
  return index;
}

}  // namespace

int SourceMap::AddFile(std::string path,
                       std::unique_ptr<ParseInfoTree> locations) {
  files_.push_back(File{std::move(path), std::move(locations)});
  return static_cast<int>(files_.size()) - 1;
}

void SourceMap::Merge(int file_id, const scenario::Scenario& part,
                      scenario::Scenario* merged) {
  const Reflection* reflection = part.GetReflection();
  std::vector<const FieldDescriptor*> fields;
  reflection->ListFields(part, &fields);
  scenario::Scenario contribution = part;
  contribution.clear_include();
  for (const FieldDescriptor* field : fields) {
    if (field->number() == scenario::Scenario::kIncludeFieldNumber) continue;
    if (field->is_repeated()) {
      std::vector<Origin>& origins = repeated_[field->number()];
      const int n = reflection->FieldSize(part, field);
      for (int i = 0; i < n; ++i) origins.push_back(Origin{file_id, i});
    } else {
      singular_[field->number()] = Origin{file_id, -1};
      merged->GetReflection()->ClearField(merged, field);
    }
  }
  // With the replaced singular fields cleared, MergeFrom appends repeated
  // fields and copies singular ones.
  merged->MergeFrom(contribution);
}

Diagnostic SourceMap::Locate(const FieldPath& path, std::string message) const {
  const std::string root = files_.empty() ? "" : files_.front().path;
  Diagnostic unknown{root, 0, 0, path.ToString(), message};
  if (path.empty()) return unknown;
  const PathSegment& first = path.segments().front();
  const FieldDescriptor* field =
      scenario::Scenario::descriptor()->FindFieldByName(first.name);
  if (field == nullptr) return unknown;
  Origin origin;
  if (field->is_repeated()) {
    const auto it = repeated_.find(field->number());
    if (it == repeated_.end() || first.index < 0 ||
        first.index >= static_cast<int>(it->second.size())) {
      return unknown;
    }
    origin = it->second[static_cast<std::size_t>(first.index)];
  } else {
    const auto it = singular_.find(field->number());
    if (it == singular_.end()) return unknown;
    origin = it->second;
  }
  return Walk(origin.file, path, origin.index, std::move(message));
}

Diagnostic SourceMap::LocateInFile(int file_id, const FieldPath& path,
                                   std::string message) const {
  const int first_index = path.empty() ? -1 : path.segments().front().index;
  return Walk(file_id, path, first_index, std::move(message));
}

Diagnostic SourceMap::Walk(int file_id, const FieldPath& path, int first_index,
                           std::string message) const {
  Diagnostic out{"", 0, 0, path.ToString(), std::move(message)};
  if (file_id < 0 || file_id >= static_cast<int>(files_.size())) return out;
  const File& file = files_[static_cast<std::size_t>(file_id)];
  out.file = file.path;
  const ParseInfoTree* tree = file.locations.get();
  const Descriptor* type = scenario::Scenario::descriptor();
  bool first = true;
  for (const PathSegment& segment : path.segments()) {
    if (tree == nullptr || type == nullptr) break;
    const FieldDescriptor* field = type->FindFieldByName(segment.name);
    if (field == nullptr) break;
    const std::optional<int> index =
        TreeIndex(field, first ? first_index : segment.index);
    first = false;
    if (!index) break;
    const auto location = tree->GetLocation(field, *index);
    if (location.line < 0) break;
    out.line = location.line + 1;
    out.column = location.column >= 0 ? location.column + 1 : 0;
    if (field->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE) break;
    tree = tree->GetTreeForNested(field, *index);
    type = field->message_type();
  }
  return out;
}

std::string SourceMap::Position(const FieldPath& path) const {
  const Diagnostic d = Locate(path, "");
  std::string out = d.file;
  if (d.line > 0) {
    out += ":" + std::to_string(d.line);
    if (d.column > 0) out += ":" + std::to_string(d.column);
  }
  return out;
}

}  // namespace chaintrace::sim
